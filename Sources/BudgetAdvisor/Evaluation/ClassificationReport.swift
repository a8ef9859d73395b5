import Foundation

/// Precision, recall, F1 and support per class, with accuracy and macro / weighted averages, laid out exactly as
/// scikit-learn's `classification_report` (digits = 2 by default; zero divisions count as 0).
public struct ClassificationReport: Sendable, Equatable {
    /// One class's (or average's) scores.
    public struct Scores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// Per class, in class order.
    public var classes: [Scores]
    /// Fraction of correct predictions.
    public var accuracy: Double
    /// Unweighted mean over classes.
    public var macroAverage: Scores
    /// Support-weighted mean over classes.
    public var weightedAverage: Scores
    /// Class names in the report's first column.
    public var classNames: [String]

    /// The report for a confusion matrix.
    public init(_ matrix: ConfusionMatrix, classNames: [String]? = nil) {
        let k = matrix.classCount
        self.classNames = classNames ?? (0..<k).map(String.init)
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let classes: [Scores] = (0..<k).map { c in
            let precision = ratio(matrix.counts[c][c], matrix.predicted(c))
            let recall = ratio(matrix.counts[c][c], matrix.support(c))
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return Scores(precision: precision, recall: recall, f1: f1, support: matrix.support(c))
        }
        let total = matrix.total
        accuracy = ratio(matrix.correct, total)
        self.classes = classes
        func average(_ key: KeyPath<Scores, Double>, weighted: Bool) -> Double {
            if weighted {
                return total == 0 ? 0 : classes.reduce(0) { $0 + $1[keyPath: key] * Double($1.support) } / Double(total)
            }
            return classes.reduce(0) { $0 + $1[keyPath: key] } / Double(k)
        }
        macroAverage = Scores(precision: average(\.precision, weighted: false), recall: average(\.recall, weighted: false),
                              f1: average(\.f1, weighted: false), support: total)
        weightedAverage = Scores(precision: average(\.precision, weighted: true), recall: average(\.recall, weighted: true),
                                 f1: average(\.f1, weighted: true), support: total)
    }

    /// The text scikit-learn prints (its format strings reproduced: name column right-aligned to the longest
    /// name or "weighted avg", then 9-wide columns, values with `digits` decimals).
    public func render(digits: Int = 2) -> String {
        let width = max(classNames.map(\.count).max() ?? 0, "weighted avg".count, digits)
        func right(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        // printf rounds the binary value exactly, as Python's format() does, so ties match scikit-learn.
        func value(_ x: Double) -> String { right(String(format: "%.\(digits)f", x), 9) }
        func row(_ name: String, _ s: Scores) -> String {
            right(name, width) + " " + " " + value(s.precision) + " " + value(s.recall) + " " + value(s.f1)
                + " " + right(String(s.support), 9) + "\n"
        }
        var out = right("", width) + " " + ["precision", "recall", "f1-score", "support"].map { " " + right($0, 9) }.joined() + "\n\n"
        for (name, scores) in zip(classNames, classes) { out += row(name, scores) }
        out += "\n"
        out += right("accuracy", width) + " " + " " + right("", 9) + " " + right("", 9) + " " + value(accuracy)
            + " " + right(String(macroAverage.support), 9) + "\n"
        out += row("macro avg", macroAverage)
        out += row("weighted avg", weightedAverage)
        return out
    }
}
