/// Turns a data set into a `LogisticModel`: standardize, descend, map back to the original scale, and keep the
/// covariance of the estimate for the what-if intervals.
public enum ModelTrainer {
    /// Everything a training run produced.
    public struct Outcome: Sendable {
        /// The model on the original scale.
        public var model: LogisticModel
        /// The descent on the standardized scale, with its loss history.
        public var descent: DescentResult
        /// What is wrong with the run, in words, when it did not converge (divergence, separable classes).
        public var diagnosis: String?

        /// Whether descent blew up or ended worse than it started (a step far too large makes it oscillate
        /// rather than grow): such a model must not be used.
        public var diverged: Bool {
            descent.stopReason == .diverged || !(descent.objective <= (descent.lossHistory.first ?? .infinity))
        }
    }

    /// Trains on all rows of `data`.
    /// - Throws: `TrainingError` for bad options or data that cannot be trained on.
    public static func train(_ data: Dataset, options: TrainingOptions = .init(),
                             progress: ((Int, Double) -> Void)? = nil) throws -> Outcome {
        try options.validate()
        guard data.rowCount >= 2 else { throw TrainingError.unusableData("at least two rows are needed") }
        let positives = data.positiveCount
        guard positives > 0, positives < data.rowCount else {
            throw TrainingError.unusableData("every training row has label \(positives == 0 ? 0 : 1); both classes are needed")
        }
        let standardizer = Standardizer(fitting: data.columns)
        for (j, deviation) in standardizer.standardDeviations.enumerated() where !(deviation > 0 && deviation.isFinite) {
            if deviation == 0 {
                throw TrainingError.unusableData("feature '\(data.featureNames[j])' is constant on the training rows")
            }
            throw TrainingError.unusableData("feature '\(data.featureNames[j])' has values too large to standardize; rescale the column")
        }
        let objective = LogisticObjective(columns: data.columns, labels: data.labels, standardizer: standardizer,
                                          lambda: options.lambda)
        let descent = GradientDescent.minimize(objective, options: options, progress: progress)
        let weights = Array(descent.parameters.dropFirst())
        let original = standardizer.originalScale(intercept: descent.parameters[0], weights: weights)
        var covariance: [[Double]]?
        let hessian = objective.hessian(at: descent.parameters)
        if let inverse = SmallMatrix.inverseSPD(hessian) {
            let n = Double(data.rowCount)
            let standardized = inverse.map { row in row.map { $0 / n } }
            let jacobian = standardizer.originalScaleJacobian
            covariance = SmallMatrix.multiply(SmallMatrix.multiply(jacobian, standardized), SmallMatrix.transpose(jacobian))
        }
        let diagnosis = diagnose(descent, objective: objective, options: options)
        let summary = LogisticModel.TrainingSummary(
            rows: data.rowCount, iterations: descent.iterations, objective: descent.objective,
            gradientNorm: descent.gradientNorm, converged: descent.converged,
            stopReason: diagnosis?.reason ?? descent.stopReason.rawValue,
            learningRate: descent.learningRate, method: options.method.rawValue, source: data.source)
        let model = LogisticModel(
            featureNames: data.featureNames, spendFeature: data.spendFeature, intercept: original.intercept,
            coefficients: original.coefficients, standardizer: standardizer, lambda: options.lambda,
            training: summary, featureRanges: data.featureRanges, covariance: covariance)
        return Outcome(model: model, descent: descent, diagnosis: diagnosis?.message)
    }

    /// Explains a run that did not converge: too large a step, or classes that the features separate
    /// perfectly (without a penalty the likelihood then has no maximum and the weights grow without bound).
    static func diagnose(_ descent: DescentResult, objective: LogisticObjective,
                         options: TrainingOptions) -> (reason: String, message: String)? {
        if descent.stopReason == .converged { return nil }
        if descent.stopReason == .diverged || !(descent.objective <= (descent.lossHistory.first ?? .infinity)) {
            return (StopReason.diverged.rawValue, "the objective grew or oscillated instead of settling: the learning rate \(NumberFormatting.compact(descent.learningRate)) is too large; leave learning-rate unset to use the safe 1/L step")
        }
        let size = descent.parameters.dropFirst().reduce(0) { $0 + $1 * $1 }.squareRoot()
        if options.lambda == 0 && (descent.objective < 1e-2 || size > 25) {
            return ("separable", "the features separate the classes (almost) perfectly, so without regularization the weights grow without bound (|w| = \(NumberFormatting.compact(size, significant: 3)) on the standardized scale); train with lambda > 0, e.g. lambda=0.001")
        }
        return (descent.stopReason.rawValue, "not converged after \(descent.iterations) iterations (gradient norm \(NumberFormatting.compact(descent.gradientNorm, significant: 3))); raise max-iterations or lambda")
    }
}
