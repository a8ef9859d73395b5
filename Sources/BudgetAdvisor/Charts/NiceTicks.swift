import Foundation

/// The step and extent chosen by ``niceTicks(min:max:count:)``.
public struct TickSpec: Sendable, Equatable {
    /// Tick values, ascending; each is a multiple of `step`.
    public var values: [Double]
    /// Distance between ticks: 1, 2 or 5 × 10^k.
    public var step: Double
    /// Decimals needed to label every tick exactly.
    public var decimals: Int { TickFormat.decimals(forStep: step) }
}

/// Round-number ticks covering `[min, max]` with steps of 1, 2 or 5 × 10^k.
///
/// Roughly `count` ticks are returned (never more than about `2 * count`), all inside the
/// range. Arguments may be given in either order. A zero-width range is widened around
/// its value (±1 for 0, else ±50 %) so the result always contains at least two ticks.
/// Non-finite input yields `[0, 1]`.
public func niceTicks(min: Double, max: Double, count: Int = 5) -> [Double] {
    niceTickSpec(min: min, max: max, count: count).values
}

/// Like ``niceTicks(min:max:count:)`` but also returns the step (useful for label decimals).
public func niceTickSpec(min lo: Double, max hi: Double, count: Int = 5) -> TickSpec {
    guard lo.isFinite, hi.isFinite else { return TickSpec(values: [0, 1], step: 1) }
    var a = Swift.min(lo, hi), b = Swift.max(lo, hi)
    if a == b {
        let pad = a == 0 ? 1 : abs(a) * 0.5
        a -= pad
        b += pad
    }
    let n = Swift.max(1, count)
    let inc = tickIncrement(a, b, n)
    var values: [Double] = []
    let step: Double
    if inc > 0 {
        step = inc
        let first = (a / inc).rounded(.up), last = (b / inc).rounded(.down)
        if last >= first {
            for i in stride(from: first, through: last, by: 1) { values.append(i * inc) }
        }
    } else {
        // Negative increment: the step is 1/(-inc); divide to avoid 0.30000000000000004.
        step = 1 / -inc
        let first = (a * -inc).rounded(.up), last = (b * -inc).rounded(.down)
        if last >= first {
            for i in stride(from: first, through: last, by: 1) { values.append(i / -inc) }
        }
    }
    values = values.map { $0 == 0 ? 0 : $0 } // normalise -0
    if values.isEmpty { values = [a, b] }
    return TickSpec(values: values, step: step)
}

/// A domain widened outward to the nearest ticks, and the ticks themselves.
///
/// Use it for axes that should start and end on a labelled round number.
public func niceDomain(min lo: Double, max hi: Double, count: Int = 5) -> (min: Double, max: Double, ticks: TickSpec) {
    var spec = niceTickSpec(min: lo, max: hi, count: count)
    var a = Swift.min(lo, hi), b = Swift.max(lo, hi)
    if a == b || !a.isFinite || !b.isFinite {
        a = spec.values.first ?? 0
        b = spec.values.last ?? 1
        return (a, b, spec)
    }
    // Two passes: extending can change the step.
    for _ in 0..<2 {
        let s = spec.step
        let na = (a / s).rounded(.down) * s, nb = (b / s).rounded(.up) * s
        a = Swift.min(a, na)
        b = Swift.max(b, nb)
        spec = niceTickSpec(min: a, max: b, count: count)
    }
    let s = spec.step
    a = TickFormat.clean((a / s).rounded(.down) * s, step: s)
    b = TickFormat.clean((b / s).rounded(.up) * s, step: s)
    return (a, b, niceTickSpec(min: a, max: b, count: count))
}

/// d3-style tick increment: positive = step, negative = -(1/step) for steps below 1.
private func tickIncrement(_ start: Double, _ stop: Double, _ count: Int) -> Double {
    let step = (stop - start) / Double(count)
    let power = (log10(step)).rounded(.down)
    let error = step / pow(10, power)
    let factor: Double = error >= 50.0.squareRoot() ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
    return power >= 0 ? factor * pow(10, power) : -pow(10, -power) / factor
}
