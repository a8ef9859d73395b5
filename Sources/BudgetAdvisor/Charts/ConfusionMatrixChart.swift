/// A k × k confusion matrix heat map: counts and row percentages per cell,
/// rows = true label, columns = predicted label, colour = row percentage.
public struct ConfusionMatrixChart: Sendable {
    /// Chart title.
    public var title = "Confusion matrix"
    /// Optional subtitle; defaults to the total and accuracy.
    public var subtitle: String? = nil
    /// Class names in index order (missing names become "class i").
    public var classNames = ["not converted", "converted"]
    /// Side of one cell (px).
    public var cellSize = 120.0
    /// Colour map for row percentages.
    public var colormap = ContinuousColormap.blues

    /// Creates a chart with default settings.
    public init() {}

    /// Renders `counts[trueClass][predictedClass]`. Ragged rows are padded with zeros.
    public func render(counts: [[Int]]) -> String {
        let k = max(counts.count, counts.map(\.count).max() ?? 0, 1)
        let m: [[Int]] = (0..<k).map { r in (0..<k).map { c in r < counts.count && c < counts[r].count ? max(0, counts[r][c]) : 0 } }
        let names = (0..<k).map { $0 < classNames.count ? classNames[$0] : "class \($0)" }
        let labelSize = ChartStyle.tickSize + 1
        let rowNames = names.map { ChartText.truncate($0, maxWidth: 150, size: labelSize) }
        let colNames = names.map { ChartText.truncate($0, maxWidth: cellSize - 8, size: labelSize) }
        let total = m.flatMap { $0 }.reduce(0, +)
        let correct = (0..<k).map { m[$0][$0] }.reduce(0, +)
        let sub = subtitle ?? (total > 0
            ? "\(TickFormat.format(Double(total))) customers · accuracy \(TickFormat.format(100 * Double(correct) / Double(total), decimals: 1)) % · cell colour = share of the true-label row"
            : "no data")

        let rowLabelW = rowNames.map { ChartText.width($0, size: labelSize) }.max() ?? 0
        let left = 16 + ChartStyle.axisLabelSize + 14 + rowLabelW + 10
        let gridW = cellSize * Double(k)
        let width = max(left + gridW + 100, min(ChartText.width(sub, size: ChartStyle.subtitleSize) + 32, 640))
        let header = ChartParts.header(title: title, subtitle: sub, x: 16, maxWidth: width - 32)
        let top = header.bottom + 18
        let height = top + gridW + 64
        let plot = PlotRect(x: left, y: top, width: gridW, height: gridW)

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.add(contentsOf: header.elements)
        var cells: [SVGElement] = []
        for r in 0..<k {
            let rowTotal = m[r].reduce(0, +)
            for c in 0..<k {
                let share = rowTotal > 0 ? Double(m[r][c]) / Double(rowTotal) : 0
                let color = colormap.color(at: share)
                let x = plot.x + Double(c) * cellSize, y = plot.y + Double(r) * cellSize
                let textColor = color.contrastingText
                cells.append(SVGElement.rect(x: x, y: y, width: cellSize, height: cellSize).fill(color.hex)
                    .stroke("#ffffff", width: 2).cssClass("cell")
                    .tooltip("true \(names[r]), predicted \(names[c]): \(m[r][c])"))
                cells.append(.text(TickFormat.format(Double(m[r][c])), x: x + cellSize / 2, y: y + cellSize / 2 + 2,
                                   size: 20, anchor: "middle", weight: "bold", color: textColor).cssClass("cell-count"))
                let pct = rowTotal > 0 ? TickFormat.format(share * 100, decimals: 1) + " %" : "–"
                cells.append(.text(pct, x: x + cellSize / 2, y: y + cellSize / 2 + 22, size: 13, anchor: "middle",
                                   color: textColor).cssClass("cell-percent"))
            }
        }
        doc.add(SVGElement.group(cells, cssClass: "matrix"))
        // Class names.
        for i in 0..<k {
            doc.add(.text(rowNames[i], x: plot.x - 10, y: plot.y + (Double(i) + 0.5) * cellSize + 4, size: labelSize, anchor: "end", color: ChartStyle.text)
                .cssClass("tick-label"))
            doc.add(.text(colNames[i], x: plot.x + (Double(i) + 0.5) * cellSize, y: plot.bottom + 20, size: labelSize, anchor: "middle", color: ChartStyle.text)
                .cssClass("tick-label"))
        }
        doc.add(.text("Predicted label", x: plot.x + gridW / 2, y: plot.bottom + 46, size: ChartStyle.axisLabelSize,
                      anchor: "middle", weight: "bold", color: ChartStyle.text).cssClass("axis-label"))
        doc.add(.text("True label", x: 16 + ChartStyle.axisLabelSize, y: plot.y + gridW / 2, size: ChartStyle.axisLabelSize,
                      anchor: "middle", weight: "bold", color: ChartStyle.text, rotate: -90).cssClass("axis-label"))
        let ticks: [(t: Double, label: String)] = [0, 0.25, 0.5, 0.75, 1].map { ($0, "\(Int($0 * 100)) %") }
        doc.add(SVGElement.group(ChartParts.colorBar(map: colormap, x: plot.right + 24, y: plot.y + 18, width: 16,
                                                     height: gridW - 18, ticks: ticks, label: "Row %"), cssClass: "colorbar"))
        return doc.render()
    }
}
