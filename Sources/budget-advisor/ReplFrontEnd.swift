import BudgetAdvisor
import Foundation

/// The interactive session (placeholder line reader until readline is wired).
enum ReplFrontEnd {
    static func run(_ arguments: [String]) -> Int32 {
        var interpreter = Interpreter()
        while let line = readLine() {
            let outcome = interpreter.execute(line)
            print(outcome.output, terminator: "")
            if let error = outcome.error { print("error: \(error)") }
            if outcome.quit { break }
        }
        return 0
    }
}
