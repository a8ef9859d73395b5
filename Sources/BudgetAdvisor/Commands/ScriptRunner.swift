/// Where the REPL and scripts get their lines: readline at a terminal, plain standard input otherwise, a
/// list of lines in tests.
public protocol LineReader {
    /// The next line without its newline, or nil at the end of input (Ctrl-D).
    /// - Parameter prompt: what to show first (readers of scripts show nothing).
    mutating func readLine(prompt: String) -> String?

    /// Called before each read with the interpreter as it now is (a completing reader keeps its session).
    mutating func willRead(_ interpreter: Interpreter)
}

extension LineReader {
    public mutating func willRead(_ interpreter: Interpreter) {}
}

/// A `LineReader` over lines given up front (tests, `-c`-style input).
public struct ScriptedLines: LineReader {
    /// The lines not read yet.
    public var remaining: [String]

    /// A reader returning `lines` in order, then nil.
    public init(_ lines: [String]) { remaining = lines }

    /// A reader over the lines of `text`.
    public init(text: String) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        remaining = lines
    }

    public mutating func readLine(prompt: String) -> String? {
        remaining.isEmpty ? nil : remaining.removeFirst()
    }
}

/// The read-execute-print loop, for the interactive session and for scripts alike: the output of every
/// command is the Interpreter's text, exactly; only how errors are reported and when the loop stops differ.
public struct ScriptRunner {
    /// How the lines are run.
    public enum Mode: Sendable, Equatable {
        /// At a terminal: show `prompt`, report errors as `error: MESSAGE`, never stop on an error; end of
        /// input (Ctrl-D) acts like `quit` (it warns once about unsaved work).
        case interactive(prompt: String)
        /// A script named `name` (`<stdin>` for standard input): the first failing line prints
        /// `NAME:LINE: MESSAGE` and ends the run with its exit code, unless `keepGoing`, in which case every
        /// failure is reported and the run ends with the first failure's exit code.
        case script(name: String, keepGoing: Bool)
    }

    /// The interpreter the lines run in (its session lives as long as the runner).
    public var interpreter: Interpreter
    /// Interactive or script.
    public var mode: Mode

    /// A runner of `mode` over `interpreter`.
    public init(interpreter: Interpreter, mode: Mode) {
        self.interpreter = interpreter
        self.mode = mode
    }

    /// Reads and runs lines until the end of input or `quit`.
    /// - Parameters:
    ///   - reader: where lines come from.
    ///   - output: command output (standard output).
    ///   - errors: error reports (standard error).
    /// - Returns: the exit code: 0, or the failing line's code (64 usage, 1 failure) for scripts.
    public mutating func run(reading reader: inout some LineReader, output: inout some TextOutputStream,
                             errors: inout some TextOutputStream) -> Int32 {
        var lineNumber = 0
        var firstFailure: Int32?
        let prompt: String
        switch mode {
        case let .interactive(text): prompt = text
        case .script: prompt = ""
        }
        while true {
            reader.willRead(interpreter)
            guard let line = reader.readLine(prompt: prompt) else {
                guard case .interactive = mode else { break }
                let outcome = interpreter.execute(name: "quit", words: [])
                if outcome.quit { break }
                output.write(outcome.output)
                continue
            }
            lineNumber += 1
            let outcome = interpreter.execute(line)
            output.write(outcome.output)
            if let message = outcome.error {
                switch mode {
                case .interactive:
                    errors.write("error: \(message)\n")
                case let .script(name, keepGoing):
                    errors.write("\(name):\(lineNumber): \(message)\n")
                    let code = outcome.exitCode == 0 ? 1 : outcome.exitCode
                    if !keepGoing { return code }
                    if firstFailure == nil { firstFailure = code }
                }
            }
            if outcome.quit { break }
        }
        return firstFailure ?? 0
    }
}
