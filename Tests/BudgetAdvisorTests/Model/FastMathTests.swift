import Foundation
import Testing
@testable import BudgetAdvisor

/// `FastMath` against Foundation's `exp`/`log1p`, in units in the last place of the reference.
@Suite struct FastMathTests {
    static func ulps(_ value: Double, _ reference: Double) -> Double {
        abs(value - reference) / reference.ulp
    }

    /// Deterministic log-uniform-ish samples over [low, high], plus the end points.
    static func samples(_ low: Double, _ high: Double, count: Int) -> [Double] {
        var generator = SeededGenerator(seed: 11)
        return [low, high] + (0..<count).map { _ in low + (high - low) * generator.nextUnit() }
    }

    @Test func expWithinTwoUlpsOnItsWholeRange() {
        var worst = 0.0
        for x in Self.samples(-708, 709, count: 200_000) + Self.samples(-1, 1, count: 100_000)
            + Self.samples(-1e-10, 1e-10, count: 10_000) + [0, -0.0, 0.5 * log(2), -0.5 * log(2)] {
            worst = max(worst, Self.ulps(FastMath.exp(x), exp(x)))
        }
        #expect(worst <= 2, "worst exp error \(worst) ulp")
    }

    @Test func log1pWithinTwoUlpsOnTheUnitInterval() {
        var worst = 0.0
        var generator = SeededGenerator(seed: 5)
        var points: [Double] = Self.samples(0, 1, count: 200_000) + [0.4142135623730950, 0.4142135623730951, 1e-300, Double.leastNonzeroMagnitude]
        // Tiny arguments over many binades: where 1 + x rounds.
        for _ in 0..<100_000 { points.append(exp(-745 * generator.nextUnit())) }
        for x in points where x > 0 {
            worst = max(worst, Self.ulps(FastMath.log1p(x), log1p(x)))
        }
        #expect(FastMath.log1p(0) == 0)
        #expect(worst <= 2, "worst log1p error \(worst) ulp")
    }

    /// The objective's four-lane kernels, lane by lane against Foundation.
    static func laneMap(_ points: [Double], _ body: (FastMath.Lane) -> FastMath.Lane) -> [Double] {
        var out: [Double] = []
        var k = 0
        while k < points.count {
            var lane = FastMath.Lane()
            for i in 0..<4 { lane[i] = k + i < points.count ? points[k + i] : points[k] }
            let value = body(lane)
            for i in 0..<4 where k + i < points.count { out.append(value[i]) }
            k += 4
        }
        return out
    }

    @Test func expNegativeWithinTwoUlps() {
        let points = Self.samples(0, 708, count: 200_000) + Self.samples(0, 1, count: 100_000)
            + Self.samples(0, 1e-10, count: 10_000) + [0, 0.5 * log(2), log(2), 708]
        let values = Self.laneMap(points) { FastMath.expNegative($0) }
        var worst = 0.0
        for (x, value) in zip(points, values) { worst = max(worst, Self.ulps(value, exp(-x))) }
        #expect(worst <= 2, "worst exp(-a) error \(worst) ulp")
    }

    @Test func log1pAndReciprocalOnTheUnitInterval() {
        var generator = SeededGenerator(seed: 7)
        var points = Self.samples(0, 1, count: 200_000) + [1, 0.5, 1e-300, Double.leastNonzeroMagnitude]
        for _ in 0..<100_000 { points.append(exp(-745 * generator.nextUnit())) }
        let pairs = Self.laneMap(points) { FastMath.log1pAndReciprocal($0).log1p }
        let reciprocals = Self.laneMap(points) { FastMath.log1pAndReciprocal($0).reciprocal }
        var worstLog = 0.0, worstReciprocal = 0.0
        for (k, x) in points.enumerated() where x > 0 {
            worstLog = max(worstLog, Self.ulps(pairs[k], log1p(x)))
            worstReciprocal = max(worstReciprocal, Self.ulps(reciprocals[k], 1 / (1 + x)))
        }
        #expect(Self.laneMap([0]) { FastMath.log1pAndReciprocal($0).log1p } == [0])
        #expect(worstLog <= 6, "worst log1p error \(worstLog) ulp")
        #expect(worstReciprocal <= 3, "worst 1/(1 + x) error \(worstReciprocal) ulp")
    }

    /// The loss sum the kernels give against Foundation's exp/log1p row by row, on margins spread over
    /// [-40, 40]: relative error far below the 1e-12 the objective promises.
    @Test func lossSumAgainstFoundation() {
        var generator = SeededGenerator(seed: 3)
        let margins = (0..<100_000).map { _ in 80 * generator.nextUnit() - 40 }
        let fast = Self.laneMap(margins.map(abs)) { FastMath.log1pAndReciprocal(FastMath.expNegative($0)).log1p }
        var fastSum = 0.0, referenceSum = 0.0
        for (k, z) in margins.enumerated() {
            fastSum += max(z, 0) + fast[k]
            referenceSum += max(z, 0) + log1p(exp(-abs(z)))
        }
        #expect(abs(fastSum - referenceSum) <= 1e-14 * referenceSum, "\(fastSum) vs \(referenceSum)")
    }

    @Test func scalarFallbacksOutsideTheKernelRanges() {
        #expect(FastMath.exp(-800) == exp(-800))
        #expect(FastMath.exp(800) == .infinity)
        #expect(FastMath.exp(.nan).isNaN)
        #expect(FastMath.log1p(3) == log1p(3))
    }
}

/// The SIMD objective against the scalar (Foundation) reference on the same chunks.
@Suite struct ObjectiveSIMDTests {
    @Test(arguments: [1, 7, 8_191, 8_193, 20_003])
    func simdMatchesScalarReference(rows: Int) {
        let data = SyntheticCustomers.generate(rows: max(rows, 2), seed: 9)
        let objective = LogisticObjective(columns: data.columns, labels: data.labels,
                                          standardizer: Standardizer(fitting: data.columns), lambda: 1e-3)
        // Includes margins far into both tails (|z| > 708 is clamped) and z = 0 exactly.
        for point in [[0.0, 0, 0, 0], [-1.2, 1.5, 0.8, 0.6], [3, -40, 25, 10], [-900, 0, 0, 0], [900, 1, 1, 1]] {
            let fast = objective.valueAndGradient(at: point)
            let reference = objective.referenceValueAndGradient(at: point)
            #expect(abs(fast.value - reference.value) <= 1e-12 * abs(reference.value), "value at \(point)")
            let scale = reference.gradient.map(abs).max()!
            for k in point.indices {
                #expect(abs(fast.gradient[k] - reference.gradient[k]) <= 1e-12 * max(scale, 1e-300),
                        "gradient \(k) at \(point): \(fast.gradient[k]) vs \(reference.gradient[k])")
            }
        }
    }

    @Test func deterministicWhateverTheSchedule() {
        let data = SyntheticCustomers.generate(rows: 50_000, seed: 2)
        let objective = LogisticObjective(columns: data.columns, labels: data.labels,
                                          standardizer: Standardizer(fitting: data.columns), lambda: 1e-3)
        let first = objective.valueAndGradient(at: [0.1, 0.2, 0.3, 0.4])
        for _ in 0..<5 {
            let again = objective.valueAndGradient(at: [0.1, 0.2, 0.3, 0.4])
            #expect(again.value.bitPattern == first.value.bitPattern)
            #expect(again.gradient.map(\.bitPattern) == first.gradient.map(\.bitPattern))
        }
    }
}
