/// Moves point labels up or down so that no two of them overlap. Labels side by side (whose boxes overlap
/// horizontally) get baselines at least `lineHeight` apart; a crowd of labels spreads around where they want
/// to be, within a band when it has room. SVG has no layout engine: widths are estimates (`ChartText.width`).
struct LabelPlacement: Sendable {
    /// One label: its left edge and width (px) and the baseline it would like.
    struct Label: Sendable, Equatable {
        var x: Double
        var width: Double
        var baseline: Double
    }

    /// Distance between the baselines of two labels stacked one above the other (at least the font size).
    var lineHeight: Double
    /// Height of a label above its baseline (its box is `baseline - ascent ... baseline - ascent + lineHeight`).
    var ascent: Double
    /// Labels closer than this horizontally count as side by side.
    var horizontalGap = 4.0
    /// The band the labels' boxes stay in when it is tall enough for them (top, bottom).
    var top: Double
    var bottom: Double

    /// Whether labels `a` and `b` would overlap horizontally.
    func sideBySide(_ a: Label, _ b: Label) -> Bool {
        a.x < b.x + b.width + horizontalGap && b.x < a.x + a.width + horizontalGap
    }

    /// The baselines of `labels`, in their order.
    func baselines(_ labels: [Label]) -> [Double] {
        let lowest = top + ascent, highest = bottom - lineHeight + ascent
        func clamp(_ y: Double) -> Double { lowest <= highest ? min(max(y, lowest), highest) : y }
        var y = labels.map { clamp($0.baseline) }
        let n = labels.count
        guard n > 1 else { return y }
        // Pairs that could collide, each as (upper, lower) by the wanted baseline (then by order).
        var pairs: [(Int, Int)] = []
        for i in 0..<n {
            for j in (i + 1)..<n where sideBySide(labels[i], labels[j]) {
                pairs.append(labels[j].baseline < labels[i].baseline ? (j, i) : (i, j))
            }
        }
        guard !pairs.isEmpty else { return y }
        // Relaxation: every overlapping pair is pushed apart, half each way, so a crowd spreads around its
        // wanted place rather than only downwards.
        for _ in 0..<200 {
            var moved = false
            for (upper, lower) in pairs {
                let deficit = lineHeight - (y[lower] - y[upper])
                guard deficit > 1e-9 else { continue }
                y[upper] = clamp(y[upper] - deficit / 2)
                y[lower] = clamp(y[lower] + deficit / 2)
                moved = true
            }
            if !moved { break }
        }
        // What relaxation left (a crowd pressed against the band's edge, rounding): in order from the top, each
        // label goes below every label beside it above it; then from the bottom, above every one beside it below
        // it. After the second pass no two labels side by side are closer than `lineHeight`; only a crowd taller
        // than the band leaves it.
        let order = (0..<n).sorted { (y[$0], $0) < (y[$1], $1) }
        for (k, i) in order.enumerated() {
            for j in order[..<k] where sideBySide(labels[i], labels[j]) { y[i] = max(y[i], y[j] + lineHeight) }
        }
        for (k, i) in order.enumerated().reversed() {
            if lowest <= highest { y[i] = min(y[i], highest) }
            for j in order[(k + 1)...] where sideBySide(labels[i], labels[j]) { y[i] = min(y[i], y[j] - lineHeight) }
        }
        return y
    }
}
