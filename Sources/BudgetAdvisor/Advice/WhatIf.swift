import Foundation

/// Expected conversions of a given budget split, with a 90% interval that covers both the Bernoulli spread of
/// the outcomes and the uncertainty of the fitted coefficients (delta method with the model's covariance).
public struct WhatIf: Sendable {
    /// One segment's (or the total's) figures.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var customers: Int
        public var spend: Double
        public var perCustomerSpend: Double
        public var expectedConversions: Double
        public var conversionRate: Double
        /// spend / expected conversions (infinite when nothing converts).
        public var costPerConversion: Double
        public var low: Double
        public var high: Double
    }

    /// z for a two-sided 90% normal interval.
    public static let z90 = 1.6448536269514722

    /// Per segment.
    public var rows: [Row]
    /// All segments together (the interval accounts for the correlation through shared coefficients).
    public var total: Row
    /// Extrapolation and bound warnings, in words.
    public var warnings: [String]
    /// Whether the coefficient uncertainty is included (the model has a covariance).
    public var includesCoefficientUncertainty: Bool

    /// Evaluates `spend` (per segment, in currency) for `segments` under `model`.
    public init(model: LogisticModel, segments: [ResolvedSegment], spend: [Double]) {
        let covariance = model.covariance
        let spendIndex = model.spendIndex
        let trained = model.featureRanges?[spendIndex]
        var rows: [Row] = []
        var warnings: [String] = []
        var totalGradient = [Double](repeating: 0, count: model.featureNames.count + 1)
        var totalBernoulli = 0.0
        var totalMean = 0.0
        var totalCustomers = 0
        for (segment, amount) in zip(segments, spend) {
            let n = Double(segment.segment.customers)
            let perCustomer = amount / n
            let x = segment.featureVector(perCustomer)
            let p = model.probability(x)
            let mean = n * p
            let bernoulli = n * p * (1 - p)
            // d(mean)/dθ = n·p(1-p)·[1, x].
            var gradient = [bernoulli] + x.map { bernoulli * $0 }
            var variance = bernoulli
            if let covariance { variance += SmallMatrix.quadraticForm(covariance, gradient) } else { gradient = gradient.map { _ in 0 } }
            for k in gradient.indices { totalGradient[k] += gradient[k] }
            totalBernoulli += bernoulli
            totalMean += mean
            totalCustomers += segment.segment.customers
            let half = Self.z90 * variance.squareRoot()
            rows.append(Row(name: segment.segment.name, customers: segment.segment.customers, spend: amount,
                            perCustomerSpend: perCustomer, expectedConversions: mean, conversionRate: p,
                            costPerConversion: mean > 0 ? amount / mean : .infinity,
                            low: max(0, mean - half), high: min(n, mean + half)))
            let name = segment.segment.name
            let shown = NumberFormatting.grouped(perCustomer, 2)
            if let trained, !trained.contains(perCustomer) {
                warnings.append("\(name): \(shown) per customer is outside the spend range the model was trained on (\(NumberFormatting.compact(trained.lowerBound))..\(NumberFormatting.compact(trained.upperBound))): this is extrapolation")
            } else if perCustomer < segment.minSpend - 1e-9 || perCustomer > segment.maxSpend + 1e-9 {
                warnings.append("\(name): \(shown) per customer is outside the segment's bounds \(NumberFormatting.compact(segment.minSpend))..\(NumberFormatting.compact(segment.maxSpend))")
            }
        }
        var totalVariance = totalBernoulli
        if let covariance { totalVariance += SmallMatrix.quadraticForm(covariance, totalGradient) }
        let half = Self.z90 * totalVariance.squareRoot()
        let totalSpend = spend.reduce(0, +)
        self.rows = rows
        self.total = Row(name: "total", customers: totalCustomers, spend: totalSpend,
                         perCustomerSpend: totalCustomers > 0 ? totalSpend / Double(totalCustomers) : 0,
                         expectedConversions: totalMean,
                         conversionRate: totalCustomers > 0 ? totalMean / Double(totalCustomers) : 0,
                         costPerConversion: totalMean > 0 ? totalSpend / totalMean : .infinity,
                         low: max(0, totalMean - half), high: min(Double(totalCustomers), totalMean + half))
        self.warnings = warnings
        self.includesCoefficientUncertainty = covariance != nil
    }

    /// The figures as an aligned table with thousands separators, then the warnings.
    public func render() -> String {
        var table = TextTable(headers: ["segment", "customers", "spend", "per customer", "conversions", "90% interval",
                                        "rate", "cost/conv"])
        func cells(_ row: Row) -> [String] {
            [row.name, NumberFormatting.grouped(Double(row.customers)), NumberFormatting.grouped(row.spend),
             NumberFormatting.grouped(row.perCustomerSpend, 2), NumberFormatting.grouped(row.expectedConversions, 1),
             NumberFormatting.grouped(row.low, 0) + "–" + NumberFormatting.grouped(row.high, 0),
             NumberFormatting.fixed(100 * row.conversionRate, 1) + "%",
             row.costPerConversion.isFinite ? NumberFormatting.grouped(row.costPerConversion, 2) : "—"]
        }
        for row in rows { table.append(cells(row)) }
        table.addRule()
        table.append(cells(total))
        var out = table.render()
        out += includesCoefficientUncertainty
            ? "90% intervals cover the outcome spread and the coefficients' uncertainty (delta method).\n"
            : "90% intervals cover the outcome spread only (the model file has no covariance).\n"
        for warning in warnings { out += "warning: " + warning + "\n" }
        return out
    }
}
