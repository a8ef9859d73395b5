import Foundation
import BudgetAdvisor

/// Timing and process helpers for the benchmarks.
enum Measure {
    /// Seconds since an arbitrary start, monotonic.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// The best time of `repeats` runs of `body` (each run may loop `inner` times; the time is per inner call).
    static func best(repeats: Int, inner: Int = 1, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = now()
            for _ in 0..<inner { body() }
            best = min(best, (now() - start) / Double(inner))
        }
        return best
    }

    /// A field of /proc/self/status in bytes (e.g. "VmHWM", "VmRSS"), or nil off Linux.
    static func statusBytes(_ field: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let words = line.split(separator: " ")
            if words.count >= 2, let kb = Double(words[1]) { return kb * 1024 }
        }
        return nil
    }

    /// Resets the peak RSS (VmHWM) to the current RSS (Linux >= 4.0).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}

extension SeededGenerator {
    /// A uniform double in [lo, hi), for the allocation problems (the library's seeded generator).
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * nextUnit() }
}
