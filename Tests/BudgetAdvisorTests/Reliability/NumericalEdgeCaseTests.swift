import Foundation
import Testing
@testable import BudgetAdvisor

/// Training on hostile numbers either converges or stops with a diagnosis; it never returns NaN weights or a
/// silent garbage model.
@Suite struct NumericalEdgeCaseTests {
    /// A data set from columns named x0, x1, ...
    func dataset(_ columns: [[Double]], labels: [Double]) -> Dataset {
        let names = columns.indices.map { "x\($0)" }
        return Dataset(featureNames: names, columns: columns, labelName: "y", labels: labels, spendFeature: names[0], source: "test")
    }

    /// `count` points of two features with labels from the true model σ(1.5·x0 - 1·x1), seeded.
    func noisy(_ count: Int, seed: UInt64 = 11) -> (columns: [[Double]], labels: [Double]) {
        var generator = SeededGenerator(seed: seed)
        var x0: [Double] = [], x1: [Double] = [], labels: [Double] = []
        for _ in 0..<count {
            let a = Double.random(in: -2...2, using: &generator), b = Double.random(in: -2...2, using: &generator)
            x0.append(a); x1.append(b)
            labels.append(Double.random(in: 0..<1, using: &generator) < Sigmoid.value(1.5 * a - b) ? 1 : 0)
        }
        return ([x0, x1], labels)
    }

    /// Linearly separable: y = 1 exactly when x0 > 0.
    func separable(_ count: Int = 200) -> Dataset {
        var (columns, _) = noisy(count)
        columns[0] = columns[0].map { $0 == 0 ? 0.01 : $0 }
        return dataset(columns, labels: columns[0].map { $0 > 0 ? 1 : 0 })
    }

