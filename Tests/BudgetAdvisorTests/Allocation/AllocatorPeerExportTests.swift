import Foundation
import Testing
@testable import BudgetAdvisor

/// Writes random cases and the allocator's answers as JSON for `Tests/scripts/allocation_peer.py` (SciPy SLSQP
/// multi-start comparison). Runs only when `ALLOCATOR_PEER_EXPORT` names the output file.
@Suite struct AllocatorPeerExportTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ALLOCATOR_PEER_EXPORT"] != nil))
    func exportCases() throws {
        let path = ProcessInfo.processInfo.environment["ALLOCATOR_PEER_EXPORT"]!
        var rng = SplitMix64(seed: 314)
        var cases: [[String: Any]] = []
        for k in 0..<30 {
            let segs = AllocationFixtures.randomSegments([2, 3, 5, 10, 30][k % 5], rng: &rng)
            let w = rng.uniform(0.03, 0.15)
            let budget = AllocationFixtures.randomBudget(segs, rng: &rng)
            let r = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
            cases.append([
                "customers": segs.map(\.customers), "baseLogit": segs.map(\.baseLogit),
                "minSpend": segs.map(\.minSpend), "maxSpend": segs.map(\.maxSpend),
                "w": w, "budget": budget,
                "value": r.totalExpectedConversions, "upperBound": r.upperBound, "certified": r.certified,
            ])
        }
        let data = try JSONSerialization.data(withJSONObject: cases, options: [.prettyPrinted])
        try data.write(to: URL(fileURLWithPath: path))
    }
}
