import BudgetAdvisor
import Foundation

// The thin front end: a subcommand runs once; no arguments (or `repl`) opens the interactive session.
let arguments = Array(CommandLine.arguments.dropFirst())
let exitCode = FrontEnd.run(arguments)
exit(exitCode)
