import BudgetAdvisor
import Foundation

/// `budget-advisor [repl] [--model M] [--scenario S] [--script FILE] [--keep-going]`: the interactive
/// session at a terminal, a script otherwise. The loop itself is the library's `ScriptRunner`.
enum ReplFrontEnd {
    static let prompt = "budget> "

    static func run(_ arguments: [String]) -> Int32 {
        var model: String?, scenario: String?, script: String?, keepGoing = false
        var words = arguments[...]
        var errors = StandardStream.error
        while let word = words.popFirst() {
            var key = word, value: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                key = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            }
            switch key {
            case "-h", "--help":
                print(FrontEnd.usage)
                return 0
            case "--keep-going":
                keepGoing = true
            case "--model", "--scenario", "--script":
                guard let given = value ?? words.popFirst() else {
                    errors.write("budget-advisor: \(key) needs a value\n")
                    return 64
                }
                switch key {
                case "--model": model = given
                case "--scenario": scenario = given
                default: script = given
                }
            default:
                errors.write("budget-advisor repl: unknown argument '\(word)'; it takes --model M, --scenario S, --script FILE, --keep-going\n")
                return 64
            }
        }

        // The script is read first: a missing file is reported before any training.
        var scriptText: String?
        if let script, script != "-" {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                errors.write("budget-advisor: cannot read script '\(script)'\n")
                return 66
            }
            scriptText = text
        }
        let interactive = script == nil && standardInputIsTerminal()
        var output = StandardStream.output
        if interactive { output.write(Interpreter.banner) }
        var session = Session()
        session.progress = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let interpreter: Interpreter, notes: String
        do {
            (interpreter, notes) = try Interpreter.startSession(model: model, scenario: scenario, session: session)
        } catch let error as CommandError {
            errors.write("budget-advisor: error: \(error.localizedDescription)\n")
            return error.exitCode
        } catch {
            errors.write("budget-advisor: error: \(error.localizedDescription)\n")
            return 1
        }

        if interactive {
            output.write(notes + "\n")
            var reader = ReadlineReader(historyPath: ReplHistory.defaultPath(environment: ProcessInfo.processInfo.environment))
            var runner = ScriptRunner(interpreter: interpreter, mode: .interactive(prompt: prompt))
            let code = runner.run(reading: &reader, output: &output, errors: &errors)
            reader.saveHistory()
            return code
        }
        errors.write(notes)
        if let script, let text = scriptText {
            var reader = ScriptedLines(text: text)
            var runner = ScriptRunner(interpreter: interpreter, mode: .script(name: script, keepGoing: keepGoing))
            return runner.run(reading: &reader, output: &output, errors: &errors)
        }
        var reader = StandardInputReader()
        var runner = ScriptRunner(interpreter: interpreter, mode: .script(name: script ?? "<stdin>", keepGoing: keepGoing))
        return runner.run(reading: &reader, output: &output, errors: &errors)
    }
}
