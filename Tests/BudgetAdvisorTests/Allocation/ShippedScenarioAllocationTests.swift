import Foundation
import Testing
@testable import BudgetAdvisor

/// The "done when" of the advice issue, on the shipped scenarios (which no one tuned for the allocator) with
/// the default trained model: the plan equals or beats the best of 20 random-start local optimizations, the
/// printed bound holds for all of them, and the gap is within the stated tolerance.
@Suite struct ShippedScenarioAllocationTests {
    static let model = try! ModelTrainer.train(SyntheticCustomers.generate(rows: 5_000, seed: 42)).model

    @Test(arguments: ["default.json", "holiday-push.json", "small-shop.json"])
    func planBeatsTwentyRandomStartLocalSearches(file: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioFile.load(path: root.appendingPathComponent("scenarios/" + file).path)
        let segments = try scenario.resolve(for: Self.model).map(\.allocationSegment)
        let w = Self.model.spendCoefficient
        let result = try Allocator.allocate(AllocationProblem(segments: segments, spendCoefficient: w, totalBudget: scenario.totalBudget))
        #expect(result.certified)
        #expect(result.gap <= 1e-6 * max(1, result.totalExpectedConversions))
        var rng = SplitMix64(seed: 2026)
        var best = -Double.infinity
        for _ in 0..<20 {
            let start = AllocationFixtures.randomFeasiblePlan(segments, scenario.totalBudget, rng: &rng)
            let local = AllocationFixtures.localSearch(segments, w, scenario.totalBudget, start: start)
            #expect(local.value <= result.upperBound + 1e-9 * result.upperBound)
            best = max(best, local.value)
        }
        #expect(result.totalExpectedConversions >= best - 1e-6 * best, "allocator \(result.totalExpectedConversions) local \(best)")
        // The usual start of marketing-mix tools: the same per-customer spend everywhere (clamped to the bounds,
        // the common level chosen by bisection so the whole budget is spent).
        func uniform(_ level: Double) -> [Double] { segments.map { min($0.maxSpend, max($0.minSpend, level)) } }
        var low = 0.0, high = segments.map(\.maxSpend).max()!
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if AllocationFixtures.spend(segments, uniform(mid)) <= scenario.totalBudget { low = mid } else { high = mid }
        }
        let fromUniform = AllocationFixtures.localSearch(segments, w, scenario.totalBudget, start: uniform(low)).value
        #expect(AllocationFixtures.spend(segments, uniform(low)) <= scenario.totalBudget * (1 + 1e-12))
        #expect(fromUniform <= result.upperBound * (1 + 1e-9))
        if ProcessInfo.processInfo.environment["ALLOCATION_REPORT"] != nil {
            print("\(file): allocator \(result.totalExpectedConversions) bound \(result.upperBound) best-of-20 local \(best) local-from-uniform \(fromUniform)")
        }
    }
}
