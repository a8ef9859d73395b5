import Foundation
import Testing
@testable import BudgetAdvisor

/// `load FILE` without a kind tells data, models and scenarios apart. A name ending in .csv, .tsv or .txt is
/// data; for other names only the start of a large file is read to see whether it may be JSON, so a large CSV
/// called `customers.dat` is not first read whole as text.
@Suite struct LoadKindTests {
    /// Bytes this thread has asked the kernel to read so far (`rchar` of /proc/thread-self/io). A synchronous
    /// test runs on one thread, so the difference around a call is what that call read with read(2); memory
    /// mapping, which the CSV loader uses, is not counted.
    private func bytesReadByThisThread() throws -> Int {
        let text = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("rchar:") })
        return try #require(Int(line.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)))
    }

    @Test func aLargeFileWithAnotherNameIsSniffedFromItsStartOnly() throws {
        var (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeSparseFile(atPath: folder + "/big.dat", size: 60_000_000)

        let before = try bytesReadByThisThread()
        let out = interpreter.run("load big.dat")
        let read = try bytesReadByThisThread() - before
        #expect(out.hasPrefix("error: big.dat:1: is not a text file"), "\(out)")
        #expect(read < 1_000_000, "load read \(read) bytes of a 60 MB file to find its kind")
    }

    @Test func largeJSONWithAnotherNameIsStillRecognized() throws {
        var (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try ReplFixtures.session()
        // Larger than the part that is sniffed: a model with trailing blanks, a scenario after blank lines and
        // behind a byte-order mark, so neither can be parsed from its first bytes alone.
        let model = ModelFile.render(session.model!) + String(repeating: " ", count: 2 * SessionCommands.sniffBytes)
        try model.write(toFile: folder + "/model-v2", atomically: true, encoding: .utf8)
        let scenario = "\u{FEFF}" + String(repeating: "\n", count: 2 * SessionCommands.sniffBytes)
            + ScenarioFile.render(session.scenario!)
        try scenario.write(toFile: folder + "/plan.scenario", atomically: true, encoding: .utf8)
        try #expect(Data(contentsOf: URL(fileURLWithPath: folder + "/model-v2")).count > SessionCommands.sniffBytes)

        #expect(interpreter.run("load model-v2").hasPrefix("Loaded model from model-v2 (features advertising_budget"))
        #expect(interpreter.run("load plan.scenario").contains("Loaded scenario 'Spring campaign' from plan.scenario"))
        // JSON that is neither says so, as before.
        try ("{\"x\": 1}" + String(repeating: " ", count: 5000)).write(toFile: folder + "/other", atomically: true, encoding: .utf8)
        #expect(interpreter.run("load other") == "error: other: JSON with neither \"segments\" (a scenario) nor \"coefficients\" (a model)\n")
    }

    @Test func aLargeCSVWithAnotherNameLoadsAsData() throws {
        var (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = SyntheticCustomers.csv(SyntheticCustomers.generate(rows: 2_000, seed: 3))
        try csv.write(toFile: folder + "/customers.dat", atomically: true, encoding: .utf8)
        #expect(csv.utf8.count > 4 * SessionCommands.sniffBytes)
        #expect(interpreter.run("load customers.dat").hasPrefix("Loaded 2,000 rows from customers.dat ("))
    }
}
