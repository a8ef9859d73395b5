import Foundation
import Testing
@testable import BudgetAdvisor

/// The built executable at a real (pseudo-)terminal: prompt, Tab, Ctrl-C, history, Ctrl-D; and as a script
/// reader on a pipe. These run `budget-advisor` next to the test bundle (`swift build` makes it).
@Suite(.serialized) struct TerminalSessionTests {
    static var binary: String { BuiltExecutable.path }

    /// The environment of a user with an empty home.
    static func environment(home: String) -> [String: String] {
        ["HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "LANG": "C.UTF-8",
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    @Test func promptTabCtrlCHistoryAndCtrlD() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build the executable first (swift build): not found at \(Self.binary)")
        let home = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try PseudoTerminal(executable: Self.binary, environment: Self.environment(home: home), directory: home)

        // The banner and the prompt.
        var mark = try terminal.waitFor("budget> ", timeout: 90)
        #expect(terminal.output.contains("budget-advisor \(BudgetAdvisor.version)"))
        #expect(terminal.output.contains("whatif loyal=20k new=35%"))

        // Tab completes a command name: `allo` → `allocate`.
        let (prefix, command) = ("allo", "allocate")
        terminal.send(prefix + "\t")
        try terminal.waitFor(String(command.dropFirst(prefix.count)) + " ", from: mark)
        mark = terminal.mark
        terminal.send("\r")
        mark = try terminal.waitFor("budget> ", from: mark, timeout: 60)

        // Ctrl-C clears the half-typed line and keeps the session: the next command answers.
        terminal.send("trai")
        try terminal.waitFor("trai", from: mark)
        terminal.send("\u{03}")
        mark = try terminal.waitFor("budget> ", from: mark)
        terminal.drain(seconds: 0.2)
        terminal.send("help\r")
        mark = try terminal.waitFor("Commands (help COMMAND", from: mark)
        mark = try terminal.waitFor("budget> ", from: mark)
        #expect(!terminal.output.contains("unknown command"))

        // Ctrl-D with an unexported plan warns once; the second Ctrl-D leaves with status 0.
        terminal.send("\u{04}")
        mark = try terminal.waitFor("Type quit again", from: mark, timeout: 30)
        // Wait for readline to own the terminal again: input typed while it switches modes may be flushed.
        mark = try terminal.waitFor("budget> ", from: mark, timeout: 30)
        terminal.drain(seconds: 0.2)
        terminal.send("\u{04}")
        let status = terminal.waitForExit(timeout: 30)
        #expect(status == 0, "exit status; the terminal showed:\n\(terminal.output)")

        // The history was written to the state directory.
        let history = try String(contentsOfFile: home + "/state/budget-advisor/history", encoding: .utf8)
        #expect(history == "\(command)\nhelp\n")
    }

    /// A file name readline must quote or escape, typed bare and inside an open quote.
    struct FileNameCompletion: CustomTestStringConvertible, Sendable {
        let file: String
        /// What is typed before Tab, and the rest of the name readline writes back (escaped when bare).
        let bare: (typed: String, completed: String)
        let quoted: (typed: String, completed: String)
        var testDescription: String { "'\(file)'" }
    }

    static let fileNameCompletions = [
        // Escaped: readline keeps `my\ da` as one word, the name comes back escaped, and the command reads it.
        // Inside an open quote: completed and closed.
        FileNameCompletion(file: "my data.csv", bare: ("my\\ da", "ta.csv "), quoted: ("\"my d", "ata.csv\" ")),
        // readline escapes the `=` (it is among the filename quote characters), so the name is not key=value.
        // Inside a quote it needs nothing.
        FileNameCompletion(file: "run=2.csv", bare: ("ru", "n\\=2.csv "), quoted: ("\"ru", "n=2.csv\" ")),
    ]

    @Test(arguments: fileNameCompletions)
    func tabCompletesFileNamesThroughReadline(_ example: FileNameCompletion) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build the executable first (swift build): not found at \(Self.binary)")
        let home = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try fourCustomerCSV.write(toFile: home + "/" + example.file, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(executable: Self.binary, environment: Self.environment(home: home), directory: home)
        var mark = try terminal.waitFor("budget> ", timeout: 90)
        terminal.drain(seconds: 0.2)

        for (typed, completed) in [example.bare, example.quoted] {
            terminal.send("load " + typed + "\t")
            mark = try terminal.waitFor(completed, from: mark)
            terminal.send("\r")
            mark = try terminal.waitFor("Loaded 4 rows from \(example.file) (", from: mark)
            mark = try terminal.waitFor("budget> ", from: mark)
        }
        #expect(!terminal.output.contains("error:"), "the terminal showed:\n\(terminal.output)")
    }

    @Test func aSecondCtrlCDuringACommandLeavesWith130AndKeepsTheHistory() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build the executable first (swift build): not found at \(Self.binary)")
        let home = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        // A command that waits without using the CPU: reading a named pipe nobody writes to.
        try #require(mkfifo(home + "/wait.csv", 0o600) == 0)
        let terminal = try PseudoTerminal(executable: Self.binary, environment: Self.environment(home: home), directory: home)
        var mark = try terminal.waitFor("budget> ", timeout: 90)
        terminal.drain(seconds: 0.2)
        terminal.send("help\r")
        mark = try terminal.waitFor("budget> ", from: mark)
        terminal.drain(seconds: 0.2)
        terminal.send("load wait.csv\r")
        // readline has taken the line when it ends it; let it hand the line over before interrupting.
        mark = try terminal.waitFor("load wait.csv\r\n", from: mark)
        terminal.drain(seconds: 0.3)

        // The first Ctrl-C says the command goes on (and it does: the blocked open is restarted).
        terminal.send("\u{03}")
        mark = try terminal.waitFor("press Ctrl-C again to leave", from: mark)
        // The second leaves at once, with the history of the session already on disk.
        terminal.send("\u{03}")
        let status = terminal.waitForExit(timeout: 30)
        #expect(status == 130, "exit status; the terminal showed:\n\(terminal.output)")
        let history = try String(contentsOfFile: home + "/state/budget-advisor/history", encoding: .utf8)
        #expect(history == "help\nload wait.csv\n")
        let after = String(decoding: Array(terminal.output.utf8).dropFirst(mark), as: UTF8.self)
        #expect(!after.contains("budget> "), "no prompt came back: the command was still running")
    }

    @Test func aScriptOnStandardInputStopsAtTheFirstFailure() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build the executable first (swift build): not found at \(Self.binary)")
        let home = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.environment = Self.environment(home: home)
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("# plan\nhelp quit\n\nbogus\nhelp\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(stdout == CommandTable.standard.command(named: "quit")!.help())
        #expect(stderr.hasSuffix("<stdin>:4: unknown command 'bogus'; 'help' lists the commands\n"))
        #expect(!FileManager.default.fileExists(atPath: home + "/state/budget-advisor/history"), "scripts keep no history")
    }
}
