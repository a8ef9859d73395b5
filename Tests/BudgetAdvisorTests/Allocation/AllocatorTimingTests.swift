import Foundation
import Testing
@testable import BudgetAdvisor

/// Prints allocation timings (no timed assertions). Runs only when `ALLOCATOR_TIMING` is set, e.g.
/// `ALLOCATOR_TIMING=1 swift test -c release -Xswiftc -enable-testing --filter AllocatorTiming`.
@Suite struct AllocatorTimingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ALLOCATOR_TIMING"] != nil))
    func printTimings() throws {
        for size in [10, 1_000, 10_000, 100_000] {
            var rng = SplitMix64(seed: UInt64(size))
            let segs = AllocationFixtures.randomSegments(size, rng: &rng)
            let budget = AllocationFixtures.randomBudget(segs, rng: &rng)
            let start = Date()
            let r = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: 0.08, totalBudget: budget))
            let seconds = Date().timeIntervalSince(start)
            print("TIMING segments=\(size) seconds=\(String(format: "%.4f", seconds)) nodes=\(r.nodesExplored) certified=\(r.certified) relgap=\(r.gap / max(1, r.upperBound))")
            #expect(r.certified)
        }
        // Many exact ties: identical S-shaped segments with a budget that cannot switch them all on.
        for size in [10_000, 100_000] {
            let segs = (0..<size).map { AllocationSegment(name: "s\($0)", customers: 250, baseLogit: -6, minSpend: 0, maxSpend: 100) }
            let start = Date()
            let r = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: 0.1, totalBudget: Double(size) * 250 * 33.3))
            let seconds = Date().timeIntervalSince(start)
            print("TIMING identical segments=\(size) seconds=\(String(format: "%.4f", seconds)) nodes=\(r.nodesExplored) certified=\(r.certified) relgap=\(r.gap / max(1, r.upperBound))")
        }
        // Strong spend effect and tight budgets.
        for (size, w, share) in [(10_000, 0.15, 0.1), (10_000, 0.03, 0.5), (100_000, 0.15, 0.2)] {
            var rng = SplitMix64(seed: UInt64(size) &+ 17)
            let segs = AllocationFixtures.randomSegments(size, rng: &rng)
            let lo = segs.reduce(0) { $0 + $1.customers * $1.minSpend }
            let hi = segs.reduce(0) { $0 + $1.customers * $1.maxSpend }
            let start = Date()
            let r = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: lo + share * (hi - lo)))
            let seconds = Date().timeIntervalSince(start)
            print("TIMING w=\(w) share=\(share) segments=\(size) seconds=\(String(format: "%.4f", seconds)) nodes=\(r.nodesExplored) certified=\(r.certified) relgap=\(r.gap / max(1, r.upperBound))")
        }
    }
}
