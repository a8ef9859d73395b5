import Foundation

/// The logistic function and the log loss in forms that never overflow or take log(0).
public enum Sigmoid {
    /// 1 / (1 + e^-z), computed without overflow for any finite z.
    @inlinable
    public static func value(_ z: Double) -> Double {
        if z >= 0 {
            return 1 / (1 + exp(-z))
        }
        let e = exp(z)
        return e / (1 + e)
    }

    /// log(1 + e^z), exact to rounding for every finite z.
    @inlinable
    public static func softplus(_ z: Double) -> Double {
        max(z, 0) + log1p(exp(-abs(z)))
    }

    /// The log loss of a margin z = b + w·x for label y ∈ {0, 1}: -[y log σ(z) + (1-y) log(1-σ(z))]
    /// = softplus(z) - y·z, computed as softplus((1 - 2y)·z) for binary y so a confident correct prediction
    /// keeps its tiny loss to full relative precision (no cancellation).
    @inlinable
    public static func logLoss(margin z: Double, label y: Double) -> Double {
        if y == 0 || y == 1 { return softplus((1 - 2 * y) * z) }
        return softplus(z) - y * z
    }

    /// log(p / (1 - p)).
    @inlinable
    public static func logit(_ p: Double) -> Double {
        log(p / (1 - p))
    }
}
