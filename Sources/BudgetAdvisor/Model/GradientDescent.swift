import Foundation

/// Why gradient descent stopped.
public enum StopReason: String, Sendable, Equatable {
    /// The gradient norm reached the tolerance.
    case converged
    /// The iteration cap was reached first.
    case maxIterations = "max-iterations"
    /// The objective became non-finite or kept growing: the step size is too large.
    case diverged
}

/// The outcome of one gradient-descent run on the standardized scale.
public struct DescentResult: Sendable, Equatable {
    /// [b, w_1, ..., w_p] on the standardized scale.
    public var parameters: [Double]
    /// The objective at each iteration's evaluation point (one entry per gradient evaluation).
    public var lossHistory: [Double]
    /// The objective at the returned parameters.
    public var objective: Double
    /// The gradient norm at the returned parameters.
    public var gradientNorm: Double
    /// The step size used.
    public var learningRate: Double
    /// Gradient evaluations performed.
    public var iterations: Int
    /// Why it stopped.
    public var stopReason: StopReason
    /// Whether the tolerance was reached.
    public var converged: Bool { stopReason == .converged }
}

/// Full-batch gradient descent on a `LogisticObjective`.
public enum GradientDescent {
    /// Minimizes `objective` from the start b = logit(mean label), w = 0.
    /// - Parameter progress: called now and then with (iteration, gradient norm), for long runs.
    public static func minimize(_ objective: LogisticObjective, options: TrainingOptions,
                                progress: ((Int, Double) -> Void)? = nil) -> DescentResult {
        let rate = options.learningRate ?? 1 / objective.lipschitzBound()
        let meanLabel = objective.labels.reduce(0, +) / Double(objective.labels.count)
        var x = [Double](repeating: 0, count: objective.parameterCount)
        x[0] = Sigmoid.logit(min(max(meanLabel, 1e-12), 1 - 1e-12))
        var y = x
        var momentum = 1.0
        var history: [Double] = []
        history.reserveCapacity(min(options.maxIterations, 100_000))
        var best = (parameters: x, value: Double.infinity, gradientNorm: Double.infinity)
        var increases = 0
        for iteration in 1...options.maxIterations {
            let (value, gradient) = objective.valueAndGradient(at: y)
            let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            history.append(value)
            guard value.isFinite, norm.isFinite else {
                return DescentResult(parameters: best.parameters, lossHistory: history, objective: best.value,
                                     gradientNorm: best.gradientNorm, learningRate: rate, iterations: iteration,
                                     stopReason: .diverged)
            }
            if value < best.value { best = (y, value, norm) }
            increases = history.count > 1 && value > history[history.count - 2] * (1 + 1e-12) ? increases + 1 : 0
            if norm <= options.tolerance {
                return DescentResult(parameters: y, lossHistory: history, objective: value, gradientNorm: norm,
                                     learningRate: rate, iterations: iteration, stopReason: .converged)
            }
            if options.method == .plain && increases >= 20 || value > history[0] * 1e6 + 1e6 {
                return DescentResult(parameters: best.parameters, lossHistory: history, objective: best.value,
                                     gradientNorm: best.gradientNorm, learningRate: rate, iterations: iteration,
                                     stopReason: .diverged)
            }
            if iteration % 1_000 == 0 { progress?(iteration, norm) }
            var next = y
            for k in next.indices { next[k] -= rate * gradient[k] }
            switch options.method {
            case .plain:
                y = next
            case .accelerated:
                // O'Donoghue & Candès gradient restart: drop the momentum when it points uphill.
                var uphill = 0.0
                for k in next.indices { uphill += gradient[k] * (next[k] - x[k]) }
                if uphill > 0 { momentum = 1 }
                let nextMomentum = (1 + (1 + 4 * momentum * momentum).squareRoot()) / 2
                let beta = (momentum - 1) / nextMomentum
                for k in next.indices { y[k] = next[k] + beta * (next[k] - x[k]) }
                momentum = nextMomentum
            }
            x = next
        }
        let (value, gradient) = objective.valueAndGradient(at: y)
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return DescentResult(parameters: y, lossHistory: history, objective: value, gradientNorm: norm,
                             learningRate: rate, iterations: options.maxIterations, stopReason: .maxIterations)
    }
}
