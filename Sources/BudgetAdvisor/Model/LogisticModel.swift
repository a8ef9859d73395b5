/// A fitted (or imported) logistic model on the ORIGINAL feature scale: P(convert | x) = σ(intercept + c·x).
/// Only the names, intercept and coefficients are required; the rest is known when the model was trained here.
public struct LogisticModel: Sendable, Equatable {
    /// What training reported.
    public struct TrainingSummary: Sendable, Equatable {
        /// Training rows.
        public var rows: Int
        /// Gradient evaluations.
        public var iterations: Int
        /// The objective J at the optimum.
        public var objective: Double
        /// The gradient norm at the optimum.
        public var gradientNorm: Double
        /// Whether the tolerance was reached.
        public var converged: Bool
        /// Why descent stopped.
        public var stopReason: String
        /// The step size.
        public var learningRate: Double
        /// The step rule (`accelerated` or `plain`).
        public var method: String
        /// The data the model was trained on.
        public var source: String

        public init(rows: Int, iterations: Int, objective: Double, gradientNorm: Double, converged: Bool,
                    stopReason: String, learningRate: Double, method: String, source: String) {
            self.rows = rows
            self.iterations = iterations
            self.objective = objective
            self.gradientNorm = gradientNorm
            self.converged = converged
            self.stopReason = stopReason
            self.learningRate = learningRate
            self.method = method
            self.source = source
        }
    }

    /// Feature names in order.
    public var featureNames: [String]
    /// The feature that is per-customer advertising spend.
    public var spendFeature: String
    /// Intercept on the original scale.
    public var intercept: Double
    /// Coefficients on the original scale, in `featureNames` order.
    public var coefficients: [Double]
    /// The scaling used in training, if trained here.
    public var standardizer: Standardizer?
    /// The L2 penalty used in training, if known.
    public var lambda: Double?
    /// The training summary, if trained here.
    public var training: TrainingSummary?
    /// The range of each feature seen in training, if known.
    public var featureRanges: [ClosedRange<Double>]?
    /// Covariance of [intercept, coefficients] on the original scale: (N·H)⁻¹ mapped from the standardized
    /// scale, H the Hessian of the training objective at the optimum. Drives the what-if intervals.
    public var covariance: [[Double]]?

    public init(featureNames: [String], spendFeature: String, intercept: Double, coefficients: [Double],
                standardizer: Standardizer? = nil, lambda: Double? = nil, training: TrainingSummary? = nil,
                featureRanges: [ClosedRange<Double>]? = nil, covariance: [[Double]]? = nil) {
        self.featureNames = featureNames
        self.spendFeature = spendFeature
        self.intercept = intercept
        self.coefficients = coefficients
        self.standardizer = standardizer
        self.lambda = lambda
        self.training = training
        self.featureRanges = featureRanges
        self.covariance = covariance
    }

    /// The index of the spend feature.
    public var spendIndex: Int { featureNames.firstIndex(of: spendFeature)! }

    /// The coefficient of the spend feature.
    public var spendCoefficient: Double { coefficients[spendIndex] }

    /// The coefficient of `feature`, or nil.
    public func coefficient(of feature: String) -> Double? {
        featureNames.firstIndex(of: feature).map { coefficients[$0] }
    }

    /// intercept + c·x.
    public func margin(_ features: [Double]) -> Double {
        var z = intercept
        for j in coefficients.indices { z += coefficients[j] * features[j] }
        return z
    }

    /// P(convert | x).
    public func probability(_ features: [Double]) -> Double { Sigmoid.value(margin(features)) }

    /// Probabilities for every row of `data` (columns in this model's feature order).
    public func probabilities(_ data: Dataset) -> [Double] {
        margins(data).map(Sigmoid.value)
    }

    /// Margins for every row of `data`.
    public func margins(_ data: Dataset) -> [Double] {
        var margins = [Double](repeating: intercept, count: data.rowCount)
        for j in coefficients.indices {
            let c = coefficients[j]
            let column = data.columns[j]
            for i in margins.indices { margins[i] += c * column[i] }
        }
        return margins
    }
}
