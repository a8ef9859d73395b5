import Foundation

/// Tab completion at the prompt, computed from the command table and the session: command names, option
/// keys (`learning-rate=`), segment and feature names, choice values and file paths. Pure apart from
/// listing directories, so tests call it directly; the terminal front end only hands its answer to readline.
public struct Completer: Sendable {
    /// The characters that end a word being completed (readline's word-break characters must be the same).
    public static let wordBreakCharacters = " \t="

    /// The candidates for one press of Tab.
    public struct Completion: Sendable, Equatable {
        /// The text being completed, as typed: from the last unquoted word-break character before the cursor
        /// (or from just after an open quote) to the cursor. readline's completion text is the same.
        public var word: String
        /// Replacements for `word`, unquoted (what the Tokenizer should read), sorted, without duplicates.
        public var candidates: [String]
        /// Whether the candidates are file paths (readline then shows only their last component, and quotes
        /// them with `Completer.quote`).
        public var isFilename: Bool
        /// The quote open before `word` (`"my ch` completes inside the quote), if any.
        public var quote: Character?

        public init(word: String, candidates: [String], isFilename: Bool = false, quote: Character? = nil) {
            self.word = word
            self.candidates = candidates
            self.isFilename = isFilename
            self.quote = quote
        }

        /// Whether a space should follow a sole candidate (not after `key=` or a directory's `/`).
        public var appendsSpace: Bool {
            guard candidates.count == 1, let only = candidates.first else { return false }
            return !only.hasSuffix("=") && !only.hasSuffix("/")
        }

        /// What one press of Tab puts in place of `word` and of the quote open before it, as readline does
        /// with the quoting functions the terminal front end gives it: the candidates' common start (file
        /// names quoted by `Completer.quote`), and after a sole candidate the closing quote and a space (no
        /// space after `key=` or `dir/`). Nil when there are no candidates.
        public var replacement: String? {
            guard let first = candidates.first else { return nil }
            let common = candidates.dropFirst().reduce(first) { String(zip($0, $1).prefix { $0 == $1 }.map(\.0)) }
            let sole = candidates.count == 1
            var text: String
            if isFilename {
                text = Completer.quote(common, openQuote: quote, isComplete: sole).text
            } else {
                let open = quote.map(String.init) ?? ""
                text = open + common + (sole ? open : "")
            }
            if appendsSpace { text += " " }
            return text
        }
    }

    /// The commands.
    public var table: CommandTable
    /// The session (its scenario's segments, its model's features, its working directory).
    public var session: Session

    public init(table: CommandTable = .standard, session: Session) {
        self.table = table
        self.session = session
    }

