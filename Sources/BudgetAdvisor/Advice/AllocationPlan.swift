/// An allocation of a scenario's budget across its segments, with the proof of its quality (upper bound and
/// gap) and the marginal value of more budget. What `allocate` prints and `export` writes.
public struct AllocationPlan: Sendable, Equatable {
    /// One segment's line of the plan.
    public struct Line: Sendable, Equatable {
        public var segment: String
        public var customers: Int
        /// Total spend on the segment.
        public var budget: Double
        public var perCustomerBudget: Double
        public var expectedConversions: Double
        /// Extra expected conversions per extra 1,000 spent on this segment at the plan (0 at its maximum).
        public var marginalPer1000: Double
        /// Per-customer bounds used.
        public var minSpend: Double
        public var maxSpend: Double
    }

    /// The scenario's name.
    public var scenario: String
    /// Lines in scenario order.
    public var lines: [Line]
    /// The budget the plan was asked to allocate.
    public var totalBudget: Double
    /// What the plan spends (≤ total).
    public var spent: Double
    /// Expected conversions of the plan.
    public var expectedConversions: Double
    /// A proven upper bound on the expected conversions of any allocation of `totalBudget`.
    public var upperBound: Double
    /// upperBound - expectedConversions.
    public var gap: Double
    /// Whether the gap is within the relative tolerance.
    public var certified: Bool
    /// The relative tolerance of the certificate.
    public var tolerance: Double
    /// Extra expected conversions from 1,000 more of total budget, re-solved (nil if not computed).
    public var budgetMarginalPer1000: Double?
    /// The target of a target-mode run, if any.
    public var target: Double?
    /// Notes from the allocator (unspent budget, non-positive spend coefficient).
    public var notes: [String]

    /// The plan for `result` on `segments`.
    public init(scenario: String, segments: [ResolvedSegment], result: AllocationResult, totalBudget: Double,
                tolerance: Double, budgetMarginalPer1000: Double?, target: Double? = nil) {
        self.scenario = scenario
        lines = segments.indices.map { s in
            Line(segment: segments[s].segment.name, customers: segments[s].segment.customers,
                 budget: result.segmentSpend[s], perCustomerBudget: result.perCustomerSpend[s],
                 expectedConversions: result.expectedConversions[s],
                 marginalPer1000: result.marginalConversionsPer1000[s],
                 minSpend: segments[s].minSpend, maxSpend: segments[s].maxSpend)
        }
        self.totalBudget = totalBudget
        spent = result.segmentSpend.reduce(0, +)
        expectedConversions = result.totalExpectedConversions
        upperBound = result.upperBound
        gap = result.gap
        certified = result.certified
        self.tolerance = tolerance
        self.budgetMarginalPer1000 = budgetMarginalPer1000
        self.target = target
        notes = result.notes
    }

    /// The plan as a table, its certificate, marginal values and a bar per segment.
    public func render() -> String {
        var table = TextTable(headers: ["segment", "customers", "budget", "per customer", "bounds", "conversions", "rate",
                                        "+conv per 1k"])
        for line in lines {
            table.append([line.segment, NumberFormatting.grouped(Double(line.customers)), NumberFormatting.grouped(line.budget),
                          NumberFormatting.grouped(line.perCustomerBudget, 2),
                          NumberFormatting.compact(line.minSpend) + "–" + NumberFormatting.compact(line.maxSpend),
                          NumberFormatting.grouped(line.expectedConversions, 1),
                          NumberFormatting.fixed(100 * line.expectedConversions / Double(line.customers), 1) + "%",
                          NumberFormatting.fixed(line.marginalPer1000, 2)])
        }
        table.addRule()
        let customers = lines.reduce(0) { $0 + $1.customers }
        table.append(["total", NumberFormatting.grouped(Double(customers)), NumberFormatting.grouped(spent),
                      NumberFormatting.grouped(spent / Double(max(customers, 1)), 2), "",
                      NumberFormatting.grouped(expectedConversions, 1),
                      NumberFormatting.fixed(100 * expectedConversions / Double(max(customers, 1)), 1) + "%", ""])
        var out = ""
        if let target { out += "Smallest budget reaching \(NumberFormatting.grouped(target, 1)) expected conversions: \(NumberFormatting.grouped(totalBudget))\n" }
        out += table.render()
        out += "Upper bound on any allocation of \(NumberFormatting.grouped(totalBudget)): \(NumberFormatting.grouped(upperBound, 2)) conversions; "
        out += "gap \(NumberFormatting.compact(gap, significant: 3)) (\(certified ? "certified optimal" : "NOT certified") within \(NumberFormatting.compact(tolerance)) relative)\n"
        if let marginal = budgetMarginalPer1000 {
            out += "Another 1,000 of total budget buys \(NumberFormatting.fixed(marginal, 2)) more expected conversions"
            if let best = lines.filter({ $0.perCustomerBudget < $0.maxSpend - 1e-9 }).max(by: { $0.marginalPer1000 < $1.marginalPer1000 }) {
                out += "; the next dollar goes to '\(best.segment)'"
            }
            out += ".\n"
        }
        for note in notes { out += "note: " + note + "\n" }
        out += "\n" + TerminalCharts.bars(labels: lines.map(\.segment), values: lines.map(\.budget), width: 36, decimals: 0)
        if !out.hasSuffix("\n") { out += "\n" }
        return out
    }
}
