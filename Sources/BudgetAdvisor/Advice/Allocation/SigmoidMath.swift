import Foundation

/// Numerically stable logistic helpers used by the allocator.
enum SigmoidMath {
    /// `1 / (1 + exp(-z))` without overflow for any finite `z`.
    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        if z >= 0 {
            return 1 / (1 + exp(-z))
        }
        let e = exp(z)
        return e / (1 + e)
    }

    /// `sigma'(z) = sigma(z) * (1 - sigma(z))`, computed as `e / (1 + e)^2` with `e = exp(-|z|)`.
    @inline(__always)
    static func derivative(_ z: Double) -> Double {
        let e = exp(-abs(z))
        let d = 1 + e
        return e / (d * d)
    }

    /// The concave-side stationary logit for multiplier `mu`: the `z >= 0` with
    /// `w * sigma'(z) = mu`, i.e. `p = (1 + sqrt(1 - 4 mu / w)) / 2` and `z = logit(p)`.
    /// Returns `+infinity` for `mu <= 0` and `0` for `mu >= w / 4`.
    static func stationaryLogit(mu: Double, w: Double) -> Double {
        if mu <= 0 { return .infinity }
        let r = 4 * mu / w
        if r >= 1 { return 0 }
        let root = (1 - r).squareRoot()
        let p = (1 + root) / 2
        let q = r / (2 * (1 + root)) // 1 - p, without cancellation
        return log(p) - log(q)
    }

    /// The tangent logit for a box starting at logit `zl < 0`: the unique `z > 0` where the line
    /// from `(zl, sigma(zl))` touches the sigmoid, `sigma'(z) (z - zl) = sigma(z) - sigma(zl)`.
    static func tangentLogit(from zl: Double) -> Double {
        let sl = sigmoid(zl)
        // F(z) = sigma'(z)(z - zl) - (sigma(z) - sigma(zl)); F(0) > 0, F decreasing on z > 0.
        @inline(__always) func f(_ z: Double) -> Double {
            derivative(z) * (z - zl) - (sigmoid(z) - sl)
        }
        var lo = 0.0
        var hi = 1.0
        while f(hi) > 0 && hi < 1e4 {
            lo = hi
            hi *= 2
        }
        // Start Newton from a point inside the bracket; safeguard with bisection.
        var z = 0.5 * (lo + hi)
        for _ in 0..<200 {
            let fz = f(z)
            if fz > 0 { lo = z } else if fz < 0 { hi = z } else { return z }
            let s = sigmoid(z)
            let d2 = derivative(z) * (1 - 2 * s) * (z - zl) // F'(z) = sigma''(z)(z - zl) < 0
            var next = d2 < 0 ? z - fz / d2 : .nan
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - z) <= 1e-14 * max(1, abs(z)) || hi - lo <= 1e-14 * max(1, hi) {
                return next
            }
            z = next
        }
        return z
    }
}
