/// One segment's planned spend and expected conversions.
public struct AllocationBar: Sendable, Equatable {
    /// Segment name (shown as category label; long names are truncated with `…`).
    public var name: String
    /// Planned spend (currency units).
    public var spend: Double
    /// Expected conversions at that spend.
    public var expectedConversions: Double

    /// Creates a segment row.
    public init(name: String, spend: Double, expectedConversions: Double) {
        self.name = name
        self.spend = spend
        self.expectedConversions = expectedConversions
    }
}

/// Two side-by-side horizontal bar panels sharing segment rows: spend (left) and
/// expected conversions (right), each bar labelled with its value.
public struct AllocationBarChart: Sendable {
    /// Chart title.
    public var title = "Budget allocation by segment"
    /// Optional subtitle; defaults to the totals.
    public var subtitle: String? = nil
    /// Prefix for money values.
    public var currencySymbol = "$"
    /// Image width (px).
    public var width = 860.0
    /// Height of one segment row (px).
    public var rowHeight = 30.0
    /// Maximum width of the category label column (px).
    public var maxLabelWidth = 180.0

    /// Creates a chart with default settings.
    public init() {}

    /// Renders one row per segment, in the given order. Negative values are drawn as 0.
    public func render(segments: [AllocationBar]) -> String {
        let labelSize = ChartStyle.tickSize + 1
        let names = segments.map { ChartText.truncate($0.name, maxWidth: maxLabelWidth, size: labelSize) }
        let labelW = min(maxLabelWidth, names.map { ChartText.width($0, size: labelSize) }.max() ?? 40)
        let totalSpend = segments.map { max(0, $0.spend) }.reduce(0, +)
        let totalConv = segments.map { max(0, $0.expectedConversions) }.reduce(0, +)
        let sub = subtitle ?? "Total spend \(money(totalSpend)) · expected conversions \(TickFormat.value(totalConv)) · \(segments.count) segments"
        let header = ChartParts.header(title: title, subtitle: sub, x: 16, maxWidth: width - 32)

        let panelTop = header.bottom + 40
        let n = max(segments.count, 1)
        let height = panelTop + Double(n) * rowHeight + 56
        let left = 16 + labelW + 10
        let gap = 52.0
        let panelW = (width - left - 36 - gap) / 2
        let spendPanel = PlotRect(x: left, y: panelTop, width: panelW, height: Double(n) * rowHeight)
        let convPanel = PlotRect(x: left + panelW + gap, y: panelTop, width: panelW, height: Double(n) * rowHeight)

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(contentsOf: header.elements)
        doc.add(contentsOf: panel(plot: spendPanel, values: segments.map(\.spend), heading: "Spend (\(currencySymbol))",
                                  color: Palette.okabeIto[0], format: money, tickPrefix: currencySymbol, cssClass: "bar spend"))
        doc.add(contentsOf: panel(plot: convPanel, values: segments.map(\.expectedConversions), heading: "Expected conversions",
                                  color: Palette.okabeIto[1], format: TickFormat.value, tickPrefix: "", cssClass: "bar conversions"))
        for (i, name) in names.enumerated() {
            var t = SVGElement.text(name, x: left - 10, y: panelTop + (Double(i) + 0.5) * rowHeight + 4.5, size: labelSize,
                                    anchor: "end", color: ChartStyle.text).cssClass("category-label")
            if name != segments[i].name { t = t.tooltip(segments[i].name) }
            doc.add(t)
        }
        return doc.render()
    }

    func money(_ v: Double) -> String {
        let s = abs(v) >= 100 || v == v.rounded() ? TickFormat.format(v, decimals: 0) : TickFormat.format(v, decimals: 2)
        return s.hasPrefix("-") ? "-" + currencySymbol + s.dropFirst() : currencySymbol + s
    }

    private func panel(plot: PlotRect, values: [Double], heading: String, color: String,
                       format: (Double) -> String, tickPrefix: String, cssClass: String) -> [SVGElement] {
        let vmax = values.map { $0.isFinite ? max(0, $0) : 0 }.max() ?? 0
        let labelRoom = (values.map { ChartText.width(format(max(0, $0)), size: ChartStyle.valueSize) }.max() ?? 0) + 10
        // Leave space right of the longest bar for its label.
        let fraction = max(0.4, (plot.width - labelRoom) / plot.width)
        let dom = niceDomain(min: 0, max: vmax > 0 ? vmax / fraction : 1, count: 4)
        let sx = LinearScale(domain: (0, dom.max), range: (plot.x, plot.right))
        var out: [SVGElement] = [
            .text(heading, x: plot.x, y: plot.y - 12, size: ChartStyle.axisLabelSize, weight: "bold", color: ChartStyle.text)
                .cssClass("panel-title"),
        ]
        let ticks = dom.ticks.values.map { (sx($0), tickPrefix + TickFormat.tickLabel($0, step: dom.ticks.step)) }
        out += ChartParts.xAxis(plot: plot, ticks: ticks, label: nil)
        let barH = rowHeight * 0.68
        for (i, raw) in values.enumerated() {
            let v = raw.isFinite ? max(0, raw) : 0
            let y = plot.y + Double(i) * rowHeight + (rowHeight - barH) / 2
            let x1 = sx(v)
            out.append(SVGElement.rect(x: plot.x, y: y, width: x1 - plot.x, height: barH).fill(color).cssClass(cssClass)
                .tooltip(format(v)))
            let label = format(v)
            let w = ChartText.width(label, size: ChartStyle.valueSize)
            if x1 + 5 + w <= plot.right + 20 {
                out.append(.text(label, x: x1 + 5, y: y + barH / 2 + 4, size: ChartStyle.valueSize, color: ChartStyle.text).cssClass("value-label"))
            } else {
                out.append(.text(label, x: x1 - 5, y: y + barH / 2 + 4, size: ChartStyle.valueSize, anchor: "end",
                                 color: RGBColor(hex: color).contrastingText).cssClass("value-label"))
            }
        }
        // Baseline on top of bars.
        out.append(SVGElement.line(x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.bottom).stroke(Palette.axis, width: 1))
        return out
    }
}
