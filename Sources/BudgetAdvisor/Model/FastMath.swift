import Foundation
import ObjectiveKernel

/// Branch-free exponential and log1p on `SIMD2<Double>` lanes, and the objective kernel's four-lane `expNegative`
/// and `log1pAndReciprocal` (which live in the `ObjectiveKernel` module; these forward to them).
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

    // exp: the kernel's constants (log2(e), ln 2 in two parts, the rounding shifter 1.5·2^52)
    private static let log2e = LaneMath.log2e
    private static let ln2Hi = LaneMath.ln2Hi
    private static let ln2Lo = LaneMath.ln2Lo
    private static let shifter = LaneMath.shifter
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

    // MARK: - The objective's kernel: four lanes, near-minimax polynomials (in `ObjectiveKernel`)

    /// The lane type of the objective's kernel: four doubles (`ObjectiveKernel.LaneMath.Lane`).
    public typealias Lane = LaneMath.Lane

    /// e^-a for every lane with a in [0, 708], within 2 ulp: `ObjectiveKernel.LaneMath.expNegative` (the
    /// baseline build).
    public static func expNegative(_ a: Lane) -> Lane {
        LaneMath.expNegative(a)
    }

    /// log(1 + e) and 1/(1 + e) for every lane with e in [0, 1], with one division:
    /// `ObjectiveKernel.LaneMath.log1pAndReciprocal` (the baseline build).
    public static func log1pAndReciprocal(_ e: Lane) -> (log1p: Lane, reciprocal: Lane) {
        LaneMath.log1pAndReciprocal(e)
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
