import Testing
@testable import BudgetAdvisor

/// Small cases against a brute-force grid search. Tolerance: the allocator's certificate
/// (`relativeTolerance` 1e-6 relative); the brute force itself is only a lower bound on the optimum.
@Suite struct AllocatorBruteForceTests {
    @Test(arguments: [2, 3])
    func matchesBruteForce(segmentCount: Int) throws {
        var rng = SplitMix64(seed: 42 + UInt64(segmentCount))
        let cases = segmentCount == 2 ? 60 : 20
        for _ in 0..<cases {
            let segs = AllocationFixtures.randomSegments(segmentCount, rng: &rng)
            let w = rng.uniform(0.03, 0.15)
            let budget = AllocationFixtures.randomBudget(segs, rng: &rng)
            let result = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
            let brute = AllocationFixtures.bruteForce(segs, w, budget)
            let tol = 1e-6 * max(1, result.upperBound)
            #expect(result.certified)
            #expect(result.totalExpectedConversions >= brute.value - tol)
            #expect(result.upperBound >= brute.value)
            #expect(result.upperBound - result.totalExpectedConversions <= tol)
            #expect(AllocationFixtures.spend(segs, result.perCustomerSpend) <= budget * (1 + 1e-12))
            for (s, b) in zip(segs, result.perCustomerSpend) {
                #expect(b >= s.minSpend && b <= s.maxSpend)
            }
        }
    }
}
