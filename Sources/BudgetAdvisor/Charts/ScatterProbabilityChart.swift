import Foundation

/// One customer drawn in a ``ScatterProbabilityChart``.
public struct ScatterPoint: Sendable, Equatable {
    /// Horizontal value (advertising budget).
    public var x: Double
    /// Vertical value (user interest).
    public var y: Double
    /// Observed class (0 = not converted, 1 = converted).
    public var trueLabel: Int
    /// Model prediction (0 or 1).
    public var predictedLabel: Int

    /// Creates a point.
    public init(x: Double, y: Double, trueLabel: Int, predictedLabel: Int) {
        self.x = x
        self.y = y
        self.trueLabel = trueLabel
        self.predictedLabel = predictedLabel
    }

    /// Whether the prediction differs from the observed label.
    public var isMisclassified: Bool { (trueLabel != 0) != (predictedLabel != 0) }
}

/// A straight decision boundary `intercept + xCoefficient·x + yCoefficient·y = 0`
/// (the P = 0.5 line of a logistic model restricted to the two plotted features).
public struct LinearBoundary: Sendable, Equatable {
    /// Constant term.
    public var intercept: Double
    /// Weight of the horizontal feature.
    public var xCoefficient: Double
    /// Weight of the vertical feature.
    public var yCoefficient: Double

    /// Creates a boundary.
    public init(intercept: Double, xCoefficient: Double, yCoefficient: Double) {
        self.intercept = intercept
        self.xCoefficient = xCoefficient
        self.yCoefficient = yCoefficient
    }
}

/// Scatter of customers over a shaded predicted-probability surface with the 0.5
/// decision boundary. Colour = true label, marker = predicted label, ring = misclassified.
public struct ScatterProbabilityChart: Sendable {
    /// Chart title.
    public var title = "Predicted conversion probability"
    /// Optional subtitle (a note about subsampling is appended when points are capped).
    public var subtitle: String? = nil
    /// Horizontal axis title.
    public var xLabel = "Advertising budget"
    /// Vertical axis title.
    public var yLabel = "User interest"
    /// Names for class 0 and class 1.
    public var classNames = ["not converted", "converted"]
    /// Horizontal data range; `nil` = data extent padded by 3 %.
    public var xDomain: ClosedRange<Double>? = nil
    /// Vertical data range; `nil` = data extent padded by 3 %.
    public var yDomain: ClosedRange<Double>? = nil
    /// Background grid columns.
    public var gridColumns = 60
    /// Background grid rows.
    public var gridRows = 40
    /// Maximum points drawn; larger inputs are subsampled deterministically (evenly spaced indices).
    public var maxPoints = 2000
    /// Exact decision line; when `nil` the 0.5 contour of the probability surface is traced.
    public var linearBoundary: LinearBoundary? = nil
    /// Image width (px).
    public var width = 780.0
    /// Image height (px).
    public var height = 520.0

    /// Creates a chart with default settings; adjust properties before calling ``render(points:probability:)``.
    public init() {}

    /// Deterministic subsample: `limit` evenly spaced indices into `0..<count` (all when under the limit).
    public static func sampleIndices(count: Int, limit: Int) -> [Int] {
        guard count > limit, limit > 0 else { return Array(0..<max(0, count)) }
        return (0..<limit).map { Int((Double($0) * Double(count) / Double(limit)).rounded(.down)) }
    }

