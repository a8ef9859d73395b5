/// Iso-line extraction on a regular grid (marching squares).
public enum MarchingSquares {
    /// A line segment between two points in grid-index coordinates.
    public struct Segment: Sendable, Equatable {
        /// Start (column, row) in fractional grid coordinates.
        public var from: (x: Double, y: Double)
        /// End (column, row) in fractional grid coordinates.
        public var to: (x: Double, y: Double)
        /// Creates a segment.
        public init(from: (x: Double, y: Double), to: (x: Double, y: Double)) {
            self.from = from
            self.to = to
        }
        public static func == (a: Segment, b: Segment) -> Bool {
            a.from == b.from && a.to == b.to
        }
    }

    /// Segments of the contour `values == level`.
    ///
    /// `values[row][column]` are samples at grid corners; result coordinates are fractional
    /// `(column, row)` indices, linearly interpolated along cell edges. Saddle cells are
    /// disambiguated with the mean of the four corners.
    public static func contour(values: [[Double]], level: Double) -> [Segment] {
        let rows = values.count
        guard rows >= 2 else { return [] }
        let cols = values[0].count
        guard cols >= 2, values.allSatisfy({ $0.count == cols }) else { return [] }
        var out: [Segment] = []
        func lerp(_ a: Double, _ b: Double) -> Double {
            let d = b - a
            return d == 0 ? 0.5 : Swift.min(1, Swift.max(0, (level - a) / d))
        }
        for r in 0..<(rows - 1) {
            for c in 0..<(cols - 1) {
                let v0 = values[r][c], v1 = values[r][c + 1], v2 = values[r + 1][c + 1], v3 = values[r + 1][c]
                guard v0.isFinite, v1.isFinite, v2.isFinite, v3.isFinite else { continue }
                let idx = (v0 >= level ? 1 : 0) | (v1 >= level ? 2 : 0) | (v2 >= level ? 4 : 0) | (v3 >= level ? 8 : 0)
                if idx == 0 || idx == 15 { continue }
                let x = Double(c), y = Double(r)
                // Edge crossing points: bottom (v0-v1), right (v1-v2), top (v3-v2), left (v0-v3).
                let e0 = (x + lerp(v0, v1), y)
                let e1 = (x + 1, y + lerp(v1, v2))
                let e2 = (x + lerp(v3, v2), y + 1)
                let e3 = (x, y + lerp(v0, v3))
                func seg(_ a: (Double, Double), _ b: (Double, Double)) {
                    out.append(Segment(from: (a.0, a.1), to: (b.0, b.1)))
                }
                let centreHigh = (v0 + v1 + v2 + v3) / 4 >= level
                switch idx {
                case 1, 14: seg(e3, e0)
                case 2, 13: seg(e0, e1)
                case 3, 12: seg(e3, e1)
                case 4, 11: seg(e1, e2)
                case 6, 9: seg(e0, e2)
                case 7, 8: seg(e3, e2)
                case 5:
                    if centreHigh { seg(e3, e2); seg(e0, e1) } else { seg(e3, e0); seg(e1, e2) }
                case 10:
                    if centreHigh { seg(e3, e0); seg(e1, e2) } else { seg(e3, e2); seg(e0, e1) }
                default: break
                }
            }
        }
        return out
    }
}
