import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct AllocatorEdgeCaseTests {
    let segs = [
        AllocationSegment(name: "a", customers: 100, baseLogit: -4, minSpend: 10, maxSpend: 50),
        AllocationSegment(name: "b", customers: 300, baseLogit: -2, minSpend: 5, maxSpend: 40),
    ]

    func problem(_ budget: Double, w: Double = 0.08, segments: [AllocationSegment]? = nil) -> AllocationProblem {
        AllocationProblem(segments: segments ?? segs, spendCoefficient: w, totalBudget: budget)
    }

    @Test func noSegments() {
        #expect(throws: AllocationError.noSegments) { try Allocator.allocate(problem(100, segments: [])) }
        #expect(AllocationError.noSegments.localizedDescription.contains("no segments"))
    }

    @Test func budgetBelowMinimumsStatesTheRequiredAmount() {
        // Minimums: 100 * 10 + 300 * 5 = 2,500.
        #expect(throws: AllocationError.budgetBelowMinimums(required: 2500, given: 2000)) {
            try Allocator.allocate(problem(2000))
        }
        let message = AllocationError.budgetBelowMinimums(required: 2500, given: 2000).localizedDescription
        #expect(message.contains("at least 2,500"))
    }

    @Test func budgetAboveMaximumsSpendsMaximumsAndReportsRemainder() throws {
        // Maximums: 100 * 50 + 300 * 40 = 17,000.
        let r = try Allocator.allocate(problem(18_234))
        #expect(r.perCustomerSpend == [50, 40])
        #expect(abs(r.unspentBudget - 1234) < 1e-9)
        #expect(r.certified && r.gap == 0 && r.upperBound == r.totalExpectedConversions)
        #expect(r.notes.contains { $0.contains("1,234 left unspent") })
        #expect(r.marginalConversionsPer1000 == [0, 0])
    }

    @Test func nonPositiveSpendCoefficientKeepsMinimums() throws {
        for w in [0.0, -0.05] {
            let r = try Allocator.allocate(problem(10_000, w: w))
            #expect(r.perCustomerSpend == [10, 5])
            #expect(r.certified && r.upperBound == r.totalExpectedConversions)
            #expect(r.notes.contains { $0.contains("the spend coefficient is not positive: extra spend does not raise conversions") })
            #expect(abs(r.unspentBudget - 7500) < 1e-9)
        }
    }

    @Test func invalidInputsAreRejectedWithReasons() {
        func reason(_ p: AllocationProblem) -> String? {
            do { _ = try Allocator.allocate(p); return nil } catch { return error.localizedDescription }
        }
        var bad = segs
        bad[1].customers = 0
        #expect(reason(problem(5000, segments: bad))?.contains("segment 'b' is invalid: customers must be a finite number above 0") == true)
        bad = segs
        bad[0].baseLogit = .nan
        #expect(reason(problem(5000, segments: bad))?.contains("base logit must be finite") == true)
        bad = segs
        bad[0].minSpend = 60
        #expect(reason(problem(50_000, segments: bad))?.contains("minimum spend 60.0 is above maximum spend 50.0") == true)
        bad = segs
        bad[0].maxSpend = .infinity
        #expect(reason(problem(5000, segments: bad))?.contains("spend bounds must be finite") == true)
        bad = segs
        bad[0].minSpend = -1
        #expect(reason(problem(5000, segments: bad))?.contains("minimum spend must be at least 0") == true)
        #expect(reason(problem(.infinity))?.contains("must be a finite number") == true)
        #expect(reason(problem(-5))?.contains("must not be negative") == true)
        #expect(reason(problem(5000, w: .nan))?.contains("spend coefficient") == true)
        #expect(throws: AllocationError.self) {
            try Allocator.allocate(problem(5000), options: AllocationOptions(relativeTolerance: 0))
        }
    }

    @Test func anInvalidSegmentIsNamedByItsNameElseByItsNumber() {
        var bad = segs
        bad[1].minSpend = -1
        #expect(throws: AllocationError.invalidSegment(index: 1, name: "b", reason: "minimum spend must be at least 0 (got -1.0)")) {
            try Allocator.allocate(problem(5000, segments: bad))
        }
        #expect(AllocationError.invalidSegment(index: 1, name: "b", reason: "why").localizedDescription == "segment 'b' is invalid: why")
        // Without names (blank, as a caller with only numbers might leave them) the number is the fallback.
        bad[0].name = ""
        bad[1].name = "  "
        #expect(throws: AllocationError.invalidSegment(index: 1, name: nil, reason: "minimum spend must be at least 0 (got -1.0)")) {
            try Allocator.allocate(problem(5000, segments: bad))
        }
        #expect(AllocationError.invalidSegment(index: 1, reason: "why").localizedDescription == "segment #2 is invalid: why")
    }

    @Test func extremeLogitsDoNotOverflow() throws {
        let wild = [
            AllocationSegment(name: "cold", customers: 1000, baseLogit: -700, minSpend: 0, maxSpend: 100),
            AllocationSegment(name: "hot", customers: 1000, baseLogit: 400, minSpend: 0, maxSpend: 100),
            AllocationSegment(name: "normal", customers: 1000, baseLogit: -3, minSpend: 0, maxSpend: 100),
        ]
        let r = try Allocator.allocate(problem(100_000, w: 0.05, segments: wild))
        #expect(r.totalExpectedConversions.isFinite && r.upperBound.isFinite)
        #expect(r.certified)
        #expect(r.perCustomerSpend.allSatisfy { $0.isFinite })
        #expect(SigmoidMath.sigmoid(-800) >= 0 && SigmoidMath.sigmoid(800) == 1)
    }

    @Test func pointBoxesAndExactMinimumBudget() throws {
        var fixed = segs
        fixed[0].maxSpend = fixed[0].minSpend
        let r = try Allocator.allocate(problem(2500, segments: fixed))
        #expect(r.perCustomerSpend == [10, 5])
        #expect(r.certified)
    }

    @Test func nodeLimitReturnsHonestUncertifiedPlan() throws {
        // Two segments that need branching (the root relaxation has a large gap).
        let hard = [
            AllocationSegment(name: "a", customers: 634.85, baseLogit: -5.3085, minSpend: 24.228, maxSpend: 61.4035),
            AllocationSegment(name: "b", customers: 393.66, baseLogit: -3.3943, minSpend: 16.076, maxSpend: 65.46),
        ]
        let p = problem(45_000, w: 0.0904, segments: hard)
        let limited = try Allocator.allocate(p, options: AllocationOptions(maxNodes: 1))
        let full = try Allocator.allocate(p)
        #expect(full.certified && full.nodesExplored > 1)
        #expect(!limited.certified)
        #expect(limited.gap > 0 && limited.upperBound >= full.totalExpectedConversions)
        #expect(limited.notes.contains { $0.contains("node limit") })
    }

    @Test func resultArraysAreConsistent() throws {
        let r = try Allocator.allocate(problem(9000))
        #expect(r.certified)
        for s in 0..<segs.count {
            #expect(abs(r.segmentSpend[s] - segs[s].customers * r.perCustomerSpend[s]) < 1e-9)
        }
        #expect(abs(r.expectedConversions.reduce(0, +) - r.totalExpectedConversions) < 1e-9)
        #expect(r.gap >= 0 && r.unspentBudget >= 0)
        #expect(r.multiplier > 0)
        #expect(r.nodesExplored >= 1)
    }
}

