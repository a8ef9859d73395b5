/// The arguments of one command after parsing: positional words and `key=value` options.
public struct CommandArguments: Sendable, Equatable {
    /// Words that are not options, in order.
    public var positionals: [String]
    /// Options by key, in the order given (a repeated key keeps the last value).
    public var options: [(key: String, value: String)]

    public static func == (lhs: CommandArguments, rhs: CommandArguments) -> Bool {
        lhs.positionals == rhs.positionals && lhs.options.map(\.key) == rhs.options.map(\.key)
            && lhs.options.map(\.value) == rhs.options.map(\.value)
    }

    public init(positionals: [String] = [], options: [(key: String, value: String)] = []) {
        self.positionals = positionals
        self.options = options
    }

    /// Parses words for `spec`: `key=value`, `--key=value`, `--key value`, `--flag`, or positional. The words
    /// are taken as typed without quotes, as a shell hands them over.
    /// - Throws: `CommandError.usage` for an unknown key (with a suggestion) or a missing value.
    public init(parsing words: [String], for spec: CommandSpec) throws {
        try self.init(parsing: words.map { Tokenizer.Word($0) }, for: spec)
    }

    /// Parses words from the `Tokenizer` for `spec`. A word whose first `=` was quoted or escaped
    /// (`"a=b.csv"`, `a\=b.csv`) is positional, never `key=value`; `--key=value` is an option however quoted.
    /// - Throws: `CommandError.usage` for an unknown key (with a suggestion) or a missing value.
    public init(parsing tokens: [Tokenizer.Word], for spec: CommandSpec) throws {
        let words = tokens.map(\.text)
        var positionals: [String] = []
        var options: [(key: String, value: String)] = []
        var index = 0
        func check(_ key: String) throws {
            guard spec.option(key) != nil || spec.acceptsAnyKey else {
                let hint = EditDistance.nearest(to: key, in: spec.options.map(\.key)).map { " (did you mean '\($0)'?)" } ?? ""
                let known = spec.options.isEmpty ? "it takes no options" : "its options are: " + spec.options.map(\.key).joined(separator: ", ")
                throw CommandError.usage("\(spec.name): unknown option '\(key)'\(hint); \(known)")
            }
        }
        while index < words.count {
            let word = words[index]
            index += 1
            if word.hasPrefix("--") && word.count > 2 {
                let body = String(word.dropFirst(2))
                if let equals = body.firstIndex(of: "=") {
                    let key = String(body[..<equals])
                    try check(key)
                    options.append((key, String(body[body.index(after: equals)...])))
                    continue
                }
                try check(body)
                if spec.option(body)?.isFlag == true {
                    options.append((body, "true"))
                } else {
                    guard index < words.count else { throw CommandError.usage("\(spec.name): --\(body) needs a value") }
                    options.append((body, words[index]))
                    index += 1
                }
                continue
            }
            if tokens[index - 1].splitsAtEquals, let equals = word.firstIndex(of: "="), equals != word.startIndex {
                let key = String(word[..<equals])
                if spec.option(key) != nil || spec.acceptsAnyKey || !key.contains("/") {
                    try check(key)
                    options.append((key, String(word[word.index(after: equals)...])))
                    continue
                }
            }
            if spec.option(word)?.isFlag == true {
                options.append((word, "true"))
                continue
            }
            positionals.append(word)
        }
        self.positionals = positionals
        self.options = options
    }

    /// The value of `key`, if given.
    public func string(_ key: String) -> String? { options.last { $0.key == key }?.value }

    /// Whether flag `key` is set.
    public func flag(_ key: String) -> Bool {
        guard let value = string(key) else { return false }
        return ["true", "yes", "1", "on", ""].contains(value.lowercased())
    }

    /// An amount (`150k`, `1.5e5`, `150,000`), if given.
    /// - Throws: `CommandError.usage` when the value is not a number.
    public func amount(_ key: String) throws -> Double? {
        guard let text = string(key) else { return nil }
        guard let value = AmountParser.parse(text) else {
            throw CommandError.usage("\(key)=\(text): not a number (write 150000, 1.5e5, 150k or 150,000)")
        }
        return value
    }

    /// A whole number, if given.
    /// - Throws: `CommandError.usage` when the value is not a whole number.
    public func integer(_ key: String) throws -> Int? {
        guard let value = try amount(key) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            throw CommandError.usage("\(key)=\(string(key)!): must be a whole number")
        }
        return Int(value)
    }

    /// A comma-separated list, if given.
    public func list(_ key: String) -> [String]? {
        string(key).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

import Foundation
