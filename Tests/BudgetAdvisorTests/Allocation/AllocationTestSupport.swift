import Foundation
@testable import BudgetAdvisor

/// Tiny deterministic PRNG for reproducible random cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
}

enum AllocationFixtures {
    /// Random S-shaped segments: a in [-8, 0], bounds within 10...100, customers 100...2000.
    static func randomSegments(_ count: Int, rng: inout SplitMix64) -> [AllocationSegment] {
        (0..<count).map { i in
            let l = rng.uniform(10, 40)
            let u = rng.uniform(max(l + 10, 60), 100)
            return AllocationSegment(name: "s\(i)", customers: rng.uniform(100, 2000), baseLogit: rng.uniform(-8, 0),
                                     minSpend: l, maxSpend: u)
        }
    }

    /// A budget strictly between the sum of minimums and the sum of maximums.
    static func randomBudget(_ segments: [AllocationSegment], rng: inout SplitMix64) -> Double {
        let lo = segments.reduce(0) { $0 + $1.customers * $1.minSpend }
        let hi = segments.reduce(0) { $0 + $1.customers * $1.maxSpend }
        return lo + rng.uniform(0.05, 0.95) * (hi - lo)
    }

    static func value(_ segments: [AllocationSegment], _ w: Double, _ b: [Double]) -> Double {
        Allocator.expectedConversions(segments: segments, spendCoefficient: w, perCustomerSpend: b)
    }

    static func spend(_ segments: [AllocationSegment], _ b: [Double]) -> Double {
        zip(segments, b).reduce(0) { $0 + $1.0.customers * $1.1 }
    }

    /// Brute force for 2 or 3 segments: grid over the first S-1 per-customer spends (the last takes the
    /// remaining budget, clipped to its box), then repeated zoomed grids around the best point.
    static func bruteForce(_ segs: [AllocationSegment], _ w: Double, _ budget: Double) -> (value: Double, plan: [Double]) {
        precondition(segs.count == 2 || segs.count == 3)
        let n = segs.map(\.customers), a = segs.map(\.baseLogit), l = segs.map(\.minSpend), u = segs.map(\.maxSpend)
        let last = segs.count - 1
        func term(_ i: Int, _ b: Double) -> Double { n[i] * SigmoidMath.sigmoid(a[i] + w * b) }
        /// Value with the last segment taking the remaining budget, or -inf when infeasible.
        func evaluate(_ b0: Double, _ b1: Double) -> Double {
            var used = n[0] * b0
            var v = term(0, b0)
            if last == 2 { used += n[1] * b1; v += term(1, b1) }
            let b = min(u[last], (budget - used) / n[last])
            if b < l[last] - 1e-12 { return -.infinity }
            return v + term(last, max(b, l[last]))
        }
        var lo0 = l[0], hi0 = u[0], lo1 = last == 2 ? l[1] : 0, hi1 = last == 2 ? u[1] : 0
        var best = -Double.infinity, best0 = l[0], best1 = lo1
        let points = last == 1 ? 4001 : 241
        for _ in 0..<7 {
            for i in 0..<points {
                let b0 = lo0 + (hi0 - lo0) * Double(i) / Double(points - 1)
                for k in 0..<(last == 2 ? points : 1) {
                    let b1 = lo1 + (hi1 - lo1) * Double(k) / Double(points - 1)
                    let v = evaluate(b0, b1)
                    if v > best { best = v; best0 = b0; best1 = b1 }
                }
            }
            let w0 = (hi0 - lo0) * 6 / Double(points - 1), w1 = (hi1 - lo1) * 6 / Double(points - 1)
            lo0 = max(l[0], best0 - w0); hi0 = min(u[0], best0 + w0)
            if last == 2 { lo1 = max(l[1], best1 - w1); hi1 = min(u[1], best1 + w1) }
        }
        var plan = [best0]
        var used = n[0] * best0
        if last == 2 { plan.append(best1); used += n[1] * best1 }
        plan.append(max(l[last], min(u[last], (budget - used) / n[last])))
        return (best, plan)
    }

    /// A feasible plan spending the whole budget (or everything, if it exceeds the maximums) with random shares.
    static func randomFeasiblePlan(_ segs: [AllocationSegment], _ budget: Double, rng: inout SplitMix64) -> [Double] {
        let weights = segs.map { _ in rng.uniform(0, 1) }
        func plan(_ c: Double) -> [Double] {
            zip(segs, weights).map { s, r in min(s.maxSpend, s.minSpend + c * r * (s.maxSpend - s.minSpend)) }
        }
        var lo = 0.0, hi = 1.0
        while spend(segs, plan(hi)) < budget && hi < 1e9 { hi *= 2 }
        for _ in 0..<100 {
            let mid = 0.5 * (lo + hi)
            if spend(segs, plan(mid)) <= budget { lo = mid } else { hi = mid }
        }
        return plan(lo)
    }

    /// Local search: repeated pairwise budget transfers from the segment with the lowest marginal value
    /// to the one with the highest, with shrinking step sizes. Starts from `start` (feasible) and spends
    /// any unspent budget first.
    static func localSearch(_ segs: [AllocationSegment], _ w: Double, _ budget: Double, start: [Double]) -> (value: Double, plan: [Double]) {
        var b = start
        let n = segs.count
        func term(_ i: Int, _ x: Double) -> Double { segs[i].customers * SigmoidMath.sigmoid(segs[i].baseLogit + w * x) }
        var step = 0.25 * (budget / Double(n))
        var iterations = 0
        while step > 1e-6 * max(1, budget / Double(n)) && iterations < 20_000 {
            iterations += 1
            // Marginal conversions per unit of segment spend.
            var loI = -1, hiI = -1
            var loG = Double.infinity, hiG = -Double.infinity
            for i in 0..<n {
                let g = w * SigmoidMath.derivative(segs[i].baseLogit + w * b[i])
                if b[i] > segs[i].minSpend && g < loG { loG = g; loI = i }
                if b[i] < segs[i].maxSpend && g > hiG { hiG = g; hiI = i }
            }
            guard loI >= 0, hiI >= 0, loI != hiI else { break }
            let room = min((b[loI] - segs[loI].minSpend) * segs[loI].customers,
                           (segs[hiI].maxSpend - b[hiI]) * segs[hiI].customers, step)
            let newLo = b[loI] - room / segs[loI].customers
            let newHi = b[hiI] + room / segs[hiI].customers
            let delta = term(loI, newLo) + term(hiI, newHi) - term(loI, b[loI]) - term(hiI, b[hiI])
            if delta > 0 {
                b[loI] = max(segs[loI].minSpend, newLo)
                b[hiI] = min(segs[hiI].maxSpend, newHi)
            } else {
                step *= 0.5
            }
        }
        return (value(segs, w, b), b)
    }
}
