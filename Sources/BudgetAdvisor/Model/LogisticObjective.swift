import Dispatch
import Foundation

/// The training objective on standardized features:
/// J(b, w) = (1/N) Σ logloss(σ(b + w·z_i), y_i) + (λ/2)|w|², with the intercept b not penalized.
///
/// The data stay in their original columns; each chunk of rows is standardized on the fly, so no scaled copy is
/// made. Rows are processed in fixed chunks whose partial sums are added in chunk order, so the result is the
/// same bits whatever the number of threads.
public struct LogisticObjective: Sendable {
    /// Rows per chunk of the parallel reduction (fixed, so results never depend on the thread count).
    public static let chunkSize = 8_192

    /// Feature columns on the original scale.
    public let columns: [[Double]]
    /// Labels, 0 or 1.
    public let labels: [Double]
    /// The scaling applied to the columns.
    public let standardizer: Standardizer
    /// The L2 penalty λ on the standardized weights.
    public let lambda: Double
    /// Whether the chunks run on all cores (the default) or one after another on the calling thread; the
    /// sums are the same bits either way, which the tests check by comparing the two.
    var chunksRunConcurrently = true

    /// The objective over `columns` and `labels` with scaling `standardizer` and penalty `lambda`.
    public init(columns: [[Double]], labels: [Double], standardizer: Standardizer, lambda: Double) {
        self.columns = columns
        self.labels = labels
        self.standardizer = standardizer
        self.lambda = lambda
    }

    /// The number of parameters: intercept plus one weight per feature.
    public var parameterCount: Int { columns.count + 1 }

    /// J and its gradient at `parameters` = [b, w_1, ..., w_p]: one pass over the data, on all cores, with
    /// `SIMD4<Double>` lanes, `FastMath.expNegative` and one logarithm per lane per block of rows (agrees with
    /// `referenceValueAndGradient` to about 1e-15 relative; the tests allow 1e-12). The chunk kernel is the AVX2
    /// build when the CPU has it (`ObjectiveKernelBuild.selected`); both builds give the same bits.
    public func valueAndGradient(at parameters: [Double]) -> (value: Double, gradient: [Double]) {
        valueAndGradient(at: parameters, kernel: .selected)
    }

    /// J and its gradient with the chunk kernel's build `kernel`.
    func valueAndGradient(at parameters: [Double], kernel: ObjectiveKernelBuild) -> (value: Double, gradient: [Double]) {
        reduce(at: parameters, kernel: kernel)
    }

    /// J and its gradient computed row by row with Foundation's `exp` and `log1p`: the scalar reference that
    /// the SIMD path is tested against (same chunks, same order of chunk sums).
    public func referenceValueAndGradient(at parameters: [Double]) -> (value: Double, gradient: [Double]) {
        reduce(at: parameters, kernel: nil)
    }

    /// J and its gradient with the chunk kernel's build `kernel`, or with the scalar reference when it is nil.
    private func reduce(at parameters: [Double], kernel: ObjectiveKernelBuild?) -> (value: Double, gradient: [Double]) {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters")
        let p = columns.count
        let n = labels.count
        let stride = p + 2 // loss, d/db, d/dw_1..p
        let inverseScales = standardizer.standardDeviations.map { 1 / $0 }
        let means = standardizer.means
        // w_j·(1/s_j): the margin is b + Σ (w_j/s_j)·(x_j - m_j).
        let scaledWeights = (0..<p).map { parameters[$0 + 1] * inverseScales[$0] }
        // The labels are immutable and kept alive by `self` for the whole call, so their storage does not move.
        nonisolated(unsafe) let labelBase = labels.withUnsafeBufferPointer { $0.baseAddress! }
        let sums = withKernelArguments(scaledWeights + means + inverseScales) { arguments in
            chunkSums(stride: stride) { start, count, out in
                let numbers = arguments.numbers
                if let kernel {
                    kernel.kernel.accumulateObjective(start: start, count: count, columns: arguments.columnBases,
                                                      columnCount: p, labels: labelBase, intercept: parameters[0],
                                                      scaledWeights: numbers, means: numbers + p,
                                                      inverseScales: numbers + 2 * p, into: out)
                } else {
                    Self.accumulateChunkScalar(count: count, columns: (0..<p).map { arguments.columnBases[$0] + start },
                                               labels: labelBase + start, parameters: parameters, means: means,
                                               inverseScales: inverseScales, into: out)
                }
            }
        }
        let inverseN = 1 / Double(n)
        var value = sums[0] * inverseN
        var gradient = [Double](repeating: 0, count: p + 1)
        gradient[0] = sums[1] * inverseN
        for j in 0..<p {
            let w = parameters[j + 1]
            value += 0.5 * lambda * w * w
            gradient[j + 1] = sums[j + 2] * inverseN + lambda * w
        }
        return (value, gradient)
    }

