/// Sums of long arrays in four interleaved partial sums: independent additions, so the loop is not bound by the
/// latency of one long chain of adds (and the rounding error grows no faster than a single running sum's).
/// The order is fixed, so the result is the same bits on every run.
public enum Summation {
    /// Σ term(x) over `values`.
    @inline(__always)
    public static func sum(_ values: [Double], _ term: (Double) -> Double = { $0 }) -> Double {
        values.withUnsafeBufferPointer { buffer in
            var partial = SIMD4<Double>()
            let full = buffer.count / 4 * 4
            var k = 0
            while k < full {
                partial += SIMD4(term(buffer[k]), term(buffer[k + 1]), term(buffer[k + 2]), term(buffer[k + 3]))
                k += 4
            }
            var tail = 0.0
            for k in full..<buffer.count { tail += term(buffer[k]) }
            return (partial[0] + partial[1]) + (partial[2] + partial[3]) + tail
        }
    }
}
