/// Quoting at the prompt while a line is still being typed: a quote may be open, a backslash may end it.
/// The rules are the `Tokenizer`'s (quotes group, a backslash escapes the next character except inside
/// single quotes), and the word Tab replaces is found the way readline finds it once the terminal front end
/// hands it `quoteCharacters` (`rl_completer_quote_characters`), `isQuoted` (`rl_char_is_quoted_p`),
/// `quote` and `unquote` (the filename quoting functions): after an open quote, else after the last
/// unquoted space, tab or `=`. So a completed name is written back in a form `Tokenizer.split` reads as one
/// word, spaces and quotes included.
extension Completer {
    /// The characters that open a quoted part of a word.
    public static let quoteCharacters = "\"'"

    /// The characters that make a completed file name need quoting (readline's
    /// `rl_filename_quote_characters`): the Tokenizer's, and `=`, so that `a=b.csv` is not read as `key=value`.
    public static let filenameQuoteCharacters = Tokenizer.specialCharacters + "="

    /// Where the shell word under the cursor starts, where the text Tab replaces starts (after an open
    /// quote, else the same), and the open quote. Offsets are in UTF-8 bytes of `before`, the line up to
    /// the cursor.
    struct WordBounds: Equatable {
        var argumentStart: Int
        var wordStart: Int
        var openQuote: Character?
    }

    static func wordBounds(_ before: String) -> WordBounds {
        let bytes = Array(before.utf8)
        var scan = QuoteScan()
        var lastBreak: Int?
        var quoteEnd = 0
        for (offset, byte) in bytes.enumerated() {
            switch scan.step(byte) {
            case .plain where wordBreakCharacters.utf8.contains(byte): lastBreak = offset
            case .opensQuote: quoteEnd = offset + 1
            default: break
            }
        }
        let argumentStart = lastBreak.map { $0 + 1 } ?? 0
        guard let quote = scan.quote else { return WordBounds(argumentStart: argumentStart, wordStart: argumentStart, openQuote: nil) }
        return WordBounds(argumentStart: argumentStart, wordStart: quoteEnd, openQuote: Character(Unicode.Scalar(quote)))
    }

    /// Whether the byte at `offset` of `line` (UTF-8) is quoted: inside quotes or escaped by a backslash.
    public static func isQuoted(_ line: some Collection<UInt8>, at offset: Int) -> Bool {
        var scan = QuoteScan()
        for byte in line.prefix(offset) { _ = scan.step(byte) }
        return scan.escaping || scan.quote != nil
    }

    /// `text` as the Tokenizer reads it, if the word ended here: quotes and escaping backslashes removed, an
    /// open quote or a final backslash dropped.
    /// - Parameter openQuote: a quote already open before `text` (readline's text starts after it).
    public static func unquote(_ text: String, openQuote: Character? = nil) -> String {
        var scan = QuoteScan(quote: openQuote?.asciiValue)
        var bytes: [UInt8] = []
        for byte in text.utf8 where scan.step(byte).isContent { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` (a completed file name, or the common start of several) written for the line so the Tokenizer
    /// reads it back unchanged: inside the quote the word was opened with (a name holding a `'` switches to
    /// double quotes, since single quotes cannot hold one), else with backslashes before spaces, quotes,
    /// backslashes, `#` and `=` (an escaped `=` keeps `a\=b.csv` a file name, not `key=value`).
    /// - Parameters:
    ///   - openQuote: the quote open before the word, if any; the result then starts with it.
    ///   - isComplete: whether `text` is the only candidate: the quote is then closed, unless `text` is a
    ///     directory (ends with `/`) and typing goes on inside it.
    /// - Returns: the text, and the quote it is written in (nil for backslashes).
    public static func quote(_ text: String, openQuote: Character?, isComplete: Bool) -> (text: String, quote: Character?) {
        let closes = isComplete && !text.hasSuffix("/")
        switch openQuote {
        case "'" where !text.contains("'"):
            return ("'" + text + (closes ? "'" : ""), "'")
        case "'", "\"":
            var out = "\""
            for character in text {
                if character == "\"" || character == "\\" { out.append("\\") }
                out.append(character)
            }
            return (out + (closes ? "\"" : ""), "\"")
        default:
            var out = ""
            for character in text {
                if filenameQuoteCharacters.contains(character) { out.append("\\") }
                out.append(character)
            }
            return (out, nil)
        }
    }

    /// The Tokenizer's quoting state machine, one UTF-8 byte at a time (quotes and backslashes are ASCII, so
    /// bytes of other characters never look like them).
    struct QuoteScan {
        enum Role { case plain, quotedOrEscaped, opensQuote, closesQuote, escape
            /// Whether the byte is part of the word's text (not quoting syntax).
            var isContent: Bool { self == .plain || self == .quotedOrEscaped }
        }

        /// The open quote (`"` or `'`), if any.
        var quote: UInt8?
        /// Whether the previous byte was an escaping backslash.
        var escaping = false

        init(quote: UInt8? = nil) { self.quote = quote }

        /// Advances over `byte` and says what it is.
        mutating func step(_ byte: UInt8) -> Role {
            if escaping { escaping = false; return .quotedOrEscaped }
            if let open = quote {
                if byte == open { quote = nil; return .closesQuote }
                if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") { escaping = true; return .escape }
                return .quotedOrEscaped
            }
            if byte == UInt8(ascii: "\\") { escaping = true; return .escape }
            if Completer.quoteCharacters.utf8.contains(byte) { quote = byte; return .opensQuote }
            return .plain
        }
    }
}
