/// Counts of true class (rows) against predicted class (columns), as scikit-learn's `confusion_matrix`.
public struct ConfusionMatrix: Sendable, Equatable {
    /// `counts[t][p]`: rows whose true class is t and predicted class is p.
    public var counts: [[Int]]

    /// Counts for binary labels and predictions (each 0 or 1).
    public init(labels: [Double], predictions: [Double]) {
        counts = [[0, 0], [0, 0]]
        for (truth, guess) in zip(labels, predictions) { counts[Int(truth)][Int(guess)] += 1 }
    }

    /// Explicit counts.
    public init(counts: [[Int]]) { self.counts = counts }

    /// The number of classes.
    public var classCount: Int { counts.count }
    /// All rows counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Rows of true class `c` (the support).
    public func support(_ c: Int) -> Int { counts[c].reduce(0, +) }
    /// Rows predicted as class `c`.
    public func predicted(_ c: Int) -> Int { counts.reduce(0) { $0 + $1[c] } }
    /// Correct predictions.
    public var correct: Int { (0..<classCount).reduce(0) { $0 + counts[$1][$1] } }

    /// The matrix as aligned text with labelled axes.
    public func render(classNames: [String] = ["0", "1"]) -> String {
        let width = max(8, (counts.flatMap { $0 }.map { NumberFormatting.grouped(Double($0)).count }.max() ?? 1) + 2)
        let nameWidth = max(12, (classNames.map(\.count).max() ?? 1) + 7)
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        var out = String(repeating: " ", count: nameWidth) + "  predicted\n"
        out += String(repeating: " ", count: nameWidth) + classNames.map { pad($0, width) }.joined() + "\n"
        for (row, name) in classNames.enumerated() {
            let label = "true " + name
            out += label + String(repeating: " ", count: max(0, nameWidth - label.count))
            out += counts[row].map { pad(NumberFormatting.grouped(Double($0)), width) }.joined() + "\n"
        }
        return out
    }
}
