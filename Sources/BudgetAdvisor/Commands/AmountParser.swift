/// Reads the numbers people type: `150000`, `1.5e5`, `150k`, `1.5m`, `150,000`, `$150,000`, `150_000`.
public enum AmountParser {
    /// The amount in `text`, or nil when it is not one.
    public static func parse(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        if body.hasPrefix("$") { body.removeFirst() }
        var multiplier = 1.0
        if let last = body.last, let scale = ["k": 1e3, "m": 1e6, "b": 1e9][String(last)] {
            multiplier = scale
            body.removeLast()
        }
        if body.contains(",") {
            // Thousands separators must group digits by three: 150,000 yes, 1,50 no.
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let head = groups[0].hasPrefix("-") ? groups[0].dropFirst() : groups[0]
            guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            body = body.replacingOccurrences(of: ",", with: "")
        }
        body = body.replacingOccurrences(of: "_", with: "")
        guard !body.isEmpty, body.first != "+" || body.count > 1,
              body.allSatisfy({ "0123456789.-+e".contains($0) }), let value = Double(body), value.isFinite else { return nil }
        return value * multiplier
    }

    /// A percentage such as `35%` as a fraction (0.35), or nil.
    public static func parsePercent(_ text: String) -> Double? {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard body.hasSuffix("%"), let value = Double(body.dropLast()), value.isFinite else { return nil }
        return value / 100
    }
}

import Foundation
