import Foundation

/// Branch-free exponential and log1p on `SIMD2<Double>` lanes, for the training objective's hot loop.
///
/// Accuracy (measured in `FastMathTests` against Foundation's `exp`/`log1p`, which are themselves within 1 ulp):
/// - `exp(x)` for x in [-708, 709]: range reduction x = n·ln2 + r (|r| <= ln2/2, two-part ln2) and a degree-13
///   Taylor polynomial (truncation below 5e-18 relative), then 2^n built from the exponent bits: within 2 ulp.
/// - `log1p(x)` for x in [0, 1]: u = 1 + x, u = 2^k·m with m in [√2/2, √2), fdlibm's log kernel on m
///   (s = f/(2+f), degree-14 polynomial in s) plus the rounding correction (x - (u - 1))/u; 1/u and f/(2+f) share one division: within 2 ulp.
/// Only plain multiply and add are used (no fused multiply-add, which is a library call on baseline x86-64).
public enum FastMath {
    /// The lane type: two doubles fill one SSE2 register, so the kernels keep everything in registers.
    public typealias Vector = SIMD2<Double>
    typealias IntVector = SIMD2<Int64>
    typealias BitsVector = SIMD2<UInt64>

    // exp
    private static let log2e = 1.4426950408889634
    private static let ln2Hi = 6.93147180369123816490e-01 // 32 significant bits: n·ln2Hi is exact
    private static let ln2Lo = 1.90821492927058770002e-10
    private static let shifter = 6755399441055744.0 // 1.5·2^52: adding it rounds to an integer in the low bits
    // log kernel (fdlibm e_log.c)
    private static let lg1 = 6.666666666666735130e-01
    private static let lg2 = 3.999999999940941908e-01
    private static let lg3 = 2.857142874366239149e-01
    private static let lg4 = 2.222219843214978396e-01
    private static let lg5 = 1.818357216161805012e-01
    private static let lg6 = 1.531383769920937332e-01
    private static let lg7 = 1.479819860511658591e-01

    /// e^x for every lane with x in [-708, 709] (lanes outside are clamped to that range).
    @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        let clamped = x.clamped(lowerBound: Vector(repeating: -708), upperBound: Vector(repeating: 709))
        return expKernel(clamped)
    }

    @inline(__always)
    static func expKernel(_ x: Vector) -> Vector {
        let shifted = x * log2e + shifter
        let n = shifted - shifter
        let r = (x - n * ln2Hi) - n * ln2Lo
        // Taylor coefficients 1/k! for k = 2...13, Horner form.
        var p = Vector(repeating: 1.0 / 6_227_020_800)
        p = p * r + 1.0 / 479_001_600
        p = p * r + 1.0 / 39_916_800
        p = p * r + 1.0 / 3_628_800
        p = p * r + 1.0 / 362_880
        p = p * r + 1.0 / 40_320
        p = p * r + 1.0 / 5_040
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2^n: the low bits of `shifted` hold n; add the exponent bias and move it into the exponent field.
        let bits = unsafeBitCast(shifted, to: IntVector.self) &- Int64(bitPattern: shifter.bitPattern)
        let scale = unsafeBitCast((bits &+ 1023) &<< 52, to: Vector.self)
        return p * scale
    }

    /// log(1 + x) and 1/(1 + x) for every lane with x in [0, 1], given u = 1 + x as computed (rounded). The two
    /// quotients the kernel needs (1/u and s = f/(2 + f)) share one division: q = 1/(u·(2 + f)).
    @inline(__always)
    public static func log1pUnit(_ x: Vector, onePlus u: Vector) -> (log1p: Vector, reciprocal: Vector) {
        // u = 2^k·m with m in [√2/2, √2): shift the bits so the exponent carries exactly when u >= √2.
        let ubits = unsafeBitCast(u, to: BitsVector.self) &+ (0x3FF0_0000_0000_0000 - 0x3FE6_A09E_667F_3BCD)
        let kInt = (ubits &>> 52) &- 1023 // logical shift: u > 0
        let mbits = (ubits & 0x000F_FFFF_FFFF_FFFF) &+ 0x3FE6_A09E_667F_3BCD
        let f = unsafeBitCast(mbits, to: Vector.self) - 1
        let k = unsafeBitCast(kInt &+ shifter.bitPattern, to: Vector.self) - shifter
        let twoPlusF = 2 + f
        let q = 1 / (u * twoPlusF)
        let inverse = twoPlusF * q
        let s = f * (u * q)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let rr = t2 + t1
        let hfsq = 0.5 * f * f
        // The rounding error of u = 1 + x is x - (u - 1) (exact, u in [1, 2]); its effect on the log is that / u.
        let correction = (x - (u - 1)) * inverse
        return (k * ln2Hi - ((hfsq - (s * (hfsq + rr) + (k * ln2Lo + correction))) - f), inverse)
    }

    // MARK: - The objective's kernel: four lanes, near-minimax polynomials

    /// The lane type of the objective's kernel: four doubles, i.e. two SSE2 registers per operation, so the two
    /// independent halves of every dependency chain overlap in the pipeline. (`LogisticObjective` spells out
    /// its four lanes for `min`/`max`, which LLVM then lowers to `minpd`/`cmpnlepd`.)
    public typealias Lane = SIMD4<Double>
    typealias LaneBits = SIMD4<Int64>

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

    /// e^x for one value (any x; outside [-708, 709] it falls back to Foundation).
    public static func exp(_ x: Double) -> Double {
        guard x >= -708, x <= 709 else { return Foundation.exp(x) }
        return exp(Vector(repeating: x))[0]
    }

    /// log(1 + x) for one value in [0, 1] (elsewhere it falls back to Foundation).
    public static func log1p(_ x: Double) -> Double {
        guard x >= 0, x <= 1 else { return Foundation.log1p(x) }
        let v = Vector(repeating: x)
        let u = 1 + v
        return log1pUnit(v, onePlus: u).log1p[0]
    }
}
