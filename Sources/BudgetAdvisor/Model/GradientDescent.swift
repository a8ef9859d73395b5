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
        if options.method == .barzilaiBorwein {
            return barzilaiBorwein(objective, options: options, rate: rate, progress: progress)
        }
        let meanLabel = Summation.sum(objective.labels) / Double(objective.labels.count)
        var x = [Double](repeating: 0, count: objective.parameterCount)
        x[0] = Sigmoid.logit(min(max(meanLabel, 1e-12), 1 - 1e-12))
        var y = x
        var momentum = 1.0
        var history: [Double] = []
        history.reserveCapacity(min(options.maxIterations, 100_000))
        var best = (parameters: x, value: Double.infinity, gradientNorm: Double.infinity)
        var increases = 0
        var restarts = 0
        var lastImprovement = 0
        var reporter = ProgressReporter(progress)
        for iteration in 1...options.maxIterations {
            let (value, gradient) = objective.valueAndGradient(at: y)
            let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            history.append(value)
            guard value.isFinite, norm.isFinite else {
                return DescentResult(parameters: best.parameters, lossHistory: history, objective: best.value,
                                     gradientNorm: best.gradientNorm, learningRate: rate, iterations: iteration,
                                     stopReason: .diverged)
            }
            if value < best.value * (1 - 1e-15) { lastImprovement = iteration }
            if value < best.value { best = (y, value, norm) }
            increases = history.count > 1 && value > history[history.count - 2] * (1 + 1e-12) ? increases + 1 : 0
            if norm <= options.tolerance {
                return DescentResult(parameters: y, lossHistory: history, objective: value, gradientNorm: norm,
                                     learningRate: rate, iterations: iteration, stopReason: .converged)
            }
            // A step far too large: plain descent keeps climbing; accelerated descent keeps restarting its
            // momentum (it oscillates) instead of settling.
            // (Also: no new best objective in 500 iterations while the gradient is still large.)
            let oscillating = options.method == .accelerated && iteration >= 200
                && (2 * restarts > iteration || iteration - lastImprovement >= 500 && norm > 1e3 * options.tolerance)
            if options.method == .plain && increases >= 20 || value > history[0] * 1e6 + 1e6 || oscillating {
                return DescentResult(parameters: best.parameters, lossHistory: history, objective: best.value,
                                     gradientNorm: best.gradientNorm, learningRate: rate, iterations: iteration,
                                     stopReason: .diverged)
            }
            reporter.report(iteration, norm)
            var next = y
            for k in next.indices { next[k] -= rate * gradient[k] }
            switch options.method {
            case .plain:
                y = next
            case .barzilaiBorwein:
                preconditionFailure("handled by barzilaiBorwein")
            case .accelerated:
                // O'Donoghue & Candès gradient restart: drop the momentum when it points uphill.
                var uphill = 0.0
                for k in next.indices { uphill += gradient[k] * (next[k] - x[k]) }
                if uphill > 0 { momentum = 1; restarts += 1 }
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

    /// Calls the progress callback about once a second (never more), so a long run on a big file shows life
    /// and a short one prints nothing.
    struct ProgressReporter {
        let progress: ((Int, Double) -> Void)?
        let clock = ContinuousClock()
        var last: ContinuousClock.Instant

        init(_ progress: ((Int, Double) -> Void)?) {
            self.progress = progress
            last = clock.now
        }

        mutating func report(_ iteration: Int, _ norm: Double) {
            guard let progress, clock.now - last >= .seconds(1) else { return }
            last = clock.now
            progress(iteration, norm)
        }
    }

    /// The starting point: b = logit(mean label), w = 0.
    static func start(_ objective: LogisticObjective) -> [Double] {
        let meanLabel = Summation.sum(objective.labels) / Double(objective.labels.count)
        var x = [Double](repeating: 0, count: objective.parameterCount)
        x[0] = Sigmoid.logit(min(max(meanLabel, 1e-12), 1 - 1e-12))
        return x
    }

    /// Barzilai–Borwein steps α = s·s / s·y (s, y the last change of parameters and gradient), kept in
    /// [rate, 1e6·rate], with a nonmonotone sufficient-decrease test against the largest of the last 10 accepted
    /// objectives: f(x - αg) <= max - 1e-4·α·|g|². A rejected trial halves α (never below `rate`; with rate = 1/L
    /// the step is always accepted by the descent lemma). Every trial is one gradient evaluation and one history entry.
    static func barzilaiBorwein(_ objective: LogisticObjective, options: TrainingOptions, rate: Double,
                                progress: ((Int, Double) -> Void)?) -> DescentResult {
        let memory = 10, sufficient = 1e-4
        var x = start(objective)
        var (value, gradient) = objective.valueAndGradient(at: x)
        var history = [value]
        history.reserveCapacity(min(options.maxIterations, 100_000))
        var accepted = [value]
        var norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var best = (parameters: x, value: value, gradientNorm: norm)
        var step = rate
        var reporter = ProgressReporter(progress)
        func result(_ reason: StopReason, _ point: (parameters: [Double], value: Double, gradientNorm: Double)) -> DescentResult {
            DescentResult(parameters: point.parameters, lossHistory: history, objective: point.value,
                          gradientNorm: point.gradientNorm, learningRate: rate, iterations: history.count, stopReason: reason)
        }
        while true {
            guard value.isFinite, norm.isFinite else { return result(.diverged, best) }
            if norm <= options.tolerance { return result(.converged, (x, value, norm)) }
            guard history.count < options.maxIterations else { return result(.maxIterations, (x, value, norm)) }
            let squaredNorm = norm * norm
            let reference = accepted.suffix(memory).max()!
            while true {
                var trial = x
                for k in trial.indices { trial[k] -= step * gradient[k] }
                let (trialValue, trialGradient) = objective.valueAndGradient(at: trial)
                history.append(trialValue)
                let trialNorm = trialGradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
                reporter.report(history.count, trialNorm)
                if trialValue.isFinite, trialNorm.isFinite, trialValue < best.value { best = (trial, trialValue, trialNorm) }
                let done = trialNorm <= options.tolerance || history.count >= options.maxIterations
                if done || trialValue <= reference - sufficient * step * squaredNorm || step <= rate
                    || !trialValue.isFinite || trialValue > history[0] * 1e6 + 1e6 {
                    guard !(trialValue > history[0] * 1e6 + 1e6) else { return result(.diverged, best) }
                    // BB step from the accepted move.
                    var ss = 0.0, sy = 0.0
                    for k in x.indices {
                        let s = trial[k] - x[k], y = trialGradient[k] - gradient[k]
                        ss += s * s
                        sy += s * y
                    }
                    x = trial
                    value = trialValue
                    gradient = trialGradient
                    norm = trialNorm
                    accepted.append(value)
                    step = sy > 0 ? min(max(ss / sy, rate), 1e6 * rate) : rate
                    break
                }
                step = max(step / 2, rate)
            }
        }
    }
}
