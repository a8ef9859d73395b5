/// Dense linear algebra for the (features + 1)-sized matrices of the model: Cholesky, inverse, products.
public enum SmallMatrix {
    /// The lower Cholesky factor L of a symmetric positive definite matrix (A = L Lᵀ), or nil if A is not.
    public static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }

    /// The inverse of a symmetric positive definite matrix, or nil if it is not one.
    public static func inverseSPD(_ a: [[Double]]) -> [[Double]]? {
        guard let l = cholesky(a) else { return nil }
        let n = a.count
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for column in 0..<n {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = i == column ? 1.0 : 0.0
                for k in 0..<i { sum -= l[i][k] * y[k] }
                y[i] = sum / l[i][i]
            }
            var x = [Double](repeating: 0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = y[i]
                for k in (i + 1)..<n { sum -= l[k][i] * x[k] }
                x[i] = sum / l[i][i]
            }
            for i in 0..<n { inverse[i][column] = x[i] }
        }
        return inverse
    }

    /// A · B.
    public static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let n = a.count, m = b.first?.count ?? 0, inner = b.count
        var c = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n { for k in 0..<inner { for j in 0..<m { c[i][j] += a[i][k] * b[k][j] } } }
        return c
    }

    /// Aᵀ.
    public static func transpose(_ a: [[Double]]) -> [[Double]] {
        guard let columns = a.first?.count else { return [] }
        return (0..<columns).map { j in a.map { $0[j] } }
    }

    /// xᵀ A x.
    public static func quadraticForm(_ a: [[Double]], _ x: [Double]) -> Double {
        var total = 0.0
        for i in x.indices { for j in x.indices { total += x[i] * a[i][j] * x[j] } }
        return total
    }

    /// The largest eigenvalue of a symmetric positive semidefinite matrix, from above: power iteration to
    /// convergence, then the Gershgorin bound if iteration stalls. Used for the Lipschitz step size.
    public static func largestEigenvalue(_ a: [[Double]]) -> Double {
        let n = a.count
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var estimate = 0.0
        for _ in 0..<500 {
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n { for j in 0..<n { y[i] += a[i][j] * x[j] } }
            let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { return 0 }
            let next = norm
            x = y.map { $0 / norm }
            if abs(next - estimate) <= 1e-12 * next { return next * (1 + 1e-9) }
            estimate = next
        }
        let gershgorin = a.indices.map { i in a[i].reduce(0) { $0 + abs($1) } }.max() ?? 0
        return max(estimate, gershgorin)
    }
}
