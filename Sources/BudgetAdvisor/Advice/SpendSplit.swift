/// A budget split as typed by a user: `loyal=20000,new=35%,lapsed=5k`. Amounts are absolute; percentages are
/// shares of the total. Segments not named share what is left of the total in proportion to their customers.
public struct SpendSplit: Sendable, Equatable {
    /// One named entry.
    public enum Amount: Sendable, Equatable {
        case absolute(Double)
        case share(Double)
    }

    /// Entries in the order typed.
    public var entries: [(segment: String, amount: Amount)]

    public static func == (lhs: SpendSplit, rhs: SpendSplit) -> Bool {
        lhs.entries.map(\.segment) == rhs.entries.map(\.segment) && lhs.entries.map(\.amount) == rhs.entries.map(\.amount)
    }

    public init(entries: [(segment: String, amount: Amount)]) { self.entries = entries }

    /// Parses `name=amount,name=share%`; the word `even` (or an empty text) means no entries: everyone gets the
    /// same per-customer spend.
    /// - Throws: `CommandError.usage` for an entry that is not `name=amount`.
    public init(parsing text: String) throws {
        var entries: [(segment: String, amount: Amount)] = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "even" { self.entries = []; return }
        // Split on commas that start a new `name=` entry, so `loyal=150,000` keeps its thousands separator.
        var pieces: [String] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if part.contains("=") || pieces.isEmpty { pieces.append(part) } else { pieces[pieces.count - 1] += "," + part }
        }
        for piece in pieces {
            let parts = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandError.usage("split: '\(piece)' should be SEGMENT=AMOUNT or SEGMENT=PERCENT%, e.g. loyal=20000,new=35%")
            }
            if let share = AmountParser.parsePercent(parts[1]) {
                guard share >= 0 else { throw CommandError.usage("split: \(piece): a share cannot be negative") }
                entries.append((parts[0], .share(share)))
            } else if let amount = AmountParser.parse(parts[1]) {
                guard amount >= 0 else { throw CommandError.usage("split: \(piece): an amount cannot be negative") }
                entries.append((parts[0], .absolute(amount)))
            } else {
                throw CommandError.usage("split: '\(parts[1])' is not an amount (20000, 20k, 1.5e4) or a share (35%)")
            }
        }
        self.entries = entries
    }

    /// The spend of each segment, given the segments' names and customer counts and the total budget.
    /// - Throws: `CommandError.usage` for an unknown segment or named amounts exceeding the total when
    ///   unnamed segments need a share of it.
    public func amounts(segmentNames: [String], customers: [Int], total: Double) throws -> [Double] {
        var spend = [Double?](repeating: nil, count: segmentNames.count)
        for (name, amount) in entries {
            guard let index = segmentNames.firstIndex(of: name) else {
                let hint = EditDistance.nearest(to: name, in: segmentNames).map { " (did you mean '\($0)'?)" } ?? ""
                throw CommandError.usage("split: no segment '\(name)'\(hint); the segments are \(segmentNames.joined(separator: ", "))")
            }
            guard spend[index] == nil else { throw CommandError.usage("split: '\(name)' is given twice") }
            switch amount {
            case let .absolute(value): spend[index] = value
            case let .share(fraction): spend[index] = fraction * total
            }
        }
        let named = spend.compactMap { $0 }.reduce(0, +)
        let unnamed = spend.indices.filter { spend[$0] == nil }
        if !unnamed.isEmpty {
            let left = total - named
            guard left >= -1e-9 * max(total, 1) else {
                throw CommandError.usage("split: the named amounts (\(NumberFormatting.grouped(named))) exceed the total (\(NumberFormatting.grouped(total))), leaving nothing for \(unnamed.map { segmentNames[$0] }.joined(separator: ", ")); name every segment or raise budget=")
            }
            let people = unnamed.reduce(0) { $0 + customers[$1] }
            for index in unnamed { spend[index] = max(left, 0) * Double(customers[index]) / Double(people) }
        }
        return spend.map { $0! }
    }
}

import Foundation
