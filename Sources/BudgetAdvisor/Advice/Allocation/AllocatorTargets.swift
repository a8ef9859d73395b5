import Foundation

extension Allocator {
    /// Target mode: the smallest total budget whose optimal plan reaches `target` expected conversions.
    ///
    /// Bisection on the budget between the sum of minimum spends and the sum of maximum spends,
    /// re-solving the allocation at every step. Tolerance: the returned budget `B` has a plan
    /// (`result`) reaching `target`, while the plan found at a budget of at least `B - δ` did not, with
    /// `δ = budgetTolerance(B) = max(1e-6 * B, 1e-6)` (so the true minimum lies in `[B - δ, B]`, up to the
    /// allocation tolerance `options.relativeTolerance`).
    /// - Throws: ``AllocationError/targetUnreachable(target:maximumReachable:)`` when even the maximum spends
    ///   fall short (the message states the maximum reachable), plus the errors of ``allocate(_:options:)``.
    public static func minimumBudget(toReach target: Double, segments: [AllocationSegment], spendCoefficient: Double,
                                     options: AllocationOptions = .init()) throws -> (budget: Double, result: AllocationResult) {
        try AllocationValidation.validate(segments: segments, spendCoefficient: spendCoefficient, options: options)
        guard target.isFinite else { throw AllocationError.invalidTarget(value: target) }
        func solve(_ budget: Double) throws -> AllocationResult {
            try allocate(AllocationProblem(segments: segments, spendCoefficient: spendCoefficient, totalBudget: budget),
                         options: options)
        }
        let minTotal = segments.reduce(0) { $0 + $1.customers * $1.minSpend }
        let maxTotal = segments.reduce(0) { $0 + $1.customers * $1.maxSpend }
        let atMin = try solve(minTotal)
        if atMin.totalExpectedConversions >= target { return (minTotal, atMin) }
        let top = max(minTotal, maxTotal)
        let atMax = try solve(top)
        if atMax.totalExpectedConversions < target {
            throw AllocationError.targetUnreachable(target: target, maximumReachable: atMax.totalExpectedConversions)
        }
        var low = minTotal, high = top
        var best = atMax
        while high - low > budgetTolerance(high) {
            let mid = 0.5 * (low + high)
            let r = try solve(mid)
            if r.totalExpectedConversions >= target {
                high = mid
                best = r
            } else {
                low = mid
            }
        }
        return (high, best)
    }

    /// The budget resolution of ``minimumBudget(toReach:segments:spendCoefficient:options:)`` at budget `b`:
    /// `max(1e-6 * b, 1e-6)`.
    public static func budgetTolerance(_ budget: Double) -> Double {
        max(1e-6 * abs(budget), 1e-6)
    }

    /// Marginal value of the whole budget: `V*(T + step) - V*(T)`, the extra expected conversions from
    /// `step` more budget, both optima re-solved (each accurate to `options.relativeTolerance`, so the
    /// difference is accurate to about twice that). Close to 0 when the budget already covers every maximum.
    public static func budgetMarginalValue(_ problem: AllocationProblem, step: Double = 1000,
                                           options: AllocationOptions = .init()) throws -> Double {
        guard step.isFinite, step > 0 else {
            throw AllocationError.invalidOptions(reason: "the budget step must be a finite number above 0 (got \(step))")
        }
        return try budgetMarginalValue(problem, base: try allocate(problem, options: options), step: step, options: options)
    }

    /// The same, reusing `base`, the already solved optimum of `problem` (so only T + step is solved).
    public static func budgetMarginalValue(_ problem: AllocationProblem, base: AllocationResult, step: Double = 1000,
                                           options: AllocationOptions = .init()) throws -> Double {
        guard step.isFinite, step > 0 else {
            throw AllocationError.invalidOptions(reason: "the budget step must be a finite number above 0 (got \(step))")
        }
        var more = problem
        more.totalBudget += step
        let extended = try allocate(more, options: options)
        return extended.totalExpectedConversions - base.totalExpectedConversions
    }
}
