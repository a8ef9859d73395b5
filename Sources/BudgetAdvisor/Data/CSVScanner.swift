/// An RFC 4180 scanner over bytes: quoted fields (with `""` escapes and embedded line breaks), LF or CRLF line
/// ends, a UTF-8 byte-order mark, any one-byte delimiter. It hands out one record at a time in a reused buffer,
/// so scanning allocates nothing per row.
public struct CSVScanner {
    /// A malformed record: an open quote, or text after a closing quote.
    public struct SyntaxError: Error, Equatable {
        /// 1-based line where the problem is.
        public var line: Int
        /// What is wrong.
        public var message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    /// The offset of the next unread byte; a fast path that consumed whole records itself moves it on.
    var position: Int
    /// The 1-based line of the next unread byte.
    var line = 1
    /// The 1-based line on which the current record starts.
    public private(set) var recordLine = 0
    /// The unescaped bytes of the current record's fields, back to back.
    public private(set) var storage: [UInt8] = []
    /// The end offset in `storage` of each field of the current record.
    public private(set) var fieldEnds: [Int] = []
    /// Whether each field of the current record was quoted.
    public private(set) var fieldQuoted: [Bool] = []

    /// Scans `bytes` (which must outlive the scanner); a leading UTF-8 BOM is skipped.
    public init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
        storage.reserveCapacity(256)
    }

    /// The number of fields in the current record.
    public var fieldCount: Int { fieldEnds.count }

    /// The bytes of field `index` of the current record.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]]
    }

    /// Field `index` as text (invalid UTF-8 is repaired with U+FFFD).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Whether the current record is one empty field (a blank line).
    public var isBlank: Bool { fieldEnds.count == 1 && fieldEnds[0] == 0 && !fieldQuoted[0] }

    /// Advances to the next record. Returns false at the end of the input.
    /// - Throws: `SyntaxError` for a quote left open or text after a closing quote.
    public mutating func next() throws -> Bool {
        guard position < bytes.count else { return false }
        storage.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldQuoted.removeAll(keepingCapacity: true)
        recordLine = line
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while true {
            // Start of a field.
            if position < bytes.count && bytes[position] == quote {
                let openedOn = line
                position += 1
                while true {
                    guard position < bytes.count else {
                        throw SyntaxError(line: openedOn, message: "a quoted field is never closed")
                    }
                    let byte = bytes[position]
                    if byte == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            storage.append(quote)
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    if byte == newline { line += 1 }
                    storage.append(byte)
                    position += 1
                }
                fieldEnds.append(storage.count)
                fieldQuoted.append(true)
                guard position < bytes.count else { return true }
                let after = bytes[position]
                if after == delimiter { position += 1; continue }
                if after == newline { position += 1; line += 1; return true }
                if after == carriageReturn && position + 1 < bytes.count && bytes[position + 1] == newline {
                    position += 2; line += 1; return true
                }
                if after == carriageReturn && position + 1 == bytes.count { position += 1; return true }
                throw SyntaxError(line: line, message: "unexpected text after a closing quote (a stray '\"' in a field?)")
            }
            // Unquoted field: copy up to the delimiter or the end of the line.
            var end = position
            while end < bytes.count {
                let byte = bytes[end]
                if byte == delimiter || byte == newline { break }
                end += 1
            }
            var contentEnd = end
            if contentEnd > position && bytes[contentEnd - 1] == carriageReturn && (end == bytes.count || bytes[end] == newline) {
                contentEnd -= 1
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<contentEnd]))
            fieldEnds.append(storage.count)
            fieldQuoted.append(false)
            position = end
            guard position < bytes.count else { return true }
            if bytes[position] == delimiter { position += 1; if position == bytes.count { storage.append(contentsOf: []); fieldEnds.append(storage.count); fieldQuoted.append(false); return true }; continue }
            position += 1
            line += 1
            return true
        }
    }
}
