/// Colour-blind-safe colours used by all charts.
public enum Palette {
    /// Okabe–Ito categorical palette (Okabe & Ito 2008), ordered for use on white:
    /// blue, orange, bluish green, vermillion, sky blue, reddish purple, black, yellow.
    public static let okabeIto: [String] = [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000", "#F0E442",
    ]

    /// Tableau "Color Blind 10".
    public static let colorBlind10: [String] = [
        "#006BA4", "#FF800E", "#ABABAB", "#595959", "#5F9ED1",
        "#C85200", "#898989", "#A2C8EC", "#FFBC79", "#CFCFCF",
    ]

    /// Colour for a negative / "not converted" class.
    public static let negative = "#0072B2"
    /// Colour for a positive / "converted" class.
    public static let positive = "#D55E00"
    /// Light grey for gridlines.
    public static let grid = "#e6e6e6"
    /// Dark grey for axes and tick marks.
    public static let axis = "#555555"
    /// Text grey for secondary labels.
    public static let mutedText = "#555555"

    /// `count` distinct categorical colours (cycling beyond 10).
    ///
    /// The first seven are Okabe–Ito (without yellow, which is illegible on white);
    /// the next three are grey, dark yellow and brown. Charts that need more than seven
    /// also vary the dash pattern (see ``dash(forIndex:)``).
    public static func categorical(_ count: Int) -> [String] {
        let base = Array(okabeIto.prefix(7)) + ["#999999", "#B8A300", "#8C564B"]
        return (0..<Swift.max(0, count)).map { base[$0 % base.count] }
    }

    /// A dash pattern for series `index`: solid for the first seven, dashed after.
    public static func dash(forIndex index: Int) -> String? {
        let patterns: [String?] = [nil, nil, nil, nil, nil, nil, nil, "6 3", "2 2", "8 3 2 3"]
        return patterns[index % patterns.count]
    }
}

/// A continuous colour map built by linear interpolation between evenly spaced anchors.
public struct ContinuousColormap: Sendable, Equatable {
    /// Anchor colours from t = 0 to t = 1.
    public var anchors: [RGBColor]

    /// Creates a colour map from `#rrggbb` anchors (at least two).
    public init(hexAnchors: [String]) {
        anchors = hexAnchors.map(RGBColor.init(hex:))
        if anchors.count < 2 { anchors = [RGBColor(hex: "#000000"), RGBColor(hex: "#ffffff")] }
    }

    /// Viridis (matplotlib), approximated by 9 anchors: perceptually uniform and colour-blind safe.
    public static let viridis = ContinuousColormap(hexAnchors: [
        "#440154", "#472c7a", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725",
    ])

    /// A light-to-dark blue sequential map (like seaborn's "Blues").
    public static let blues = ContinuousColormap(hexAnchors: [
        "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
    ])

    /// The colour at `t` (clamped to 0...1; NaN gives the t = 0 colour).
    public func color(at t: Double) -> RGBColor {
        let x = t.isNaN ? 0 : Swift.min(1, Swift.max(0, t))
        let scaled = x * Double(anchors.count - 1)
        let i = Swift.min(anchors.count - 2, Int(scaled.rounded(.down)))
        return anchors[i].mix(anchors[i + 1], scaled - Double(i))
    }

    /// A copy whose colours are blended `amount` (0...1) of the way towards white,
    /// e.g. for a background under data points.
    public func lightened(_ amount: Double) -> ContinuousColormap {
        var copy = self
        let white = RGBColor(red: 1, green: 1, blue: 1)
        copy.anchors = anchors.map { $0.mix(white, amount) }
        return copy
    }
}
