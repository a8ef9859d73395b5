import Foundation
import Testing
@testable import BudgetAdvisor

/// The analytic gradient against central finite differences.
@Suite struct GradientTests {
    static func objective(rows: Int = 600, lambda: Double = 0.05) -> LogisticObjective {
        let data = SyntheticCustomers.generate(rows: rows, seed: 3)
        return LogisticObjective(columns: data.columns, labels: data.labels,
                                 standardizer: Standardizer(fitting: data.columns), lambda: lambda)
    }

    /// Central differences with h = 1e-5 have truncation error O(h²·J''') ≈ 1e-10 and rounding error
    /// O(ε·J/h) ≈ 1e-11, so agreement to 1e-7 (absolute, on gradients of order 0.1) is a real check.
    @Test(arguments: [[0.0, 0, 0, 0], [0.3, -1.2, 2.5, 0.7], [-2, 4, -3, 6]])
    func gradientMatchesCentralDifferences(point: [Double]) {
        let objective = Self.objective()
        let analytic = objective.valueAndGradient(at: point).gradient
        let h = 1e-5
        for k in point.indices {
            var plus = point, minus = point
            plus[k] += h
            minus[k] -= h
            let numeric = (objective.value(at: plus) - objective.value(at: minus)) / (2 * h)
            #expect(abs(numeric - analytic[k]) < 1e-7, "component \(k): analytic \(analytic[k]) numeric \(numeric)")
        }
    }

    /// The Hessian against differences of the analytic gradient (tolerance 1e-6).
    @Test func hessianMatchesGradientDifferences() {
        let objective = Self.objective()
        let point = [0.2, 1.0, -0.5, 0.8]
        let hessian = objective.hessian(at: point)
        let h = 1e-5
        for k in point.indices {
            var plus = point, minus = point
            plus[k] += h
            minus[k] -= h
            let gPlus = objective.valueAndGradient(at: plus).gradient
            let gMinus = objective.valueAndGradient(at: minus).gradient
            for j in point.indices {
                #expect(abs((gPlus[j] - gMinus[j]) / (2 * h) - hessian[j][k]) < 1e-6)
            }
        }
    }

    /// The chunked, four-lane Hessian against a row-by-row sum with Foundation's exp (tolerance 1e-12 relative to
    /// its largest entry), across chunk and lane-group boundaries and far into the tails (|z| > 708 is clamped).
    @Test(arguments: [1, 5, 8_191, 8_197, 20_003])
    func hessianMatchesRowByRowSum(rows: Int) {
        let objective = Self.objective(rows: max(rows, 2), lambda: 0.01)
        for point in [[0.2, 1.0, -0.5, 0.8], [0.0, 0, 0, 0], [3, -40, 25, 10], [-900, 0, 0, 0]] {
            let p = objective.columns.count
            var reference = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)
            for i in 0..<objective.labels.count {
                var row = [1.0]
                for j in 0..<p {
                    row.append((objective.columns[j][i] - objective.standardizer.means[j]) / objective.standardizer.standardDeviations[j])
                }
                let margin = zip(point, row).map { $0 * $1 }.reduce(0, +)
                let probability = 1 / (1 + exp(-margin))
                for a in 0...p { for b in 0...p { reference[a][b] += probability * (1 - probability) * row[a] * row[b] } }
            }
            for a in 0...p {
                for b in 0...p { reference[a][b] /= Double(objective.labels.count) }
                if a > 0 { reference[a][a] += objective.lambda }
            }
            let hessian = objective.hessian(at: point)
            let scale = reference.flatMap { $0 }.map(abs).max()!
            for a in 0...p {
                for b in 0...p {
                    #expect(abs(hessian[a][b] - reference[a][b]) <= 1e-12 * scale, "H[\(a)][\(b)] at \(point)")
                }
            }
        }
    }

    /// The loss stays finite and exact for margins in the hundreds (no log(0), no overflow).
    @Test func lossIsStableForHugeMargins() {
        #expect(Sigmoid.logLoss(margin: 800, label: 1) == 0)
        #expect(Sigmoid.logLoss(margin: 800, label: 0) == 800)
        #expect(Sigmoid.logLoss(margin: -800, label: 1) == 800)
        // log(1 + e^-30) = x - x²/2 + ... with x = e^-30: full relative precision, no cancellation.
        let x = exp(-30.0)
        #expect(abs(Sigmoid.logLoss(margin: 30, label: 1) - (x - x * x / 2)) <= 1e-15 * x)
        #expect(Sigmoid.value(-800) == 0)
        #expect(Sigmoid.value(800) == 1)
        let objective = Self.objective(rows: 100)
        let result = objective.valueAndGradient(at: [0, 300, -300, 300])
        #expect(result.value.isFinite)
        #expect(result.gradient.allSatisfy { $0.isFinite })
    }

    /// Chunked parallel sums give the same bits as one sequential pass over the same chunks, whatever the
    /// thread count: check it is deterministic across repeated calls on data spanning many chunks.
    @Test func parallelReductionIsDeterministic() {
        let data = SyntheticCustomers.generate(rows: LogisticObjective.chunkSize * 5 + 17, seed: 9)
        let objective = LogisticObjective(columns: data.columns, labels: data.labels,
                                          standardizer: Standardizer(fitting: data.columns), lambda: 0.01)
        let first = objective.valueAndGradient(at: [0.1, 0.2, 0.3, 0.4])
        for _ in 0..<5 {
            let again = objective.valueAndGradient(at: [0.1, 0.2, 0.3, 0.4])
            #expect(again.value == first.value)
            #expect(again.gradient == first.gradient)
        }
    }

    /// The sums on all cores are the same bits as the same chunks run one after another on one thread: the
    /// objective, its gradient, the Hessian and the Lipschitz bound, over many chunks and a partial last one.
    @Test func chunksOnAllCoresGiveTheBitsOfOneThread() {
        let data = SyntheticCustomers.generate(rows: LogisticObjective.chunkSize * 7 + 4_099, seed: 21)
        let concurrent = LogisticObjective(columns: data.columns, labels: data.labels,
                                           standardizer: Standardizer(fitting: data.columns), lambda: 0.01)
        var sequential = concurrent
        sequential.chunksRunConcurrently = false
        for point in [[0.1, 0.2, 0.3, 0.4], [-1.5, 2.5, 0.8, -0.3], [3, -40, 25, 12]] {
            let a = concurrent.valueAndGradient(at: point), b = sequential.valueAndGradient(at: point)
            #expect(a.value.bitPattern == b.value.bitPattern)
            #expect(a.gradient.map(\.bitPattern) == b.gradient.map(\.bitPattern))
            #expect(concurrent.hessian(at: point).flatMap { $0 }.map(\.bitPattern)
                    == sequential.hessian(at: point).flatMap { $0 }.map(\.bitPattern))
        }
        #expect(concurrent.lipschitzBound().bitPattern == sequential.lipschitzBound().bitPattern)
    }
}
