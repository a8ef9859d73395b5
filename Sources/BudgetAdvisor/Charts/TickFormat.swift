import Foundation

/// Locale-independent number formatting for tick and value labels.
///
/// Output uses `,` thousands separators and `.` decimals, never prints `-0`
/// and never exposes binary rounding noise such as `0.30000000000000004`.
public enum TickFormat {
    /// Decimals needed to write multiples of `step` exactly (0 for steps >= 1).
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0, step < 1 else { return 0 }
        var d = 0
        var s = step
        while d < 12 && abs(s - s.rounded()) > 1e-9 * Swift.max(1, abs(s)) {
            s *= 10
            d += 1
        }
        return d
    }

    /// Rounds `value` to the decimals implied by `step` (removes float noise).
    static func clean(_ value: Double, step: Double) -> Double {
        let d = decimals(forStep: step)
        let p = pow(10, Double(d))
        let r = (value * p).rounded() / p
        return r == 0 ? 0 : r
    }

    /// Formats `value` with exactly `decimals` decimals and thousands separators.
    ///
    /// `format(1234.5, decimals: 1)` is `"1,234.5"`; `format(-0.0001, decimals: 2)` is `"0.00"`.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let d = Swift.max(0, Swift.min(decimals, 12))
        if abs(value) >= 1e15 {
            return String(format: "%.3g", value)
        }
        let p = pow(10, Double(d))
        let scaled = (abs(value) * p).rounded()
        let negative = value < 0 && scaled != 0
        let n = UInt64(scaled)
        let pu = UInt64(p)
        let whole = n / pu
        let frac = n % pu
        var s = groupThousands(String(whole))
        if d > 0 {
            var f = String(frac)
            while f.count < d { f = "0" + f }
            s += "." + f
        }
        return negative ? "-" + s : s
    }

    /// Formats `value` with up to `maxDecimals` decimals, dropping trailing zeros.
    public static func compact(_ value: Double, maxDecimals: Int = 2) -> String {
        var s = format(value, decimals: maxDecimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// A label for a tick at `value` on an axis whose ticks are `step` apart.
    public static func tickLabel(_ value: Double, step: Double) -> String {
        format(value, decimals: decimals(forStep: step))
    }

    /// A label for a tick on a logarithmic axis (e.g. `0.001`, `10`, `1,000`, `1e-7`).
    public static func logTickLabel(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return format(value) }
        let e = log10(value)
        if value < 1e-4 || value >= 1e12 {
            let k = Int(e.rounded())
            if abs(e - e.rounded()) < 1e-9 { return "1e\(k)" }
            return String(format: "%.0e", value)
        }
        if value >= 1 { return format(value, decimals: 0) }
        let d = Int((-e).rounded(.up))
        return compact(value, maxDecimals: d + 1)
    }

    /// A value label with a sensible number of decimals for its magnitude
    /// (0 at or above 100, 1 at or above 10, otherwise 2; trailing zeros dropped).
    public static func value(_ v: Double) -> String {
        let a = abs(v)
        if a >= 100 { return format(v, decimals: 0) }
        if a >= 10 { return compact(v, maxDecimals: 1) }
        if a >= 0.01 || a == 0 { return compact(v, maxDecimals: 2) }
        return compact(v, maxDecimals: 4)
    }

    /// `v` rounded to `digits` significant digits (at least 0 decimals), trailing zeros dropped,
    /// e.g. `significant(0.421337, digits: 4)` is `"0.4213"`, `significant(12345.6, digits: 3)` is `"12,346"`.
    public static func significant(_ v: Double, digits: Int = 4) -> String {
        guard v.isFinite, v != 0 else { return format(v) }
        let magnitude = Int(log10(abs(v)).rounded(.down))
        let decimals = Swift.max(0, digits - 1 - magnitude)
        if decimals > 8 { return String(format: "%.\(Swift.max(0, digits - 1))e", v) }
        return compact(v, maxDecimals: decimals)
    }

    /// Inserts `,` every three digits of a run of decimal digits.
    static func groupThousands(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
