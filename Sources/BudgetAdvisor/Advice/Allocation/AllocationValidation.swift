/// Input checks shared by the allocator entry points.
enum AllocationValidation {
    /// Throws the first problem found with the segments (no budget check).
    static func validate(segments: [AllocationSegment], spendCoefficient: Double, options: AllocationOptions) throws {
        guard !segments.isEmpty else { throw AllocationError.noSegments }
        for (i, seg) in segments.enumerated() {
            // Named in messages by its name when it has one, else by its number.
            let name = seg.name.allSatisfy(\.isWhitespace) ? nil : seg.name
            if !seg.customers.isFinite || seg.customers <= 0 {
                throw AllocationError.invalidSegment(index: i, name: name, reason: "customers must be a finite number above 0 (got \(seg.customers))")
            }
            if !seg.baseLogit.isFinite {
                throw AllocationError.invalidSegment(index: i, name: name, reason: "base logit must be finite (got \(seg.baseLogit))")
            }
            if !seg.minSpend.isFinite || !seg.maxSpend.isFinite {
                throw AllocationError.invalidSegment(index: i, name: name, reason: "spend bounds must be finite (got \(seg.minSpend)...\(seg.maxSpend))")
            }
            if seg.minSpend < 0 {
                throw AllocationError.invalidSegment(index: i, name: name, reason: "minimum spend must be at least 0 (got \(seg.minSpend))")
            }
            if seg.minSpend > seg.maxSpend {
                throw AllocationError.invalidSegment(index: i, name: name, reason: "minimum spend \(seg.minSpend) is above maximum spend \(seg.maxSpend)")
            }
        }
        guard spendCoefficient.isFinite else { throw AllocationError.invalidSpendCoefficient(value: spendCoefficient) }
        guard options.relativeTolerance.isFinite, options.relativeTolerance >= 1e-10 else {
            throw AllocationError.invalidOptions(reason: "relative tolerance must be finite and at least 1e-10 (got \(options.relativeTolerance))")
        }
        guard options.maxNodes >= 1 else {
            throw AllocationError.invalidOptions(reason: "the node limit must be at least 1 (got \(options.maxNodes))")
        }
    }

    /// Throws the first problem found with the whole problem, including the budget.
    static func validate(_ problem: AllocationProblem, options: AllocationOptions) throws {
        try validate(segments: problem.segments, spendCoefficient: problem.spendCoefficient, options: options)
        let budget = problem.totalBudget
        guard budget.isFinite else { throw AllocationError.invalidBudget(value: budget, reason: "it must be a finite number") }
        guard budget >= 0 else { throw AllocationError.invalidBudget(value: budget, reason: "it must not be negative") }
        let required = problem.segments.reduce(0) { $0 + $1.customers * $1.minSpend }
        if budget < required {
            throw AllocationError.budgetBelowMinimums(required: required, given: budget)
        }
    }
}
