import Foundation
import Testing
@testable import BudgetAdvisor

/// An independent solver for the same objective, written here from scratch (its own standardization, its own
/// loss, its own linear solve): Newton's method to machine precision. Gradient descent must land on its optimum.
enum NewtonReference {
    static func solve(columns: [[Double]], labels: [Double], lambda: Double) -> (intercept: Double, weights: [Double]) {
        let n = labels.count, p = columns.count
        var design = [[Double]](repeating: [Double](repeating: 1, count: p + 1), count: n)
        for j in 0..<p {
            let mean = columns[j].reduce(0, +) / Double(n)
            let sd = (columns[j].map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)).squareRoot()
            for i in 0..<n { design[i][j + 1] = (columns[j][i] - mean) / sd }
        }
        var theta = [Double](repeating: 0, count: p + 1)
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: p + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)
            for i in 0..<n {
                var z = 0.0
                for k in 0...p { z += theta[k] * design[i][k] }
                let prob = 1 / (1 + exp(-z))
                for a in 0...p {
                    gradient[a] += (prob - labels[i]) * design[i][a] / Double(n)
                    for b in 0...p { hessian[a][b] += prob * (1 - prob) * design[i][a] * design[i][b] / Double(n) }
                }
            }
            for a in 1...p {
                gradient[a] += lambda * theta[a]
                hessian[a][a] += lambda
            }
            let step = gaussianSolve(hessian, gradient)
            for k in 0...p { theta[k] -= step[k] }
            if step.map(abs).max()! < 1e-15 { break }
        }
        return (theta[0], Array(theta.dropFirst()))
    }

    /// Gaussian elimination with partial pivoting.
    static func gaussianSolve(_ a: [[Double]], _ b: [Double]) -> [Double] {
        var m = a.enumerated().map { $0.element + [b[$0.offset]] }
        let n = b.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            m.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = m[row][n]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}

@Suite struct NewtonReferenceTests {
    /// Both step rules reach Newton's optimum: standardized parameters equal to 1e-6 (absolute), for several
    /// penalties, with the default settings reaching a gradient norm of 1e-8 or better.
    @Test(arguments: [(0.0, TrainingOptions.Method.accelerated), (1e-3, .accelerated), (0.1, .accelerated),
                      (1e-3, .plain), (1.0, .plain), (0.0, .barzilaiBorwein), (1e-3, .barzilaiBorwein),
                      (0.1, .barzilaiBorwein), (1.0, .barzilaiBorwein)])
    func descentReachesNewtonOptimum(lambda: Double, method: TrainingOptions.Method) throws {
        let data = SyntheticCustomers.generate(rows: 2_000, seed: 11)
        let reference = NewtonReference.solve(columns: data.columns, labels: data.labels, lambda: lambda)
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(lambda: lambda, method: method))
        #expect(outcome.descent.converged)
        #expect(outcome.descent.gradientNorm <= 1e-8)
        #expect(abs(outcome.descent.parameters[0] - reference.intercept) < 1e-6)
        for j in reference.weights.indices {
            #expect(abs(outcome.descent.parameters[j + 1] - reference.weights[j]) < 1e-6,
                    "w\(j): descent \(outcome.descent.parameters[j + 1]) newton \(reference.weights[j])")
        }
        #expect(outcome.descent.lossHistory.count == outcome.descent.iterations)
    }

    /// Plain descent never increases the objective with the default 1/L step (the descent lemma).
    @Test func plainDescentIsMonotone() throws {
        let data = SyntheticCustomers.generate(rows: 1_000, seed: 5)
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(method: .plain))
        let history = outcome.descent.lossHistory
        for k in 1..<history.count { #expect(history[k] <= history[k - 1] * (1 + 1e-13)) }
    }

    /// The original-scale coefficients give the same margins as the standardized parameters.
    @Test func originalScaleIsEquivalent() throws {
        let data = SyntheticCustomers.generate(rows: 500, seed: 2)
        let outcome = try ModelTrainer.train(data)
        let standardizer = outcome.model.standardizer!
        for row in [0, 17, 499] {
            var z = outcome.descent.parameters[0]
            for j in 0..<3 {
                z += outcome.descent.parameters[j + 1] * (data.columns[j][row] - standardizer.means[j]) / standardizer.standardDeviations[j]
            }
            let x = (0..<3).map { data.columns[$0][row] }
            #expect(abs(outcome.model.margin(x) - z) < 1e-12)
        }
    }

    /// A learning rate far too large is diagnosed as divergence, never returned as a silent model.
    @Test func tooLargeLearningRateIsDiagnosed() throws {
        let data = SyntheticCustomers.generate(rows: 500, seed: 2)
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(learningRate: 500, maxIterations: 2_000, method: .plain))
        #expect(!outcome.descent.converged)
        #expect(outcome.descent.parameters.allSatisfy { $0.isFinite })
    }
}
