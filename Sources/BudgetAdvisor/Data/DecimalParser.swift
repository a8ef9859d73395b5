/// Parses decimal numbers from bytes without building a `String`: an exact fast path for the common case
/// (at most 15 significant digits and a small power of ten, where one correctly rounded division is exact to
/// rounding), and the standard library's parser for everything else.
public enum DecimalParser {
    private static let powersOfTen: [Double] = (0...22).map { k in
        var x = 1.0
        for _ in 0..<k { x *= 10 }
        return x
    }

    /// The number in `count` bytes at `start` when it is a plain decimal (optional sign, digits, optional point
    /// and digits, no spaces) with at most 15 significant and 22 fraction digits; nil for anything else (which
    /// `parse` then reads through the standard library). Both give the same double for every plain decimal.
    @inline(__always)
    static func parsePlain(_ start: UnsafePointer<UInt8>, count: Int) -> Double? {
        var index = 0
        var negative = false
        if count > 0 && start[0] == UInt8(ascii: "-") { negative = true; index = 1 } else if count > 0 && start[0] == UInt8(ascii: "+") { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        while index < count, start[index] &- UInt8(ascii: "0") < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(start[index] &- UInt8(ascii: "0")) }
            if mantissa != 0 { digits += 1 }
            sawDigit = true
            index += 1
        }
        if index < count, start[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, start[index] &- UInt8(ascii: "0") < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(start[index] &- UInt8(ascii: "0")) }
                if mantissa != 0 { digits += 1 }
                fractionDigits += 1
                sawDigit = true
                index += 1
            }
        }
        guard index == count, sawDigit, digits <= 15, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// The number in `bytes` (surrounding spaces allowed), or nil when it is not a number.
    /// `nan` and `inf` are returned as such, so callers can say "not finite" rather than "not a number".
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Double? {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }
        let plain = bytes.withUnsafeBufferPointer { buffer in
            parsePlain(buffer.baseAddress! + (start - bytes.startIndex), count: end - start)
        }
        if let plain { return plain }
        return Double(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
