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

    public static func == (lhs: ResolvedSegment, rhs: ResolvedSegment) -> Bool {
        lhs.segment == rhs.segment && lhs.baseLogit == rhs.baseLogit && lhs.minSpend == rhs.minSpend
            && lhs.maxSpend == rhs.maxSpend
    }

    /// As an allocator input.
    public var allocationSegment: AllocationSegment {
        AllocationSegment(name: segment.name, customers: Double(segment.customers), baseLogit: baseLogit,
                          minSpend: minSpend, maxSpend: maxSpend)
    }
}
