import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct ChartRenderingTests {
    @Test func everyChartParsesAsXML() {
        for chart in ChartFixtures.allCharts() {
            #expect(xmlParseError(chart.svg) == nil, "\(chart.name)")
            #expect(chart.svg.contains("viewBox"), "\(chart.name)")
            #expect(chart.svg.contains("class=\"chart-title\""), "\(chart.name)")
        }
    }

    @Test func fontSizesAreReadable() {
        for chart in ChartFixtures.allCharts() {
            let sizes = chart.svg.components(separatedBy: "font-size=\"").dropFirst()
                .compactMap { Double($0.prefix { $0 != "\"" }) }
            #expect(!sizes.isEmpty)
            #expect(sizes.allSatisfy { $0 >= 12 }, "\(chart.name)")
        }
    }

    @Test func scatterDrawsOnePointPerCustomerAndAllCells() {
        var chart = ScatterProbabilityChart()
        chart.gridColumns = 60
        chart.gridRows = 40
        let pts = ChartFixtures.points(300)
        let svg = chart.render(points: pts, probability: ChartFixtures.probability)
        #expect(occurrences(of: "class=\"point\"", in: svg) == 300)
        #expect(occurrences(of: "class=\"cell\"", in: svg) == 60 * 40)
        #expect(occurrences(of: "class=\"miss-ring\"", in: svg) == pts.filter(\.isMisclassified).count)
        #expect(svg.contains("class=\"boundary\""))
        #expect(svg.contains("P(convert)"))
        #expect(!svg.contains("subsample"))
    }

    @Test func scatterCapsPointsAndSaysSo() {
        var chart = ScatterProbabilityChart()
        chart.maxPoints = 500
        chart.linearBoundary = ChartFixtures.boundary
        let svg = chart.render(points: ChartFixtures.points(5_000), probability: ChartFixtures.probability)
        #expect(occurrences(of: "class=\"point\"", in: svg) == 500)
        let notesCap = svg.contains("Showing 500 of 5,000 customers")
        #expect(notesCap)
        #expect(ScatterProbabilityChart.sampleIndices(count: 10, limit: 4) == [0, 2, 5, 7])
        #expect(xmlParseError(svg) == nil)
    }

    @Test func linearBoundaryIsClippedToDomain() {
        let b = LinearBoundary(intercept: -1, xCoefficient: 1, yCoefficient: 1) // x + y = 1
        let seg = ScatterProbabilityChart.clip(b, x: 0...1, y: 0...1)
        #expect(seg != nil)
        if let seg {
            #expect(abs(seg.0.x + seg.0.y - 1) < 1e-12 && abs(seg.1.x + seg.1.y - 1) < 1e-12)
        }
        #expect(ScatterProbabilityChart.clip(LinearBoundary(intercept: -5, xCoefficient: 1, yCoefficient: 1), x: 0...1, y: 0...1) == nil)
    }

    @Test func lossCurveAnnotatesFinalValue() {
        let values = ChartFixtures.loss(50)
        let svg = LossCurveChart().render(values: values)
        #expect(occurrences(of: "class=\"loss-line\"", in: svg) == 1)
        #expect(svg.contains("class=\"final-label\""))
        #expect(svg.contains("at iteration 49"))
        var log = LossCurveChart()
        log.yScale = .log
        let logSVG = log.render(values: values + [0, -1, .nan])
        #expect(xmlParseError(logSVG) == nil)
        #expect(xmlParseError(LossCurveChart().render(values: [])) == nil)
        #expect(xmlParseError(LossCurveChart().render(values: [0.5])) == nil)
    }

    @Test func confusionMatrixCellsAndContrast() {
        let svg = ConfusionMatrixChart().render(counts: ChartFixtures.confusion)
        #expect(occurrences(of: "class=\"cell\"", in: svg) == 4)
        #expect(svg.contains("86.7 %"))
        #expect(svg.contains("True label") && svg.contains("Predicted label"))
        #expect(svg.contains("not converted") && svg.contains("Row %"))
        var three = ConfusionMatrixChart()
        three.classNames = ["a", "b", "c"]
        let svg3 = three.render(counts: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(occurrences(of: "class=\"cell\"", in: svg3) == 9)
    }

    @Test func allocationBarsAndEscaping() {
        let svg = AllocationBarChart().render(segments: ChartFixtures.segments)
        #expect(occurrences(of: "class=\"bar ", in: svg) == 2 * ChartFixtures.segments.count)
        #expect(svg.contains("&lt;Tom &amp; &quot;Jerry&quot;&gt;"))
        #expect(!svg.contains("<Tom"))
        #expect(svg.contains("…"))
        #expect(svg.contains("$42,500"))
        #expect(xmlParseError(svg) == nil)
    }

    @Test func responseCurvesCapAtTen() {
        let five = ResponseCurvesChart().render(curves: ChartFixtures.curves(5))
        #expect(occurrences(of: "class=\"curve\"", in: five) == 5)
        #expect(occurrences(of: "class=\"chosen\"", in: five) == 5)
        #expect(!five.contains("showing top"))
        let many = ResponseCurvesChart().render(curves: ChartFixtures.curves(14))
        #expect(occurrences(of: "class=\"curve\"", in: many) == 10)
        #expect(many.contains("showing top 10 of 14 segments"))
        #expect(xmlParseError(many) == nil)
    }
}

@Suite struct TerminalChartTests {
    @Test func sparklineLengthAndMonotone() {
        let up = (0..<100).map(Double.init)
        let s = TerminalCharts.sparkline(values: up, width: 20)
        #expect(s.count == 20)
        let levels = s.map { TerminalCharts.sparkBlocks.firstIndex(of: $0)! }
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(levels.first == 0 && levels.last == 7)
        #expect(TerminalCharts.sparkline(values: [1, 2, 3], width: 20).count == 3)
        #expect(TerminalCharts.sparkline(values: [], width: 10) == "")
        #expect(TerminalCharts.sparkline(values: [2, 2, 2], width: 10) == "▄▄▄")
    }

    @Test func sparklineLogScale() {
        let s = TerminalCharts.sparkline(values: [1, 10, 100, 1000], width: 4, logScale: true)
        #expect(s.map { TerminalCharts.sparkBlocks.firstIndex(of: $0)! } == [0, 2, 5, 7])
    }

    @Test func barsUseEighthsAndAlignValues() {
        let out = TerminalCharts.bars(labels: ["a", "bb"], values: [1000, 512.5], width: 8, decimals: 1)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "a  │████████ 1,000.0")
        #expect(lines[1].hasPrefix("bb │████▏"))
        #expect(lines[1].hasSuffix("  512.5"))
        #expect(lines[0].count == lines[1].count)
    }
}

