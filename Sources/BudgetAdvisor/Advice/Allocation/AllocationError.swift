import Foundation

/// Why an allocation could not be computed.
public enum AllocationError: Error, LocalizedError, Equatable {
    /// The problem has no segments.
    case noSegments
    /// The budget cannot even pay every segment's minimum spend.
    case budgetBelowMinimums(required: Double, given: Double)
    /// A segment has an unusable field. `index` counts from 0; `name` is the segment's name, if it has one.
    case invalidSegment(index: Int, name: String? = nil, reason: String)
    /// The total budget is not a finite number >= 0.
    case invalidBudget(value: Double, reason: String)
    /// The spend coefficient is not a finite number.
    case invalidSpendCoefficient(value: Double)
    /// The options are unusable (tolerance or node limit).
    case invalidOptions(reason: String)
    /// The target is not a finite number.
    case invalidTarget(value: Double)
    /// Even spending every segment's maximum cannot reach the target.
    case targetUnreachable(target: Double, maximumReachable: Double)

    public var errorDescription: String? {
        switch self {
        case .noSegments:
            return "no segments: there is nothing to allocate the budget to"
        case let .budgetBelowMinimums(required, given):
            return "the budget \(AllocationFormat.amount(given)) is below the sum of the segments' minimum spends: at least \(AllocationFormat.amount(required)) is needed"
        case let .invalidSegment(index, name, reason):
            // By name when the caller has names (scenario segments always do); by number otherwise.
            let segment = name.map { "'\($0)'" } ?? "#\(index + 1)"
            return "segment \(segment) is invalid: \(reason)"
        case let .invalidBudget(value, reason):
            return "the total budget \(value) is invalid: \(reason)"
        case let .invalidSpendCoefficient(value):
            return "the spend coefficient \(value) is not a finite number"
        case let .invalidOptions(reason):
            return "invalid allocation options: \(reason)"
        case let .invalidTarget(value):
            return "the conversion target \(value) is not a finite number"
        case let .targetUnreachable(target, maximumReachable):
            return "the target of \(AllocationFormat.amount(target)) expected conversions cannot be reached: even spending every segment's maximum gives only \(AllocationFormat.amount(maximumReachable))"
        }
    }
}
