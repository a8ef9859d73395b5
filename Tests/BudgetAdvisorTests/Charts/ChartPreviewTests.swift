import Foundation
import Testing
@testable import BudgetAdvisor

/// Writes sample charts to /tmp/charts-preview for visual inspection.
/// Run with `CHARTS_PREVIEW=1 swift test --filter ChartPreview`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["CHARTS_PREVIEW"] != nil))
func chartPreviewWritesSamples() throws {
    let dir = URL(fileURLWithPath: "/tmp/charts-preview")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var sections: [HTMLReport.Section] = []
    for chart in ChartFixtures.allCharts() {
        try chart.svg.write(to: dir.appendingPathComponent(chart.name + ".svg"), atomically: true, encoding: .utf8)
        sections.append(.init(heading: chart.name, content: .svg(chart.svg)))
    }
    let table = HTMLReport.table(headers: ["Segment", "Spend", "Conversions"],
                                 rows: ChartFixtures.segments.map { [$0.name, "$" + TickFormat.format($0.spend), TickFormat.value($0.expectedConversions)] })
    sections.insert(.init(heading: "Allocation table", content: .html(table)), at: 0)
    let html = HTMLReport(title: "Budget advisor preview", subtitle: "Sample data", sections: sections).render()
    try html.write(to: dir.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
    let terminal = TerminalCharts.sparkline(values: ChartFixtures.loss(200), width: 50) + "\n"
        + TerminalCharts.sparkline(values: ChartFixtures.loss(200).map { $0 - 0.41 }, width: 50, logScale: true) + "\n"
        + TerminalCharts.bars(labels: ChartFixtures.segments.map(\.name), values: ChartFixtures.segments.map(\.spend), width: 30)
    try terminal.write(to: dir.appendingPathComponent("terminal.txt"), atomically: true, encoding: .utf8)
}
