import Foundation

/// Contiguous per-segment arrays for one solve, and the O(S) kernels of the node relaxation.
///
/// "Root" arrays hold the original boxes; "working" arrays hold the boxes of the node being
/// solved (root plus that node's overrides). No kernel allocates.
final class RelaxationWorkspace {
    let count: Int
    let w: Double
    let invW: Double
    let budget: Double

    let customers: UnsafeMutablePointer<Double>
    let logit: UnsafeMutablePointer<Double>
    // Root boxes and envelope data.
    let rootLower: UnsafeMutablePointer<Double>
    let rootUpper: UnsafeMutablePointer<Double>
    let rootOn: UnsafeMutablePointer<Double>
    let rootThreshold: UnsafeMutablePointer<Double>
    let rootPhiLower: UnsafeMutablePointer<Double>
    let rootPhiUpper: UnsafeMutablePointer<Double>
    // Working (node) boxes and envelope data.
    let lower: UnsafeMutablePointer<Double>
    let upper: UnsafeMutablePointer<Double>
    /// Smallest "on" spend (envelope rejoins phi), see ``SegmentEnvelope``.
    let onSpend: UnsafeMutablePointer<Double>
    let threshold: UnsafeMutablePointer<Double>
    let phiLower: UnsafeMutablePointer<Double>
    let phiUpper: UnsafeMutablePointer<Double>
    /// Scratch plan and pattern mask.
    let plan: UnsafeMutablePointer<Double>
    let mask: UnsafeMutablePointer<UInt8>

