import Testing
@testable import BudgetAdvisor

/// Metrics against values computed by hand (and, for the report text, against scikit-learn 1.9's output
/// for the same labels, pasted verbatim).
@Suite struct MetricsTests {
    let labels: [Double] = [0, 0, 0, 1, 1, 1, 1, 0, 1, 0]
    let predictions: [Double] = [0, 1, 0, 1, 1, 0, 1, 0, 1, 1]

    @Test func confusionMatrixCountsTrueAgainstPredicted() {
        let matrix = ConfusionMatrix(labels: labels, predictions: predictions)
        #expect(matrix.counts == [[3, 2], [1, 4]])
        #expect(matrix.support(1) == 5)
        #expect(matrix.predicted(1) == 6)
    }

    @Test func reportMatchesHandComputation() {
        let report = ClassificationReport(ConfusionMatrix(labels: labels, predictions: predictions))
        // class 1: precision 4/6, recall 4/5, F1 = 2·(2/3)(4/5)/((2/3)+(4/5)) = 8/11.
        #expect(abs(report.classes[1].precision - 4.0 / 6) < 1e-15)
        #expect(abs(report.classes[1].recall - 0.8) < 1e-15)
        #expect(abs(report.classes[1].f1 - 8.0 / 11) < 1e-15)
        // class 0: precision 3/4, recall 3/5, F1 = 2/3.
        #expect(abs(report.classes[0].f1 - 2.0 / 3) < 1e-15)
        #expect(report.accuracy == 0.7)
        #expect(abs(report.macroAverage.precision - (0.75 + 4.0 / 6) / 2) < 1e-15)
    }

    @Test func reportTextIsScikitLearns() {
        let report = ClassificationReport(ConfusionMatrix(labels: labels, predictions: predictions))
        let sklearn = "              precision    recall  f1-score   support\n\n           0       0.75      0.60      0.67         5\n           1       0.67      0.80      0.73         5\n\n    accuracy                           0.70        10\n   macro avg       0.71      0.70      0.70        10\nweighted avg       0.71      0.70      0.70        10\n"
        #expect(report.render() == sklearn)
    }

    @Test func zeroDivisionCountsAsZeroAsScikitLearn() {
        let report = ClassificationReport(ConfusionMatrix(labels: [0, 0, 1, 1], predictions: [0, 0, 0, 0]))
        let sklearn = "              precision    recall  f1-score   support\n\n           0       0.50      1.00      0.67         2\n           1       0.00      0.00      0.00         2\n\n    accuracy                           0.50         4\n   macro avg       0.25      0.50      0.33         4\nweighted avg       0.25      0.50      0.33         4\n"
        #expect(report.render() == sklearn)
    }

    @Test func rocAUCCountsTiesAsHalf() {
        // Positives score 0.4, 0.8, 0.2; negatives 0.1, 0.4, 0.4. Pairs won: 0.4 beats 0.1 and ties two (2),
        // 0.8 beats all (3), 0.2 beats 0.1 (1): 6 of 9 → 2/3 (scikit-learn: 0.6666666666666667).
        let auc = ProbabilityMetrics.rocAUC(scores: [0.1, 0.4, 0.4, 0.8, 0.2, 0.4], labels: [0, 0, 1, 1, 1, 0])
        #expect(abs(auc - 2.0 / 3) < 1e-15)
        #expect(ProbabilityMetrics.rocAUC(scores: [1, 2], labels: [1, 1]).isNaN)
    }

    @Test func logLossAndBrierByHand() {
        let probabilities = [0.9, 0.2, 0.6]
        let y: [Double] = [1, 0, 0]
        let expected = -(log(0.9) + log(0.8) + log(0.4)) / 3
        #expect(abs(ProbabilityMetrics.logLoss(probabilities: probabilities, labels: y) - expected) < 1e-15)
        let margins = probabilities.map(Sigmoid.logit)
        #expect(abs(ProbabilityMetrics.logLoss(margins: margins, labels: y) - expected) < 1e-14)
        #expect(abs(ProbabilityMetrics.brierScore(probabilities: probabilities, labels: y) - (0.01 + 0.04 + 0.36) / 3) < 1e-15)
        // Clipping keeps a confident mistake finite, as scikit-learn does.
        #expect(ProbabilityMetrics.logLoss(probabilities: [0], labels: [1]).isFinite)
    }

    @Test func splitIsStratifiedAndSeeded() throws {
        let labels = (0..<1_000).map { Double($0 % 4 == 0 ? 1 : 0) }
        let split = try TrainTestSplit(labels: labels, testFraction: 0.2, seed: 1)
        #expect(split.testIndices.count == 200)
        #expect(split.testIndices.filter { labels[$0] == 1 }.count == 50)
        #expect(Set(split.testIndices).isDisjoint(with: split.trainIndices))
        #expect(split == (try TrainTestSplit(labels: labels, testFraction: 0.2, seed: 1)))
        #expect(split != (try TrainTestSplit(labels: labels, testFraction: 0.2, seed: 2)))
        #expect(try TrainTestSplit(labels: labels, testFraction: 0, seed: 1).testIndices.isEmpty)
        #expect(throws: TrainingError.self) { try TrainTestSplit(labels: labels, testFraction: 1, seed: 1) }
    }
}

import Foundation
