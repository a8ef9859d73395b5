import Foundation

/// Vertical axis type for ``LossCurveChart``.
public enum AxisScaleKind: String, Sendable, Equatable {
    /// Linear axis.
    case linear
    /// Base-10 logarithmic axis (non-positive values are dropped).
    case log
}

/// Training objective per iteration as a line, with the final value annotated.
public struct LossCurveChart: Sendable {
    /// Chart title.
    public var title = "Training loss"
    /// Optional subtitle.
    public var subtitle: String? = nil
    /// Horizontal axis title.
    public var xLabel = "Iteration"
    /// Vertical axis title.
    public var yLabel = "Objective (log loss)"
    /// Linear or logarithmic vertical axis.
    public var yScale: AxisScaleKind = .linear
    /// Iteration number of `values[0]`.
    public var firstIteration = 0
    /// Image width (px).
    public var width = 720.0
    /// Image height (px).
    public var height = 440.0

    /// Creates a chart with default settings.
    public init() {}

    /// Renders `values` (objective at each iteration). Non-finite values are skipped.
    public func render(values: [Double]) -> String {
        var pts: [(x: Double, y: Double)] = []
        for (i, v) in values.enumerated() where v.isFinite && (yScale == .linear || v > 0) {
            pts.append((Double(firstIteration + i), v))
        }
        let header = ChartParts.header(title: title, subtitle: subtitle, x: 16, maxWidth: width - 32)
        let lastX = Double(firstIteration + max(0, values.count - 1))
        let xd = niceDomain(min: Double(firstIteration), max: max(lastX, Double(firstIteration) + 1), count: 6)
        let ys = pts.map(\.y)
        let lo = ys.min() ?? (yScale == .log ? 0.1 : 0), hi = ys.max() ?? 1

        var yTickValues: [(Double, String)] = []
        var mapY: (Double) -> Double = { $0 }
        let yLabels: [String]
        let logDomain: (Double, Double)
        let linDomain: (min: Double, max: Double, ticks: TickSpec)
        if yScale == .log {
            let a = log10(lo), b = log10(hi)
            let pad = max((b - a) * 0.05, 0.05)
            logDomain = (pow(10, a - pad), pow(10, b + pad))
            linDomain = (0, 1, TickSpec(values: [], step: 1))
            let ticks = LogScale(domain: logDomain, range: (0, 1)).ticks(count: 5)
            yLabels = ticks.map(TickFormat.logTickLabel)
            yTickValues = Array(zip(ticks, yLabels))
        } else {
            logDomain = (1, 10)
            let base = niceDomain(min: min(lo, hi), max: max(lo, hi), count: 5)
            // Keep zero as baseline when the data is close to it.
            linDomain = base
            yLabels = base.ticks.values.map { TickFormat.tickLabel($0, step: base.ticks.step) }
            yTickValues = Array(zip(base.ticks.values, yLabels))
        }
        let left = 16 + ChartParts.yAxisWidth(tickLabels: yLabels, hasTitle: true)
        let plot = PlotRect(x: left, y: header.bottom + 16, width: width - left - 28, height: height - header.bottom - 16 - 58)
        let sx = LinearScale(domain: (xd.min, xd.max), range: (plot.x, plot.right))
        if yScale == .log {
            let s = LogScale(domain: logDomain, range: (plot.bottom, plot.y))
            mapY = { s($0) }
        } else {
            let s = LinearScale(domain: (linDomain.min, linDomain.max), range: (plot.bottom, plot.y))
            mapY = { s($0) }
        }

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(contentsOf: header.elements)
        doc.add(contentsOf: ChartParts.yAxis(plot: plot, ticks: yTickValues.map { (mapY($0.0), $0.1) }, label: yLabel))
        doc.add(contentsOf: ChartParts.xAxis(plot: plot, ticks: xd.ticks.values.map { (sx($0), TickFormat.tickLabel($0, step: xd.ticks.step)) }, label: xLabel))

        // Thin the polyline to about two points per pixel column; always keep the last point.
        let maxPts = max(2, Int(plot.width * 2))
        var drawn = pts
        if pts.count > maxPts {
            drawn = ScatterProbabilityChart.sampleIndices(count: pts.count, limit: maxPts - 1).map { pts[$0] }
            drawn.append(pts[pts.count - 1])
        }
        let coords = drawn.map { (x: sx($0.x), y: mapY($0.y)) }
        if coords.count >= 2 {
            doc.add(SVGElement.polyline(coords).stroke(Palette.okabeIto[0], width: 2.2)
                .attr("stroke-linejoin", "round").cssClass("loss-line"))
        }
        if let last = pts.last {
            let px = sx(last.x), py = mapY(last.y)
            doc.add(SVGElement.circle(cx: px, cy: py, r: 4.5).fill(Palette.okabeIto[3]).stroke("#ffffff", width: 1.2).cssClass("final-point"))
            let label = "final \(TickFormat.significant(last.y, digits: 4)) at iteration \(TickFormat.format(last.x))"
            let w = ChartText.width(label, size: ChartStyle.valueSize)
            var tx = px - 8, anchor = "end"
            var span = (lo: px - 8 - w - 4, hi: px + 4)
            if tx - w < plot.x + 4 { tx = px + 8; anchor = "start"; span = (px - 4, px + 8 + w + 4) }
            // Keep the label clear of the line: above the highest point under it, else below the lowest.
            let under = coords.filter { $0.x >= span.lo && $0.x <= span.hi }.map(\.y) + [py]
            var ty = (under.min() ?? py) - 10
            if ty - 12 < plot.y { ty = (under.max() ?? py) + 20 }
            ty = min(ty, plot.bottom - 4)
            doc.add(SVGElement.text(label, x: tx, y: ty, size: ChartStyle.valueSize, anchor: anchor, weight: "bold", color: ChartStyle.text)
                .attr("paint-order", "stroke").attr("stroke", "#ffffff").attr("stroke-width", "3")
                .cssClass("final-label"))
        }
        return doc.render()
    }
}
