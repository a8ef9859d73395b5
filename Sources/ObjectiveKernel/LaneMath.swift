import Foundation

/// The objective kernel's lane math: e^-a and log(1 + e) with 1/(1 + e) on `SIMD4<Double>` lanes, branch-free,
/// with plain multiply and add only (Swift never contracts a·b + c into a fused multiply-add, so the baseline and
/// the AVX2 builds of this module give the same bits).
public enum LaneMath {
    /// Four doubles: two SSE2 registers per operation in the baseline build, so the two independent halves of
    /// every dependency chain overlap in the pipeline; one AVX register in the AVX2 build.
    public typealias Lane = SIMD4<Double>
    /// The lanes' bit patterns.
    public typealias LaneBits = SIMD4<Int64>

    /// log2(e).
    public static let log2e = 1.4426950408889634
    /// The high part of ln 2, with 32 significant bits: n·ln2Hi is exact for the n that occur.
    public static let ln2Hi = 6.93147180369123816490e-01
    /// ln 2 - ln2Hi.
    public static let ln2Lo = 1.90821492927058770002e-10
    /// 1.5·2^52: adding it rounds to an integer held in the low bits of the result.
    public static let shifter = 6755399441055744.0

    // exp(-r) on |r| <= ln2/2: Chebyshev fit of degree 11 (mpmath `chebyfit`), approximation error 4.5e-18 relative.
    private static let en11 = -2.5110037605963777712e-8
    private static let en10 = 2.76326396390410297493e-7
    private static let en9 = -2.7557240918578969823e-6
    private static let en8 = 2.4801485482328492419e-5
    private static let en7 = -1.98412698900471137067e-4
    private static let en6 = 1.38888889523147746524e-3
    private static let en5 = -8.33333333331960061091e-3
    private static let en4 = 4.16666666664880954954e-2
    private static let en3 = -0.166666666666666808057
    private static let en2 = 0.500000000000001838553
    // log(1 + e) = 2s + s·w·Q(w) with s = e/(2 + e), w = s² in [0, 1/9]: Q of degree 8 (mpmath `chebyfit` of
    // (2·atanh(√w)/√w - 2)/w), error 3.4e-15 absolute in Q, i.e. below 1.9e-16 relative in the logarithm.
    private static let lq0 = 0.666666666666669685514
    private static let lq1 = 0.399999999995601287154
    private static let lq2 = 0.28571428676660995023
    private static let lq3 = 0.222222125579297126057
    private static let lq4 = 0.18182261108419746298
    private static let lq5 = 0.153732748763580022905
    private static let lq6 = 0.135023424717571003984
    private static let lq7 = 0.103226692704990819098
    private static let lq8 = 0.168707006610972093982

    /// e^-a for every lane with a in [0, 708]: a = n·ln2 + r (two-part ln2, |r| <= ln2/2), a degree-11
    /// near-minimax polynomial for e^-r (Estrin's scheme), and 2^-n from the exponent bits (n <= 1022, so always a normal number).
    /// Within 2 ulp of Foundation's `exp(-a)` (measured in `FastMathTests` on [0, 708]).
    @inline(__always)
    public static func expNegative(_ a: Lane) -> Lane {
        let shifted = a * log2e + shifter
        let n = shifted - shifter
        let r = (a - n * ln2Hi) - n * ln2Lo
        // Estrin's scheme: a shallow dependency tree instead of an 11-step Horner chain.
        let r2 = r * r, r4 = r2 * r2
        let p01 = 1 - r, p23 = en2 + en3 * r, p45 = en4 + en5 * r
        let p67 = en6 + en7 * r, p89 = en8 + en9 * r, p1011 = en10 + en11 * r
        let q03 = p01 + p23 * r2, q47 = p45 + p67 * r2, q811 = p89 + p1011 * r2
        let p = (q03 + q47 * r4) + q811 * (r4 * r4)
        let bits = unsafeBitCast(shifted, to: LaneBits.self) &- Int64(bitPattern: shifter.bitPattern)
        let scale = unsafeBitCast((1023 &- bits) &<< 52, to: Lane.self)
        return p * scale
    }

    /// log(1 + e) and 1/(1 + e) for every lane with e in [0, 1], with one division: q = 1/((1 + e)(2 + e)) gives
    /// 1/(1 + e) = (2 + e)·q and s = e/(2 + e) = e·(1 + e)·q; then log(1 + e) = 2·atanh(s) = 2s + s·w·Q(w).
    /// Measured in `FastMathTests` against Foundation: log1p within 4 ulp (the rounding of s dominates; the test
    /// allows 6), the reciprocal within 2 ulp (allowed 3).
    @inline(__always)
    public static func log1pAndReciprocal(_ e: Lane) -> (log1p: Lane, reciprocal: Lane) {
        let u = 1 + e
        let v = 2 + e
        let q = 1 / (u * v)
        let reciprocal = v * q
        let s = e * (u * q)
        let w = s * s
        // Estrin's scheme in w.
        let w2 = w * w, w4 = w2 * w2
        let p01 = lq0 + lq1 * w, p23 = lq2 + lq3 * w, p45 = lq4 + lq5 * w, p67 = lq6 + lq7 * w
        let poly = ((p01 + p23 * w2) + (p45 + p67 * w2) * w4) + lq8 * (w4 * w4)
        return ((s + s) + (s * w) * poly, reciprocal)
    }

    /// e = e^-min(|z|, 708) of one lane group (beyond 708, e^-|z| is below 1e-307 and its effect on loss and σ
    /// is far below an ulp).
    @inline(__always)
    static func expOfMargin(_ z: Lane) -> Lane {
        let signMask = LaneBits(repeating: Int64.max)
        let absolute = unsafeBitCast(unsafeBitCast(z, to: LaneBits.self) & signMask, to: Lane.self)
        // Lane-wise `min` is what LLVM turns into one `minpd` per register (`pointwiseMin` and masks are not).
        let a = Lane(Swift.min(absolute[0], 708), Swift.min(absolute[1], 708),
                     Swift.min(absolute[2], 708), Swift.min(absolute[3], 708))
        return expNegative(a)
    }
}
