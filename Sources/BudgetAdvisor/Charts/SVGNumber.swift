/// Compact, locale-independent formatting of SVG coordinates (at most two decimals).
enum SVGNumber {
    /// Formats `value` with up to two decimals, without exponent notation or `-0`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 100).rounded()
        if scaled == 0 { return "0" }
        if abs(scaled) >= 9e15 { return String(Int64(value.rounded())) }
        let n = Int64(scaled)
        let negative = n < 0
        let magnitude = negative ? -n : n
        let whole = magnitude / 100
        let frac = magnitude % 100
        var s = negative ? "-" : ""
        s += String(whole)
        if frac != 0 {
            if frac % 10 == 0 {
                s += "." + String(frac / 10)
            } else {
                s += "." + (frac < 10 ? "0" : "") + String(frac)
            }
        }
        return s
    }
}
