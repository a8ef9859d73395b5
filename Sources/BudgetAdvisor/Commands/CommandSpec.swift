/// One option of a command: `key=value` at the REPL, `--key value` on the command line.
public struct OptionSpec: Sendable {
    /// What a value completes to at the prompt.
    public enum Completion: Sendable {
        case none, file, segment, feature, choice([String])
    }

    /// The key, as typed (`rows`, `learning-rate`).
    public var key: String
    /// A placeholder for the value in usage text (`N`, `FILE`); empty for a flag.
    public var valueName: String
    /// One line of help.
    public var help: String
    /// Completion of the value.
    public var completion: Completion

    /// An option taking a value.
    public init(_ key: String, _ valueName: String, _ help: String, completion: Completion = .none) {
        self.key = key
        self.valueName = valueName
        self.help = help
        self.completion = completion
    }

    /// A flag (no value).
    public static func flag(_ key: String, _ help: String) -> OptionSpec { OptionSpec(key, "", help) }

    /// Whether the option is a flag.
    public var isFlag: Bool { valueName.isEmpty }
}

/// A command: its name, help, options and action. One table of these serves the REPL, scripts, the
/// `budget-advisor SUBCOMMAND` command line and `help`.
public struct CommandSpec: Sendable {
    /// The action: reads arguments, changes the session, returns the text to print.
    public typealias Action = @Sendable (inout Session, CommandArguments) throws -> String

    /// The command word.
    public var name: String
    /// Other words for it (`exit` for `quit`).
    public var aliases: [String]
    /// One line for the command list.
    public var summary: String
    /// The synopsis after the name (`[FILE]`, `target=K`).
    public var synopsis: String
    /// Longer help: what it does, with examples.
    public var details: String
    /// Known option keys.
    public var options: [OptionSpec]
    /// Whether keys other than `options` are accepted (e.g. feature names for `predict`).
    public var acceptsAnyKey: Bool
    /// What positional arguments complete to.
    public var positionalCompletion: OptionSpec.Completion
    /// What positional arguments after the first complete to (`plot KIND FILE`); nil: `positionalCompletion`.
    public var laterPositionalCompletion: OptionSpec.Completion?
    /// Whether the command exists only at the prompt (not as a subcommand).
    public var replOnly: Bool
    /// The work.
    public var action: Action

    public init(name: String, aliases: [String] = [], summary: String, synopsis: String = "", details: String = "",
                options: [OptionSpec] = [], acceptsAnyKey: Bool = false,
                positionalCompletion: OptionSpec.Completion = .none, laterPositionalCompletion: OptionSpec.Completion? = nil,
                replOnly: Bool = false, action: @escaping Action) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.synopsis = synopsis
        self.details = details
        self.options = options
        self.acceptsAnyKey = acceptsAnyKey
        self.positionalCompletion = positionalCompletion
        self.laterPositionalCompletion = laterPositionalCompletion
        self.replOnly = replOnly
        self.action = action
    }

    /// The option spec for `key`, if any.
    public func option(_ key: String) -> OptionSpec? { options.first { $0.key == key } }

    /// Help text: usage line, details, options.
    public func help(commandLine: Bool = false) -> String {
        var out = "usage: \(name)\(synopsis.isEmpty ? "" : " " + synopsis)"
        if !options.isEmpty { out += " [key=value ...]" }
        out += "\n\n\(summary)\n"
        if !details.isEmpty { out += "\n" + details + (details.hasSuffix("\n") ? "" : "\n") }
        if !options.isEmpty {
            out += "\nOptions (key=value at the prompt, --key value on the command line):\n"
            let labels = options.map { $0.isFlag ? $0.key : "\($0.key)=\($0.valueName)" }
            let width = min(28, (labels.map(\.count).max() ?? 0) + 2)
            for (label, option) in zip(labels, options) {
                let padding = String(repeating: " ", count: max(1, width - label.count))
                out += "  \(label)\(padding)\(option.help)\n"
            }
        }
        if !aliases.isEmpty { out += "\nAlso: \(aliases.joined(separator: ", "))\n" }
        return out
    }
}
