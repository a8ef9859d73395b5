/// Shared sizes and colours so every chart looks like part of one family.
public enum ChartStyle {
    /// Chart title size (px).
    public static let titleSize = 18.0
    /// Subtitle size (px).
    public static let subtitleSize = 13.0
    /// Axis title size (px).
    public static let axisLabelSize = 14.0
    /// Tick label size (px).
    public static let tickSize = 12.0
    /// Legend text size (px).
    public static let legendSize = 12.0
    /// Data value label size (px).
    public static let valueSize = 12.0
    /// Main text colour.
    public static let text = "#222222"
    /// Secondary text colour.
    public static let muted = "#555555"
    /// Plot background.
    public static let plotBackground = "#ffffff"
}
