/// The allocator's plan together with its optimality certificate.
public struct AllocationResult: Sendable {
    /// Chosen per-customer spend `b_s`, in segment order.
    public var perCustomerSpend: [Double]
    /// Segment spend `n_s * b_s`.
    public var segmentSpend: [Double]
    /// Expected conversions `n_s * sigmoid(a_s + w * b_s)` per segment.
    public var expectedConversions: [Double]
    /// Sum of ``expectedConversions``: the value of the returned (feasible) plan.
    public var totalExpectedConversions: Double
    /// A proven upper bound on the best achievable expected conversions.
    public var upperBound: Double
    /// `upperBound - totalExpectedConversions` (>= 0).
    public var gap: Double
    /// `true` when ``relativeGap`` <= the allocator's relative tolerance.
    public var certified: Bool
    /// Budget left over: `totalBudget - sum(segmentSpend)` (>= 0).
    public var unspentBudget: Double
    /// Extra expected conversions per additional 1,000 of spend in each segment at the plan:
    /// `1000 * w * sigma'(z_s)` (the local derivative). It is reported as 0 for a segment pinned at
    /// its maximum spend (it cannot absorb more) and when `w <= 0`.
    public var marginalConversionsPer1000: [Double]
    /// Budget multiplier `mu*`: expected conversions per extra unit of total budget at the margin
    /// (the common marginal `w * sigma'(z)` of the segments on their concave part). 0 when budget is left over.
    public var multiplier: Double
    /// Branch-and-bound nodes solved (0 for the trivial cases).
    public var nodesExplored: Int
    /// Plain-language remarks, e.g. about unspent budget or a non-positive spend coefficient.
    public var notes: [String]

    /// The gap relative to the plan's value, `gap / max(1, totalExpectedConversions)`: what the certificate bounds.
    public var relativeGap: Double { Self.relativeGap(gap, of: totalExpectedConversions) }

    /// `gap / max(1, total)`, the measure ``certified`` is judged by.
    static func relativeGap(_ gap: Double, of total: Double) -> Double { gap / max(1, total) }
}
