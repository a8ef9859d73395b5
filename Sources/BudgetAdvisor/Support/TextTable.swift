/// An aligned plain-text table: text columns left-aligned, number columns right-aligned, a rule under the header.
public struct TextTable: Sendable {
    /// Column alignment.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// Rows after which a rule is drawn (e.g. before a total row).
    public var rulesBefore: Set<Int> = []

    /// A table; `alignments` defaults to left for the first column, right for the rest.
    public init(headers: [String], alignments: [Alignment]? = nil, rows: [[String]] = []) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
        self.rows = rows
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Draws a rule before the next appended row.
    public mutating func addRule() { rulesBefore.insert(rows.count) }

    /// The table as text, two spaces between columns, ending with a newline.
    public func render(indent: String = "") -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, width) in widths.enumerated() {
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: width - cell.count)
                parts.append(alignments[column] == .left ? cell + padding : padding + cell)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(headers) + rule
        for (index, row) in rows.enumerated() {
            if rulesBefore.contains(index) { out += rule }
            out += line(row)
        }
        return out
    }
}
