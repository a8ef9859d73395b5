import Foundation

/// The per-chunk sums of the logistic objective and of its Hessian, on `LaneMath.Lane` groups.
///
/// This module is compiled twice from the same files: as `ObjectiveKernel` for baseline x86-64 (SSE2) and as
/// `ObjectiveKernelAVX2` with `-target-cpu haswell`; `BudgetAdvisor` picks one at run time. The entry points take
/// raw pointers and scalars only, and are never inlined into their callers, so each build's code stays its own.
/// Keep it free of standard-library generics that are not inlined (arrays, dictionaries, sets): a specialization
/// the AVX2 build emitted would have the same symbol as the baseline one, and the linker could give baseline code
/// the AVX2 copy. (`nm --defined-only` on the module's objects lists only `ObjectiveKernelAVX2` symbols today.)
public enum ChunkKernel {
    /// The lane type of the sums: four doubles.
    public typealias Lane = LaneMath.Lane
    typealias Bits = LaneMath.LaneBits

    /// Rows per block inside a chunk: the block's margins and columns stay in L1 between the passes.
    static let blockSize = 512

    /// Loss, residual sum and gradient sums of rows `start..<start + count` into `out[0]`, `out[1]` and
    /// `out[2...columnCount + 1]`.
    ///
    /// Each block of `blockSize` rows makes four passes: the margins column by column, e = e^-|z|, then loss and
    /// residual one `Lane` group at a time (the residuals overwrite the margins; Σ log(1 + e) is the log of a
    /// per-lane product), then Σ r·(x_j - m_j) per column; the scale 1/s_j is applied once per chunk. The last
    /// partial group of the chunk goes through `rowGroup` (with `LaneMath.log1pAndReciprocal`), lane by lane.
    /// - Parameters:
    ///   - columns: `columnCount` pointers to the feature columns (row 0 of each).
    ///   - labels: the labels (row 0), 0 or 1.
    ///   - intercept: b; the margin is b + Σ scaledWeights_j·(x_j - means_j).
    ///   - scaledWeights: w_j/s_j, `columnCount` of them.
    ///   - means: m_j, `columnCount` of them.
    ///   - inverseScales: 1/s_j, `columnCount` of them.
    @inline(never)
    public static func accumulateObjective(start: Int, count: Int, columns: UnsafePointer<UnsafePointer<Double>>,
                                           columnCount p: Int, labels: UnsafePointer<Double>, intercept: Double,
                                           scaledWeights: UnsafePointer<Double>, means: UnsafePointer<Double>,
                                           inverseScales: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        let width = Lane.scalarCount
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
                            store(LaneMath.expOfMargin(load(margin + k)), exponentials + k)
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
                            let (l, r) = rowGroup(z, LaneMath.expOfMargin(z), label)
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

    /// Σ p(1-p) x̃_a x̃_b over rows `start..<start + count` for the pairs b <= a, in that order, into `out`, with
    /// x̃ = [1, z], z_j = (x_j - means_j)·inverseScales_j, p = σ(b + w·z) and p(1-p) = e/(1 + e)², e = e^-|margin|.
    /// The standardized columns of each block of `blockSize` rows are kept in a scratch buffer (row k of column j
    /// at j·(blockSize + 4) + k), the weights p(1-p) in another; the last partial lane group is padded with weight 0.
    /// - Parameters:
    ///   - columns: `columnCount` pointers to the feature columns (row 0 of each).
    ///   - parameters: [b, w_1, ..., w_p] on the standardized scale.
    ///   - means: m_j, `columnCount` of them.
    ///   - inverseScales: 1/s_j, `columnCount` of them.
    @inline(never)
    public static func accumulateHessian(start: Int, count: Int, columns: UnsafePointer<UnsafePointer<Double>>,
                                         columnCount p: Int, parameters: UnsafePointer<Double>,
                                         means: UnsafePointer<Double>, inverseScales: UnsafePointer<Double>,
                                         into out: UnsafeMutablePointer<Double>) {
        let width = Lane.scalarCount
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
                        let x = columns[j] + start + blockStart, z = design + (j + 1) * padded
                        for k in 0..<rows { z[k] = (x[k] - means[j]) * inverseScales[j] }
                        for k in rows..<groups { z[k] = 0 }
                        let weight = parameters[j + 1]
                        for k in 0..<groups { design[k] += weight * z[k] }
                    }
                    var k = 0
                    while k < groups {
                        let e = LaneMath.expOfMargin(load(design + k))
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

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> Lane {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
    }

    @inline(__always)
    static func store(_ value: Lane, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lane.self)
    }

    /// max((1 - 2y)z, 0) of one lane group, exactly, and the numerator of σ(z)·(1 + e): e where z's sign bit is
    /// set, 1 elsewhere.
    @inline(__always)
    static func signParts(_ z: Lane, _ e: Lane, _ label: Lane) -> (positivePart: Lane, numerator: Lane) {
        let negative = unsafeBitCast(z, to: Bits.self) &>> 63 // all ones where z's sign bit is set
        let numerator = unsafeBitCast((unsafeBitCast(e, to: Bits.self) & negative)
            | (Bits(repeating: Int64(bitPattern: 1.0.bitPattern)) & ~negative), to: Lane.self)
        let t = (1 - (label + label)) * z
        // Lane-wise `max` becomes a compare and an `and` per register.
        return (Lane(Swift.max(t[0], 0), Swift.max(t[1], 0), Swift.max(t[2], 0), Swift.max(t[3], 0)), numerator)
    }

    /// Loss and residual σ(z) - y of one lane group given e = e^-|z|: log(1 + e) and 1/(1 + e) from one division
    /// (`LaneMath.log1pAndReciprocal`); loss = max((1 - 2y)z, 0) + log(1 + e), σ(z) = 1/(1 + e) for z >= 0 and
    /// e/(1 + e) for z < 0.
    @inline(__always)
    static func rowGroup(_ z: Lane, _ e: Lane, _ label: Lane) -> (loss: Lane, residual: Lane) {
        let (log1pE, inverse) = LaneMath.log1pAndReciprocal(e)
        let (positivePart, numerator) = signParts(z, e, label)
        return (positivePart + log1pE, numerator * inverse - label)
    }

    /// The parts of one lane group's loss and its residual σ(z) - y, given e = e^-|z|: max((1 - 2y)z, 0), the factor
    /// 1 + e whose logarithm completes the loss, and the residual (σ(z) = 1/(1 + e) for z >= 0, e/(1 + e) for z < 0).
    @inline(__always)
    static func rowGroupFactors(_ z: Lane, _ e: Lane, _ label: Lane) -> (positivePart: Lane, onePlusE: Lane, residual: Lane) {
        let onePlusE = 1 + e
        let inverse = 1 / onePlusE
        let (positivePart, numerator) = signParts(z, e, label)
        return (positivePart, onePlusE, numerator * inverse - label)
    }
}
