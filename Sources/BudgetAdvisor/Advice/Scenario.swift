/// A planning scenario: segments, a total budget, optional default spend bounds, and optionally the model or
/// the training settings to use.
public struct Scenario: Sendable, Equatable {
    /// Training settings a scenario may ask for instead of a model file.
    public struct Training: Sendable, Equatable {
        public var rows: Int?
        public var seed: UInt64?
        public var lambda: Double?
        public var data: String?
        public init(rows: Int? = nil, seed: UInt64? = nil, lambda: Double? = nil, data: String? = nil) {
            self.rows = rows
            self.seed = seed
            self.lambda = lambda
            self.data = data
        }
    }

    /// A short title.
    public var name: String
    /// Free text for the reader.
    public var description: String?
    /// Total budget to allocate (in the currency of the spend feature).
    public var totalBudget: Double
    /// The segments.
    public var segments: [Segment]
    /// Per-customer spend bounds for segments that set none.
    public var defaultMinSpend: Double?
    public var defaultMaxSpend: Double?
    /// A model file to use (relative paths are relative to the scenario file).
    public var modelPath: String?
    /// Training settings to use when no model is given.
    public var training: Training?
    /// The file it came from, for messages ("" when made in the session).
    public var source: String

    public init(name: String, description: String? = nil, totalBudget: Double, segments: [Segment],
                defaultMinSpend: Double? = nil, defaultMaxSpend: Double? = nil, modelPath: String? = nil,
                training: Training? = nil, source: String = "") {
        self.name = name
        self.description = description
        self.totalBudget = totalBudget
        self.segments = segments
        self.defaultMinSpend = defaultMinSpend
        self.defaultMaxSpend = defaultMaxSpend
        self.modelPath = modelPath
        self.training = training
        self.source = source
    }

    /// The index of the segment called `name`, or nil.
    public func segmentIndex(named name: String) -> Int? { segments.firstIndex { $0.name == name } }

    /// Checks the segments against `model` and resolves each segment's baseline logit and spend bounds.
    /// Bounds default to the scenario's defaults, then to the spend range seen in training.
    /// - Throws: `JSONFieldError` pointing at the segment field that does not fit the model.
    public func resolve(for model: LogisticModel) throws -> [ResolvedSegment] {
        let file = source.isEmpty ? "scenario" : source
        func failure(_ path: String, _ message: String) -> JSONFieldError {
            JSONFieldError(file: file, path: path, message: message)
        }
        let spendIndex = model.spendIndex
        let others = model.featureNames.filter { $0 != model.spendFeature }
        let trainedRange = model.featureRanges?[spendIndex]
        return try segments.enumerated().map { index, segment in
            let path = "segments[\(index)]"
            for key in segment.features.keys.sorted() where !others.contains(key) {
                if key == model.spendFeature {
                    throw failure("\(path).features.\(key)", "is the spend, which the advisor chooses; set min/max instead")
                }
                throw failure("\(path).features.\(key)", "is not a feature of the model (it has \(others.joined(separator: ", ")))")
            }
            var vector = [Double](repeating: 0, count: model.featureNames.count)
            var logit = model.intercept
            for (j, name) in model.featureNames.enumerated() where j != spendIndex {
                guard let value = segment.features[name] else {
                    throw failure("\(path).features.\(name)", "is missing; the model needs a value for every feature but the spend")
                }
                vector[j] = value
                logit += model.coefficients[j] * value
            }
            let spendCoefficient = model.coefficients[spendIndex]
            guard logit.isFinite, (logit + spendCoefficient * (segment.maxSpend ?? defaultMaxSpend ?? trainedRange?.upperBound ?? 0)).isFinite else {
                throw failure("\(path).features", "the values are far outside anything the model was trained on (the predicted log-odds are not finite)")
            }
            let (low, lowSource): (Double, SpendBoundSource) = segment.minSpend.map { ($0, .segment) }
                ?? defaultMinSpend.map { ($0, .scenarioDefault) } ?? trainedRange.map { ($0.lowerBound, .modelRange) } ?? (0, .none)
            guard let (high, highSource) = segment.maxSpend.map({ ($0, SpendBoundSource.segment) })
                ?? defaultMaxSpend.map({ ($0, .scenarioDefault) }) ?? trainedRange.map({ ($0.upperBound, .modelRange) }) else {
                throw failure("\(path).max", "is missing, and the model has no training range to default to")
            }
            let frozen = vector
            let resolved = ResolvedSegment(segment: segment, baseLogit: logit, minSpend: low, maxSpend: high,
                                           featureVector: { spend in
                                               var x = frozen
                                               x[spendIndex] = spend
                                               return x
                                           }, minSource: lowSource, maxSource: highSource)
            guard low <= high else {
                let advice = resolved.spendBoundAdvice.map { "; " + $0 } ?? ""
                throw failure("\(path).min", "(\(NumberFormatting.compact(low))) exceeds max (\(NumberFormatting.compact(high)))\(advice)")
            }
            return resolved
        }
    }
}
