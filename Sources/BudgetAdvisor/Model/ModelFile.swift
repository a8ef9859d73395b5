import Foundation

/// The model file: JSON with the coefficients on the original scale and, when trained here, everything needed
/// to reproduce and trust them. Only `features`, `intercept` and `coefficients` are required on load, so
/// coefficients fitted elsewhere can drive the advisor.
public enum ModelFile {
    /// The `format` tag written into every model file.
    public static let formatTag = "budget-advisor-model"

    /// The model as JSON text.
    public static func render(_ model: LogisticModel) -> String {
        JSONWriter.render(json(model))
    }

    /// The model as a JSON value (members in a fixed, documented order).
    public static func json(_ model: LogisticModel) -> JSONValue {
        func byFeature(_ values: [Double]) -> JSONValue {
            .object(zip(model.featureNames, values).map { ($0, .number($1)) })
        }
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(formatTag)),
            ("version", .number(1)),
            ("features", .array(model.featureNames.map(JSONValue.string))),
            ("spend_feature", .string(model.spendFeature)),
            ("intercept", .number(model.intercept)),
            ("coefficients", byFeature(model.coefficients)),
        ]
        if let standardizer = model.standardizer {
            members.append(("standardization", .object([
                ("means", byFeature(standardizer.means)),
                ("standard_deviations", byFeature(standardizer.standardDeviations)),
            ])))
        }
        if let lambda = model.lambda { members.append(("lambda", .number(lambda))) }
        if let training = model.training {
            members.append(("training", .object([
                ("rows", .number(Double(training.rows))),
                ("iterations", .number(Double(training.iterations))),
                ("objective", .number(training.objective)),
                ("gradient_norm", .number(training.gradientNorm)),
                ("converged", .bool(training.converged)),
                ("stop_reason", .string(training.stopReason)),
                ("learning_rate", .number(training.learningRate)),
                ("method", .string(training.method)),
                ("source", .string(training.source)),
            ])))
        }
        if let ranges = model.featureRanges {
            members.append(("feature_ranges", .object(zip(model.featureNames, ranges).map {
                ($0, .array([.number($1.lowerBound), .number($1.upperBound)]))
            })))
        }
        if let covariance = model.covariance {
            members.append(("covariance", .object([
                ("order", .array((["intercept"] + model.featureNames).map(JSONValue.string))),
                ("matrix", .array(covariance.map { .array($0.map(JSONValue.number)) })),
            ])))
        }
        return .object(members)
    }

    /// Reads the model file at `path`.
    /// - Throws: `JSONFieldError` naming the file and the JSON path of the bad field.
    public static func load(path: String) throws -> LogisticModel {
        let text = try JSONField.readText(path: path, kind: "model file")
        return try parse(text, file: path)
    }

    /// Parses model JSON as if read from `file`.
    /// - Throws: `JSONFieldError` naming the file and the JSON path of the bad field.
    public static func parse(_ text: String, file: String) throws -> LogisticModel {
        let root = try JSONField.parse(text, file: file)
        _ = try root.members()
        let featureFields = try root.required("features", "an array of feature names").elements()
        guard !featureFields.isEmpty else { throw try root.required("features").failure("must name at least one feature") }
        var features: [String] = []
        for field in featureFields {
            let name = try field.string()
            guard !name.isEmpty else { throw field.failure("must not be empty") }
            guard !features.contains(name) else { throw field.failure("'\(name)' is listed twice") }
            features.append(name)
        }
        let intercept = try finite(try root.required("intercept", "a number"))
        let coefficients = try perFeature(try root.required("coefficients", "an object from feature name to number"),
                                          features: features)
        var spend = features.contains(SyntheticCustomers.spendFeature) ? SyntheticCustomers.spendFeature : features[0]
        if let field = try root.optional("spend_feature") {
            spend = try field.string()
            guard features.contains(spend) else {
                throw field.failure("'\(spend)' is not one of the features (\(features.joined(separator: ", ")))")
            }
        }
        var model = LogisticModel(featureNames: features, spendFeature: spend, intercept: intercept,
                                  coefficients: coefficients)
        if let field = try root.optional("standardization") {
            let means = try perFeature(try field.required("means"), features: features)
            let deviationsField = try field.required("standard_deviations")
            let deviations = try perFeature(deviationsField, features: features)
            guard deviations.allSatisfy({ $0 > 0 }) else { throw deviationsField.failure("every entry must be positive") }
            model.standardizer = Standardizer(means: means, standardDeviations: deviations)
        }
        if let field = try root.optional("lambda") {
            let lambda = try finite(field)
            guard lambda >= 0 else { throw field.failure("must be >= 0") }
            model.lambda = lambda
        }
        if let field = try root.optional("training") {
            model.training = LogisticModel.TrainingSummary(
                rows: try field.required("rows").positiveInteger(),
                iterations: try field.required("iterations").positiveInteger(),
                objective: try finite(try field.required("objective")),
                gradientNorm: try finite(try field.required("gradient_norm")),
                converged: try field.required("converged").bool(),
                stopReason: try field.optional("stop_reason")?.string() ?? "",
                learningRate: try field.optional("learning_rate").map(finite) ?? 0,
                method: try field.optional("method")?.string() ?? "",
                source: try field.optional("source")?.string() ?? "")
        }
        if let field = try root.optional("feature_ranges") {
            var ranges: [ClosedRange<Double>] = []
            for name in features {
                let pairField = try field.required(name, "[min, max]")
                let pair = try pairField.elements()
                guard pair.count == 2 else { throw pairField.failure("must be [min, max]") }
                let low = try finite(pair[0]), high = try finite(pair[1])
                guard low <= high else { throw pairField.failure("min must not exceed max") }
                ranges.append(low...high)
            }
            model.featureRanges = ranges
        }
        if let field = try root.optional("covariance") {
            let order = try field.required("order").elements().map { try $0.string() }
            guard order == ["intercept"] + features else {
                throw try field.required("order").failure("must be [\"intercept\", \(features.map { "\"\($0)\"" }.joined(separator: ", "))]")
            }
            let matrixField = try field.required("matrix")
            let rows = try matrixField.elements()
            guard rows.count == order.count else { throw matrixField.failure("must be \(order.count)×\(order.count)") }
            var matrix: [[Double]] = []
            for row in rows {
                let entries = try row.elements()
                guard entries.count == order.count else { throw row.failure("must have \(order.count) entries") }
                matrix.append(try entries.map(finite))
            }
            model.covariance = matrix
        }
        return model
    }

    private static func finite(_ field: JSONField) throws -> Double {
        let x = try field.number()
        guard x.isFinite else { throw field.failure("must be a finite number") }
        return x
    }

    private static func perFeature(_ field: JSONField, features: [String]) throws -> [Double] {
        let members = try field.members()
        for member in members where !features.contains(member.key) {
            throw member.field.failure("is not one of the features (\(features.joined(separator: ", ")))")
        }
        return try features.map { try finite(try field.required($0, "a number")) }
    }
}
