import Testing
@testable import BudgetAdvisor

/// Larger cases against local optimization. Tolerance: 1e-6 relative (the allocator's certificate).
@Suite struct AllocatorLocalSearchTests {
    @Test(arguments: [20, 60, 200])
    func beatsRandomStartLocalSearch(segmentCount: Int) throws {
        var rng = SplitMix64(seed: 7 + UInt64(segmentCount))
        let segs = AllocationFixtures.randomSegments(segmentCount, rng: &rng)
        let w = rng.uniform(0.03, 0.15)
        let budget = AllocationFixtures.randomBudget(segs, rng: &rng)
        let result = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
        #expect(result.certified)
        let tol = 1e-6 * max(1, result.upperBound)
        var bestLocal = -Double.infinity
        for _ in 0..<20 {
            let start = AllocationFixtures.randomFeasiblePlan(segs, budget, rng: &rng)
            bestLocal = max(bestLocal, AllocationFixtures.localSearch(segs, w, budget, start: start).value)
        }
        #expect(result.totalExpectedConversions >= bestLocal - tol)
        #expect(result.upperBound >= bestLocal)
        #expect(AllocationFixtures.spend(segs, result.perCustomerSpend) <= budget * (1 + 1e-12))
    }

    /// Identical S-shaped segments with a budget that puts a uniform split deep in the convex region:
    /// the uniform split is a stationary point, so hill climbing from it does not move, while the optimum
    /// concentrates spend on a few segments.
    @Test func beatsHillClimbingStuckAtUniformSplit() throws {
        let segs = (0..<12).map { AllocationSegment(name: "s\($0)", customers: 500, baseLogit: -6, minSpend: 0, maxSpend: 100) }
        let w = 0.1
        let budget = 12 * 500 * 35.0 // uniform: z = -2.5 everywhere
        let uniform = [Double](repeating: 35, count: segs.count)
        let climbed = AllocationFixtures.localSearch(segs, w, budget, start: uniform)
        let result = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
        #expect(result.certified)
        #expect(result.totalExpectedConversions > climbed.value * 2)
    }

    /// Asymmetric trap: greedy marginal-value hill climbing from a uniform split keeps feeding the
    /// segments that are already steep and never pushes the large, dormant segment over its hump.
    @Test func beatsGreedyHillClimbingOnDormantSegment() throws {
        var segs = (0..<4).map { AllocationSegment(name: "steep\($0)", customers: 10_000, baseLogit: -1, minSpend: 0, maxSpend: 100) }
        segs.append(AllocationSegment(name: "dormant", customers: 20_000, baseLogit: -8, minSpend: 0, maxSpend: 250))
        let w = 0.05
        let budget = 5_000_000.0 // uniform: 83.33 per customer; optimum puts ~177 on the dormant segment
        let total = segs.reduce(0) { $0 + $1.customers }
        let uniform = [Double](repeating: budget / total, count: segs.count)
        let climbed = AllocationFixtures.localSearch(segs, w, budget, start: uniform)
        let result = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
        #expect(result.certified)
        #expect(result.totalExpectedConversions > climbed.value + 1000)
    }

    /// The bound is valid: no random feasible plan beats it.
    @Test func upperBoundDominatesRandomPlans() throws {
        var rng = SplitMix64(seed: 99)
        for size in [2, 5, 30] {
            let segs = AllocationFixtures.randomSegments(size, rng: &rng)
            let w = rng.uniform(0.03, 0.15)
            let budget = AllocationFixtures.randomBudget(segs, rng: &rng)
            let result = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: budget))
            for _ in 0..<200 {
                let plan = AllocationFixtures.randomFeasiblePlan(segs, budget, rng: &rng)
                #expect(AllocationFixtures.value(segs, w, plan) <= result.upperBound)
            }
        }
    }
}
