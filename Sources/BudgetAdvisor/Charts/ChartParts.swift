/// A rectangle in SVG pixel coordinates (origin top-left).
struct PlotRect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// How a legend entry is drawn.
enum LegendSwatch {
    case square(String)
    case line(String, dash: String?)
    case circle(fill: String, stroke: String?)
    case cross(String)
    case ring(String)
}

/// Building blocks shared by the charts: header, axes, legends, colour bars.
enum ChartParts {
    /// Title (bold) and optional subtitle, left-aligned at `x`. Returns elements and the
    /// y coordinate just below the block.
    static func header(title: String, subtitle: String?, x: Double, maxWidth: Double) -> (elements: [SVGElement], bottom: Double) {
        var out: [SVGElement] = [
            .text(ChartText.truncate(title, maxWidth: maxWidth, size: ChartStyle.titleSize), x: x, y: 28,
                  size: ChartStyle.titleSize, weight: "bold", color: ChartStyle.text).cssClass("chart-title"),
        ]
        var bottom = 38.0
        if let subtitle, !subtitle.isEmpty {
            out.append(.text(ChartText.truncate(subtitle, maxWidth: maxWidth, size: ChartStyle.subtitleSize),
                             x: x, y: 48, size: ChartStyle.subtitleSize, color: ChartStyle.muted).cssClass("chart-subtitle"))
            bottom = 58
        }
        return (out, bottom)
    }

    /// Horizontal axis at the bottom of `plot`: vertical gridlines, ticks, labels, axis title.
    static func xAxis(plot: PlotRect, ticks: [(position: Double, label: String)], label: String?, grid: Bool = true) -> [SVGElement] {
        var out: [SVGElement] = []
        for t in ticks where t.position >= plot.x - 0.5 && t.position <= plot.right + 0.5 {
            if grid {
                out.append(SVGElement.line(x1: t.position, y1: plot.y, x2: t.position, y2: plot.bottom)
                    .stroke(Palette.grid, width: 1).cssClass("grid"))
            }
            out.append(SVGElement.line(x1: t.position, y1: plot.bottom, x2: t.position, y2: plot.bottom + 5)
                .stroke(Palette.axis, width: 1))
            out.append(.text(t.label, x: t.position, y: plot.bottom + 20, size: ChartStyle.tickSize,
                             anchor: "middle", color: ChartStyle.muted).cssClass("tick-label"))
        }
        out.append(SVGElement.line(x1: plot.x, y1: plot.bottom, x2: plot.right, y2: plot.bottom)
            .stroke(Palette.axis, width: 1).cssClass("axis"))
        if let label {
            out.append(.text(label, x: plot.x + plot.width / 2, y: plot.bottom + 42, size: ChartStyle.axisLabelSize,
                             anchor: "middle", color: ChartStyle.text).cssClass("axis-label"))
        }
        return out
    }

    /// Vertical axis at the left of `plot`. `labelOffset` is the distance from the axis to
    /// the rotated axis title (computed by the caller from the widest tick label).
    static func yAxis(plot: PlotRect, ticks: [(position: Double, label: String)], label: String?, grid: Bool = true) -> [SVGElement] {
        var out: [SVGElement] = []
        var widest = 0.0
        for t in ticks where t.position >= plot.y - 0.5 && t.position <= plot.bottom + 0.5 {
            if grid {
                out.append(SVGElement.line(x1: plot.x, y1: t.position, x2: plot.right, y2: t.position)
                    .stroke(Palette.grid, width: 1).cssClass("grid"))
            }
            out.append(SVGElement.line(x1: plot.x - 5, y1: t.position, x2: plot.x, y2: t.position)
                .stroke(Palette.axis, width: 1))
            out.append(.text(t.label, x: plot.x - 8, y: t.position + 4, size: ChartStyle.tickSize,
                             anchor: "end", color: ChartStyle.muted).cssClass("tick-label"))
            widest = max(widest, ChartText.width(t.label, size: ChartStyle.tickSize))
        }
        out.append(SVGElement.line(x1: plot.x, y1: plot.y, x2: plot.x, y2: plot.bottom)
            .stroke(Palette.axis, width: 1).cssClass("axis"))
        if let label {
            let x = plot.x - 8 - widest - 12
            out.append(.text(label, x: x, y: plot.y + plot.height / 2, size: ChartStyle.axisLabelSize,
                             anchor: "middle", color: ChartStyle.text, rotate: -90).cssClass("axis-label"))
        }
        return out
    }

    /// Space needed left of the plot for y tick labels and a rotated axis title.
    static func yAxisWidth(tickLabels: [String], hasTitle: Bool) -> Double {
        let widest = tickLabels.map { ChartText.width($0, size: ChartStyle.tickSize) }.max() ?? 0
        return 8 + widest + (hasTitle ? 12 + ChartStyle.axisLabelSize + 6 : 6)
    }

