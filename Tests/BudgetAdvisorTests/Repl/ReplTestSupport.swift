import Foundation
@testable import BudgetAdvisor

/// One text that command output, error reports and echoed input lines are appended to, in order.
final class Transcript: @unchecked Sendable {
    var text = ""
}

/// Appends to a `Transcript` (two of these over one transcript interleave output and errors).
struct TranscriptStream: TextOutputStream {
    let transcript: Transcript
    mutating func write(_ string: String) { transcript.text += string }
}

/// A scripted `LineReader` that echoes each line after the prompt, as a terminal would show it.
struct EchoingReader: LineReader {
    var lines: ScriptedLines
    let transcript: Transcript

    init(_ lines: [String], transcript: Transcript) {
        self.lines = ScriptedLines(lines)
        self.transcript = transcript
    }

    mutating func readLine(prompt: String) -> String? {
        guard let line = lines.readLine(prompt: prompt) else {
            if !prompt.isEmpty { transcript.text += prompt + "^D\n" }
            return nil
        }
        if !prompt.isEmpty { transcript.text += prompt + line + "\n" }
        return line
    }
}

enum ReplFixtures {
    /// A session with the embedded default scenario and a small hand-made model (no training: fast).
    static func session(workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> Session {
        var session = Session(workingDirectory: workingDirectory)
        session.scenario = try ScenarioFile.parse(DefaultScenario.json, file: "default.json")
        session.model = LogisticModel(featureNames: ["advertising_budget", "user_interest", "purchase_frequency"],
                                      spendFeature: "advertising_budget", intercept: -3,
                                      coefficients: [0.02, 2.5, 1.5])
        return session
    }

    /// Runs `lines` and returns the transcript and the exit code.
    static func run(_ lines: [String], mode: ScriptRunner.Mode,
                    interpreter: Interpreter = Interpreter()) -> (transcript: String, exitCode: Int32) {
        let transcript = Transcript()
        var reader = EchoingReader(lines, transcript: transcript)
        var output = TranscriptStream(transcript: transcript)
        var errors = TranscriptStream(transcript: transcript)
        var runner = ScriptRunner(interpreter: interpreter, mode: mode)
        let code = runner.run(reading: &reader, output: &output, errors: &errors)
        return (transcript.text, code)
    }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "budget-advisor-repl-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension Completer {
    /// The line after one press of Tab at its end: the word and its open quote give way to the replacement.
    func lineAfterTab(_ line: String) -> String? {
        let completion = complete(line, cursor: line.count)
        guard let replacement = completion.replacement else { return nil }
        let replaced = completion.word.utf8.count + (completion.quote == nil ? 0 : 1)
        return String(decoding: Array(line.utf8).dropLast(replaced), as: UTF8.self) + replacement
    }
}
