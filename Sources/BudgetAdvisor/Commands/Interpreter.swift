/// Runs command lines against one session: the heart of the REPL and of scripts. It never throws and never
/// exits: every mistake becomes a message, and the session survives it.
public struct Interpreter: Sendable {
    /// What one line produced.
    public struct Outcome: Sendable, Equatable {
        /// Text for standard output.
        public var output: String = ""
        /// The error message, if the command failed.
        public var error: String?
        /// Exit code a script should end with if this line failed (64 usage, 1 failure).
        public var exitCode: Int32 = 0
        /// The user asked to leave and nothing would be lost.
        public var quit = false
    }

    /// The commands.
    public let table: CommandTable
    /// The state the commands work on.
    public var session: Session
    private var quitWarned = false

    /// An interpreter over `session` with the standard commands.
    public init(session: Session = Session(), table: CommandTable = .standard) {
        self.session = session
        self.table = table
    }

    /// Runs one line (blank lines and `# comments` do nothing).
    public mutating func execute(_ line: String) -> Outcome {
        let words: [Tokenizer.Word]
        do { words = try Tokenizer.words(line) } catch let error as Tokenizer.SyntaxError {
            return Outcome(error: error.message, exitCode: 64)
        } catch {
            return Outcome(error: error.localizedDescription, exitCode: 64)
        }
        guard let name = words.first?.text else { return Outcome() }
        return execute(name: name, tokens: Array(words.dropFirst()))
    }

    /// Runs the command `name` with the argument words `words` (as split by a shell: a word with `=` may be
    /// `key=value`).
    public mutating func execute(name: String, words: [String]) -> Outcome {
        execute(name: name, tokens: words.map { Tokenizer.Word($0) })
    }

    /// Runs the command `name` with the argument words `tokens` as the `Tokenizer` split them.
    mutating func execute(name: String, tokens: [Tokenizer.Word]) -> Outcome {
        guard let spec = table.command(named: name) else {
            if let equals = name.firstIndex(of: "="), let spec = table.command(named: String(name[..<equals])) {
                let value = name[name.index(after: equals)...]
                return Outcome(error: "'\(name)': put a space after the command: \(spec.name) \(value)", exitCode: 64)
            }
            return Outcome(error: table.unknownCommandMessage(name), exitCode: 64)
        }
        if spec.name != "quit" { quitWarned = false }
        do {
            let arguments = try CommandArguments(parsing: tokens, for: spec)
            if spec.name == "quit" { return quitOutcome(force: arguments.flag("force")) }
            let output = try spec.action(&session, arguments)
            return Outcome(output: output)
        } catch let error as CommandError {
            return Outcome(error: error.localizedDescription, exitCode: error.exitCode)
        } catch {
            return Outcome(error: error.localizedDescription, exitCode: 1)
        }
    }

    /// What is unsaved, in words, or nil.
    public var unsavedWork: String? {
        var items: [String] = []
        if session.modelUnsaved { items.append("the model ('save model.json')") }
        if session.scenarioUnsaved { items.append("the scenario ('save scenario FILE')") }
        if session.planUnsaved { items.append("the allocation plan ('export plan.csv')") }
        return items.isEmpty ? nil : items.joined(separator: " and ")
    }

    private mutating func quitOutcome(force: Bool) -> Outcome {
        if !force, !quitWarned, let unsaved = unsavedWork {
            quitWarned = true
            return Outcome(output: "Not saved: \(unsaved). Type quit again to leave anyway.\n")
        }
        return Outcome(quit: true)
    }
}
