/// Splits a command line into words the way a shell would for simple cases: spaces separate, "double" or
/// 'single' quotes group, a backslash escapes the next character, `#` outside quotes starts a comment.
public enum Tokenizer {
    /// A line that cannot be split: an open quote, or a backslash with nothing after it.
    public struct SyntaxError: Error, Equatable {
        /// What is wrong and how to fix it.
        public var message: String
    }

    /// The words of `line`.
    /// - Throws: `SyntaxError` when a quote is left open or the line ends in a lone backslash.
    public static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false; inWord = true; continue }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { current.append(character) }
                continue
            }
            switch character {
            case "\\": escaped = true; inWord = true
            case "\"", "'": quote = character; inWord = true
            case "#" where !inWord: return finish(words, current, inWord)
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(character); inWord = true
            }
        }
        guard quote == nil else { throw SyntaxError(message: "a quote is left open; close it or escape it with \\") }
        guard !escaped else { throw SyntaxError(message: "a backslash at the end of the line escapes nothing; remove it") }
        return finish(words, current, inWord)
    }

    private static func finish(_ words: [String], _ current: String, _ inWord: Bool) -> [String] {
        inWord ? words + [current] : words
    }

    /// The characters that make a word need quoting or escaping to survive `split` as one word.
    public static let specialCharacters = " \t\"'\\#"

    /// Quotes `word` if it needs quoting to survive `split` (for echoing commands back).
    public static func quoteIfNeeded(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { specialCharacters.contains($0) }) else { return word }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