    /// The columns' base addresses and the numbers a chunk kernel reads, shared by the chunks of one call on all
    /// threads (read only, and valid until `withKernelArguments` returns).
    private struct KernelArguments: @unchecked Sendable {
        let columnBases: UnsafePointer<UnsafePointer<Double>>
        let numbers: UnsafePointer<Double>
    }

    /// Runs `body` with the columns' base addresses (`columns.count` of them) and a copy of `numbers`, at addresses
    /// the chunk kernel can take (valid, and not moving, for the whole call; never nil, even with no columns).
    private func withKernelArguments<Result>(_ numbers: [Double], _ body: (KernelArguments) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UnsafePointer<Double>.self, capacity: max(columns.count, 1)) { bases in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(numbers.count, 1)) { copy in
                // The columns are immutable and kept alive by `self` for the whole call, so their storage does not move.
                for (j, column) in columns.enumerated() {
                    bases.initializeElement(at: j, to: column.withUnsafeBufferPointer { $0.baseAddress! })
                }
                for (k, number) in numbers.enumerated() { copy.initializeElement(at: k, to: number) }
                return body(KernelArguments(columnBases: UnsafePointer(bases.baseAddress!),
                                            numbers: UnsafePointer(copy.baseAddress!)))
            }
        }
    }

    /// Runs `body(start, count, out)` for every chunk of `chunkSize` rows, on all cores, each chunk writing its
    /// `stride` partial sums to `out`; returns the partial sums added in chunk order, so the result is the same
    /// bits whatever the number of threads.
    private func chunkSums(stride: Int,
                           _ body: @escaping @Sendable (_ start: Int, _ count: Int, _ out: UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let n = labels.count
        let chunkCount = (n + Self.chunkSize - 1) / Self.chunkSize
        var partials = [Double](repeating: 0, count: chunkCount * stride)
        partials.withUnsafeMutableBufferPointer { partialBuffer in
            nonisolated(unsafe) let out = partialBuffer
            let work: @Sendable (Int) -> Void = { chunk in
                let start = chunk * Self.chunkSize
                body(start, min(Self.chunkSize, n - start), out.baseAddress! + chunk * stride)
            }
            if chunkCount > 1 && chunksRunConcurrently {
                DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
            } else {
                for chunk in 0..<chunkCount { work(chunk) }
            }
        }
        var sums = [Double](repeating: 0, count: stride)
        for chunk in 0..<chunkCount {
            for k in 0..<stride { sums[k] += partials[chunk * stride + k] }
        }
        return sums
    }

    /// J alone.
    public func value(at parameters: [Double]) -> Double { valueAndGradient(at: parameters).value }

    private static func accumulateChunkScalar(count: Int, columns: [UnsafePointer<Double>], labels y: UnsafePointer<Double>,
                                              parameters: [Double], means: [Double], inverseScales: [Double],
                                              into out: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { margin in
            let intercept = parameters[0]
            for k in 0..<count { margin[k] = intercept }
            for (j, x) in columns.enumerated() {
                let w = parameters[j + 1], mean = means[j], scale = inverseScales[j]
                for k in 0..<count { margin[k] += w * ((x[k] - mean) * scale) }
            }
            var loss = 0.0, residualSum = 0.0
            for k in 0..<count {
                let z = margin[k]
                let e = exp(-abs(z))
                // softplus((1 - 2y)·z): the log loss without cancellation for binary labels.
                loss += max((1 - 2 * y[k]) * z, 0) + log1p(e)
                let probability = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                let residual = probability - y[k]
                margin[k] = residual
                residualSum += residual
            }
            out[0] = loss
            out[1] = residualSum
            for (j, x) in columns.enumerated() {
                let mean = means[j], scale = inverseScales[j]
                var sum = 0.0
                for k in 0..<count { sum += margin[k] * ((x[k] - mean) * scale) }
                out[2 + j] = sum
            }
        }
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Double>) -> FastMath.Lane {
        UnsafeRawPointer(pointer).loadUnaligned(as: FastMath.Lane.self)
    }

    /// The Hessian of J at `parameters`: (1/N) Σ p(1-p) x̃ x̃ᵀ + λ·diag(0, 1, ..., 1), with x̃ = [1, z].
    /// Summed per chunk on all cores (four lanes, p(1-p) = e/(1 + e)² with e = e^-|margin|) and added in chunk
    /// order, so it is the same bits whatever the thread count (and whichever build of the chunk kernel runs).
    public func hessian(at parameters: [Double]) -> [[Double]] {
        hessian(at: parameters, kernel: .selected)
    }

    /// The Hessian with the chunk kernel's build `kernel`.
    func hessian(at parameters: [Double], kernel: ObjectiveKernelBuild) -> [[Double]] {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters")
        let p = columns.count
        let n = labels.count
        let size = p + 1
        let pairs = size * (size + 1) / 2
        let inverseScales = standardizer.standardDeviations.map { 1 / $0 }
        let sums = withKernelArguments(parameters + standardizer.means + inverseScales) { arguments in
            chunkSums(stride: pairs) { start, count, out in
                let numbers = arguments.numbers
                kernel.kernel.accumulateHessian(start: start, count: count, columns: arguments.columnBases, columnCount: p,
                                                parameters: numbers, means: numbers + size,
                                                inverseScales: numbers + size + p, into: out)
            }
        }
        var h = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
        let inverseN = 1 / Double(n)
        var pair = 0
        for a in 0..<size {
            for b in 0...a {
                h[a][b] = sums[pair] * inverseN
                h[b][a] = h[a][b]
                pair += 1
            }
            if a > 0 { h[a][a] += lambda }
        }
        return h
    }

    /// An upper bound on the Lipschitz constant of ∇J: λ_max((1/N) X̃ᵀX̃)/4 + λ. On standardized columns X̃ᵀX̃/N is
    /// block-diagonal (1 for the intercept, the correlation matrix for the weights).
    /// The correlation matrix comes from centered cross products summed per chunk (four lanes, all cores) and
    /// added in chunk order, so it is the same bits whatever the thread count.
    public func lipschitzBound() -> Double {
        let p = columns.count
        let n = labels.count
        guard p > 0, n > 0 else { return 1 + lambda }
        let pairs = p * (p + 1) / 2
        let means = standardizer.means
        nonisolated(unsafe) let columnBases = columns.map { $0.withUnsafeBufferPointer { $0.baseAddress! } }
        let sums = chunkSums(stride: pairs) { start, count, out in
            typealias Lane = FastMath.Lane
            let full = count / Lane.scalarCount * Lane.scalarCount
            var pair = 0
            for a in 0..<p {
                let xa = columnBases[a] + start, meanA = Lane(repeating: means[a])
                for b in 0...a {
                    let xb = columnBases[b] + start, meanB = Lane(repeating: means[b])
                    var sum = Lane()
                    var k = 0
                    while k < full {
                        sum += (Self.load(xa + k) - meanA) * (Self.load(xb + k) - meanB)
                        k += Lane.scalarCount
                    }
                    var tail = 0.0
                    for k in full..<count { tail += (xa[k] - means[a]) * (xb[k] - means[b]) }
                    out[pair] = sum.sum() + tail
                    pair += 1
                }
            }
        }
        var correlation = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var pair = 0
        for a in 0..<p {
            for b in 0...a {
                let value = sums[pair] / Double(n) / (standardizer.standardDeviations[a] * standardizer.standardDeviations[b])
                correlation[a][b] = value
                correlation[b][a] = value
                pair += 1
            }
        }
        return max(1, SmallMatrix.largestEigenvalue(correlation)) / 4 + lambda
    }
}