    /// Every number of the model is finite and the stop reason is one of the known ones.
    func expectSane(_ model: LogisticModel, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(model.intercept.isFinite, "intercept \(model.intercept)", sourceLocation: sourceLocation)
        #expect(model.coefficients.allSatisfy { $0.isFinite }, "coefficients \(model.coefficients)", sourceLocation: sourceLocation)
        if let covariance = model.covariance {
            #expect(covariance.allSatisfy { $0.allSatisfy { $0.isFinite } }, "covariance not finite", sourceLocation: sourceLocation)
        }
        if let training = model.training {
            #expect(training.objective.isFinite && training.gradientNorm.isFinite, sourceLocation: sourceLocation)
            #expect(StopReason(rawValue: training.stopReason) != nil || training.stopReason.contains("separa"),
                    "stop reason '\(training.stopReason)'", sourceLocation: sourceLocation)
        }
    }

    /// The model's probabilities on the original scale agree with the descent's on the standardized scale.
    func expectPredictionsConsistent(_ outcome: ModelTrainer.Outcome, _ data: Dataset, tolerance: Double = 1e-6,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let standardizer = outcome.model.standardizer!
        let p = outcome.descent.parameters
        var worst = 0.0
        for i in 0..<data.rowCount {
            let x = data.columns.map { $0[i] }
            var margin = p[0]
            for j in x.indices { margin += p[j + 1] * (x[j] - standardizer.means[j]) / standardizer.standardDeviations[j] }
            worst = max(worst, abs(outcome.model.probability(x) - Sigmoid.value(margin)))
        }
        #expect(worst <= tolerance, "original-scale probabilities differ by \(worst)", sourceLocation: sourceLocation)
    }

    @Test func separableWithLambdaIsFineAndConverges() throws {
        let data = separable()
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(lambda: 0.01))
        expectSane(outcome.model)
        #expect(outcome.descent.stopReason == .converged)
        expectPredictionsConsistent(outcome, data)
    }

    @Test func separableWithoutLambdaStaysFinite() throws {
        let data = separable()
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(lambda: 0))
        expectSane(outcome.model)
        // Today: runs to the iteration cap with ever-growing weights, and the report says "raise max-iterations".
        #expect(outcome.descent.stopReason == .maxIterations)
        #expect(outcome.descent.iterations == 10_000)
    }

    @Test func separableWithoutLambdaIsDiagnosed() {
        let data = separable()
        var diagnosis = ""
        do {
            let outcome = try ModelTrainer.train(data, options: TrainingOptions(lambda: 0))
            diagnosis = outcome.model.training?.stopReason ?? ""
        } catch {
            diagnosis = error.localizedDescription
        }
        #expect(diagnosis.contains("separa"), "diagnosis: \(diagnosis)")
    
    }

    @Test func separableWithoutLambdaPlainDescentStaysFinite() throws {
        let outcome = try ModelTrainer.train(separable(), options: TrainingOptions(lambda: 0, maxIterations: 2_000, method: .plain))
        expectSane(outcome.model)
    }

    @Test func nearConstantColumn() throws {
        var (columns, labels) = noisy(300)
        var generator = SeededGenerator(seed: 5)
        columns.append((0..<300).map { _ in 1e6 + 1e-6 * Double.random(in: -1...1, using: &generator) })
        let data = dataset(columns, labels: labels)
        do {
            let outcome = try ModelTrainer.train(data)
            expectSane(outcome.model)
            #expect(outcome.descent.stopReason == .converged)
            expectPredictionsConsistent(outcome, data, tolerance: 1e-4)
        } catch let error as TrainingError {
            #expect(error.localizedDescription.contains("x2"), "a refusal must name the column: \(error)")
        }
    }

    @Test func extremeFeatureValues() throws {
        var (columns, labels) = noisy(300)
        columns[0] = columns[0].map { $0 * 1e12 }
        columns[1] = columns[1].map { $0 * 1e-12 }
        let data = dataset(columns, labels: labels)
        let outcome = try ModelTrainer.train(data)
        expectSane(outcome.model)
        #expect(outcome.descent.stopReason == .converged)
        expectPredictionsConsistent(outcome, data)
        // Same fit as on the unscaled data, scaled back.
        let plain = try ModelTrainer.train(dataset(noisy(300).columns, labels: labels))
        #expect(abs(outcome.model.coefficients[0] * 1e12 - plain.model.coefficients[0]) <= 1e-6 * abs(plain.model.coefficients[0]))
    }

    @Test func hugeButFiniteValuesAreNotCalledConstant() {
        var (columns, labels) = noisy(100)
        columns[0] = columns[0].map { $0 * 1e200 }
        let data = dataset(columns, labels: labels)
        // The variance of values near 1e200 overflows to +inf in Standardizer(fitting:), and training then says
        // "feature 'x0' is constant on the training rows" -- the opposite of the truth.
        do {
            let outcome = try ModelTrainer.train(data)
            expectSane(outcome.model)
        } catch {
            #expect(!error.localizedDescription.contains("constant"), "\(error.localizedDescription)")
        }
    
    }

    @Test func allZeroAndAllOneLabelsAreRefused() throws {
        let (columns, _) = noisy(50)
        for label in [0.0, 1.0] {
            let data = dataset(columns, labels: Array(repeating: label, count: 50))
            #expect(Reliability.message { _ = try ModelTrainer.train(data) }
                    == "cannot train: every training row has label \(Int(label)); both classes are needed")
        }
    }

    @Test func tooFewRowsAndConstantColumnsAreRefused() throws {
        #expect(Reliability.message { _ = try ModelTrainer.train(dataset([[1]], labels: [1])) }
                == "cannot train: at least two rows are needed")
        #expect(Reliability.message { _ = try ModelTrainer.train(dataset([[1, 2, 3], [5, 5, 5]], labels: [0, 1, 1])) }
                == "cannot train: feature 'x1' is constant on the training rows")
    }

    @Test(arguments: [TrainingOptions.Method.plain, .accelerated], [1e6, 1e300])
    func learningRateFarTooLargeIsDiagnosedAsDivergence(method: TrainingOptions.Method, rate: Double) throws {
        let (columns, labels) = noisy(300)
        let outcome = try ModelTrainer.train(dataset(columns, labels: labels),
                                             options: TrainingOptions(learningRate: rate, maxIterations: 5_000, method: method))
        expectSane(outcome.model)
        #expect(outcome.descent.stopReason == .diverged, "stopped: \(outcome.descent.stopReason) after \(outcome.descent.iterations)")
        #expect(outcome.descent.objective.isFinite)
    }

    /// A step about 10 times 1/L: plain descent still converges here; accelerated descent oscillates until the
    /// iteration cap, and the report then advises "raise max-iterations" when the step size is the problem.
    @Test(arguments: [TrainingOptions.Method.plain, .accelerated])
    func learningRateTenTimesTooLargeConvergesOrIsDiagnosed(method: TrainingOptions.Method) throws {
        let (columns, labels) = noisy(300)
        let outcome = try ModelTrainer.train(dataset(columns, labels: labels),
                                             options: TrainingOptions(learningRate: 10, maxIterations: 5_000, method: method))
        expectSane(outcome.model)
        #expect(outcome.descent.stopReason == .converged || outcome.descent.stopReason == .diverged,
                "\(method): stopped: \(outcome.descent.stopReason) after \(outcome.descent.iterations), objective \(outcome.descent.objective)")
    
    }

    @Test func iterationCapOfOneStillGivesAFiniteModel() throws {
        let (columns, labels) = noisy(100)
        let outcome = try ModelTrainer.train(dataset(columns, labels: labels), options: TrainingOptions(maxIterations: 1))
        expectSane(outcome.model)
        #expect(outcome.descent.stopReason == .maxIterations)
    }

    @Test func badOptionsAreRefused() {
        let data = separable(20)
        let cases: [(TrainingOptions, String)] = [
            (TrainingOptions(lambda: .nan), "invalid training option: lambda must be a number >= 0"),
            (TrainingOptions(lambda: -1), "invalid training option: lambda must be a number >= 0"),
            (TrainingOptions(learningRate: 0), "invalid training option: learning-rate must be a positive number"),
            (TrainingOptions(learningRate: .infinity), "invalid training option: learning-rate must be a positive number"),
            (TrainingOptions(maxIterations: 0), "invalid training option: max-iterations must be at least 1"),
            (TrainingOptions(tolerance: 0), "invalid training option: tolerance must be a positive number"),
        ]
        for (options, expected) in cases {
            #expect(Reliability.message { _ = try ModelTrainer.train(data, options: options) } == expected)
        }
    }
}
