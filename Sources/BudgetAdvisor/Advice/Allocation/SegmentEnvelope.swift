/// The concave envelope of one segment's S-shaped term on a spend box `[l, u]`.
///
/// With `phi(b) = sigmoid(a + w b)` and `w > 0`, the envelope is
/// - `phi` itself when the box lies on the concave side (`a + w l >= 0`) or is a single point;
/// - the tangent line from `(l, phi(l))` up to the tangent point `lo`, then `phi` on `[lo, u]`;
/// - the chord from `l` to `u` when the tangent point lies beyond `u`.
///
/// For the Lagrangian inner problem `max_b phi(b) - mu b` this means: with `z* = stationaryLogit(mu)`,
/// the maximizer is `l` when `z* < threshold`, otherwise `clamp((z* - a) / w, lo, u)`.
struct SegmentEnvelope {
    /// Where the envelope rejoins `phi` (the smallest "on" spend); `l` for concave boxes, `u` for chords.
    var lo: Double
    /// The stationary logit `z*` at or above which the segment is switched on; `-infinity` if always on.
    var threshold: Double

    /// Computes the envelope data for box `[l, u]`.
    init(a: Double, w: Double, l: Double, u: Double) {
        let zl = a + w * l
        if !(u > l) || zl >= 0 {
            lo = l
            threshold = -.infinity
            return
        }
        let zu = a + w * u
        let zt = SigmoidMath.tangentLogit(from: zl)
        if zt < zu {
            lo = min(max((zt - a) / w, l), u)
            threshold = zt
        } else {
            let slope = (SigmoidMath.sigmoid(zu) - SigmoidMath.sigmoid(zl)) / (u - l)
            lo = u
            threshold = SigmoidMath.stationaryLogit(mu: slope, w: w)
        }
    }
}
