/// Renders `JSONValue` as indented text with members in the order given, numbers in shortest round-trip form.
public enum JSONWriter {
    /// The document as text, ending with a newline.
    public static func render(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// A JSON string literal for `text`, with the required escapes.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON number: integers without a fraction, others in Swift's shortest round-trip form.
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closingPad = String(repeating: "  ", count: indent)
        switch value {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .number(x): out += number(x)
        case let .string(text): out += quote(text)
        case let .array(elements):
            if elements.isEmpty { out += "[]"; return }
            if elements.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                out += "[" + elements.map { if case let .number(x) = $0 { return number(x) } else { return "" } }
                    .joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (offset, element) in elements.enumerated() {
                out += pad
                write(element, indent: indent + 1, into: &out)
                out += offset + 1 < elements.count ? ",\n" : "\n"
            }
            out += closingPad + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (offset, member) in members.enumerated() {
                out += pad + quote(member.key) + ": "
                write(member.value, indent: indent + 1, into: &out)
                out += offset + 1 < members.count ? ",\n" : "\n"
            }
            out += closingPad + "}"
        }
    }
}
