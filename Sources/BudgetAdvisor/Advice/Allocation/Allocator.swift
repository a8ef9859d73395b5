import Foundation

/// Certified-optimal budget allocation across segments with S-shaped (logistic) response.
///
/// Guarantee: for `w > 0` and a budget strictly between the sum of minimums and the sum of
/// maximums, ``allocate(_:options:)`` returns a feasible plan and a proven `upperBound` on the
/// optimum; `certified == true` means `upperBound - value <= relativeTolerance * max(1, value)`
/// (default 1e-6). The bound includes a floating-point slack of 1e-12 relative.
public enum Allocator {
    /// Allocates the budget to maximize total expected conversions.
    /// - Throws: ``AllocationError`` for no segments, invalid segments, budget or options,
    ///   or a budget below the sum of minimum spends.
    public static func allocate(_ problem: AllocationProblem, options: AllocationOptions = .init()) throws -> AllocationResult {
        try AllocationValidation.validate(problem, options: options)
        let segments = problem.segments
        let w = problem.spendCoefficient
        let budget = problem.totalBudget
        let maxTotal = segments.reduce(0) { $0 + $1.customers * $1.maxSpend }

        if w <= 0 {
            var result = makeResult(segments: segments, w: w, budget: budget, plan: segments.map(\.minSpend),
                                    upperBound: nil, multiplier: 0, nodes: 0, options: options)
            result.notes.append("the spend coefficient is not positive: extra spend does not raise conversions, so every segment gets its minimum spend")
            if result.unspentBudget > 0 {
                result.notes.append("\(AllocationFormat.amount(result.unspentBudget)) of the budget is left unspent")
            }
            return result
        }
        if budget >= maxTotal {
            var result = makeResult(segments: segments, w: w, budget: budget, plan: segments.map(\.maxSpend),
                                    upperBound: nil, multiplier: 0, nodes: 0, options: options)
            result.notes.append("the budget exceeds the sum of maximum spends: \(AllocationFormat.amount(result.unspentBudget)) left unspent")
            return result
        }
        let solver = BranchAndBoundSolver(segments: segments, w: w, budget: budget, options: options)
        let outcome = solver.solve()
        var result = makeResult(segments: segments, w: w, budget: budget, plan: outcome.plan,
                                upperBound: outcome.upperBound, multiplier: outcome.multiplier,
                                nodes: outcome.nodes, options: options)
        if outcome.hitNodeLimit {
            result.notes.append("stopped at the node limit of \(options.maxNodes): the plan is within \(result.gap) expected conversions of the optimum but not certified")
        } else if !result.certified {
            result.notes.append("the optimality gap \(result.gap) is above the tolerance (numerical limits)")
        }
        return result
    }

    /// Total expected conversions `sum_s n_s sigmoid(a_s + w b_s)` of a given per-customer spend split.
    /// No validation: `perCustomerSpend` must have one entry per segment.
    public static func expectedConversions(segments: [AllocationSegment], spendCoefficient: Double, perCustomerSpend: [Double]) -> Double {
        var total = 0.0
        for (seg, b) in zip(segments, perCustomerSpend) {
            total += seg.customers * SigmoidMath.sigmoid(seg.baseLogit + spendCoefficient * b)
        }
        return total
    }

    /// Builds the result arrays for `plan`; `upperBound == nil` means the plan is optimal by construction.
    static func makeResult(segments: [AllocationSegment], w: Double, budget: Double, plan: [Double],
                           upperBound: Double?, multiplier: Double, nodes: Int, options: AllocationOptions) -> AllocationResult {
        var spend = [Double](), conversions = [Double](), marginal = [Double]()
        spend.reserveCapacity(plan.count); conversions.reserveCapacity(plan.count); marginal.reserveCapacity(plan.count)
        var total = 0.0, spent = 0.0
        for (seg, b) in zip(segments, plan) {
            let z = seg.baseLogit + w * b
            let x = seg.customers * b
            let c = seg.customers * SigmoidMath.sigmoid(z)
            spend.append(x); conversions.append(c)
            total += c; spent += x
            marginal.append(w > 0 && b < seg.maxSpend ? 1000 * w * SigmoidMath.derivative(z) : 0)
        }
        let bound = max(upperBound ?? total, total)
        let gap = bound - total
        return AllocationResult(
            perCustomerSpend: plan, segmentSpend: spend, expectedConversions: conversions,
            totalExpectedConversions: total, upperBound: bound, gap: gap,
            certified: AllocationResult.relativeGap(gap, of: total) <= options.relativeTolerance,
            unspentBudget: max(0, budget - spent), marginalConversionsPer1000: marginal,
            multiplier: multiplier, nodesExplored: nodes, notes: [])
    }
}
