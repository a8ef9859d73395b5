/// Text measurement and truncation for layout (an estimate; SVG has no layout engine).
public enum ChartText {
    /// Estimated rendered width in px of `text` at font `size` in a typical sans-serif
    /// (DejaVu Sans/Helvetica metrics: narrow glyphs ~0.3em, wide ~0.9em, average ~0.6em).
    public static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!", " ", "(", ")", "[", "]", "f", "t", "I":
                em += 0.34
            case "m", "w", "M", "W", "%", "@":
                em += 0.92
            case "A"..."Z", "&", "—", "#", "$", "0"..."9", "_", "~", "=", "+", "<", ">":
                em += 0.68
            case "…": em += 1.0
            default:
                em += ch.isASCII ? 0.6 : 0.9
            }
        }
        return em * size
    }

    /// `text` shortened with a trailing `…` so it fits in `maxWidth` px at `size`.
    public static func truncate(_ text: String, maxWidth: Double, size: Double) -> String {
        if width(text, size: size) <= maxWidth { return text }
        var chars = Array(text)
        while !chars.isEmpty && width(String(chars) + "…", size: size) > maxWidth {
            chars.removeLast()
        }
        while let last = chars.last, last == " " { chars.removeLast() }
        return String(chars) + "…"
    }

    /// `text` shortened to at most `maxCharacters` characters (including the `…`).
    public static func truncate(_ text: String, maxCharacters: Int) -> String {
        guard text.count > maxCharacters, maxCharacters >= 1 else { return text }
        return String(text.prefix(maxCharacters - 1)).trimmingTrailingSpaces() + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
