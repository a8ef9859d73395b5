import Foundation

/// Branch and bound for `max sum n_s sigmoid(a_s + w b_s)` s.t. `sum n_s b_s <= T`, boxes, `w > 0`
/// (Udell & Boyd, "Maximizing a sum of sigmoids").
///
/// Each node's upper bound is the Lagrangian dual (equal to the concave-envelope relaxation),
/// minimized over the multiplier by bisection on the common stationary logit `z` (O(S) per step,
/// no transcendental functions per segment). Feasible plans come from fixing the relaxation's on/off
/// pattern and water-filling the budget over the concave parts. Nodes are explored best-first and
/// split on the one segment that the relaxation uses fractionally, at its relaxed spend.
final class BranchAndBoundSolver {
    /// What the search produced.
    struct Outcome {
        var plan: [Double]
        var value: Double
        var upperBound: Double
        var multiplier: Double
        var nodes: Int
        var hitNodeLimit: Bool
    }

    private struct NodeEvaluation {
        var upperBound: Double
        var branchIndex: Int
        var branchPoint: Double
        var dualLogit: Double
    }

    private let work: RelaxationWorkspace
    private let relativeTolerance: Double
    private let maxNodes: Int
    private var bestValue = -Double.infinity
    private var bestPlan: [Double]
    private var bestMultiplier = 0.0

    init(segments: [AllocationSegment], w: Double, budget: Double, options: AllocationOptions) {
        work = RelaxationWorkspace(segments: segments, w: w, budget: budget)
        relativeTolerance = options.relativeTolerance
        maxNodes = max(1, options.maxNodes)
        bestPlan = segments.map(\.minSpend)
    }

    private var tolerance: Double { relativeTolerance * max(1, bestValue) }

    /// Runs the search. Requires `sum n l <= T < sum n u` for the root boxes.
    func solve() -> Outcome {
        var queue = NodeQueue()
        var closedMax = -Double.infinity
        var nodes = 1
        var hitLimit = false

        func consider(_ node: BranchNode) {
            if node.branchIndex < 0 || node.upperBound - bestValue <= tolerance {
                closedMax = max(closedMax, node.upperBound)
            } else {
                queue.push(node)
            }
        }

        if let root = evaluate([]) {
            consider(BranchNode(overrides: [], upperBound: root.upperBound, branchIndex: root.branchIndex,
                                branchPoint: root.branchPoint, dualLogit: root.dualLogit))
        }
        while let node = queue.popMax() {
            if node.upperBound - bestValue <= tolerance {
                closedMax = max(closedMax, node.upperBound)
                break
            }
            if nodes >= maxNodes {
                hitLimit = true
                queue.push(node)
                break
            }
            let j = node.branchIndex
            var l = work.rootLower[j], u = work.rootUpper[j]
            if let last = node.overrides.last(where: { $0.index == j }) {
                l = last.lower
                u = last.upper
            }
            let split = node.branchPoint
            for (lo, hi) in [(l, split), (split, u)] {
                var overrides = node.overrides
                overrides.append(.init(index: j, lower: lo, upper: hi))
                nodes += 1
                guard let child = evaluate(overrides, hint: node.dualLogit) else { continue }
                consider(BranchNode(overrides: overrides, upperBound: min(child.upperBound, node.upperBound),
                                    branchIndex: child.branchIndex, branchPoint: child.branchPoint,
                                    dualLogit: child.dualLogit))
            }
        }
        let upper = max(closedMax, queue.maxUpperBound, bestValue)
        return Outcome(plan: bestPlan, value: bestValue, upperBound: upper, multiplier: bestMultiplier,
                       nodes: nodes, hitNodeLimit: hitLimit)
    }