@Suite struct HTMLReportTests {
    @Test func reportContainsSectionsAndNoExternalReferences() {
        let charts = ChartFixtures.allCharts()
        let table = HTMLReport.table(headers: ["Segment", "Spend"], rows: [["<Tom & \"Jerry\">", "$1,200"], ["B", "300"]])
        var sections = [HTMLReport.Section(heading: "Table & totals", content: .html(table))]
        sections += charts.map { HTMLReport.Section(heading: $0.name, content: .svg($0.svg)) }
        let html = HTMLReport(title: "Report <1>", sections: sections).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Report &lt;1&gt;</title>"))
        #expect(html.contains("<h2>Table &amp; totals</h2>"))
        for c in charts { #expect(html.contains("<h2>\(c.name)</h2>")) }
        #expect(occurrences(of: "<svg", in: html) == charts.count)
        #expect(!html.lowercased().contains("http"))
        #expect(!html.contains("<script"))
        #expect(html.contains("@media print"))
        #expect(table.contains("<td class=\"num\">$1,200</td>"))
        #expect(table.contains("&lt;Tom &amp; &quot;Jerry&quot;&gt;"))
    }
}

@Suite struct ChartEdgeCaseTests {
    @Test func emptyAndDegenerateInputsStillProduceValidSVG() {
        let outputs = [
            ScatterProbabilityChart().render(points: [], probability: { _, _ in 0.5 }),
            ScatterProbabilityChart().render(points: [ScatterPoint(x: 50, y: 0.5, trueLabel: 1, predictedLabel: 0)], probability: { _, _ in .nan }),
            LossCurveChart().render(values: [.nan, .infinity]),
            ConfusionMatrixChart().render(counts: []),
            ConfusionMatrixChart().render(counts: [[0, 0], [0, 0]]),
            AllocationBarChart().render(segments: []),
            AllocationBarChart().render(segments: [AllocationBar(name: "", spend: -5, expectedConversions: .nan)]),
            ResponseCurvesChart().render(curves: []),
            ResponseCurvesChart().render(curves: [ResponseCurve(name: "flat", points: [ResponsePoint(spend: 0, conversions: 0)])]),
        ]
        for (i, svg) in outputs.enumerated() {
            let error = xmlParseError(svg)
            #expect(error == nil, "output \(i)")
            let hasNaN = svg.contains("nan") || svg.contains("inf")
            #expect(!hasNaN, "output \(i)")
        }
    }
}