@Suite struct AllocatorTargetTests {
    let segs: [AllocationSegment] = {
        var rng = SplitMix64(seed: 2024)
        return AllocationFixtures.randomSegments(8, rng: &rng)
    }()
    let w = 0.08

    @Test func targetModeFindsTheSmallestBudget() throws {
        let minTotal = segs.reduce(0) { $0 + $1.customers * $1.minSpend }
        let maxTotal = segs.reduce(0) { $0 + $1.customers * $1.maxSpend }
        let low = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: minTotal))
        let high = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: maxTotal))
        let target = low.totalExpectedConversions + 0.6 * (high.totalExpectedConversions - low.totalExpectedConversions)
        let (budget, result) = try Allocator.minimumBudget(toReach: target, segments: segs, spendCoefficient: w)
        #expect(result.totalExpectedConversions >= target)
        #expect(result.certified)
        let smaller = try Allocator.allocate(AllocationProblem(segments: segs, spendCoefficient: w,
                                                               totalBudget: budget - Allocator.budgetTolerance(budget)))
        #expect(smaller.totalExpectedConversions < target)
    }

    @Test func unreachableTargetReportsMaximum() throws {
        let total = segs.reduce(0) { $0 + $1.customers }
        do {
            _ = try Allocator.minimumBudget(toReach: total + 1, segments: segs, spendCoefficient: w)
            Issue.record("expected an error")
        } catch let AllocationError.targetUnreachable(target, maximumReachable) {
            #expect(target == total + 1)
            #expect(maximumReachable < total)
            let message = AllocationError.targetUnreachable(target: target, maximumReachable: maximumReachable).localizedDescription
            #expect(message.contains("even spending every segment's maximum gives only"))
        }
    }

    @Test func budgetMarginalValue() throws {
        let minTotal = segs.reduce(0) { $0 + $1.customers * $1.minSpend }
        let maxTotal = segs.reduce(0) { $0 + $1.customers * $1.maxSpend }
        let binding = AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: 0.5 * (minTotal + maxTotal))
        #expect(try Allocator.budgetMarginalValue(binding) > 0)
        let slack = AllocationProblem(segments: segs, spendCoefficient: w, totalBudget: maxTotal + 5000)
        #expect(abs(try Allocator.budgetMarginalValue(slack)) < 1e-9)
    }
}
