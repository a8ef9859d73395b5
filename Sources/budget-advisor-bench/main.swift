import Foundation

// budget-advisor-bench [--quick] [--json FILE] [--csv FILE] [--export-allocation FILE] [--only STAGES]
// Build with `swift build -c release`: debug timings mean nothing.
let code = Benchmarks.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
