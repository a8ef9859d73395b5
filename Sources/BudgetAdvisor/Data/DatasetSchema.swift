/// Which columns of a CSV file are the features, the label and the spend.
public struct DatasetSchema: Sendable, Equatable {
    /// Feature columns, in model order.
    public var features: [String]
    /// The 0/1 (or true/false) label column.
    public var label: String
    /// The feature that is advertising spend; must be one of `features`.
    public var spend: String
    /// The field delimiter (`,` unless told otherwise).
    public var delimiter: UInt8

    /// The study's columns: `advertising_budget,user_interest,purchase_frequency` and `converted`.
    public static let standard = DatasetSchema(
        features: SyntheticCustomers.featureNames, label: SyntheticCustomers.labelName,
        spend: SyntheticCustomers.spendFeature)

    /// A schema; `spend` defaults to the first feature.
    public init(features: [String], label: String, spend: String? = nil, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.features = features
        self.label = label
        self.spend = spend ?? features.first ?? ""
        self.delimiter = delimiter
    }

    /// Checks the schema itself before any file is read.
    /// - Throws: `DataError` (without a file line) when a name is missing, repeated, or the spend is not a feature.
    public func validate(file: String) throws {
        guard !features.isEmpty else { throw DataError(file: file, line: 0, "no feature columns were given") }
        var seen = Set<String>()
        for name in features where !seen.insert(name).inserted {
            throw DataError(file: file, line: 0, column: name, "is listed twice in --features")
        }
        guard !features.contains(label) else {
            throw DataError(file: file, line: 0, column: label, "cannot be both a feature and the label")
        }
        guard features.contains(spend) else {
            throw DataError(file: file, line: 0, column: spend,
                            "the spend column must be one of the features (\(features.joined(separator: ", ")))")
        }
    }
}
