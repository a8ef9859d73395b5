/// Settings of gradient-descent training.
public struct TrainingOptions: Sendable, Equatable {
    /// How each step is taken.
    public enum Method: String, Sendable, CaseIterable {
        /// Nesterov momentum with adaptive (gradient) restart: same step size, far fewer iterations.
        case accelerated
        /// Plain fixed-step full-batch gradient descent.
        case plain
        /// Gradient descent with Barzilai–Borwein step sizes (s·s / s·y) under a nonmonotone sufficient-decrease
        /// safeguard (Grippo–Lampariello–Lucidi, memory 10): steps are halved, never below 1/L, until accepted.
        case barzilaiBorwein = "barzilai-borwein"
    }

    /// L2 penalty λ on the standardized weights (scikit-learn's C = 1 / (λ·N)).
    public var lambda: Double = 1e-3
    /// Step size; nil chooses 1/L from the Lipschitz bound of the gradient, which always converges.
    public var learningRate: Double?
    /// Iteration cap.
    public var maxIterations: Int = 10_000
    /// Stop when the Euclidean norm of the gradient (intercept included) is at most this.
    public var tolerance: Double = 1e-9
    /// The step rule.
    public var method: Method = .accelerated

    /// Defaults: λ = 0.001, step 1/L, 10,000 iterations, gradient norm 1e-9, accelerated.
    public init(lambda: Double = 1e-3, learningRate: Double? = nil, maxIterations: Int = 10_000,
                tolerance: Double = 1e-9, method: Method = .accelerated) {
        self.lambda = lambda
        self.learningRate = learningRate
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.method = method
    }

    /// Checks every setting.
    /// - Throws: `TrainingError.invalidOption` saying which and why.
    public func validate() throws {
        guard lambda.isFinite, lambda >= 0 else { throw TrainingError.invalidOption("lambda must be a number >= 0") }
        if let learningRate, !(learningRate.isFinite && learningRate > 0) {
            throw TrainingError.invalidOption("learning-rate must be a positive number")
        }
        guard maxIterations >= 1 else { throw TrainingError.invalidOption("max-iterations must be at least 1") }
        guard tolerance.isFinite, tolerance > 0 else { throw TrainingError.invalidOption("tolerance must be a positive number") }
    }
}

/// Why training could not produce a model.
public enum TrainingError: Error, LocalizedError, Equatable {
    /// A setting is out of range.
    case invalidOption(String)
    /// The data cannot be trained on.
    case unusableData(String)

    public var errorDescription: String? {
        switch self {
        case let .invalidOption(message): return "invalid training option: \(message)"
        case let .unusableData(message): return "cannot train: \(message)"
        }
    }
}

import Foundation
