import Foundation

/// Unicode charts for the terminal (plain `String`, no escape codes).
public enum TerminalCharts {
    /// The eight sparkline levels, lowest first.
    public static let sparkBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Partial blocks for 1/8 … 7/8 of a cell.
    public static let eighthBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A one-line sparkline of `values`.
    ///
    /// The result has `min(width, values.count)` characters: longer series are averaged into
    /// `width` buckets. Larger values never get lower blocks. With `logScale`, values are
    /// mapped through log10 (non-positive values are drawn as the lowest block). A constant
    /// series is drawn at mid height; non-finite values as spaces.
    public static func sparkline(values: [Double], width: Int = 60, logScale: Bool = false) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let transformed: [Double] = values.map { v in
            guard v.isFinite else { return .nan }
            if logScale { return v > 0 ? log10(v) : -.infinity }
            return v
        }
        let buckets = min(width, values.count)
        var series: [Double] = []
        for b in 0..<buckets {
            let lo = b * values.count / buckets, hi = max(lo + 1, (b + 1) * values.count / buckets)
            let chunk = transformed[lo..<hi].filter { !$0.isNaN }
            if chunk.isEmpty { series.append(.nan); continue }
            if chunk.contains(-.infinity) { series.append(-.infinity); continue }
            series.append(chunk.reduce(0, +) / Double(chunk.count))
        }
        let finite = series.filter { $0.isFinite }
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        var out = ""
        for v in series {
            if v.isNaN { out.append(" "); continue }
            if v == -.infinity { out.append(sparkBlocks[0]); continue }
            if hi == lo { out.append(sparkBlocks[3]); continue }
            let level = Int(((v - lo) / (hi - lo) * 7).rounded())
            out.append(sparkBlocks[min(7, max(0, level))])
        }
        return out
    }

    /// Horizontal bars, one line per label: `label │█████▌   1,234`.
    ///
    /// Bars are scaled so the largest value fills `width` cells, with eighth-block precision.
    /// Labels are left-aligned (truncated to `maxLabelWidth` with `…`), values right-aligned
    /// with thousands separators and `decimals` decimals (default: 0 if all values are whole,
    /// else 2). Negative and non-finite values draw an empty bar.
    public static func bars(labels: [String], values: [Double], width: Int = 40,
                            decimals: Int? = nil, maxLabelWidth: Int = 24) -> String {
        let n = min(labels.count, values.count)
        guard n > 0 else { return "" }
        let names = labels.prefix(n).map { ChartText.truncate($0, maxCharacters: maxLabelWidth) }
        let labelW = names.map(\.count).max() ?? 0
        let d = decimals ?? (values.prefix(n).allSatisfy { !$0.isFinite || $0 == $0.rounded() } ? 0 : 2)
        let texts = values.prefix(n).map { TickFormat.format($0, decimals: d) }
        let valueW = texts.map(\.count).max() ?? 0
        let vmax = values.prefix(n).filter { $0.isFinite }.max() ?? 0
        var lines: [String] = []
        for i in 0..<n {
            let v = values[i]
            let eighths = vmax > 0 && v.isFinite && v > 0 ? Int((v / vmax * Double(width * 8)).rounded()) : 0
            var bar = String(repeating: "█", count: eighths / 8)
            if eighths % 8 > 0 { bar.append(eighthBlocks[eighths % 8 - 1]) }
            let pad = max(0, width - bar.count)
            let name = names[i] + String(repeating: " ", count: labelW - names[i].count)
            let value = String(repeating: " ", count: valueW - texts[i].count) + texts[i]
            lines.append(name + " │" + bar + String(repeating: " ", count: pad) + " " + value)
        }
        return lines.joined(separator: "\n")
    }
}