    /// Renders the chart. `probability(x, y)` is sampled on the grid (values clamped to 0...1).
    public func render(points: [ScatterPoint], probability: (Double, Double) -> Double) -> String {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xd = xDomain ?? Self.paddedExtent(finite.map(\.x), fallback: 0...1)
        let yd = yDomain ?? Self.paddedExtent(finite.map(\.y), fallback: 0...1)
        let xt = niceTickSpec(min: xd.lowerBound, max: xd.upperBound, count: 6)
        let yt = niceTickSpec(min: yd.lowerBound, max: yd.upperBound, count: 5)
        let yLabels = yt.values.map { TickFormat.tickLabel($0, step: yt.step) }

        // Layout.
        let legendColumn = 190.0
        let left = 16 + ChartParts.yAxisWidth(tickLabels: yLabels, hasTitle: true)
        let sampled = Self.sampleIndices(count: finite.count, limit: maxPoints)
        var sub = subtitle ?? ""
        let misses = sampled.filter { finite[$0].isMisclassified }.count
        let counts = "\(TickFormat.format(Double(sampled.count))) customers, \(TickFormat.format(Double(misses))) misclassified"
        if finite.count > sampled.count {
            let note = "showing \(TickFormat.format(Double(sampled.count))) of \(TickFormat.format(Double(finite.count))) customers (evenly spaced subsample), \(TickFormat.format(Double(misses))) misclassified"
            sub = sub.isEmpty ? note.prefix(1).uppercased() + note.dropFirst() : sub + " · " + note
        } else if sub.isEmpty {
            sub = counts.prefix(1).uppercased() + counts.dropFirst()
        }
        let header = ChartParts.header(title: title, subtitle: sub, x: 16, maxWidth: width - 32)
        let plot = PlotRect(x: left, y: header.bottom + 14, width: width - left - legendColumn - 16,
                            height: height - header.bottom - 14 - 56)
        let sx = LinearScale(domain: (xd.lowerBound, xd.upperBound), range: (plot.x, plot.right))
        let sy = LinearScale(domain: (yd.lowerBound, yd.upperBound), range: (plot.bottom, plot.y))
        let cmap = ContinuousColormap.viridis.lightened(0.5)

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(contentsOf: header.elements)

        // Probability surface.
        let nx = max(1, gridColumns), ny = max(1, gridRows)
        let cw = plot.width / Double(nx), ch = plot.height / Double(ny)
        var cells: [SVGElement] = []
        cells.reserveCapacity(nx * ny)
        for r in 0..<ny {
            for c in 0..<nx {
                let px = plot.x + (Double(c) + 0.5) * cw, py = plot.bottom - (Double(r) + 0.5) * ch
                let p = Self.clamp01(probability(sx.invert(px), sy.invert(py)))
                cells.append(SVGElement.rect(x: plot.x + Double(c) * cw, y: plot.bottom - Double(r + 1) * ch,
                                             width: cw + 0.3, height: ch + 0.3)
                    .fill(cmap.color(at: p).hex).cssClass("cell"))
            }
        }
        doc.add(SVGElement.group(cells, cssClass: "surface").attr("shape-rendering", "crispEdges"))

        // Axes and light gridlines on top of the surface (semi-transparent).
        let xTicks = xt.values.map { (sx($0), TickFormat.tickLabel($0, step: xt.step)) }
        let yTicks = zip(yt.values, yLabels).map { (sy($0.0), $0.1) }
        doc.add(SVGElement.group(ChartParts.xAxis(plot: plot, ticks: xTicks, label: xLabel, grid: true)
            + ChartParts.yAxis(plot: plot, ticks: yTicks, label: yLabel, grid: true)).attr("stroke-opacity", "1"))

        // Decision boundary.
        var boundary = SVGPath()
        if let lb = linearBoundary {
            if let seg = Self.clip(lb, x: xd, y: yd) {
                boundary.move(sx(seg.0.x), sy(seg.0.y))
                boundary.line(sx(seg.1.x), sy(seg.1.y))
            }
        } else {
            var corners: [[Double]] = []
            for r in 0...ny {
                var row: [Double] = []
                for c in 0...nx {
                    row.append(Self.clamp01(probability(sx.invert(plot.x + Double(c) * cw), sy.invert(plot.bottom - Double(r) * ch))))
                }
                corners.append(row)
            }
            for s in MarchingSquares.contour(values: corners, level: 0.5) {
                boundary.move(plot.x + s.from.x * cw, plot.bottom - s.from.y * ch)
                boundary.line(plot.x + s.to.x * cw, plot.bottom - s.to.y * ch)
            }
        }
        if !boundary.d.isEmpty {
            doc.add(SVGElement.path(boundary.d).fill("none").stroke("#ffffff", width: 4.5).attr("stroke-linecap", "round"))
            doc.add(SVGElement.path(boundary.d).fill("none").stroke("#111111", width: 2).attr("stroke-dasharray", "7 4")
                .attr("stroke-linecap", "round").cssClass("boundary"))
        }

        // Points: correctly classified first, misclassified on top with a ring.
        var marks: [SVGElement] = []
        let ordered = sampled.filter { !finite[$0].isMisclassified } + sampled.filter { finite[$0].isMisclassified }
        for i in ordered {
            let p = finite[i]
            let cx = sx(p.x), cy = sy(p.y)
            let color = p.trueLabel != 0 ? Palette.positive : Palette.negative
            if p.isMisclassified {
                marks.append(SVGElement.circle(cx: cx, cy: cy, r: 7.5).fill("none").stroke("#111111", width: 1.4).cssClass("miss-ring"))
            }
            if p.predictedLabel != 0 {
                marks.append(SVGElement.circle(cx: cx, cy: cy, r: 4.2).fill(color).stroke("#ffffff", width: 0.9).cssClass("point"))
            } else {
                marks.append(ChartParts.crossMark(cx: cx, cy: cy, r: 3.8, color: "#ffffff", width: 4.2))
                marks.append(ChartParts.crossMark(cx: cx, cy: cy, r: 3.8, color: color, width: 2.2).cssClass("point"))
            }
        }
        doc.add(SVGElement.group(marks, cssClass: "points"))
        doc.add(SVGElement.rect(x: plot.x, y: plot.y, width: plot.width, height: plot.height).fill("none").stroke(Palette.axis, width: 1))

        // Legends and colour bar.
        let lx = plot.right + 18
        let name0 = classNames.count > 0 ? classNames[0] : "class 0"
        let name1 = classNames.count > 1 ? classNames[1] : "class 1"
        let trueItems: [(swatch: LegendSwatch, label: String)] = [
            (.square(Palette.negative), ChartText.truncate(name0, maxCharacters: 20)),
            (.square(Palette.positive), ChartText.truncate(name1, maxCharacters: 20)),
        ]
        let predItems: [(swatch: LegendSwatch, label: String)] = [
            (.circle(fill: "#666666", stroke: nil), ChartText.truncate(name1, maxCharacters: 20)),
            (.cross("#666666"), ChartText.truncate(name0, maxCharacters: 20)),
            (.ring("#111111"), "misclassified"),
            (.line("#111111", dash: "7 4"), "P = 0.5 boundary"),
        ]
        doc.add(contentsOf: ChartParts.legend(title: "True label (colour)", items: trueItems, x: lx, y: plot.y))
        let h1 = ChartParts.legendSize(title: "x", items: trueItems).height
        doc.add(contentsOf: ChartParts.legend(title: "Predicted (marker)", items: predItems, x: lx, y: plot.y + h1 + 10))
        let h2 = ChartParts.legendSize(title: "x", items: predItems).height
        let barTop = plot.y + h1 + h2 + 20 + 28
        let barHeight = max(60, min(150, plot.bottom - barTop))
        let barTicks: [(t: Double, label: String)] = [0, 0.25, 0.5, 0.75, 1].map { ($0, TickFormat.compact($0)) }
        doc.add(SVGElement.group(ChartParts.colorBar(map: cmap, x: lx + 2, y: barTop, width: 16, height: barHeight,
                                                     ticks: barTicks, label: "P(convert)"), cssClass: "colorbar"))
        return doc.render()
    }