    /// A vertical colour bar: `steps` stacked rects from t = 0 (bottom) to 1 (top),
    /// labelled with `ticks` (t in 0...1) on the right and `label` above.
    static func colorBar(map: ContinuousColormap, x: Double, y: Double, width: Double, height: Double,
                         ticks: [(t: Double, label: String)], label: String, steps: Int = 64) -> [SVGElement] {
        var out: [SVGElement] = []
        out.append(.text(label, x: x, y: y - 10, size: ChartStyle.legendSize, weight: "bold", color: ChartStyle.text)
            .cssClass("legend-title"))
        let h = height / Double(steps)
        for i in 0..<steps {
            let t = (Double(i) + 0.5) / Double(steps)
            let top = y + height - Double(i + 1) * h
            // Overlap by 0.5px to avoid hairline seams in some renderers.
            out.append(SVGElement.rect(x: x, y: top - 0.25, width: width, height: h + 0.5).fill(map.color(at: t).hex))
        }
        out.append(SVGElement.rect(x: x, y: y, width: width, height: height).fill("none").stroke("#888888", width: 0.8))
        for tick in ticks {
            let ty = y + height - tick.t * height
            out.append(SVGElement.line(x1: x + width, y1: ty, x2: x + width + 4, y2: ty).stroke(Palette.axis, width: 1))
            out.append(.text(tick.label, x: x + width + 7, y: ty + 4, size: ChartStyle.tickSize, color: ChartStyle.muted))
        }
        return out
    }

    /// Size of a legend drawn by ``legend(title:items:x:y:)``.
    static func legendSize(title: String?, items: [(swatch: LegendSwatch, label: String)]) -> (width: Double, height: Double) {
        let textW = items.map { ChartText.width($0.label, size: ChartStyle.legendSize) }.max() ?? 0
        let titleW = title.map { ChartText.width($0, size: ChartStyle.legendSize) * 1.08 } ?? 0
        let w = max(28 + textW, titleW) + 16
        let h = Double(items.count) * 19 + (title == nil ? 0 : 19) + 10
        return (w, h)
    }

    /// A boxed vertical legend with its top-left corner at (x, y).
    static func legend(title: String?, items: [(swatch: LegendSwatch, label: String)], x: Double, y: Double) -> [SVGElement] {
        let size = legendSize(title: title, items: items)
        var out: [SVGElement] = [
            SVGElement.rect(x: x, y: y, width: size.width, height: size.height).fill("#ffffff")
                .attr("fill-opacity", "0.92").stroke("#cccccc", width: 0.8).attr("rx", "3"),
        ]
        var rowY = y + 5
        if let title {
            out.append(.text(title, x: x + 8, y: rowY + 13, size: ChartStyle.legendSize, weight: "bold", color: ChartStyle.text)
                .cssClass("legend-title"))
            rowY += 19
        }
        for item in items {
            let cy = rowY + 9.5, cx = x + 8 + 10
            switch item.swatch {
            case .square(let c):
                out.append(SVGElement.rect(x: cx - 6, y: cy - 6, width: 12, height: 12).fill(c))
            case .line(let c, let dash):
                var l = SVGElement.line(x1: cx - 9, y1: cy, x2: cx + 9, y2: cy).stroke(c, width: 2.5)
                if let dash { l = l.attr("stroke-dasharray", dash) }
                out.append(l)
            case .circle(let fill, let stroke):
                var c = SVGElement.circle(cx: cx, cy: cy, r: 5).fill(fill)
                if let stroke { c = c.stroke(stroke, width: 1) }
                out.append(c)
            case .cross(let c):
                out.append(crossMark(cx: cx, cy: cy, r: 4.5, color: c))
            case .ring(let c):
                out.append(SVGElement.circle(cx: cx, cy: cy, r: 6.5).fill("none").stroke(c, width: 1.6))
            }
            out.append(.text(item.label, x: x + 8 + 24, y: cy + 4, size: ChartStyle.legendSize, color: ChartStyle.text)
                .cssClass("legend-label"))
            rowY += 19
        }
        return [SVGElement.group(out, cssClass: "legend")]
    }

    /// An "×" marker centred at (cx, cy) with arm half-length `r`.
    static func crossMark(cx: Double, cy: Double, r: Double, color: String, width: Double = 2.2) -> SVGElement {
        var p = SVGPath()
        p.move(cx - r, cy - r); p.line(cx + r, cy + r)
        p.move(cx - r, cy + r); p.line(cx + r, cy - r)
        return SVGElement.path(p.d).fill("none").stroke(color, width: width).attr("stroke-linecap", "round")
    }
}