    /// Solves one node's relaxation, records any better feasible plan, and says where to branch.
    /// Returns nil when the node's boxes cannot fit in the budget.
    private func evaluate(_ overrides: [BranchNode.BoxOverride], hint: Double? = nil) -> NodeEvaluation? {
        let ws = work
        for o in overrides { ws.setBox(o.index, lower: o.lower, upper: o.upper) }
        defer { for o in overrides { ws.resetBox(o.index) } }
        let budget = ws.budget
        let range = ws.boxSpendRange()
        if range.min > budget { return nil }
        let n = ws.count

        // Logit at which every segment is on and at its upper bound.
        var zMax = 1.0
        for s in 0..<n {
            let t = ws.threshold[s]
            if t.isFinite { zMax = max(zMax, t) }
            zMax = max(zMax, ws.logit[s] + ws.w * ws.upper[s])
        }
        zMax += 1

        if range.max <= budget {
            for s in 0..<n { ws.mask[s] = 1 }
            let (value, _) = ws.writePatternPlan(zMax)
            offer(value: value, multiplier: 0)
            return NodeEvaluation(upperBound: value, branchIndex: -1, branchPoint: 0, dualLogit: zMax)
        }

        // Dual: find z* with relaxed demand crossing the budget.
        var zLow = 0.0, zHigh = zMax
        if ws.relaxedDemand(zHigh) <= budget {
            zLow = zHigh // only never-worth-it segments remain below their upper bounds
        } else {
            if let h = hint, h > 0, h < zMax {
                (zLow, zHigh) = warmBracket(h, zMax)
            }
            (zLow, zHigh) = ws.bisect(zLow, zHigh, ws.relaxedDemand)
        }
        var upper = ws.dualValue(atLogit: zLow)
        if zHigh > zLow { upper = min(upper, ws.dualValue(atLogit: zHigh)) }
        upper += 1e-12 * max(1, abs(upper)) // floating-point slack

        // Relaxed primal: pattern at zLow, remaining budget fills the segments that switch on in (zLow, zHigh].
        var remaining = budget - ws.relaxedDemand(zLow)
        var fractional = -1
        var fractionalSpend = 0.0
        var fractionalGap = 0.0
        for s in 0..<n {
            let t = ws.threshold[s]
            ws.mask[s] = zLow >= t ? 1 : 0
            guard zLow < t && t <= zHigh else { continue }
            let l = ws.lower[s]
            let bOn = min(max((zHigh - ws.logit[s]) * ws.invW, ws.onSpend[s]), ws.upper[s])
            let capacity = ws.customers[s] * (bOn - l)
            if remaining >= capacity {
                remaining -= capacity
                ws.mask[s] = 1
            } else if remaining > 0 && fractional < 0 {
                let b = l + remaining / ws.customers[s]
                remaining = 0
                let a = ws.logit[s]
                let phiOn = SigmoidMath.sigmoid(a + ws.w * bOn)
                let chord = ws.phiLower[s] + (phiOn - ws.phiLower[s]) * (b - l) / (bOn - l)
                // Always try the fractional segment in the feasible plans; branch only on a real gap.
                fractional = s
                fractionalSpend = b
                fractionalGap = b > l && b < bOn ? ws.customers[s] * (chord - SigmoidMath.sigmoid(a + ws.w * b)) : 0
            }
        }

        // Feasible plans: the relaxed point itself (evaluated exactly), and the pattern without and
        // with the fractional segment, water-filled.
        relaxedPlan(zLow, zHigh, fractional: fractional, spend: fractionalSpend)
        waterFill(zMax)
        if fractional >= 0 {
            ws.mask[fractional] = 1
            waterFill(zMax)
        }
        let branch = fractional >= 0 && fractionalGap > 0 ? fractional : -1
        return NodeEvaluation(upperBound: upper, branchIndex: branch, branchPoint: fractionalSpend, dualLogit: zLow)
    }

    /// Brackets the dual logit near a parent's value `h` by expanding steps, to save bisection steps.
    private func warmBracket(_ h: Double, _ zMax: Double) -> (Double, Double) {
        let ws = work
        var low = 0.0, high = zMax
        var step = 1e-6 * max(1, h)
        if ws.relaxedDemand(h) <= ws.budget {
            low = h
            while low + step < high {
                let z = low + step
                if ws.relaxedDemand(z) <= ws.budget { low = z } else { high = z; break }
                step *= 16
            }
        } else {
            high = h
            while high - step > low {
                let z = high - step
                if ws.relaxedDemand(z) > ws.budget { high = z } else { low = z; break }
                step *= 16
            }
        }
        return (low, high)
    }

    /// Offers the relaxation's own point: segments on at `zLow` stay there, segments switched on in
    /// `(zLow, zHigh]` sit at their on-spend, and the fractional one at `spend`. Reads `mask` as left by
    /// the relaxation. Trims the fractional (or any) segment if rounding overspends the budget.
    private func relaxedPlan(_ zLow: Double, _ zHigh: Double, fractional: Int, spend fractionalSpend: Double) {
        let ws = work
        var spend = 0.0
        for s in 0..<ws.count {
            let b: Double
            if s == fractional {
                b = fractionalSpend
            } else if ws.mask[s] != 0 {
                let z = zLow >= ws.threshold[s] ? zLow : zHigh
                b = min(max((z - ws.logit[s]) * ws.invW, ws.onSpend[s]), ws.upper[s])
            } else {
                b = ws.lower[s]
            }
            ws.plan[s] = b
            spend += ws.customers[s] * b
        }
        if spend > ws.budget {
            // Rounding overshoot (relative ~1e-15): take it from the segment with the most room.
            var k = -1, room = 0.0
            for s in 0..<ws.count where ws.customers[s] * (ws.plan[s] - ws.lower[s]) > room {
                room = ws.customers[s] * (ws.plan[s] - ws.lower[s])
                k = s
            }
            guard k >= 0, room >= 2 * (spend - ws.budget) else { return }
            ws.plan[k] = max(ws.lower[k], ws.plan[k] - 2 * (spend - ws.budget) / ws.customers[k])
            spend = 0
            for s in 0..<ws.count { spend += ws.customers[s] * ws.plan[s] }
            guard spend <= ws.budget else { return }
        }
        var value = 0.0
        for s in 0..<ws.count { value += ws.customers[s] * SigmoidMath.sigmoid(ws.logit[s] + ws.w * ws.plan[s]) }
        offer(value: value, multiplier: ws.w * SigmoidMath.derivative(zLow))
    }

    /// Water-fills the budget over the current `mask` pattern and offers the plan as an incumbent.
    private func waterFill(_ zMax: Double) {
        let ws = work
        let budget = ws.budget
        guard ws.patternDemand(0) <= budget else { return }
        var z = zMax
        var binds = false
        if ws.patternDemand(zMax) > budget {
            z = ws.bisect(0, zMax, ws.patternDemand).low
            binds = true
        }
        let (value, _) = ws.writePatternPlan(z)
        offer(value: value, multiplier: binds ? ws.w * SigmoidMath.derivative(z) : 0)
    }

    /// Keeps the scratch plan if it beats the incumbent.
    private func offer(value: Double, multiplier: Double) {
        guard value > bestValue else { return }
        bestValue = value
        bestMultiplier = multiplier
        for s in 0..<work.count { bestPlan[s] = work.plan[s] }
    }
}
