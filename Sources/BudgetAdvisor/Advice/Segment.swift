/// A group of similar customers: how many, their non-spend features, and optional per-customer spend bounds.
public struct Segment: Sendable, Equatable {
    /// A unique name (`loyal`, `new`).
    public var name: String
    /// Number of customers (> 0).
    public var customers: Int
    /// A value for every non-spend feature of the model, by feature name.
    public var features: [String: Double]
    /// Smallest per-customer spend, if set here.
    public var minSpend: Double?
    /// Largest per-customer spend, if set here.
    public var maxSpend: Double?

    public init(name: String, customers: Int, features: [String: Double], minSpend: Double? = nil, maxSpend: Double? = nil) {
        self.name = name
        self.customers = customers
        self.features = features
        self.minSpend = minSpend
        self.maxSpend = maxSpend
    }
}

/// Where a segment's resolved spend bound came from, so a message about a bad bound can say what to change.
public enum SpendBoundSource: Sendable, Equatable {
    /// The segment's own `min` / `max`.
    case segment
    /// The scenario's `default_min` / `default_max`.
    case scenarioDefault
    /// The spend range the model was trained on (its `feature_ranges`).
    case modelRange
    /// Nothing set anywhere: a minimum of 0.
    case none
}

/// A segment made ready for a given model: its baseline logit and resolved spend bounds.
public struct ResolvedSegment: Sendable, Equatable {
    /// The segment.
    public var segment: Segment
    /// intercept + Σ coefficient × feature over the non-spend features.
    public var baseLogit: Double
    /// Per-customer spend bounds after defaults.
    public var minSpend: Double
    public var maxSpend: Double
    /// Full feature vector in model order for a per-customer spend `spend`.
    public var featureVector: @Sendable (Double) -> [Double]
    /// Where `minSpend` and `maxSpend` came from.
    public var minSource: SpendBoundSource = .segment
    public var maxSource: SpendBoundSource = .segment

    public static func == (lhs: ResolvedSegment, rhs: ResolvedSegment) -> Bool {
        lhs.segment == rhs.segment && lhs.baseLogit == rhs.baseLogit && lhs.minSpend == rhs.minSpend
            && lhs.maxSpend == rhs.maxSpend && lhs.minSource == rhs.minSource && lhs.maxSource == rhs.maxSource
    }

    /// Where this segment's minimum (or maximum) spend came from and what to change, when it is unusable (not
    /// finite, a negative minimum, or a minimum above the maximum) and did not come from the segment itself;
    /// nil otherwise. For example `the model's spend range starts at -10; set min= for this segment or in the
    /// scenario's default_min`.
    public var spendBoundAdvice: String? {
        let minimumBad = !minSpend.isFinite || minSpend < 0 || (minSpend > maxSpend && minSource != .segment)
        let maximumBad = !maxSpend.isFinite || (minSpend > maxSpend && maxSource != .segment)
        func explained(_ source: SpendBoundSource) -> Bool { source == .modelRange || source == .scenarioDefault }
        let minimum = minimumBad && explained(minSource), maximum = maximumBad && explained(maxSource)
        // The model's range first: it is the bound the scenario does not show.
        if maximum && (!minimum || (maxSource == .modelRange && minSource != .modelRange)) {
            return Self.advice(source: maxSource, value: maxSpend, isMinimum: false)
        }
        return minimum ? Self.advice(source: minSource, value: minSpend, isMinimum: true) : nil
    }

    private static func advice(source: SpendBoundSource, value: Double, isMinimum: Bool) -> String {
        let (key, defaultKey) = isMinimum ? ("min", "default_min") : ("max", "default_max")
        if source == .modelRange {
            return "the model's spend range \(isMinimum ? "starts" : "ends") at \(NumberFormatting.compact(value)); set \(key)= for this segment or in the scenario's \(defaultKey)"
        }
        return "it is the scenario's \(defaultKey) (\(NumberFormatting.compact(value))); set \(key)= for this segment or change \(defaultKey)"
    }

    /// As an allocator input.
    public var allocationSegment: AllocationSegment {
        AllocationSegment(name: segment.name, customers: Double(segment.customers), baseLogit: baseLogit,
                          minSpend: minSpend, maxSpend: maxSpend)
    }
}
