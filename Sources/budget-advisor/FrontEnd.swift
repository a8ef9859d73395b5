import BudgetAdvisor
import Foundation

/// Parses the process arguments and dispatches: a subcommand, `--help`, `--version`, or the REPL.
enum FrontEnd {
    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else { return ReplFrontEnd.run([]) }
        switch first {
        case "-h", "--help":
            print(usage)
            return 0
        case "--version", "-V":
            print("budget-advisor \(BudgetAdvisor.version)")
            return 0
        case "repl":
            return ReplFrontEnd.run(Array(arguments.dropFirst()))
        case _ where first.hasPrefix("-"):
            return ReplFrontEnd.run(arguments)
        default:
            var interpreter = Interpreter()
            interpreter.session.progress = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            if let spec = CommandTable.standard.command(named: first), spec.replOnly {
                FileHandle.standardError.write(Data("budget-advisor: '\(first)' is for the interactive session; run budget-advisor without arguments\n".utf8))
                return 64
            }
            let outcome = interpreter.execute(name: first, words: Array(arguments.dropFirst()))
            FileHandle.standardOutput.write(Data(outcome.output.utf8))
            if let error = outcome.error {
                FileHandle.standardError.write(Data("budget-advisor: error: \(error)\n".utf8))
                return outcome.exitCode
            }
            return 0
        }
    }

    static var usage: String {
        """
        budget-advisor \(BudgetAdvisor.version): learn which customers convert, then split an ad budget across segments.

        usage: budget-advisor                      open the interactive session (default model and scenario)
               budget-advisor repl [--model M] [--scenario S] [--script FILE] [--keep-going]
               budget-advisor COMMAND [--key value ...]
               budget-advisor help COMMAND

        """ + CommandTable.standard.overview()
    }
}
