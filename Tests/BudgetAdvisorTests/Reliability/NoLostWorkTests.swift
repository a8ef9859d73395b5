import Foundation
import Testing
@testable import BudgetAdvisor

/// A write that is interrupted, or cannot happen, never costs the user the file they had.
@Suite struct NoLostWorkTests {
    /// The `budget-advisor` executable next to the running test bundle (the same build directory), or in
    /// `.build/debug` of the package.
    static func executable() -> String? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {  // xctest bundles nest the runner a few levels down on some platforms
            candidates.append(directory.appendingPathComponent("budget-advisor"))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("budget-advisor"))
        candidates.append(Reliability.repositoryRoot.appendingPathComponent(".build/debug/budget-advisor"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func temporaryFiles(in folder: String, for name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("." + name + ".tmp-") }
    }

    @Test func killedMidWriteLeavesTheOldFileIntact() throws {
        let binary = try #require(Self.executable(), "build budget-advisor first (swift build); looked next to \(ProcessInfo.processInfo.arguments[0])")
        let folder = try Reliability.temporaryDirectory("kill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/f.csv"
        let old = Data((Reliability.header + Reliability.rows).utf8)
        try old.write(to: URL(fileURLWithPath: target))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["generate", "--rows", "3000000", "--out", target]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Poll until the temporary file appears, then kill at once.
        let deadline = Date().addingTimeInterval(300)
        var sawTemporary = false
        while process.isRunning && Date() < deadline {
            if !temporaryFiles(in: folder, for: "f.csv").isEmpty { sawTemporary = true; break }
            usleep(200)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        #expect(sawTemporary, "the temporary file never appeared (the write finished or did not start)")
        #expect(process.terminationReason == .uncaughtSignal, "the process ended on its own (status \(process.terminationStatus)) before the kill")
        let now = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(now == old, "f.csv changed: \(now.count) bytes instead of \(old.count)")
        // The killed writer's partial temporary file stays behind (nothing can remove it after SIGKILL);
        // it is hidden and never mistaken for the target.
        for leftover in temporaryFiles(in: folder, for: "f.csv") { try? FileManager.default.removeItem(atPath: folder + "/" + leftover) }
    }

    @Test func writeIntoMissingDirectoryFailsAndLeavesNothing() throws {
        let folder = try Reliability.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let message = Reliability.message { try AtomicFile.write("x", to: folder + "/nodir/f.txt") }
        #expect(message == "cannot write '\(folder)/nodir/f.txt': the directory '\(folder)/nodir' does not exist")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func writeOntoDirectoryFailsAndLeavesItAlone() throws {
        let folder = try Reliability.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/d", withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "/d/inside.txt"))
        let message = Reliability.message { try AtomicFile.write("x", to: folder + "/d") }
        #expect(message == "cannot write '\(folder)/d': it is a directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["d"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/d") == ["inside.txt"])
        #expect(try String(contentsOfFile: folder + "/d/inside.txt", encoding: .utf8) == "keep")
    }

    @Test func writeWhereFilesCannotBeCreatedFails() throws {
        // Tests run as root, so permissions cannot be used; /proc refuses new files to everyone.
        let message = Reliability.message { try AtomicFile.write("x", to: "/proc/ba-reliability-test.txt") }
        #expect(message == "cannot write '/proc/ba-reliability-test.txt': cannot create a file in '/proc' (No such file or directory)")
        #expect(!FileManager.default.fileExists(atPath: "/proc/ba-reliability-test.txt"))
    }

    @Test func writeBelowAFileSaysTheParentIsAFile() throws {
        let folder = try Reliability.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder + "/plain.txt"))
        let message = Reliability.message { try AtomicFile.write("x", to: folder + "/plain.txt/f.txt") }
        #expect(message == "cannot write '\(folder)/plain.txt/f.txt': '\(folder)/plain.txt' is a file, not a directory")
    
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plain.txt"])
    }

    @Test func successfulWriteReplacesAndLeavesNoTemporaryFile() throws {
        let folder = try Reliability.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/f.txt"
        try AtomicFile.write("old", to: path)
        try AtomicFile.write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["f.txt"])
    }

    @Test func saveDoesNotReplaceAForeignFileWithoutForce() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let precious = Data((Reliability.header + Reliability.rows).utf8)
        try precious.write(to: URL(fileURLWithPath: folder + "/customers.csv"))
        #expect(interpreter.execute("train rows=200").error == nil)
        // `save` keeps a file that is not one of ours unless --force.
        let outcome = interpreter.execute("save customers.csv")
        let now = try Data(contentsOf: URL(fileURLWithPath: folder + "/customers.csv"))
        #expect(outcome.error != nil)
        #expect(now == precious, "customers.csv was replaced by \(now.count) bytes of model JSON")
    
        // With --force the replacement is intended.
        #expect(interpreter.execute("save customers.csv --force").error == nil)
    }

    @Test func saveReplacesItsOwnModelFile() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(interpreter.execute("train rows=200").error == nil)
        #expect(interpreter.execute("save model.json").error == nil)
        #expect(interpreter.execute("train rows=300 test-fraction=0").error == nil)
        #expect(interpreter.execute("save model.json").error == nil)
        #expect(try ModelFile.load(path: folder + "/model.json").training?.rows == 300)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["model.json", "scenarios"])
    }

    @Test func failedWriteKeepsTheSessionDirty() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(interpreter.execute("train rows=200").error == nil)
        #expect(interpreter.execute("save nodir/model.json").error != nil)
        #expect(interpreter.unsavedWork != nil, "a failed save must not mark the model saved")
        #expect(interpreter.execute("quit").quit == false, "quit warns first")
    }
}
