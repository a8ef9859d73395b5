/// One sample of a response curve.
public struct ResponsePoint: Sendable, Equatable {
    /// Spend in the segment.
    public var spend: Double
    /// Expected conversions at that spend.
    public var conversions: Double
    /// Creates a sample.
    public init(spend: Double, conversions: Double) {
        self.spend = spend
        self.conversions = conversions
    }
}

/// A segment's expected-conversions curve and the spend the optimiser chose.
public struct ResponseCurve: Sendable, Equatable {
    /// Segment name.
    public var name: String
    /// Samples, in any order (sorted by spend when drawn).
    public var points: [ResponsePoint]
    /// The chosen allocation, marked with a dot and label.
    public var chosen: ResponsePoint?

    /// Creates a curve.
    public init(name: String, points: [ResponsePoint], chosen: ResponsePoint? = nil) {
        self.name = name
        self.points = points
        self.chosen = chosen
    }

    /// Creates a curve from `(spend, conversions)` tuples.
    public init(name: String, samples: [(spend: Double, conversions: Double)], chosen: (spend: Double, conversions: Double)? = nil) {
        self.init(name: name, points: samples.map { ResponsePoint(spend: $0.spend, conversions: $0.conversions) },
                  chosen: chosen.map { ResponsePoint(spend: $0.spend, conversions: $0.conversions) })
    }
}

/// Expected conversions against spend, one line per segment, chosen allocations marked.
/// At most ``maxSegments`` curves are drawn (those with the most chosen conversions).
public struct ResponseCurvesChart: Sendable {
    /// Chart title.
    public var title = "Response curves by segment"
    /// Optional subtitle (a note is appended when segments are dropped).
    public var subtitle: String? = nil
    /// Horizontal axis title.
    public var xLabel = "Segment spend"
    /// Vertical axis title.
    public var yLabel = "Expected conversions"
    /// Prefix for money values.
    public var currencySymbol = "$"
    /// Maximum number of curves (distinct colours).
    public var maxSegments = 10
    /// Image width (px).
    public var width = 860.0
    /// Image height (px).
    public var height = 500.0

    /// Creates a chart with default settings.
    public init() {}

    /// The curves drawn: the top ``maxSegments`` by chosen (else peak) conversions, original order kept.
    public func selected(_ curves: [ResponseCurve]) -> [ResponseCurve] {
        guard curves.count > maxSegments else { return curves }
        func score(_ c: ResponseCurve) -> Double {
            c.chosen?.conversions ?? c.points.map(\.conversions).max() ?? 0
        }
        let keep = Set(curves.indices.sorted { (score(curves[$0]), -$0) > (score(curves[$1]), -$1) }.prefix(maxSegments))
        return curves.indices.filter { keep.contains($0) }.map { curves[$0] }
    }

