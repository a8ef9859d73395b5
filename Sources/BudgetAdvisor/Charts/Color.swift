import Foundation

/// An sRGB colour with 0...1 components.
public struct RGBColor: Sendable, Equatable {
    /// Red, 0...1.
    public var red: Double
    /// Green, 0...1.
    public var green: Double
    /// Blue, 0...1.
    public var blue: Double

    /// Creates a colour from 0...1 components (clamped).
    public init(red: Double, green: Double, blue: Double) {
        self.red = Swift.min(1, Swift.max(0, red))
        self.green = Swift.min(1, Swift.max(0, green))
        self.blue = Swift.min(1, Swift.max(0, blue))
    }

    /// Creates a colour from a `#rrggbb` string (black if malformed).
    public init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let v = UInt32(digits, radix: 16) ?? 0
        self.init(red: Double((v >> 16) & 0xFF) / 255, green: Double((v >> 8) & 0xFF) / 255, blue: Double(v & 0xFF) / 255)
    }

    /// `#rrggbb`.
    public var hex: String {
        func h(_ c: Double) -> String {
            let n = Int((c * 255).rounded())
            return (n < 16 ? "0" : "") + String(n, radix: 16)
        }
        return "#" + h(red) + h(green) + h(blue)
    }

    /// Linear interpolation towards `other` (t = 0 gives self).
    public func mix(_ other: RGBColor, _ t: Double) -> RGBColor {
        RGBColor(red: red + (other.red - red) * t, green: green + (other.green - green) * t, blue: blue + (other.blue - blue) * t)
    }

    /// WCAG relative luminance (0 = black, 1 = white).
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue)
    }

    /// Black or white, whichever contrasts more with this colour (for text on a filled cell).
    public var contrastingText: String {
        // Contrast ratio against white vs black.
        let l = luminance
        let withWhite = 1.05 / (l + 0.05), withBlack = (l + 0.05) / 0.05
        return withWhite >= withBlack ? "#ffffff" : "#111111"
    }
}
