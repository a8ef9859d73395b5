/// One customer segment competing for the advertising budget.
///
/// The segment's conversion probability at per-customer spend `b` is
/// `sigmoid(baseLogit + w * b)`, where `w` is the shared spend coefficient of
/// the ``AllocationProblem``.
public struct AllocationSegment: Sendable, Equatable {
    /// Display name of the segment.
    public var name: String
    /// Number of customers `n_s` in the segment (must be finite and > 0).
    public var customers: Double
    /// Logit `a_s` before spend: intercept plus the non-spend features times their coefficients.
    public var baseLogit: Double
    /// Lowest allowed spend per customer `l_s` (finite, >= 0).
    public var minSpend: Double
    /// Highest allowed spend per customer `u_s` (finite, >= `minSpend`).
    public var maxSpend: Double

    /// Creates a segment. Validation happens in ``Allocator/allocate(_:options:)``.
    public init(name: String, customers: Double, baseLogit: Double, minSpend: Double, maxSpend: Double) {
        self.name = name
        self.customers = customers
        self.baseLogit = baseLogit
        self.minSpend = minSpend
        self.maxSpend = maxSpend
    }
}

/// Maximize `sum_s n_s * sigmoid(a_s + w * b_s)` over per-customer spends
/// `b_s in [minSpend_s, maxSpend_s]` subject to `sum_s n_s * b_s <= totalBudget`.
public struct AllocationProblem: Sendable {
    /// The segments; the result arrays follow this order.
    public var segments: [AllocationSegment]
    /// The model's coefficient `w` on per-customer spend (original scale), shared by all segments.
    public var spendCoefficient: Double
    /// The total budget `T` (same currency as the spends).
    public var totalBudget: Double

    /// Creates a problem.
    public init(segments: [AllocationSegment], spendCoefficient: Double, totalBudget: Double) {
        self.segments = segments
        self.spendCoefficient = spendCoefficient
        self.totalBudget = totalBudget
    }
}

/// Accuracy and effort limits for ``Allocator``.
public struct AllocationOptions: Sendable {
    /// The optimum is certified when `upperBound - value <= relativeTolerance * max(1, value)`.
    /// Must be finite and >= 1e-12 (the bound's own floating-point slack is about 1e-12 relative).
    public var relativeTolerance: Double = 1e-6
    /// Branch-and-bound node limit. When it is hit, the best plan found is returned
    /// with `certified == false` and its honest gap.
    public var maxNodes: Int = 10_000

    /// Creates options.
    public init(relativeTolerance: Double = 1e-6, maxNodes: Int = 10_000) {
        self.relativeTolerance = relativeTolerance
        self.maxNodes = maxNodes
    }
}
