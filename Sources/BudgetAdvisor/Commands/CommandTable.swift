/// The one table of commands. The REPL, scripts, `budget-advisor SUBCOMMAND`, completion and `help` all read it.
public struct CommandTable: Sendable {
    /// The commands in the order `help` lists them.
    public var commands: [CommandSpec]

    /// Every command of budget-advisor.
    public static let standard: CommandTable = CommandTable(commands: [
        SessionCommands.help,
        SessionCommands.load,
        ModelCommands.generate,
        ModelCommands.train,
        ModelCommands.report,
        ModelCommands.predict,
        ModelCommands.save,
        AdviceCommands.segments,
        AdviceCommands.budget,
        AdviceCommands.whatif,
        AdviceCommands.allocate,
        AdviceCommands.export,
        ChartCommands.plot,
        SessionCommands.quit,
    ])

    /// The command called `name` (or with that alias).
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every command word and alias.
    public var names: [String] { commands.flatMap { [$0.name] + $0.aliases } }

    /// "unknown command 'x'" with the nearest command suggested.
    public func unknownCommandMessage(_ name: String) -> String {
        if let nearest = EditDistance.nearest(to: name, in: commands.map(\.name)) {
            return "unknown command '\(name)'; did you mean '\(nearest)'? ('help' lists the commands)"
        }
        return "unknown command '\(name)'; 'help' lists the commands"
    }

    /// The command list for `help`.
    public func overview() -> String {
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        var out = "Commands (help COMMAND for details; options are key=value):\n"
        for spec in commands {
            out += "  " + spec.name + String(repeating: " ", count: width - spec.name.count) + spec.summary + "\n"
        }
        out += "Amounts may be written 150000, 1.5e5, 150k or 150,000.\n"
        return out
    }
}