    /// The completion of `line` with the cursor after `cursor` characters.
    public func complete(_ line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(max(0, cursor)))
        let bounds = Self.wordBounds(before)
        let utf8 = Array(before.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self) }
        // Candidates are found for the whole (unquoted) argument, `dir/my chart` for `dir/"my ch`; readline
        // replaces only the text after the open quote, so what lies before it is taken off the candidates.
        let argument = Self.unquote(text(bounds.argumentStart..<utf8.count))
        let outsideQuote = Self.unquote(text(bounds.argumentStart..<bounds.wordStart))
        var completion = complete(head: text(0..<bounds.argumentStart), word: argument)
        completion.word = text(bounds.wordStart..<utf8.count)
        completion.quote = bounds.openQuote
        completion.candidates = completion.candidates.compactMap {
            $0.hasPrefix(outsideQuote) ? String($0.dropFirst(outsideQuote.count)) : nil
        }
        return completion
    }

    /// The completion of `word` (unquoted) after `head`, the line up to the word.
    private func complete(head: String, word: String) -> Completion {
        // The words before the one being completed, as the Tokenizer splits them.
        let words = (try? Tokenizer.words(head))
            ?? head.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { Tokenizer.Word(String($0)) }
        let fields = words.map(\.text)
        if fields.isEmpty {
            return Completion(word: word, candidates: Self.matching(table.names, word))
        }
        guard let name = fields.first, let spec = table.command(named: name) else {
            return Completion(word: word, candidates: [])
        }
        // `key=value` being typed: the word is the value, the key is the text before the last `=`.
        if let last = head.last, last == "=" {
            let keyWord = head.dropLast()
            let keyStart = keyWord.lastIndex { $0 == " " || $0 == "\t" }.map { keyWord.index(after: $0) } ?? keyWord.startIndex
            var key = String(keyWord[keyStart...])
            if key.hasPrefix("--") { key.removeFirst(2) }
            guard !key.contains("="), let option = spec.option(key) else { return Completion(word: word, candidates: []) }
            return values(option.completion, word: word, asKeys: false)
        }
        if name == "help" || name == "?" {
            return Completion(word: word, candidates: Self.matching(table.commands.map(\.name), word))
        }
        // Options given so far (and flags, which are bare words); a quoted `"a=b.csv"` is a file, not key `a`.
        let given = Set(words.dropFirst().compactMap { word -> String? in
            guard word.splitsAtEquals, let equals = word.text.firstIndex(of: "=") else { return word.text }
            return String(word.text[..<equals])
        })
        if word.hasPrefix("--") {
            let keys = spec.options.filter { !given.contains($0.key) }.map { "--" + $0.key }
            return Completion(word: word, candidates: Self.matching(keys, word))
        }
        var candidates: [String] = []
        // Action words first (`segments add|set|remove`), from a synopsis like "[list | add NAME | ...]".
        let positionalsGiven = words.dropFirst().filter { !$0.splitsAtEquals }.count
        var actions = Self.actionWords(spec.synopsis)
        if case .file = spec.positionalCompletion { actions = [] }  // `load sc` means scenarios/, not `scenario`
        if positionalsGiven == 0, !actions.isEmpty {
            candidates += Self.matching(actions, word)
        }
        candidates += spec.options.filter { !given.contains($0.key) }.map { $0.isFlag ? $0.key : $0.key + "=" }
        candidates = Self.matching(candidates, word)
        let synopsis = spec.synopsis.uppercased()
        var isFilename = false
        let positional: OptionSpec.Completion = positionalsGiven == 0
            ? (actions.isEmpty ? spec.positionalCompletion : .none)
            : spec.laterPositionalCompletion ?? spec.positionalCompletion
        switch positional {
        case .segment:
            candidates += values(.segment, word: word, asKeys: synopsis.contains("SEGMENT=")).candidates
        case .feature:
            candidates += values(.feature, word: word, asKeys: synopsis.contains("FEATURE=")).candidates
        case .file:
            let files = values(.file, word: word, asKeys: false)
            candidates += files.candidates
            isFilename = !files.candidates.isEmpty
        case .choice, .none:
            candidates += values(positional, word: word, asKeys: false).candidates
        }
        if spec.acceptsAnyKey, synopsis.contains("FEATURE="), !isFeature(spec.positionalCompletion) {
            let spend = session.model.map { $0.spendFeature + "=" }
            candidates += values(.feature, word: word, asKeys: true).candidates.filter { $0 != spend }
        }
        candidates.removeAll { $0.hasSuffix("=") && given.contains(String($0.dropLast())) }
        return Completion(word: word, candidates: Self.unique(candidates), isFilename: isFilename)
    }

    /// The completions of `line` with the cursor after `cursor` characters (just the candidates).
    public func candidates(_ line: String, cursor: Int) -> [String] { complete(line, cursor: cursor).candidates }

    /// Files and directories whose path starts with `prefix` (relative to the session's working directory,
    /// `~/` expanded); directories end with `/`, hidden files show only when `prefix`'s last part starts with `.`.
    public func files(matching prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directoryPart = slash.map { String(prefix[...$0]) } ?? ""
        let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let directory = directoryPart.isEmpty ? session.workingDirectory : session.resolve(directoryPart)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [String] = []
        for name in names where name.hasPrefix(namePart) && (namePart.hasPrefix(".") || !name.hasPrefix(".")) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            out.append(directoryPart + name + (isDirectory.boolValue ? "/" : ""))
        }
        return out.sorted()
    }

    // MARK: - Parts

    private func values(_ completion: OptionSpec.Completion, word: String, asKeys: Bool) -> Completion {
        let suffix = asKeys ? "=" : ""
        switch completion {
        case .none:
            return Completion(word: word, candidates: [])
        case .file:
            return Completion(word: word, candidates: files(matching: word), isFilename: true)
        case .segment:
            let names = session.scenario?.segments.map(\.name) ?? []
            return Completion(word: word, candidates: Self.matching(names.map { $0 + suffix }, word))
        case .feature:
            let names = session.model?.featureNames ?? []
            return Completion(word: word, candidates: Self.matching(names.map { $0 + suffix }, word))
        case let .choice(choices):
            return Completion(word: word, candidates: Self.matching(choices, word))
        }
    }

    private func isFeature(_ completion: OptionSpec.Completion) -> Bool {
        if case .feature = completion { return true }
        return false
    }

    /// The lowercase words starting the alternatives of a synopsis's leading `[a | b NAME | ...]` group, when
    /// they are plain words (not `key=value`, not placeholders); empty otherwise.
    static func actionWords(_ synopsis: String) -> [String] {
        guard synopsis.hasPrefix("["), let close = synopsis.firstIndex(of: "]") else { return [] }
        let group = synopsis[synopsis.index(after: synopsis.startIndex)..<close]
        let alternatives = group.split(separator: "|").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        guard alternatives.count > 1, alternatives.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0 == "-" } })
        else { return [] }
        return alternatives
    }

    private static func matching(_ words: [String], _ prefix: String) -> [String] {
        unique(words.filter { $0.hasPrefix(prefix) })
    }

    private static func unique(_ words: [String]) -> [String] {
        Array(Set(words)).sorted()
    }
}

extension Interpreter {
    /// The Tab completions of `line` with the cursor after `cursor` characters, for this session.
    public func completions(for line: String, cursor: Int) -> [String] {
        Completer(table: table, session: session).candidates(line, cursor: cursor)
    }
}
