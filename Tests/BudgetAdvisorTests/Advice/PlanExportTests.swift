import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct PlanExportTests {
    static func plan(names: [String] = ["loyal", "=cmd|' /C calc'!A0", "new, \"north\""]) throws -> AllocationPlan {
        let model = LogisticModel(featureNames: SyntheticCustomers.featureNames, spendFeature: "advertising_budget",
                                  intercept: -6, coefficients: [0.06, 3, 2], featureRanges: [10...100, 0...1, 0...1])
        let scenario = Scenario(name: "t", totalBudget: 50_000, segments: names.enumerated().map {
            Segment(name: $0.element, customers: 300 + 100 * $0.offset, features: ["user_interest": 0.5, "purchase_frequency": 0.4])
        })
        let resolved = try scenario.resolve(for: model)
        let problem = AllocationProblem(segments: resolved.map(\.allocationSegment), spendCoefficient: 0.06, totalBudget: 50_000)
        return AllocationPlan(scenario: "t", segments: resolved, result: try Allocator.allocate(problem), totalBudget: 50_000,
                              tolerance: 1e-6, budgetMarginalPer1000: try Allocator.budgetMarginalValue(problem))
    }

    @Test func csvIsRFC4180AndSpreadsheetSafe() throws {
        let text = PlanExport.render(try Self.plan(), as: .csv)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == PlanExport.csvHeader)
        #expect(lines[2].hasPrefix("'=cmd|' /C calc'!A0,"))
        #expect(lines[3].hasPrefix("\"new, \"\"north\"\"\","))
        // It reads back through our own RFC 4180 scanner: eight fields a row, names intact.
        var names: [String] = []
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            var scanner = CSVScanner(bytes: bytes)
            while try scanner.next() {
                #expect(scanner.fieldCount == 8)
                names.append(scanner.string(0))
            }
        }
        #expect(names == ["segment", "loyal", "'=cmd|' /C calc'!A0", "new, \"north\""])
    }

    @Test func jsonHasTheFixedKeys() throws {
        let plan = try Self.plan()
        let root = try JSONParser.parse(PlanExport.render(plan, as: .json))
        for key in ["segments", "total_budget", "expected_conversions", "upper_bound", "gap"] { #expect(root[key] != nil) }
        guard case let .array(segments)? = root["segments"] else { Issue.record("segments is not an array"); return }
        for key in ["segment", "customers", "budget", "per_customer_budget", "expected_conversions"] { #expect(segments[0][key] != nil) }
        #expect(root["upper_bound"] == .number(plan.upperBound))
    }

    @Test func markdownEscapesPipes() throws {
        let text = PlanExport.render(try Self.plan(), as: .markdown)
        #expect(text.hasPrefix(PlanExport.markdownMarker))
        #expect(text.contains("=cmd\\|' /C calc'!A0"))
    }

    @Test func writesAtomicallyAndKeepsForeignFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let plan = try Self.plan()
        let target = folder + "/plan.csv"
        try "my spreadsheet, do not touch\n".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(throws: CommandError.self) { try PlanExport.write(plan, to: target, shownAs: "plan.csv", force: false) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "my spreadsheet, do not touch\n")
        try PlanExport.write(plan, to: target, shownAs: "plan.csv", force: true)
        try PlanExport.write(plan, to: target, shownAs: "plan.csv", force: false) // ours now: replaced freely
        #expect(PlanExport.isOurs(path: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.csv"]) // no temp files left
        #expect(throws: CommandError.self) { try PlanExport.write(plan, to: folder + "/missing/plan.csv", shownAs: "x", force: false) }
        #expect(throws: CommandError.self) { try PlanExport.write(plan, to: folder + "/plan.xlsx", shownAs: "x", force: false) }
    }
}
