/// Customers as contiguous columns of numbers: one `[Double]` per feature plus the 0/1 labels.
public struct Dataset: Sendable, Equatable {
    /// Feature names in model order.
    public var featureNames: [String]
    /// One column per feature, each `rowCount` long.
    public var columns: [[Double]]
    /// The label column's name.
    public var labelName: String
    /// Labels, each 0 or 1.
    public var labels: [Double]
    /// The feature that is advertising spend (the one the advisor allocates).
    public var spendFeature: String
    /// Where the data came from (a file path or a generator description), for reports.
    public var source: String

    /// Creates a data set; columns must all have `labels.count` entries.
    public init(featureNames: [String], columns: [[Double]], labelName: String, labels: [Double],
                spendFeature: String, source: String) {
        precondition(featureNames.count == columns.count)
        precondition(columns.allSatisfy { $0.count == labels.count })
        self.featureNames = featureNames
        self.columns = columns
        self.labelName = labelName
        self.labels = labels
        self.spendFeature = spendFeature
        self.source = source
    }

    /// The number of customers.
    public var rowCount: Int { labels.count }

    /// The number of converted customers.
    public var positiveCount: Int { labels.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        Dataset(featureNames: featureNames,
                columns: columns.map { column in indices.map { column[$0] } },
                labelName: labelName, labels: indices.map { labels[$0] },
                spendFeature: spendFeature, source: source)
    }

    /// The smallest and largest value of every feature.
    public var featureRanges: [ClosedRange<Double>] {
        columns.map { column in
            var low = Double.infinity, high = -Double.infinity
            for x in column { low = min(low, x); high = max(high, x) }
            return low...high
        }
    }
}
