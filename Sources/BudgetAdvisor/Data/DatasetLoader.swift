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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError(file: path, line: 0, "cannot be read (permission denied?)")
        }
        return try parse(data, file: path, schema: schema)
    }

    /// Parses CSV bytes as if read from `file`.
    /// - Throws: `DataError` naming the file, line and column.
    public static func parse(_ data: Data, file: String, schema: DatasetSchema = .standard) throws -> Dataset {
        try schema.validate(file: file)
        return try data.withUnsafeBytes { raw in
            try parse(raw.bindMemory(to: UInt8.self), file: file, schema: schema)
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, schema: DatasetSchema) throws -> Dataset {
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
                throw DataError(file: file, line: headerLine, column: name,
                                "not found; the header has: \(header.joined(separator: ", "))")
            }
            guard matches.count == 1 else {
                throw DataError(file: file, line: headerLine, column: name, "appears \(matches.count) times in the header")
            }
            positions.append(first)
        }
        var columns = [[Double]](repeating: [], count: schema.features.count)
        var labels: [Double] = []
        var lastLine = headerLine
        while try nextRecord() {
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
        let positives = labels.reduce(0, +)
        if positives == 0 || positives == Double(labels.count) {
            throw DataError(file: file, line: headerLine, column: schema.label,
                            "every row is \(positives == 0 ? 0 : 1); training needs customers of both classes")
        }
        return Dataset(featureNames: schema.features, columns: columns, labelName: schema.label, labels: labels,
                       spendFeature: schema.spend, source: file)
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
