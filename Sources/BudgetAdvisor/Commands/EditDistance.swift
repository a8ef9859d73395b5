/// "Did you mean ...?" suggestions by Levenshtein distance.
public enum EditDistance {
    /// The number of single-character edits turning `a` into `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a likely typo (or `word` is its prefix).
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        if let prefixed = candidates.first(where: { $0.hasPrefix(word.lowercased()) && !word.isEmpty }) { return prefixed }
        let scored = candidates.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored, score <= max(2, word.count / 3) else { return nil }
        return best
    }
}
