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
    /// `referenceValueAndGradient` to about 1e-15 relative; the tests allow 1e-12).
    public func valueAndGradient(at parameters: [Double]) -> (value: Double, gradient: [Double]) {
        reduce(at: parameters, simd: true)
    }

    /// J and its gradient computed row by row with Foundation's `exp` and `log1p`: the scalar reference that
    /// the SIMD path is tested against (same chunks, same order of chunk sums).
    public func referenceValueAndGradient(at parameters: [Double]) -> (value: Double, gradient: [Double]) {
        reduce(at: parameters, simd: false)
    }

    private func reduce(at parameters: [Double], simd: Bool) -> (value: Double, gradient: [Double]) {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters")
        let p = columns.count
        let n = labels.count
        let stride = p + 2 // loss, d/db, d/dw_1..p
        let inverseScales = standardizer.standardDeviations.map { 1 / $0 }
        let means = standardizer.means
        // w_j·(1/s_j): the margin is b + Σ (w_j/s_j)·(x_j - m_j).
        let scaledWeights = (0..<p).map { parameters[$0 + 1] * inverseScales[$0] }
        // The arrays are immutable and kept alive by `self` for the whole call, so their storage does not move.
        nonisolated(unsafe) let columnBases = columns.map { $0.withUnsafeBufferPointer { $0.baseAddress! } }
        nonisolated(unsafe) let labelBase = labels.withUnsafeBufferPointer { $0.baseAddress! }
        let sums = chunkSums(stride: stride) { start, count, out in
            if simd {
                Self.accumulateChunkSIMD(start: start, count: count, columns: columnBases, labels: labelBase,
                                         intercept: parameters[0], scaledWeights: scaledWeights, means: means,
                                         inverseScales: inverseScales, into: out)
            } else {
                Self.accumulateChunkScalar(count: count, columns: columnBases.map { $0 + start }, labels: labelBase + start,
                                           parameters: parameters, means: means, inverseScales: inverseScales, into: out)
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
            if chunkCount > 1 {
                DispatchQueue.concurrentPerform(iterations: chunkCount, execute: work)
            } else if chunkCount == 1 {
                work(0)
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

    @inline(__always)
    private static func store(_ value: FastMath.Lane, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: FastMath.Lane.self)
    }

    /// e = e^-min(|z|, 708) of one lane group (beyond 708, e^-|z| is below 1e-307 and its effect on loss and σ
    /// is far below an ulp).
    @inline(__always)
    private static func expOfMargin(_ z: FastMath.Lane) -> FastMath.Lane {
        typealias Bits = FastMath.LaneBits
        let signMask = Bits(repeating: Int64.max)
        let absolute = unsafeBitCast(unsafeBitCast(z, to: Bits.self) & signMask, to: FastMath.Lane.self)
        // Lane-wise `min` is what LLVM turns into one `minpd` per register (`pointwiseMin` and masks are not).
        let a = FastMath.Lane(Swift.min(absolute[0], 708), Swift.min(absolute[1], 708),
                              Swift.min(absolute[2], 708), Swift.min(absolute[3], 708))
        return FastMath.expNegative(a)
    }

    /// Loss and residual σ(z) - y of one lane group given e = e^-|z|: log(1 + e) and 1/(1 + e) from one division
    /// (`FastMath.log1pAndReciprocal`); loss = max((1 - 2y)z, 0) + log(1 + e), σ(z) = 1/(1 + e) for z >= 0 and
    /// e/(1 + e) for z < 0.
    @inline(__always)
    private static func rowGroup(_ z: FastMath.Lane, _ e: FastMath.Lane, _ label: FastMath.Lane) -> (loss: FastMath.Lane, residual: FastMath.Lane) {
        typealias Bits = FastMath.LaneBits
        let (log1pE, inverse) = FastMath.log1pAndReciprocal(e)
        let negative = unsafeBitCast(z, to: Bits.self) &>> 63 // all ones where z's sign bit is set
        let numerator = unsafeBitCast((unsafeBitCast(e, to: Bits.self) & negative)
            | (Bits(repeating: Int64(bitPattern: 1.0.bitPattern)) & ~negative), to: FastMath.Lane.self)
        let t = (1 - (label + label)) * z
        // max(t, 0), exactly; lane-wise `max` becomes a compare and an `and` per register.
        let positivePart = FastMath.Lane(Swift.max(t[0], 0), Swift.max(t[1], 0), Swift.max(t[2], 0), Swift.max(t[3], 0))
        return (positivePart + log1pE, numerator * inverse - label)
    }

    /// The parts of one lane group's loss and its residual σ(z) - y, given e = e^-|z|: max((1 - 2y)z, 0), the factor
    /// 1 + e whose logarithm completes the loss, and the residual (σ(z) = 1/(1 + e) for z >= 0, e/(1 + e) for z < 0).
    @inline(__always)
    private static func rowGroupFactors(_ z: FastMath.Lane, _ e: FastMath.Lane, _ label: FastMath.Lane)
        -> (positivePart: FastMath.Lane, onePlusE: FastMath.Lane, residual: FastMath.Lane) {
        typealias Bits = FastMath.LaneBits
        let onePlusE = 1 + e
        let inverse = 1 / onePlusE
        let negative = unsafeBitCast(z, to: Bits.self) &>> 63 // all ones where z's sign bit is set
        let numerator = unsafeBitCast((unsafeBitCast(e, to: Bits.self) & negative)
            | (Bits(repeating: Int64(bitPattern: 1.0.bitPattern)) & ~negative), to: FastMath.Lane.self)
        let t = (1 - (label + label)) * z
        let positivePart = FastMath.Lane(Swift.max(t[0], 0), Swift.max(t[1], 0), Swift.max(t[2], 0), Swift.max(t[3], 0))
        return (positivePart, onePlusE, numerator * inverse - label)
    }

    /// Rows per block inside a chunk: the block's margins and columns stay in L1 between the passes.
    static let blockSize = 512

    /// The chunk's loss, residual sum and gradient sums. Each block of `blockSize` rows makes four passes: the
    /// margins column by column, e = e^-|z|, then loss and residual one `FastMath.Lane` group at a time (the
    /// residuals overwrite the margins; Σ log(1 + e) is the log of a per-lane product), then Σ r·(x_j - m_j) per
    /// column; the scale 1/s_j is applied once per chunk. The last partial group of the chunk goes through
    /// `rowGroup` (with `FastMath.log1pAndReciprocal`), lane by lane.
    private static func accumulateChunkSIMD(start: Int, count: Int, columns: [UnsafePointer<Double>], labels: UnsafePointer<Double>,
                                            intercept: Double, scaledWeights: [Double], means: [Double],
                                            inverseScales: [Double], into out: UnsafeMutablePointer<Double>) {
        typealias Lane = FastMath.Lane
        let width = Lane.scalarCount
        let p = columns.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (blockSize + width)) { marginBuffer in
            withUnsafeTemporaryAllocation(of: Lane.self, capacity: max(p, 1)) { gradientBuffer in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: max(p, 1)) { tailBuffer in
                    let margin = marginBuffer.baseAddress!
                    let exponentials = margin + blockSize + width
                    let gradientSums = gradientBuffer.baseAddress!
                    let tailSums = tailBuffer.baseAddress!
                    for j in 0..<p {
                        (gradientSums + j).initialize(to: Lane())
                        tailSums[j] = 0
                    }
                    var loss = Lane(), residualSum = Lane()
                    var tailLoss = 0.0, tailResidual = 0.0
                    var blockStart = 0
                    while blockStart < count {
                        let rows = min(blockSize, count - blockStart)
                        let full = rows / width * width
                        let y = labels + start + blockStart
                        // Margins.
                        let interceptLane = Lane(repeating: intercept)
                        var k = 0
                        while k < full { store(interceptLane, margin + k); k += width }
                        for k in full..<rows { margin[k] = intercept }
                        for j in 0..<p {
                            let x = columns[j] + start + blockStart
                            let mean = Lane(repeating: means[j]), weight = Lane(repeating: scaledWeights[j])
                            var k = 0
                            while k < full {
                                store(load(margin + k) + weight * (load(x + k) - mean), margin + k)
                                k += width
                            }
                            for k in full..<rows { margin[k] += scaledWeights[j] * (x[k] - means[j]) }
                        }
                        // e^-|z|, then loss and residuals: two short loop bodies overlap better in the pipeline
                        // than one long one.
                        k = 0
                        while k < full {
                            store(expOfMargin(load(margin + k)), exponentials + k)
                            k += width
                        }
                        // Σ log(1 + e) of the block is taken as log Π (1 + e) per lane: one multiply per row instead
                        // of a logarithm (each factor is in [1, 2], so 128 of them stay below 2^128).
                        var product = Lane(repeating: 1)
                        k = 0
                        while k < full {
                            let (positivePart, onePlusE, r) = rowGroupFactors(load(margin + k), load(exponentials + k), load(y + k))
                            loss += positivePart
                            product *= onePlusE
                            residualSum += r
                            store(r, margin + k)
                            k += width
                        }
                        loss += Lane(Foundation.log(product[0]), Foundation.log(product[1]),
                                     Foundation.log(product[2]), Foundation.log(product[3]))
                        if full < rows {
                            var z = Lane(), label = Lane()
                            for lane in 0..<(rows - full) {
                                z[lane] = margin[full + lane]
                                label[lane] = y[full + lane]
                            }
                            let (l, r) = rowGroup(z, expOfMargin(z), label)
                            for lane in 0..<(rows - full) {
                                tailLoss += l[lane]
                                tailResidual += r[lane]
                                margin[full + lane] = r[lane]
                            }
                        }
                        // Gradient sums.
                        for j in 0..<p {
                            let x = columns[j] + start + blockStart
                            let mean = Lane(repeating: means[j])
                            var sum = gradientSums[j]
                            var k = 0
                            while k < full {
                                sum += load(margin + k) * (load(x + k) - mean)
                                k += width
                            }
                            gradientSums[j] = sum
                            for k in full..<rows { tailSums[j] += margin[k] * (x[k] - means[j]) }
                        }
                        blockStart += rows
                    }
                    out[0] = loss.sum() + tailLoss
                    out[1] = residualSum.sum() + tailResidual
                    for j in 0..<p {
                        out[2 + j] = (gradientSums[j].sum() + tailSums[j]) * inverseScales[j]
                    }
                }
            }
        }
    }

    /// The Hessian of J at `parameters`: (1/N) Σ p(1-p) x̃ x̃ᵀ + λ·diag(0, 1, ..., 1), with x̃ = [1, z].
    /// Summed per chunk on all cores (four lanes, p(1-p) = e/(1 + e)² with e = e^-|margin|) and added in chunk
    /// order, so it is the same bits whatever the thread count.
    public func hessian(at parameters: [Double]) -> [[Double]] {
        precondition(parameters.count == parameterCount, "expected \(parameterCount) parameters")
        let p = columns.count
        let n = labels.count
        let size = p + 1
        let pairs = size * (size + 1) / 2
        let means = standardizer.means
        let inverseScales = standardizer.standardDeviations.map { 1 / $0 }
        nonisolated(unsafe) let columnBases = columns.map { $0.withUnsafeBufferPointer { $0.baseAddress! } }
        let sums = chunkSums(stride: pairs) { start, count, out in
            Self.accumulateHessianChunk(columns: columnBases.map { $0 + start }, count: count, parameters: parameters,
                                        means: means, inverseScales: inverseScales, into: out)
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

    /// One chunk's Σ p(1-p) x̃_a x̃_b for the pairs b <= a, in that order, into `out`. The standardized columns of
    /// each block of `blockSize` rows are kept in a scratch buffer (row k of column j at j·blockSize + k), the
    /// weights p(1-p) in another; the last partial lane group is padded with weight 0.
    private static func accumulateHessianChunk(columns: [UnsafePointer<Double>], count: Int, parameters: [Double],
                                               means: [Double], inverseScales: [Double],
                                               into out: UnsafeMutablePointer<Double>) {
        typealias Lane = FastMath.Lane
        let width = Lane.scalarCount
        let p = columns.count
        let size = p + 1
        let padded = blockSize + width
        withUnsafeTemporaryAllocation(of: Double.self, capacity: size * padded) { scratch in
            withUnsafeTemporaryAllocation(of: Lane.self, capacity: size * (size + 1) / 2) { sums in
                let design = scratch.baseAddress! // column 0: the weights; columns 1...p: the z-scores
                for pair in 0..<sums.count { sums[pair] = Lane() }
                var blockStart = 0
                while blockStart < count {
                    let rows = min(blockSize, count - blockStart)
                    let groups = (rows + width - 1) / width * width
                    for k in 0..<groups { design[k] = parameters[0] }
                    for j in 0..<p {
                        let x = columns[j] + blockStart, z = design + (j + 1) * padded
                        for k in 0..<rows { z[k] = (x[k] - means[j]) * inverseScales[j] }
                        for k in rows..<groups { z[k] = 0 }
                        let weight = parameters[j + 1]
                        for k in 0..<groups { design[k] += weight * z[k] }
                    }
                    var k = 0
                    while k < groups {
                        let margin = load(design + k)
                        let e = expOfMargin(margin)
                        let onePlusE = 1 + e
                        store(e / (onePlusE * onePlusE), design + k)
                        k += width
                    }
                    for k in rows..<groups { design[k] = 0 }
                    var pair = 0
                    for a in 0..<size {
                        for b in 0...a {
                            let xa = design + a * padded, xb = design + b * padded
                            var sum = sums[pair]
                            var k = 0
                            if a == 0 {
                                while k < groups { sum += load(design + k); k += width }
                            } else if b == 0 {
                                while k < groups { sum += load(design + k) * load(xa + k); k += width }
                            } else {
                                while k < groups { sum += load(design + k) * load(xa + k) * load(xb + k); k += width }
                            }
                            sums[pair] = sum
                            pair += 1
                        }
                    }
                    blockStart += rows
                }
                for pair in 0..<sums.count { out[pair] = sums[pair].sum() }
            }
        }
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
