import Foundation

/// Human-readable numbers for allocation messages (grouped thousands, two decimals at most).
enum AllocationFormat {
    /// Formats `value` like `1,234.5` (rounded to 2 decimals, trailing zeros dropped).
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let negative = value < 0
        let cents = (abs(value) * 100).rounded()
        let whole = (cents / 100).rounded(.down)
        let fraction = Int(cents - whole * 100)
        var digits = String(format: "%.0f", whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        var text = (negative ? "-" : "") + grouped
        if fraction != 0 {
            text += fraction % 10 == 0 ? String(format: ".%d", fraction / 10) : String(format: ".%02d", fraction)
        }
        return text
    }
}
