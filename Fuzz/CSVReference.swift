// A deliberately plain re-statement of the CSV rules documented in CSVScanner and the README (RFC 4180, LF or
// CRLF, BOM skipped, a trailing delimiter gives an empty last field), used by CSVFuzz as a differential oracle:
// the optimized scanner must split every input exactly as this does. Also the reference for numbers:
// `DecimalParser.parse` must agree bit for bit with `Double(String)` on the trimmed text.
import Foundation

enum CSVReference {
    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
    }

    enum Outcome: Equatable {
        case records([Record])
        /// A syntax error on `line` after the records before it.
        case error(line: Int, after: [Record])
    }

    static func split(_ bytes: [UInt8], delimiter: UInt8) -> Outcome {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = bytes.count
        var i = (n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
        var line = 1
        var records: [Record] = []
        while i < n {
            let start = line
            var fields: [[UInt8]] = []
            recordLoop: while true {
                if i < n && bytes[i] == quote {
                    let opened = line
                    var field: [UInt8] = []
                    i += 1
                    while true {
                        if i == n { return .error(line: opened, after: records) }
                        if bytes[i] == quote {
                            if i + 1 < n && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            break
                        }
                        if bytes[i] == lf { line += 1 }
                        field.append(bytes[i])
                        i += 1
                    }
                    fields.append(field)
                    if i == n { break recordLoop }
                    if bytes[i] == delimiter { i += 1; continue recordLoop }
                    if bytes[i] == lf { i += 1; line += 1; break recordLoop }
                    if bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf { i += 2; line += 1; break recordLoop }
                    if bytes[i] == cr && i + 1 == n { i += 1; break recordLoop }
                    return .error(line: line, after: records)
                }
                var j = i
                while j < n && bytes[j] != delimiter && bytes[j] != lf { j += 1 }
                var field = Array(bytes[i..<j])
                if field.last == cr && (j == n || bytes[j] == lf) { field.removeLast() }
                fields.append(field)
                i = j
                if i == n { break recordLoop }
                if bytes[i] == delimiter {
                    i += 1
                    if i == n { fields.append([]); break recordLoop }
                    continue recordLoop
                }
                i += 1
                line += 1
                break recordLoop
            }
            records.append(Record(line: start, fields: fields))
        }
        return .records(records)
    }

    /// What the scanner produces for `bytes`, in the same shape.
    static func scan(_ bytes: [UInt8], delimiter: UInt8) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer, delimiter: delimiter)
            var records: [Record] = []
            do {
                while try scanner.next() {
                    records.append(Record(line: scanner.recordLine,
                                          fields: (0..<scanner.fieldCount).map { Array(scanner.field($0)) }))
                }
            } catch let error as CSVScanner.SyntaxError {
                return .error(line: error.line, after: records)
            } catch {
                fatalError("CSVScanner threw \(error)")
            }
            return .records(records)
        }
    }

    /// Double(String) on the text with spaces and tabs trimmed, as DecimalParser documents.
    static func number(_ bytes: [UInt8]) -> Double? {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
        guard !slice.isEmpty else { return nil }
        return Double(String(decoding: slice, as: UTF8.self))
    }

    static func sameNumber(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        default: return false
        }
    }
}
