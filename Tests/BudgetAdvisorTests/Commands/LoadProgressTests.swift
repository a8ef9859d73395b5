import Foundation
import Testing
@testable import BudgetAdvisor

/// `load` and `train data=` announce a large file before reading it and say how long it took when that was
/// more than a second; small files stay quiet. No test depends on how fast this machine is: the clock is
/// passed in where the elapsed time matters.
@Suite struct LoadProgressTests {
    /// Collects the progress lines of a session.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        var all: [String] { lock.withLock { items } }
        func append(_ line: String) { lock.withLock { items.append(line) } }
    }

    private func interpreter(lines: Lines) throws -> (Interpreter, String) {
        var (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        interpreter.session.progress = { lines.append($0) }
        return (interpreter, folder)
    }

    @Test func aLargeFileIsAnnouncedBeforeItIsRead() throws {
        let lines = Lines()
        var (interpreter, folder) = try interpreter(lines: lines)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeSparseFile(atPath: folder + "/big.csv", size: 60_000_000)

        let load = interpreter.run("load big.csv")
        #expect(lines.all == ["loading big.csv (60 MB)..."])
        #expect(load.hasPrefix("error: big.csv:1: is not a text file"), "\(load)")
        let train = interpreter.run("train data=big.csv")
        #expect(lines.all == ["loading big.csv (60 MB)...", "loading big.csv (60 MB)..."])
        #expect(train.hasPrefix("error: big.csv:1: is not a text file"), "\(train)")
    }

    @Test func smallFilesStayQuiet() throws {
        let lines = Lines()
        var (interpreter, folder) = try interpreter(lines: lines)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try fourCustomerCSV.write(toFile: folder + "/small.csv", atomically: true, encoding: .utf8)
        #expect(interpreter.run("load small.csv").hasPrefix("Loaded 4 rows from small.csv (50.0% converted"))
        #expect(lines.all.isEmpty)
    }

    @Test func theTimeFollowsWhenReadingTookOverASecond() throws {
        let folder = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try String(repeating: "x", count: 2_000_000).write(toFile: folder + "/f.csv", atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        for (elapsed, expected) in [(Duration.milliseconds(2_500), ["loading f.csv (2 MB)...", "  done in 2.5 s"]),
                                    (Duration.milliseconds(400), ["loading f.csv (2 MB)..."])] {
            let lines = Lines()
            var instants = [start, start + elapsed]
            let value = LoadProgress.around(path: folder + "/f.csv", shownAs: "f.csv", progress: { lines.append($0) },
                                            threshold: 1_000_000, now: { instants.removeFirst() }) { 42 }
            #expect(value == 42)
            #expect(lines.all == expected)
        }
        // Below the threshold nothing is said, however long it takes.
        let lines = Lines()
        LoadProgress.around(path: folder + "/f.csv", shownAs: "f.csv", progress: { lines.append($0) },
                            threshold: 3_000_000, now: { start }) {}
        #expect(lines.all.isEmpty)
    }

    @Test func theLinesRead() {
        #expect(LoadProgress.announcement("crm.csv", bytes: 123_456_789) == "loading crm.csv (123 MB)...")
        #expect(LoadProgress.announcement("crm.csv", bytes: 2_345_678_901) == "loading crm.csv (2,346 MB)...")
        #expect(LoadProgress.completion(elapsed: .milliseconds(1_250)) == "  done in 1.3 s")
        #expect(LoadProgress.completion(elapsed: .seconds(1)) == nil)
        #expect(LoadProgress.fileSize("/") == nil, "a directory has no size to announce")
    }
}
