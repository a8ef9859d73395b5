/// Escaping helpers shared by the SVG and HTML renderers.
public enum XMLEscaping {
    /// Escapes `& < > " '` so `text` is safe inside XML/HTML text and attribute values.
    ///
    /// Control characters that XML 1.0 forbids (everything below U+0020 except
    /// tab, newline and carriage return) are dropped, so the output always parses.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