    init(segments: [AllocationSegment], w: Double, budget: Double) {
        count = segments.count
        self.w = w
        invW = 1 / w
        self.budget = budget
        let size = max(segments.count, 1)
        func buffer() -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: size)
            p.initialize(repeating: 0, count: size)
            return p
        }
        customers = buffer(); logit = buffer()
        rootLower = buffer(); rootUpper = buffer(); rootOn = buffer(); rootThreshold = buffer()
        rootPhiLower = buffer(); rootPhiUpper = buffer()
        lower = buffer(); upper = buffer(); onSpend = buffer(); threshold = buffer()
        phiLower = buffer(); phiUpper = buffer(); plan = buffer()
        mask = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        mask.initialize(repeating: 0, count: size)
        for (s, seg) in segments.enumerated() {
            customers[s] = seg.customers
            logit[s] = seg.baseLogit
            rootLower[s] = seg.minSpend
            rootUpper[s] = seg.maxSpend
            let env = SegmentEnvelope(a: seg.baseLogit, w: w, l: seg.minSpend, u: seg.maxSpend)
            rootOn[s] = env.lo
            rootThreshold[s] = env.threshold
            rootPhiLower[s] = SigmoidMath.sigmoid(seg.baseLogit + w * seg.minSpend)
            rootPhiUpper[s] = SigmoidMath.sigmoid(seg.baseLogit + w * seg.maxSpend)
        }
        lower.update(from: rootLower, count: count)
        upper.update(from: rootUpper, count: count)
        onSpend.update(from: rootOn, count: count)
        threshold.update(from: rootThreshold, count: count)
        phiLower.update(from: rootPhiLower, count: count)
        phiUpper.update(from: rootPhiUpper, count: count)
    }

    deinit {
        for p in [customers, logit, rootLower, rootUpper, rootOn, rootThreshold, rootPhiLower, rootPhiUpper,
                  lower, upper, onSpend, threshold, phiLower, phiUpper, plan] {
            p.deallocate()
        }
        mask.deallocate()
    }

    // MARK: - Node boxes

    /// Restricts segment `s` to `[l, u]` in the working arrays.
    func setBox(_ s: Int, lower l: Double, upper u: Double) {
        let a = logit[s]
        lower[s] = l
        upper[s] = u
        let env = SegmentEnvelope(a: a, w: w, l: l, u: u)
        onSpend[s] = env.lo
        threshold[s] = env.threshold
        phiLower[s] = SigmoidMath.sigmoid(a + w * l)
        phiUpper[s] = SigmoidMath.sigmoid(a + w * u)
    }

    /// Restores segment `s` to its root box.
    func resetBox(_ s: Int) {
        lower[s] = rootLower[s]
        upper[s] = rootUpper[s]
        onSpend[s] = rootOn[s]
        threshold[s] = rootThreshold[s]
        phiLower[s] = rootPhiLower[s]
        phiUpper[s] = rootPhiUpper[s]
    }

    // MARK: - Kernels

    /// `(sum n l, sum n u)` over the working boxes.
    func boxSpendRange() -> (min: Double, max: Double) {
        var lo = 0.0, hi = 0.0
        for s in 0..<count {
            lo += customers[s] * lower[s]
            hi += customers[s] * upper[s]
        }
        return (lo, hi)
    }

    /// Relaxed demand at stationary logit `z`: each segment spends its Lagrangian maximizer
    /// (`l` below its threshold, else `clamp((z - a)/w, onSpend, u)`). Nondecreasing in `z`.
    @inline(__always)
    func relaxedDemand(_ z: Double) -> Double {
        var total = 0.0
        for s in 0..<count {
            let b: Double
            if z >= threshold[s] {
                b = min(max((z - logit[s]) * invW, onSpend[s]), upper[s])
            } else {
                b = lower[s]
            }
            total += customers[s] * b
        }
        return total
    }

    /// Spend of a fixed on/off pattern (`mask`) at common logit `z`: off segments at `l`,
    /// on segments at `clamp((z - a)/w, l, u)`. Nondecreasing in `z`.
    @inline(__always)
    func patternDemand(_ z: Double) -> Double {
        var total = 0.0
        for s in 0..<count {
            let b = mask[s] != 0 ? min(max((z - logit[s]) * invW, lower[s]), upper[s]) : lower[s]
            total += customers[s] * b
        }
        return total
    }

    /// The Lagrangian dual function `g(mu) = mu T + sum_s n_s max_{b in box} (phi_s(b) - mu b)` at
    /// `mu = w sigma'(z)`, `z >= 0`. Each inner maximum is exact: the candidates are the box ends and the
    /// concave-side stationary point `b = (z - a)/w` (where `phi = sigma(z)`). A valid upper bound on the
    /// node's optimum for every `z`.
    func dualValue(atLogit z: Double) -> Double {
        let mu = w * SigmoidMath.derivative(z)
        let sz = SigmoidMath.sigmoid(z)
        var total = 0.0
        for s in 0..<count {
            let l = lower[s], u = upper[s]
            var best = max(phiLower[s] - mu * l, phiUpper[s] - mu * u)
            let b = (z - logit[s]) * invW
            if b > l && b < u {
                best = max(best, sz - mu * b)
            }
            total += customers[s] * best
        }
        return mu * budget + total
    }

    /// Largest `z` in `[zLow, zHigh]` (up to floating-point resolution) with `demand(z) <= budget`,
    /// given `demand(zLow) <= budget < demand(zHigh)`. Returns the final bracket.
    @inline(__always)
    func bisect(_ zLow: Double, _ zHigh: Double, _ demand: (Double) -> Double) -> (low: Double, high: Double) {
        var lo = zLow, hi = zHigh
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if !(mid > lo && mid < hi) { break }
            if demand(mid) <= budget { lo = mid } else { hi = mid }
        }
        return (lo, hi)
    }

    /// Writes the pattern plan at logit `z` into `plan` and returns `(value, spend)`.
    func writePatternPlan(_ z: Double) -> (value: Double, spend: Double) {
        var value = 0.0, spend = 0.0
        for s in 0..<count {
            let b = mask[s] != 0 ? min(max((z - logit[s]) * invW, lower[s]), upper[s]) : lower[s]
            plan[s] = b
            spend += customers[s] * b
            value += customers[s] * SigmoidMath.sigmoid(logit[s] + w * b)
        }
        return (value, spend)
    }
}
