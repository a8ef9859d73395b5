/// Z-scores: (x - mean) / standard deviation, with the population standard deviation of the training rows
/// (as scikit-learn's `StandardScaler`).
public struct Standardizer: Sendable, Equatable {
    /// Per-feature means.
    public var means: [Double]
    /// Per-feature population standard deviations (all > 0).
    public var standardDeviations: [Double]

    /// Explicit scaling.
    public init(means: [Double], standardDeviations: [Double]) {
        self.means = means
        self.standardDeviations = standardDeviations
    }

    /// The scaling fitted to `columns`, with two-pass sums for accuracy.
    public init(fitting columns: [[Double]]) {
        var means: [Double] = [], deviations: [Double] = []
        for column in columns {
            // Work in units of a power of two at or above the largest magnitude, so values near 1e300 neither
            // overflow the sum nor the squares, and scaling is an exact multiplication; multiply back at the end.
            let largest = column.reduce(0) { max($0, abs($1)) }
            guard largest > 0, largest.isFinite else {
                means.append(0)
                deviations.append(largest.isFinite ? 0 : .nan)
                continue
            }
            let scale = Double(sign: .plus, exponent: largest.exponent + 1, significand: 1)
            let inverse = 1 / scale
            let mean = Summation.sum(column) { $0 * inverse } / Double(column.count)
            let squares = Summation.sum(column) { ($0 * inverse - mean) * ($0 * inverse - mean) }
            means.append(mean * scale)
            deviations.append((squares / Double(column.count)).squareRoot() * scale)
        }
        self.means = means
        self.standardDeviations = deviations
    }

    /// Maps standardized-scale parameters (intercept b, weights w on z-scores) to the original feature scale:
    /// c_j = w_j / s_j and intercept b - Σ w_j m_j / s_j.
    public func originalScale(intercept: Double, weights: [Double]) -> (intercept: Double, coefficients: [Double]) {
        var shift = 0.0
        var coefficients = [Double](repeating: 0, count: weights.count)
        for j in weights.indices {
            coefficients[j] = weights[j] / standardDeviations[j]
            shift += coefficients[j] * means[j]
        }
        return (intercept - shift, coefficients)
    }

    /// The Jacobian A of `originalScale` ([intercept, coefficients] = A · [b, w]), used to carry a covariance
    /// matrix from the standardized to the original scale.
    public var originalScaleJacobian: [[Double]] {
        let p = means.count
        var a = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)
        a[0][0] = 1
        for j in 0..<p {
            a[0][j + 1] = -means[j] / standardDeviations[j]
            a[j + 1][j + 1] = 1 / standardDeviations[j]
        }
        return a
    }
}
