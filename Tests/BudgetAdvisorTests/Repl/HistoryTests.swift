import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct HistoryTests {
    @Test func blankLinesAndImmediateRepeatsAreNotKept() {
        var history = ReplHistory()
        let kept = ["help", "help", "help  ", "   ", "", "train", "help"].map { history.add($0) }
        #expect(kept == [true, false, false, false, false, true, true])
        #expect(history.entries == ["help", "train", "help"])
        #expect(history.text == "help\ntrain\nhelp\n")
    }

    @Test func theOldestLinesGoPastTheLimit() {
        var history = ReplHistory(limit: 3)
        for n in 1...5 { history.add("budget \(n)") }
        #expect(history.entries == ["budget 3", "budget 4", "budget 5"])
        #expect(ReplHistory(text: "a\nb\nc\nd\n", limit: 2).entries == ["c", "d"])
    }

    @Test func readlineTimestampsAreSkipped() {
        #expect(ReplHistory(text: "#1700000000\nhelp\n\nhelp\ntrain\n").entries == ["help", "train"])
    }

    @Test func thePathFollowsXDG() {
        #expect(ReplHistory.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/budget-advisor/history")
        #expect(ReplHistory.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/budget-advisor/history")
        #expect(ReplHistory.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/budget-advisor/history")
    }

    @Test func saveCreatesTheDirectoryAndLoadReadsItBack() throws {
        let directory = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/state/budget-advisor/history"
        var history = ReplHistory()
        history.add("segments")
        history.add("allocate budget=500k")
        try history.save(path: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "segments\nallocate budget=500k\n")
        #expect(ReplHistory.load(path: path) == history)
        #expect(ReplHistory.load(path: directory + "/missing").entries.isEmpty)
    }
}
