import Foundation

/// Maps a continuous data domain linearly onto a pixel range (which may be reversed).
public struct LinearScale: Sendable, Equatable {
    /// Domain start (data units).
    public var domainMin: Double
    /// Domain end (data units).
    public var domainMax: Double
    /// Output for `domainMin` (px).
    public var rangeMin: Double
    /// Output for `domainMax` (px).
    public var rangeMax: Double

    /// Creates a scale mapping `domain.0 -> range.0` and `domain.1 -> range.1`.
    public init(domain: (Double, Double), range: (Double, Double)) {
        domainMin = domain.0
        domainMax = domain.1
        rangeMin = range.0
        rangeMax = range.1
    }

    /// Maps a data value to a coordinate. A zero-width domain maps everything to the range midpoint.
    public func callAsFunction(_ value: Double) -> Double { map(value) }

    /// Maps a data value to a coordinate (values outside the domain extrapolate).
    public func map(_ value: Double) -> Double {
        let span = domainMax - domainMin
        guard span != 0 else { return (rangeMin + rangeMax) / 2 }
        return rangeMin + (value - domainMin) / span * (rangeMax - rangeMin)
    }

    /// Maps a coordinate back to a data value.
    public func invert(_ coordinate: Double) -> Double {
        let span = rangeMax - rangeMin
        guard span != 0 else { return (domainMin + domainMax) / 2 }
        return domainMin + (coordinate - rangeMin) / span * (domainMax - domainMin)
    }

    /// Round-number ticks inside the domain.
    public func ticks(count: Int = 5) -> TickSpec {
        niceTickSpec(min: domainMin, max: domainMax, count: count)
    }
}

/// Maps a positive data domain onto a pixel range using log10.
public struct LogScale: Sendable, Equatable {
    /// Domain start (> 0).
    public var domainMin: Double
    /// Domain end (> 0).
    public var domainMax: Double
    /// Output for `domainMin` (px).
    public var rangeMin: Double
    /// Output for `domainMax` (px).
    public var rangeMax: Double

    /// Creates a log scale. Non-positive domain bounds are clamped to a tiny positive number.
    public init(domain: (Double, Double), range: (Double, Double)) {
        domainMin = Swift.max(domain.0, Double.leastNormalMagnitude)
        domainMax = Swift.max(domain.1, Double.leastNormalMagnitude)
        rangeMin = range.0
        rangeMax = range.1
    }

    /// Maps a data value to a coordinate.
    public func callAsFunction(_ value: Double) -> Double { map(value) }

    /// Maps a data value (> 0) to a coordinate; non-positive values map to the `domainMin` end.
    public func map(_ value: Double) -> Double {
        let v = value > 0 ? value : domainMin
        let a = log10(domainMin), b = log10(domainMax)
        guard a != b else { return (rangeMin + rangeMax) / 2 }
        return rangeMin + (log10(v) - a) / (b - a) * (rangeMax - rangeMin)
    }

    /// Maps a coordinate back to a data value.
    public func invert(_ coordinate: Double) -> Double {
        let span = rangeMax - rangeMin
        let a = log10(domainMin), b = log10(domainMax)
        guard span != 0 else { return pow(10, (a + b) / 2) }
        return pow(10, a + (coordinate - rangeMin) / span * (b - a))
    }

    /// Ticks at powers of ten inside the domain; with fewer than three decades
    /// also at 2× and 5× multiples, and with a very narrow domain linear nice ticks.
    public func ticks(count: Int = 5) -> [Double] {
        let lo = Swift.min(domainMin, domainMax), hi = Swift.max(domainMin, domainMax)
        let a = Int(log10(lo).rounded(.down)), b = Int(log10(hi).rounded(.up))
        var out: [Double] = []
        let decades = b - a
        let mults: [Double] = decades <= 1 ? [1, 2, 3, 5] : decades <= 3 ? [1, 2, 5] : [1]
        var every = 1
        if decades > 2 * Swift.max(count, 1) { every = Int((Double(decades) / Double(Swift.max(count, 1))).rounded(.up)) }
        for k in a...b where (k - a) % every == 0 {
            for m in mults {
                let v = m * pow(10, Double(k))
                let cleaned = k < 0 ? m / pow(10, Double(-k)) : v
                if cleaned >= lo * (1 - 1e-12) && cleaned <= hi * (1 + 1e-12) { out.append(cleaned) }
            }
        }
        if out.count < 2 {
            return niceTicks(min: lo, max: hi, count: count).filter { $0 > 0 }
        }
        return out
    }
}
