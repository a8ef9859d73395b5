import Foundation

/// Reads and writes scenario JSON. Fixed keys: `name`, `total_budget`, `segments` (each `name`, `customers`,
/// `features`, optional `min` / `max`); optional `description`, `default_min`, `default_max`, `model`,
/// `training` (`rows`, `seed`, `lambda`, `data`).
public enum ScenarioFile {
    /// Reads the scenario at `path`.
    /// - Throws: `JSONFieldError` naming the file and the JSON path of the bad field.
    public static func load(path: String) throws -> Scenario {
        let text = try JSONField.readText(path: path, kind: "scenario file")
        return try parse(text, file: path)
    }

    /// Parses scenario JSON as if read from `file`.
    /// - Throws: `JSONFieldError` naming the file and the JSON path of the bad field.
    public static func parse(_ text: String, file: String) throws -> Scenario {
        let root = try JSONField.parse(text, file: file)
        let known: Set = ["name", "description", "total_budget", "segments", "default_min", "default_max", "model", "training"]
        for member in try root.members() where !known.contains(member.key) {
            throw member.field.failure("is not a scenario key (known: \(known.sorted().joined(separator: ", ")))")
        }
        let name = try root.required("name", "a short title").string()
        let budgetField = try root.required("total_budget", "a number")
        let budget = try budgetField.number()
        guard budget >= 0 else { throw budgetField.failure("must be zero or more") }
        let defaultMin = try root.optional("default_min").map(nonNegative)
        let defaultMax = try root.optional("default_max").map(nonNegative)
        if let low = defaultMin, let high = defaultMax, low > high {
            throw try root.required("default_min").failure("exceeds default_max")
        }
        let segmentFields = try root.required("segments", "an array of segments").elements()
        var segments: [Segment] = []
        var names = Set<String>()
        for field in segmentFields {
            let segmentKeys: Set = ["name", "customers", "features", "min", "max"]
            for member in try field.members() where !segmentKeys.contains(member.key) {
                throw member.field.failure("is not a segment key (known: customers, features, max, min, name)")
            }
            let nameField = try field.required("name", "a unique name")
            let segmentName = try nameField.string()
            guard !segmentName.trimmingCharacters(in: .whitespaces).isEmpty else { throw nameField.failure("must not be empty") }
            guard names.insert(segmentName).inserted else { throw nameField.failure("'\(segmentName)' is used by another segment") }
            let customers = try field.required("customers", "a positive integer").positiveInteger()
            var features: [String: Double] = [:]
            for member in try field.required("features", "an object from feature name to value").members() {
                let value = try member.field.number()
                features[member.key] = value
            }
            let low = try field.optional("min").map(nonNegative)
            let high = try field.optional("max").map(nonNegative)
            if let low, let high, low > high {
                throw try field.required("min").failure("(\(NumberFormatting.compact(low))) exceeds max (\(NumberFormatting.compact(high)))")
            }
            segments.append(Segment(name: segmentName, customers: customers, features: features, minSpend: low, maxSpend: high))
        }
        var training: Scenario.Training?
        if let field = try root.optional("training") {
            training = Scenario.Training(
                rows: try field.optional("rows")?.positiveInteger(),
                seed: try field.optional("seed").map { seedField in
                    let value = try seedField.number()
                    guard value >= 0, value == value.rounded(), value < 1.8e19 else { throw seedField.failure("must be a whole number >= 0") }
                    return UInt64(value)
                },
                lambda: try field.optional("lambda").map(nonNegative),
                data: try field.optional("data")?.string())
        }
        return Scenario(name: name, description: try root.optional("description")?.string(), totalBudget: budget,
                        segments: segments, defaultMinSpend: defaultMin, defaultMaxSpend: defaultMax,
                        modelPath: try root.optional("model")?.string(), training: training, source: file)
    }

    /// The scenario as JSON text (what `save scenario` writes).
    public static func render(_ scenario: Scenario) -> String {
        var members: [(key: String, value: JSONValue)] = [("name", .string(scenario.name))]
        if let description = scenario.description { members.append(("description", .string(description))) }
        members.append(("total_budget", .number(scenario.totalBudget)))
        if let low = scenario.defaultMinSpend { members.append(("default_min", .number(low))) }
        if let high = scenario.defaultMaxSpend { members.append(("default_max", .number(high))) }
        if let model = scenario.modelPath { members.append(("model", .string(model))) }
        members.append(("segments", .array(scenario.segments.map { segment in
            var fields: [(key: String, value: JSONValue)] = [
                ("name", .string(segment.name)),
                ("customers", .number(Double(segment.customers))),
                ("features", .object(segment.features.keys.sorted().map { ($0, .number(segment.features[$0]!)) })),
            ]
            if let low = segment.minSpend { fields.append(("min", .number(low))) }
            if let high = segment.maxSpend { fields.append(("max", .number(high))) }
            return .object(fields)
        })))
        return JSONWriter.render(.object(members))
    }

    private static func nonNegative(_ field: JSONField) throws -> Double {
        let x = try field.number()
        guard x >= 0 else { throw field.failure("must be zero or more") }
        return x
    }
}
