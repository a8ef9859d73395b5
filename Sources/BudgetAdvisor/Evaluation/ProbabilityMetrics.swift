/// Scores of predicted probabilities: log loss, ROC AUC and the Brier score.
public enum ProbabilityMetrics {
    /// Mean log loss, computed from margins z (p = σ(z)) so it is exact even for confident predictions.
    public static func logLoss(margins: [Double], labels: [Double]) -> Double {
        guard !labels.isEmpty else { return .nan }
        var total = 0.0
        for (z, y) in zip(margins, labels) { total += Sigmoid.logLoss(margin: z, label: y) }
        return total / Double(labels.count)
    }

    /// Mean log loss of probabilities, clipped to [ε, 1-ε] with ε the double machine epsilon (as scikit-learn).
    public static func logLoss(probabilities: [Double], labels: [Double]) -> Double {
        guard !labels.isEmpty else { return .nan }
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for (p, y) in zip(probabilities, labels) {
            let clipped = min(max(p, epsilon), 1 - epsilon)
            total -= y * log(clipped) + (1 - y) * log(1 - clipped)
        }
        return total / Double(labels.count)
    }

    /// Area under the ROC curve: the Mann–Whitney probability that a random positive scores above a random
    /// negative, ties counting one half (average ranks). NaN when a class is absent.
    public static func rocAUC(scores: [Double], labels: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPositive = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end where labels[order[k]] == 1 { rankSumPositive += averageRank }
            start = end + 1
        }
        let positives = labels.reduce(0, +), negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSumPositive - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Mean squared difference between probability and label.
    public static func brierScore(probabilities: [Double], labels: [Double]) -> Double {
        guard !labels.isEmpty else { return .nan }
        var total = 0.0
        for (p, y) in zip(probabilities, labels) { total += (p - y) * (p - y) }
        return total / Double(labels.count)
    }
}

import Foundation
