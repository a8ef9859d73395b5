import Foundation

/// A self-contained HTML5 page (inline CSS, no scripts, no external resources)
/// made of ordered sections holding tables or inline SVG charts.
public struct HTMLReport: Sendable, Equatable {
    /// What a section shows.
    public enum Content: Sendable, Equatable {
        /// Trusted, pre-rendered HTML (for example from ``HTMLReport/table(headers:rows:numericColumns:)``).
        case html(String)
        /// An SVG document string (from any chart); embedded inline.
        case svg(String)
        /// Plain text, escaped and shown as a paragraph.
        case text(String)
    }

    /// One heading plus its content.
    public struct Section: Sendable, Equatable {
        /// Section heading (escaped).
        public var heading: String
        /// Section body.
        public var content: Content
        /// Creates a section.
        public init(heading: String, content: Content) {
            self.heading = heading
            self.content = content
        }
    }

    /// Page title and top heading.
    public var title: String
    /// Optional line under the title (escaped), e.g. a generation timestamp.
    public var subtitle: String?
    /// Sections in display order.
    public var sections: [Section]

    /// Creates a report.
    public init(title: String, subtitle: String? = nil, sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String { XMLEscaping.escape(text) }

    /// A `<table>` with a header row; `numericColumns` (default: detected — every non-empty
    /// cell parses as a number, allowing `,`, `$`, `%`, `€`, `£`) are right-aligned.
    public static func table(headers: [String], rows: [[String]], numericColumns: Set<Int>? = nil) -> String {
        let columns = max(headers.count, rows.map(\.count).max() ?? 0)
        let numeric = numericColumns ?? Set((0..<columns).filter { c in
            let cells = rows.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumeric)
        })
        var s = "<table>\n<thead><tr>"
        for c in 0..<columns {
            let h = c < headers.count ? headers[c] : ""
            s += "<th\(numeric.contains(c) ? " class=\"num\"" : "") scope=\"col\">\(escape(h))</th>"
        }
        s += "</tr></thead>\n<tbody>\n"
        for row in rows {
            s += "<tr>"
            for c in 0..<columns {
                let v = c < row.count ? row[c] : ""
                s += "<td\(numeric.contains(c) ? " class=\"num\"" : "")>\(escape(v))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody>\n</table>"
    }

    static func isNumeric(_ cell: String) -> Bool {
        let stripped = cell.filter { !",$%€£ +\u{a0}".contains($0) }
        return !stripped.isEmpty && Double(stripped.replacingOccurrences(of: "−", with: "-")) != nil
    }

    /// Prepares a standalone SVG for inline use: drops any XML declaration and the
    /// namespace attribute (implicit in HTML5), and makes it scale to the page width.
    static func inlineSVG(_ svg: String) -> String {
        var s = svg
        if s.hasPrefix("<?xml"), let end = s.range(of: "?>") { s = String(s[end.upperBound...]) }
        s = s.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 960px; padding: 24px 16px 48px; font-family: "DejaVu Sans", Helvetica, Arial, sans-serif;
           font-size: 15px; line-height: 1.5; color: #222; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
    .subtitle { color: #555; margin: 0 0 16px; }
    figure { margin: 0; }
    svg { display: block; max-width: 100%; height: auto; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 14px; min-width: 50%; }
    th, td { padding: 6px 12px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid #999; font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tbody tr:nth-child(even) { background: #f7f7f7; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      section { break-inside: avoid; page-break-inside: avoid; }
      h2 { break-after: avoid; }
      tbody tr:nth-child(even) { background: none; }
    }
    """

    /// The complete HTML document.
    public func render() -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
        s += "<header>\n<h1>\(Self.escape(title))</h1>\n"
        if let subtitle { s += "<p class=\"subtitle\">\(Self.escape(subtitle))</p>\n" }
        s += "</header>\n<main>\n"
        for section in sections {
            s += "<section>\n<h2>\(Self.escape(section.heading))</h2>\n"
            switch section.content {
            case .html(let html):
                s += html.contains("<table") ? "<div class=\"table-wrap\">\n\(html)\n</div>\n" : html + "\n"
            case .svg(let svg):
                s += "<figure>\n\(Self.inlineSVG(svg))\n</figure>\n"
            case .text(let text):
                s += "<p>\(Self.escape(text))</p>\n"
            }
            s += "</section>\n"
        }
        s += "</main>\n</body>\n</html>\n"
        return s
    }
}
