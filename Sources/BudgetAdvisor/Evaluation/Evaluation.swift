/// A model scored on a set of rows: confusion matrix, classification report and probability metrics.
public struct Evaluation: Sendable, Equatable {
    /// Which rows were scored ("held-out" or "training").
    public var subset: String
    /// Rows scored.
    public var rows: Int
    /// At the 0.5 threshold.
    public var confusion: ConfusionMatrix
    /// Per-class precision, recall, F1.
    public var report: ClassificationReport
    /// Mean log loss (no penalty term).
    public var logLoss: Double
    /// Area under the ROC curve.
    public var rocAUC: Double
    /// Brier score.
    public var brierScore: Double

    /// Scores `model` on `data`, naming the rows `subset`.
    public init(model: LogisticModel, data: Dataset, subset: String) {
        let margins = model.margins(data)
        let probabilities = margins.map(Sigmoid.value)
        let predictions = probabilities.map { $0 >= 0.5 ? 1.0 : 0.0 }
        self.subset = subset
        rows = data.rowCount
        confusion = ConfusionMatrix(labels: data.labels, predictions: predictions)
        report = ClassificationReport(confusion)
        logLoss = ProbabilityMetrics.logLoss(margins: margins, labels: data.labels)
        rocAUC = ProbabilityMetrics.rocAUC(scores: margins, labels: data.labels)
        brierScore = ProbabilityMetrics.brierScore(probabilities: probabilities, labels: data.labels)
    }

    /// The evaluation as text: heading, confusion matrix, scikit-learn report, probability metrics.
    public func render() -> String {
        var out = "Evaluation on \(NumberFormatting.grouped(Double(rows))) \(subset) rows (threshold 0.5)\n\n"
        out += "Confusion matrix (rows = true class, columns = predicted):\n"
        out += confusion.render() + "\n"
        out += "Classification report:\n"
        out += report.render() + "\n"
        out += "log loss     \(NumberFormatting.fixed(logLoss, 4))\n"
        out += "ROC AUC      \(NumberFormatting.fixed(rocAUC, 4))\n"
        out += "Brier score  \(NumberFormatting.fixed(brierScore, 4))\n"
        return out
    }
}

import Foundation
