/// The seeded synthetic customer base of the original study: three features drawn uniformly, and a conversion
/// label drawn from a known ("true") logistic model, so training can be checked against the truth.
public enum SyntheticCustomers {
    /// The true model: P(converted) = sigmoid(intercept + sum of coefficient × feature), on the original scale.
    public static let trueIntercept = -6.0
    /// True coefficients, in `featureNames` order.
    public static let trueCoefficients = [0.06, 3.0, 2.0]
    /// The default feature columns, spend first.
    public static let featureNames = ["advertising_budget", "user_interest", "purchase_frequency"]
    /// The default label column.
    public static let labelName = "converted"
    /// The feature that the advisor allocates.
    public static let spendFeature = "advertising_budget"
    /// The default seed of the embedded data set.
    public static let defaultSeed: UInt64 = 42
    /// The default number of rows of the embedded data set.
    public static let defaultRows = 5_000

    /// Generates `rows` customers from `seed`. Each row draws, in order: budget = 10 + 90·u (rounded to cents),
    /// interest = u and frequency = u (rounded to 4 decimals), then `converted = u < p` with p from the true
    /// model applied to the rounded values, so the CSV is exactly the data the labels were drawn from.
    public static func generate(rows: Int, seed: UInt64) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        var budget = [Double](), interest = [Double](), frequency = [Double](), labels = [Double]()
        budget.reserveCapacity(rows); interest.reserveCapacity(rows)
        frequency.reserveCapacity(rows); labels.reserveCapacity(rows)
        for _ in 0..<rows {
            let b = ((10 + 90 * generator.nextUnit()) * 100).rounded() / 100
            let i = (generator.nextUnit() * 10_000).rounded() / 10_000
            let f = (generator.nextUnit() * 10_000).rounded() / 10_000
            let logit = trueIntercept + trueCoefficients[0] * b + trueCoefficients[1] * i + trueCoefficients[2] * f
            let p = Sigmoid.value(logit)
            budget.append(b); interest.append(i); frequency.append(f)
            labels.append(generator.nextUnit() < p ? 1 : 0)
        }
        return Dataset(
            featureNames: featureNames, columns: [budget, interest, frequency],
            labelName: labelName, labels: labels, spendFeature: spendFeature,
            source: "synthetic(rows: \(rows), seed: \(seed))")
    }

    /// The CSV text of a generated data set: header, then one row per customer, LF line ends.
    public static func csv(_ data: Dataset) -> String {
        var out = (data.featureNames + [data.labelName]).joined(separator: ",") + "\n"
        out.reserveCapacity(data.rowCount * 28)
        for row in 0..<data.rowCount {
            out += NumberFormatting.fixed(data.columns[0][row], 2)
            for column in 1..<data.columns.count {
                out += "," + NumberFormatting.fixed(data.columns[column][row], 4)
            }
            out += data.labels[row] == 1 ? ",1\n" : ",0\n"
        }
        return out
    }
}
