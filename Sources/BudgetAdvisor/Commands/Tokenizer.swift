/// Splits a command line into words the way a shell would for simple cases: spaces separate, "double" or
/// 'single' quotes group, a backslash escapes the next character, `#` outside quotes starts a comment.
/// A word is read as `key=value` only when its first `=` was typed bare: `data="my file.csv"` is an option,
/// `"a=b.csv"`, `'x=1.csv'` and `a\=b.csv` are file names.
public enum Tokenizer {
    /// A line that cannot be split: an open quote, or a backslash with nothing after it.
    public struct SyntaxError: Error, Equatable {
        /// What is wrong and how to fix it.
        public var message: String
    }

    /// One word of a line, with what its quoting says about it.
    public struct Word: Sendable, Equatable {
        /// The word as the command reads it (quotes and escaping backslashes removed).
        public var text: String
        /// Whether the first `=` of `text` was typed bare (not inside quotes, not after a backslash), so the
        /// word may be read as `key=value`; false when `text` has no `=`.
        public var splitsAtEquals: Bool

        /// A word; by default one typed without quotes (as a shell hands over its arguments).
        public init(_ text: String, splitsAtEquals: Bool? = nil) {
            self.text = text
            self.splitsAtEquals = splitsAtEquals ?? text.contains("=")
        }
    }

    /// The words of `line`.
    /// - Throws: `SyntaxError` when a quote is left open or the line ends in a lone backslash.
    public static func split(_ line: String) throws -> [String] {
        try words(line).map(\.text)
    }

    /// The words of `line`, each with whether its first `=` was typed bare.
    /// - Throws: `SyntaxError` when a quote is left open or the line ends in a lone backslash.
    public static func words(_ line: String) throws -> [Word] {
        var words: [Word] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        var firstEqualsIsBare: Bool?
        func append(_ character: Character, bare: Bool) {
            if character == "=", firstEqualsIsBare == nil { firstEqualsIsBare = bare }
            current.append(character)
        }
        func endWord() {
            words.append(Word(current, splitsAtEquals: firstEqualsIsBare ?? false))
            current = ""
            inWord = false
            firstEqualsIsBare = nil
        }
        for character in line {
            if escaped { append(character, bare: false); escaped = false; inWord = true; continue }
            if let open = quote {
                if character == open { quote = nil } else if character == "\\" && open == "\"" { escaped = true } else { append(character, bare: false) }
                continue
            }
            switch character {
            case "\\": escaped = true; inWord = true
            case "\"", "'": quote = character; inWord = true
            case "#" where !inWord: return words
            case " ", "\t":
                if inWord { endWord() }
            default: append(character, bare: true); inWord = true
            }
        }
        guard quote == nil else { throw SyntaxError(message: "a quote is left open; close it or escape it with \\") }
        guard !escaped else { throw SyntaxError(message: "a backslash at the end of the line escapes nothing; remove it") }
        if inWord { endWord() }
        return words
    }

    /// The characters that make a word need quoting or escaping to survive `split` as one word.
    public static let specialCharacters = " \t\"'\\#"

    /// Quotes `word` if it needs quoting to survive `split` (for echoing commands back).
    public static func quoteIfNeeded(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { specialCharacters.contains($0) }) else { return word }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
