// libFuzzer target (d): the JSON parser that both readers sit on, differentially against Foundation's
// JSONSerialization. Where both accept a document they must agree on its value; where exactly one accepts it,
// the difference must be one of JSONParser's documented strictnesses (duplicate keys, nesting deeper than 64,
// numbers beyond ±1.8e308) or a leniency of JSONSerialization (trailing commas; UTF-16/32 sniffing).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let text = String(data: bytes, encoding: .utf8) else { return 0 }  // both readers take UTF-8 text
    // JSONSerialization sniffs UTF-16/32 from NUL bytes (so "\0" "2" reads as UTF-16BE "2"); JSONParser reads
    // only UTF-8 text. Not a difference of the parsers: skip such inputs.
    guard !bytes.contains(0) else { return 0 }
    var ours: JSONValue?
    var ourError = ""
    do { ours = try JSONParser.parse(text) } catch let error as JSONParser.SyntaxError {
        ourError = error.message
    } catch {
        fatalError("JSONParser threw \(error)")
    }
    let theirs = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    switch (ours, theirs) {
    case let (value?, object?):
        precondition(same(value, object), "JSONParser and JSONSerialization disagree on \(text.prefix(200))")
    case (nil, _?):
        // JSONSerialization also takes trailing commas (`[1,]`, `{"a":1,}`), which RFC 8259 and JSONParser do not.
        let squeezed = String(text.unicodeScalars.filter { !" \t\r\n".unicodeScalars.contains($0) })
        let trailingComma = squeezed.contains(",]") || squeezed.contains(",}")
        let documented = ourError.hasPrefix("duplicate key") || ourError.hasPrefix("nested deeper")
            || ourError.hasSuffix("is too large") || trailingComma
        precondition(documented, "JSONParser rejects what JSONSerialization accepts: \(ourError): \(text.prefix(200))")
    case (_?, nil):
        // JSONSerialization limits nesting to 512 and rejects some numbers it cannot represent; anything we
        // accept it should accept too, except numbers it overflows on.
        precondition(text.contains("e") || text.contains("E") || text.count > 10_000,
                     "JSONParser accepts what JSONSerialization rejects: \(text.prefix(200))")
    case (nil, nil):
        break
    }
    return 0
}

private func same(_ value: JSONValue, _ object: Any) -> Bool {
    switch value {
    case .null: return object is NSNull
    case let .bool(flag):
        return (object as? Bool) == flag
    case let .number(x):
        guard let number = object as? NSNumber else { return false }
        let y = number.doubleValue
        // Integers beyond 2^53 and long decimals may come back as Decimal with its own rounding: compare loosely.
        return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    case let .string(s): return (object as? String) == s
    case let .array(elements):
        guard let array = object as? [Any], array.count == elements.count else { return false }
        return zip(elements, array).allSatisfy { same($0, $1) }
    case let .object(members):
        guard let dictionary = object as? [String: Any], dictionary.count == members.count else { return false }
        return members.allSatisfy { member in dictionary[member.key].map { same(member.value, $0) } ?? false }
    }
}