    /// Renders the curves.
    public func render(curves all: [ResponseCurve]) -> String {
        let curves = selected(all)
        var sub = subtitle ?? "Dot = chosen spend"
        if all.count > curves.count {
            sub += " · showing top \(curves.count) of \(all.count) segments by expected conversions"
        }
        let header = ChartParts.header(title: title, subtitle: sub, x: 16, maxWidth: width - 32)
        let allPts = curves.flatMap { $0.points + ($0.chosen.map { [$0] } ?? []) }.filter { $0.spend.isFinite && $0.conversions.isFinite }
        let xd = niceDomain(min: min(0, allPts.map(\.spend).min() ?? 0), max: allPts.map(\.spend).max() ?? 1, count: 6)
        let yd = niceDomain(min: min(0, allPts.map(\.conversions).min() ?? 0), max: allPts.map(\.conversions).max() ?? 1, count: 5)
        let yLabels = yd.ticks.values.map { TickFormat.tickLabel($0, step: yd.ticks.step) }
        let colors = Palette.categorical(curves.count)
        let legendItems: [(swatch: LegendSwatch, label: String)] = curves.enumerated().map { i, c in
            (.line(colors[i], dash: Palette.dash(forIndex: i)), ChartText.truncate(c.name, maxWidth: 150, size: ChartStyle.legendSize))
        }
        let legend = ChartParts.legendSize(title: "Segment", items: legendItems)
        let left = 16 + ChartParts.yAxisWidth(tickLabels: yLabels, hasTitle: true)
        let plot = PlotRect(x: left, y: header.bottom + 16, width: width - left - legend.width - 36,
                            height: height - header.bottom - 16 - 58)
        let sx = LinearScale(domain: (xd.min, xd.max), range: (plot.x, plot.right))
        let sy = LinearScale(domain: (yd.min, yd.max), range: (plot.bottom, plot.y))

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(contentsOf: header.elements)
        doc.add(contentsOf: ChartParts.yAxis(plot: plot, ticks: zip(yd.ticks.values, yLabels).map { (sy($0.0), $0.1) }, label: yLabel))
        doc.add(contentsOf: ChartParts.xAxis(plot: plot, ticks: xd.ticks.values.map {
            (sx($0), currencySymbol + TickFormat.tickLabel($0, step: xd.ticks.step))
        }, label: xLabel))

        var lines: [SVGElement] = [], dots: [SVGElement] = []
        // Labels of the chosen spends: right of the dot (left near the edge), then moved apart vertically so no
        // two overlap, with a thin leader line back to the dot from a label that moved.
        var marks: [(index: Int, x: Double, y: Double, text: String)] = []
        var wanted: [LabelPlacement.Label] = []
        for (i, c) in curves.enumerated() {
            let pts = c.points.filter { $0.spend.isFinite && $0.conversions.isFinite }.sorted { $0.spend < $1.spend }
            var line = SVGElement.polyline(pts.map { (sx($0.spend), sy($0.conversions)) })
                .stroke(colors[i], width: 2.2).attr("stroke-linejoin", "round").cssClass("curve").tooltip(c.name)
            if let d = Palette.dash(forIndex: i) { line = line.attr("stroke-dasharray", d) }
            lines.append(line)
            guard let ch = c.chosen, ch.spend.isFinite, ch.conversions.isFinite else { continue }
            let px = sx(ch.spend), py = sy(ch.conversions)
            dots.append(SVGElement.circle(cx: px, cy: py, r: 5).fill(colors[i]).stroke("#ffffff", width: 1.5).cssClass("chosen")
                .tooltip("\(c.name): \(money(ch.spend)) → \(TickFormat.value(ch.conversions)) conversions"))
            let text = money(ch.spend)
            let w = ChartText.width(text, size: ChartStyle.valueSize)
            var x = px + 8
            if x + w > plot.right - 2 { x = px - 8 - w }
            marks.append((i, px, py, text))
            wanted.append(LabelPlacement.Label(x: x, width: w, baseline: py + 4))
        }
        let placement = LabelPlacement(lineHeight: Self.labelLineHeight, ascent: Self.labelAscent, top: plot.y, bottom: plot.bottom)
        let baselines = placement.baselines(wanted)
        var leaders: [SVGElement] = [], labels: [SVGElement] = []
        for (k, mark) in marks.enumerated() {
            let label = wanted[k], y = baselines[k]
            if abs(y - label.baseline) > 0.5 {
                let end = label.x > mark.x ? label.x - 2 : label.x + label.width + 2
                leaders.append(SVGElement.line(x1: mark.x, y1: mark.y, x2: end, y2: y - Self.labelAscent + Self.labelLineHeight / 2)
                    .stroke(colors[mark.index], width: 1).cssClass("label-leader"))
            }
            labels.append(.text(mark.text, x: label.x, y: y, size: ChartStyle.valueSize, weight: "bold", color: colors[mark.index])
                .attr("paint-order", "stroke").attr("stroke", "#ffffff").attr("stroke-width", "3").cssClass("chosen-label"))
        }
        doc.add(SVGElement.group(lines, cssClass: "curves"))
        if !leaders.isEmpty { doc.add(SVGElement.group(leaders, cssClass: "label-leaders")) }
        doc.add(SVGElement.group(dots, cssClass: "chosen-points"))
        doc.add(SVGElement.group(labels, cssClass: "chosen-labels"))
        doc.add(contentsOf: ChartParts.legend(title: "Segment", items: legendItems, x: plot.right + 20, y: plot.y))
        return doc.render()
    }

    /// Baseline-to-baseline distance of stacked spend labels (their font size plus a little air).
    static let labelLineHeight = ChartStyle.valueSize + 2
    /// Height of a spend label above its baseline.
    static let labelAscent = ChartStyle.valueSize - 1

    func money(_ v: Double) -> String {
        let s = TickFormat.format(v, decimals: abs(v) >= 100 ? 0 : 2)
        return s.hasPrefix("-") ? "-" + currencySymbol + s.dropFirst() : currencySymbol + s
    }
}
