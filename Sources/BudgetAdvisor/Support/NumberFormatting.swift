/// Locale-independent number formatting: the same bytes on every machine.
public enum NumberFormatting {
    /// `x` with exactly `decimals` digits after the point (`fixed(1234.5, 2)` is `"1234.50"`), no exponent.
    /// Non-finite values print as `nan`, `inf`, `-inf`.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9.0e15 else { return String(format: "%.\(decimals)f", x) }
        let integer = UInt64(scaled)
        let unit = UInt64(scale)
        let whole = integer / unit
        let fraction = integer % unit
        var text = (x < 0 && integer != 0) ? "-" : ""
        text += String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// `x` with `decimals` digits and thousands separators: `grouped(1234567.891, 2)` is `"1,234,567.89"`.
    public static func grouped(_ x: Double, _ decimals: Int = 0) -> String {
        let plain = fixed(x, decimals)
        guard x.isFinite else { return plain }
        var sign = ""
        var body = Substring(plain)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var out = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
    }

    /// A short human number for coefficients and metrics: up to `significant` significant digits, trailing zeros
    /// trimmed, exponent form only for very small or very large magnitudes.
    public static func compact(_ x: Double, significant: Int = 6) -> String {
        guard x.isFinite else { return fixed(x, 0) }
        if x == 0 { return "0" }
        var text = String(format: "%.\(significant)g", x)
        if text.contains("e") {
            // 1e-05 reads better as 1e-5.
            text = text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
        }
        return text
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