    static func clamp01(_ v: Double) -> Double { v.isNaN ? 0 : min(1, max(0, v)) }

    static func paddedExtent(_ values: [Double], fallback: ClosedRange<Double>) -> ClosedRange<Double> {
        guard let lo = values.min(), let hi = values.max() else { return fallback }
        if lo == hi { return (lo - (lo == 0 ? 1 : abs(lo) * 0.1))...(hi + (hi == 0 ? 1 : abs(hi) * 0.1)) }
        let pad = (hi - lo) * 0.03
        return (lo - pad)...(hi + pad)
    }

    /// The part of a linear boundary inside the domain rectangle, if any.
    static func clip(_ b: LinearBoundary, x: ClosedRange<Double>, y: ClosedRange<Double>) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        var pts: [(x: Double, y: Double)] = []
        let eps = 1e-9
        if b.yCoefficient != 0 {
            for xv in [x.lowerBound, x.upperBound] {
                let yv = -(b.intercept + b.xCoefficient * xv) / b.yCoefficient
                if yv >= y.lowerBound - eps && yv <= y.upperBound + eps { pts.append((xv, yv)) }
            }
        }
        if b.xCoefficient != 0 {
            for yv in [y.lowerBound, y.upperBound] {
                let xv = -(b.intercept + b.yCoefficient * yv) / b.xCoefficient
                if xv >= x.lowerBound - eps && xv <= x.upperBound + eps { pts.append((xv, yv)) }
            }
        }
        guard pts.count >= 2 else { return nil }
        var best = (pts[0], pts[1]), bestD = -1.0
        for i in 0..<pts.count { for j in (i + 1)..<pts.count {
            let d = pow(pts[i].x - pts[j].x, 2) + pow(pts[i].y - pts[j].y, 2)
            if d > bestD { bestD = d; best = (pts[i], pts[j]) }
        } }
        return bestD > 0 ? best : nil
    }
}
