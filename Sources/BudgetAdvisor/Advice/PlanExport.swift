import Foundation

/// Writes a plan as CSV (RFC 4180), JSON or Markdown, chosen by the file extension, atomically.
public enum PlanExport {
    /// The export formats.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, markdown

        /// The format for a file name's extension (`.csv`, `.json`, `.md` / `.markdown`), or nil.
        public init?(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "csv": self = .csv
            case "json": self = .json
            case "md", "markdown": self = .markdown
            default: return nil
            }
        }
    }

    /// The CSV header (also how an existing export is recognized).
    public static let csvHeader = "segment,customers,budget,per_customer_budget,expected_conversions,marginal_conversions_per_1000,min_per_customer,max_per_customer"
    /// The JSON format tag.
    public static let jsonFormatTag = "budget-advisor-plan"
    /// The first line of a Markdown export.
    public static let markdownMarker = "<!-- budget-advisor plan -->"

    /// The plan in `format`.
    public static func render(_ plan: AllocationPlan, as format: Format) -> String {
        switch format {
        case .csv: return csv(plan)
        case .json: return json(plan)
        case .markdown: return markdown(plan)
        }
    }

    /// Writes `plan` to `path` (format from the extension). Refuses to replace a file that is not a
    /// budget-advisor export unless `force`.
    /// - Throws: `CommandError` saying why (unknown extension, foreign file, write failure).
    public static func write(_ plan: AllocationPlan, to path: String, shownAs name: String, force: Bool) throws {
        guard let format = Format(path: path) else {
            throw CommandError.usage("export: '\(name)': use a .csv, .json or .md file name")
        }
        var isDirectory: ObjCBool = false
        if !force, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue, !isOurs(path: path) {
            throw CommandError.failed("export: '\(name)' exists and is not a budget-advisor plan; choose another name or add --force to replace it")
        }
        do { try AtomicFile.write(render(plan, as: format), to: path) } catch {
            throw CommandError.failed(error.localizedDescription)
        }
    }

    /// Whether the file at `path` is an earlier export of ours (safe to replace).
    public static func isOurs(path: String) -> Bool {
        guard let head = AtomicFile.head(of: path) else { return false }
        return head.hasPrefix(csvHeader) || head.hasPrefix(markdownMarker)
            || head.contains("\"format\": \"\(jsonFormatTag)\"")
    }

    /// A cell that a spreadsheet will not run as a formula: text starting with = + - @ (or tab / CR) gets a
    /// leading apostrophe (OWASP's advice for CSV injection).
    public static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ x: Double, _ decimals: Int) -> String { NumberFormatting.fixed(x, decimals) }

    static func csv(_ plan: AllocationPlan) -> String {
        var out = csvHeader + "\r\n"
        for line in plan.lines {
            out += [csvField(spreadsheetSafe(line.segment)), String(line.customers), number(line.budget, 2),
                    number(line.perCustomerBudget, 4), number(line.expectedConversions, 4), number(line.marginalPer1000, 4),
                    number(line.minSpend, 4), number(line.maxSpend, 4)].joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func json(_ plan: AllocationPlan) -> String {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(jsonFormatTag)),
            ("scenario", .string(plan.scenario)),
            ("total_budget", .number(plan.totalBudget)),
            ("spent", .number(plan.spent)),
            ("expected_conversions", .number(plan.expectedConversions)),
            ("upper_bound", .number(plan.upperBound)),
            ("gap", .number(plan.gap)),
            ("certified", .bool(plan.certified)),
            ("relative_tolerance", .number(plan.tolerance)),
        ]
        if let marginal = plan.budgetMarginalPer1000 { members.append(("budget_marginal_conversions_per_1000", .number(marginal))) }
        if let target = plan.target { members.append(("target", .number(target))) }
        members.append(("segments", .array(plan.lines.map { line in
            .object([
                ("segment", .string(line.segment)),
                ("customers", .number(Double(line.customers))),
                ("budget", .number(line.budget)),
                ("per_customer_budget", .number(line.perCustomerBudget)),
                ("expected_conversions", .number(line.expectedConversions)),
                ("marginal_conversions_per_1000", .number(line.marginalPer1000)),
                ("min_per_customer", .number(line.minSpend)),
                ("max_per_customer", .number(line.maxSpend)),
            ])
        })))
        if !plan.notes.isEmpty { members.append(("notes", .array(plan.notes.map(JSONValue.string)))) }
        return JSONWriter.render(.object(members))
    }

    static func markdown(_ plan: AllocationPlan) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = markdownMarker + "\n# Allocation plan: \(cell(plan.scenario))\n\n"
        out += "| segment | customers | budget | per customer | expected conversions | +conversions per 1,000 |\n"
        out += "|:--|--:|--:|--:|--:|--:|\n"
        for line in plan.lines {
            out += "| \(cell(line.segment)) | \(NumberFormatting.grouped(Double(line.customers))) | \(NumberFormatting.grouped(line.budget, 2)) | \(NumberFormatting.grouped(line.perCustomerBudget, 2)) | \(NumberFormatting.grouped(line.expectedConversions, 1)) | \(NumberFormatting.fixed(line.marginalPer1000, 2)) |\n"
        }
        out += "| **total** | \(NumberFormatting.grouped(Double(plan.lines.reduce(0) { $0 + $1.customers }))) | \(NumberFormatting.grouped(plan.spent, 2)) | | \(NumberFormatting.grouped(plan.expectedConversions, 1)) | |\n\n"
        out += "- Total budget: \(NumberFormatting.grouped(plan.totalBudget, 2))\n"
        out += "- Upper bound on expected conversions: \(NumberFormatting.grouped(plan.upperBound, 2)) (gap \(NumberFormatting.compact(plan.gap, significant: 3)); \(plan.certified ? "certified optimal" : "not certified") within \(NumberFormatting.compact(plan.tolerance)) relative)\n"
        if let marginal = plan.budgetMarginalPer1000 {
            out += "- Another 1,000 of budget buys \(NumberFormatting.fixed(marginal, 2)) more expected conversions\n"
        }
        for note in plan.notes { out += "- Note: \(cell(note))\n" }
        return out
    }
}
