import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses `text` with `XMLParser`; returns nil on success or the error description.
func xmlParseError(_ text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    if parser.parse() { return nil }
    return parser.parserError.map { "\($0)" } ?? "unknown XML error"
}

/// Occurrences of `needle` in `haystack`.
func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
