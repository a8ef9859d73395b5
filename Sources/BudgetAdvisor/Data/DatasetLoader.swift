import Foundation

/// Reads customer data from CSV: columns chosen by name, every cell checked, errors as
/// `file:line: column 'x': what is wrong`.
public enum DatasetLoader {
    /// Reads and validates the CSV file at `path`.
    /// - Throws: `DataError` naming the file, line and column.
    public static func load(path: String, schema: DatasetSchema = .standard) throws -> Dataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataError(file: path, line: 0, "no such file")
        }
        guard !isDirectory.boolValue else { throw DataError(file: path, line: 0, "is a directory, not a CSV file") }
        try schema.validate(file: path)
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw DataError(file: path, line: 0, cannotRead(errno: errno, path: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw DataError(file: path, line: 0, cannotRead(errno: errno, path: path)) }
        // Map a regular file rather than copy it into memory.
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
            let size = Int(status.st_size)
            if let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED {
                defer { munmap(mapped, size) }
                return try parse(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size),
                                 file: path, schema: schema)
            }
        }
        // Anything else (a pipe, /dev/stdin, process substitution, an empty file, or a file that cannot be
        // mapped) is read to its end.
        return try parse(readToEnd(descriptor, file: path), file: path, schema: schema)
    }

    /// Reads `descriptor` to its end. Stops early when the first bytes show binary data (a device such as
    /// /dev/zero never ends).
    /// - Throws: `DataError` saying why reading failed, or that the data is not text.
    static func readToEnd(_ descriptor: Int32, file: String) throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var checked = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DataError(file: file, line: 0, cannotRead(errno: errno, path: file))
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            if !checked, data.count >= textCheckBytes + 3 {
                try data.withUnsafeBytes { try requireText($0.bindMemory(to: UInt8.self), file: file) }
                checked = true
            }
        }
    }

    /// Why the file at `path` cannot be read, from the `errno` of the failed call, for `file:0: ...`.
    static func cannotRead(errno code: Int32, path: String) -> String {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK { return "is a socket, not a CSV file" }
        switch code {
        case EACCES, EPERM: return "cannot be read: permission denied"
        default:
            let reason = String(cString: strerror(code))
            return "cannot be read: " + reason.prefix(1).lowercased() + reason.dropFirst()
        }
    }

    /// Parses CSV bytes as if read from `file`.
    /// - Throws: `DataError` naming the file, line and column.
    public static func parse(_ data: Data, file: String, schema: DatasetSchema = .standard) throws -> Dataset {
        try parse(data, file: file, schema: schema, parallel: true)
    }

    /// `parse(_:file:schema:)`, optionally without the parallel fast path: tests and the fuzzer check that both
    /// paths give the same data set (or the same error).
    static func parse(_ data: Data, file: String, schema: DatasetSchema, parallel: Bool) throws -> Dataset {
        try schema.validate(file: file)
        return try data.withUnsafeBytes { raw in
            try parse(raw.bindMemory(to: UInt8.self), file: file, schema: schema, parallel: parallel)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, schema: DatasetSchema,
                              parallel allowParallel: Bool = true) throws -> Dataset {
        try requireText(bytes, file: file)
        var scanner = CSVScanner(bytes: bytes, delimiter: schema.delimiter)
        func nextRecord() throws -> Bool {
            do { return try scanner.next() } catch let error as CSVScanner.SyntaxError {
                throw DataError(file: file, line: error.line, error.message)
            }
        }
        // Header: the first non-blank record.
        var header: [String] = []
        while try nextRecord() {
            if scanner.isBlank { continue }
            header = (0..<scanner.fieldCount).map { scanner.string($0).trimmingCharacters(in: .whitespaces) }
            break
        }
        guard !header.isEmpty else { throw DataError(file: file, line: 1, "the file is empty; expected a header row naming the columns") }
        let headerLine = scanner.recordLine
        if header.count == 1 {
            for (symbol, name) in [(";", "semicolon"), ("\t", "tab")] where header[0].contains(symbol) {
                let shown = symbol == "\t" ? "tab" : symbol
                throw DataError(file: file, line: headerLine,
                                "the header is one column split by \(name)s; read it with --delimiter '\(shown)'")
            }
        }
        let wanted = schema.features + [schema.label]
        var positions: [Int] = []
        for name in wanted {
            let matches = header.indices.filter { header[$0] == name }
            guard let first = matches.first else {
                if header.contains(where: { $0.contains("\r") }) {
                    throw DataError(file: file, line: headerLine,
                                    "the lines end in a bare carriage return (old Mac format); convert the line ends to LF or CRLF")
                }
                if header.allSatisfy({ DecimalParser.parse(ArraySlice($0.utf8)) != nil }) {
                    throw DataError(file: file, line: headerLine,
                                    "the first line looks like data (\(summarize(header))), not a header; add a header row naming the columns")
                }
                let caseHint = header.first { $0.lowercased() == name.lowercased() }.map { " (names are case-sensitive: did you mean '\($0)'?)" } ?? ""
                throw DataError(file: file, line: headerLine, column: name,
                                "not found\(caseHint); the header has: \(summarize(header))")
            }
            guard matches.count == 1 else {
                throw DataError(file: file, line: headerLine, column: name, "appears \(matches.count) times in the header")
            }
            positions.append(first)
        }
        var columns = [[Double]](repeating: [], count: schema.features.count)
        var labels: [Double] = []
        var lastLine = headerLine
        var positiveCount: Int? // counted by the parallel parse; summed below otherwise
        // What each field feeds: a feature index, `labelTarget`, or `ignored`.
        let ignored = -1, labelTarget = -2
        var targets = [Int](repeating: ignored, count: header.count)
        for (feature, position) in positions.dropLast().enumerated() { targets[position] = feature }
        targets[positions.last!] = labelTarget
        if allowParallel, let parallel = ParallelCSV.parse(bytes, from: scanner.position, delimiter: schema.delimiter,
                                                           targets: targets, features: columns.count) {
            columns = parallel.columns
            labels = parallel.labels
            positiveCount = parallel.positives
        } else {
            // Room for every row at the header's length per row (a guess; the arrays still grow if it is short).
            let estimate = bytes.count / max(8, header.joined(separator: ",").utf8.count / 2) + 16
            for feature in columns.indices { columns[feature].reserveCapacity(estimate) }
            labels.reserveCapacity(estimate)
            var row = [Double](repeating: 0, count: columns.count + 1)
            while true {
                // Fast path: a record of plain unquoted fields, plain decimals and a 0/1 label is read straight from
                // the bytes. Anything else (quotes, CR, spaces, blank lines, errors) goes through the scanner below,
                // which reads that record again from the same place.
                let nextLine = scanner.line
                if let end = fastRecord(bytes, from: scanner.position, delimiter: schema.delimiter, targets: targets,
                                        labelTarget: labelTarget, into: &row) {
                    for feature in columns.indices { columns[feature].append(row[feature]) }
                    labels.append(row[columns.count])
                    scanner.position = end
                    scanner.line = nextLine + 1
                    lastLine = nextLine
                    continue
                }
                guard try nextRecord() else { break }
                lastLine = scanner.recordLine
                if scanner.isBlank { continue }
                let line = scanner.recordLine
                guard scanner.fieldCount == header.count else {
                    throw DataError(file: file, line: line,
                                    "has \(scanner.fieldCount) fields but the header has \(header.count)")
                }
                for (feature, position) in positions.dropLast().enumerated() {
                    columns[feature].append(try number(scanner.field(position), file: file, line: line, column: schema.features[feature]))
                }
                labels.append(try label(scanner.field(positions.last!), file: file, line: line, column: schema.label))
            }
        }
        guard !labels.isEmpty else {
            throw DataError(file: file, line: lastLine + 1, "no data rows after the header")
        }
        for (feature, column) in columns.enumerated() {
            let first = column[0]
            if column.allSatisfy({ $0 == first }) {
                throw DataError(file: file, line: headerLine, column: schema.features[feature],
                                "is constant (every row is \(NumberFormatting.compact(first))); a constant feature carries no information, leave it out of --features")
            }
        }
        let positives = positiveCount ?? labels.reduce(0) { $0 + Int($1) }
        if positives == 0 || positives == labels.count {
            throw DataError(file: file, line: headerLine, column: schema.label,
                            "every row is \(positives == 0 ? 0 : 1); training needs customers of both classes")
        }
        return Dataset(featureNames: schema.features, columns: columns, labelName: schema.label, labels: labels,
                       spendFeature: schema.spend, source: file)
    }

    /// How many bytes at the start (after a byte-order mark) must be free of control characters other than tab,
    /// line feed and carriage return.
    static let textCheckBytes = 4096

    /// Throws when the first `textCheckBytes` (after a UTF-8 byte-order mark) hold binary data.
    private static func requireText(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        if bytes[start..<min(bytes.count, start + textCheckBytes)].contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw DataError(file: file, line: 1, "is not a text file (it holds binary data); expected CSV text with a header row")
        }
    }

    /// Reads one record of plain fields at `start`: returns the offset after its line end and fills `row`
    /// (features, then the label), or nil when the record needs the full scanner.
    @inline(__always)
    private static func fastRecord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8, targets: [Int],
                                   labelTarget: Int, into row: inout [Double]) -> Int? {
        let base = bytes.baseAddress!
        let count = bytes.count
        guard start < count else { return nil }
        let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), carriageReturn = UInt8(ascii: "\r")
        var position = start
        var field = 0
        let fieldCount = targets.count
        return row.withUnsafeMutableBufferPointer { out -> Int? in
            while true {
                let fieldStart = position
                while position < count {
                    let byte = base[position]
                    if byte == delimiter || byte == newline { break }
                    if byte == quote || byte == carriageReturn { return nil }
                    position += 1
                }
                let length = position - fieldStart
                guard length > 0, field < fieldCount else { return nil }
                let target = targets[field]
                if target == labelTarget {
                    guard length == 1 else { return nil }
                    let digit = base[fieldStart] &- UInt8(ascii: "0")
                    guard digit < 2 else { return nil }
                    out[out.count - 1] = Double(digit)
                } else if target >= 0 {
                    guard let value = DecimalParser.parsePlain(base + fieldStart, count: length) else { return nil }
                    out[target] = value
                }
                field += 1
                if position == count { return field == fieldCount ? position : nil }
                if base[position] == newline { return field == fieldCount ? position + 1 : nil }
                position += 1 // the delimiter
                if position == count { return nil } // a trailing delimiter: an empty last field
            }
        }
    }

    /// Header names for a message: at most 10, each at most 40 characters, control characters shown as `?`.
    static func summarize(_ names: [String]) -> String {
        let shown = names.prefix(10).map { name -> String in
            let clean = String(name.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
            return clean.count > 40 ? String(clean.prefix(40)) + "…" : clean
        }
        return shown.joined(separator: ", ") + (names.count > 10 ? ", … (\(NumberFormatting.grouped(Double(names.count))) columns)" : "")
    }

    private static func describe(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return bytes.count > 40 ? text + "…" : text
    }

    private static func number(_ bytes: ArraySlice<UInt8>, file: String, line: Int, column: String) throws -> Double {
        guard let value = DecimalParser.parse(bytes) else {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                throw DataError(file: file, line: line, column: column, "is empty; every cell must hold a number")
            }
            throw DataError(file: file, line: line, column: column, "'\(describe(bytes))' is not a number")
        }
        guard value.isFinite else {
            throw DataError(file: file, line: line, column: column, "'\(describe(bytes))' is not a finite number")
        }
        return value
    }

    private static func label(_ bytes: ArraySlice<UInt8>, file: String, line: Int, column: String) throws -> Double {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "1", "1.0", "true": return 1
        case "0", "0.0", "false": return 0
        case "": throw DataError(file: file, line: line, column: column, "is empty; the label must be 0/1 or true/false")
        default:
            throw DataError(file: file, line: line, column: column,
                            "'\(describe(bytes))' is not a binary label; use 0/1 or true/false")
        }
    }
}
