import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BudgetAdvisor

/// The spend labels of the response-curve chart never overlap, however the curves crowd together; a label
/// moved away from its dot gets a leader line back to it.
@Suite struct ResponseCurveLabelTests {
    /// A `<text class="chosen-label">` of a rendered chart: where it is and what it says.
    struct Label: Equatable {
        var x: Double
        var y: Double
        var size: Double
        var text: String

        /// Its box by font metrics independent of the chart's own layout: one em tall, from 0.8 em above the
        /// baseline to 0.2 em below it, as wide as `ChartText` estimates.
        var box: (left: Double, top: Double, right: Double, bottom: Double) {
            (x, y - 0.8 * size, x + ChartText.width(text, size: size), y + 0.2 * size)
        }

        func overlaps(_ other: Label) -> Bool {
            let a = box, b = other.box
            return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
        }
    }

    /// Collects the labels (and counts leader lines) of an SVG with `XMLParser`.
    final class Collector: NSObject, XMLParserDelegate {
        var labels: [Label] = []
        var leaders = 0
        private var open: (x: Double, y: Double, size: Double)?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "line", attributes["class"] == "label-leader" { leaders += 1 }
            guard name == "text", attributes["class"] == "chosen-label",
                  let x = attributes["x"].flatMap(Double.init), let y = attributes["y"].flatMap(Double.init),
                  let size = attributes["font-size"].flatMap(Double.init) else { return }
            open = (x, y, size)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if open != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard name == "text", let label = open else { return }
            labels.append(Label(x: label.x, y: label.y, size: label.size, text: text))
            open = nil
        }
    }

    private func parse(_ svg: String) throws -> Collector {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        try #require(parser.parse(), "the SVG is not valid XML: \(String(describing: parser.parserError))")
        return collector
    }

    /// `count` nearly identical saturating curves, every segment choosing nearly the same spend. With a cap
    /// of 1,199 the curves end just under 1,000, the top of the vertical axis, so labels there cannot go up.
    static func crowded(_ count: Int, chosenSpend: Double, cap: Double = 1_000) -> [ResponseCurve] {
        (0..<count).map { i in
            let cap = cap - Double(i) * 0.5, half = 10_000 + Double(i) * 5
            let f = { (s: Double) in cap * s / (s + half) }
            let spend = chosenSpend + Double(i) * 10
            return ResponseCurve(name: "Segment \(i + 1)",
                                 samples: stride(from: 0.0, through: 50_000, by: 2_500).map { (spend: $0, conversions: f($0)) },
                                 chosen: (spend, f(spend)))
        }
    }

    @Test(arguments: [(8, 25_000.0, 1_000.0), (8, 49_900.0, 1_199.0), (10, 40_000.0, 1_000.0), (10, 2_000.0, 1_000.0)])
    func crowdedLabelsDoNotOverlap(count: Int, chosenSpend: Double, cap: Double) throws {
        let chart = ResponseCurvesChart()
        let svg = chart.render(curves: Self.crowded(count, chosenSpend: chosenSpend, cap: cap))
        let found = try parse(svg)
        #expect(found.labels.count == count)
        for i in found.labels.indices {
            for j in found.labels.indices where j > i {
                #expect(!found.labels[i].overlaps(found.labels[j]), "\(found.labels[i]) overlaps \(found.labels[j])")
            }
        }
        // Every label stays in the picture, and labels that had to move are tied to their dots.
        #expect(found.labels.allSatisfy { $0.box.top >= 0 && $0.box.bottom <= chart.height })
        #expect(found.leaders >= count - 2, "\(found.leaders) leader lines")
    }

    @Test func labelsWithRoomStayPutWithoutLeaders() throws {
        let far = [ResponseCurve(name: "a", samples: [(0, 0), (50_000, 900)], chosen: (5_000, 90)),
                   ResponseCurve(name: "b", samples: [(0, 0), (50_000, 400)], chosen: (40_000, 320))]
        let found = try parse(ResponseCurvesChart().render(curves: far))
        #expect(found.labels.map(\.text) == ["$5,000", "$40,000"])
        #expect(found.leaders == 0)
    }

    @Test func placementSpreadsACrowdAroundWhereItWants() {
        let placement = LabelPlacement(lineHeight: 14, ascent: 11, top: 0, bottom: 400)
        func close(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 } }
        let same = [LabelPlacement.Label](repeating: .init(x: 10, width: 40, baseline: 200), count: 3)
        #expect(close(placement.baselines(same), [186, 200, 214]), "\(placement.baselines(same))")
        // Side by side only when their boxes overlap horizontally: apart, nothing moves.
        let apart = [LabelPlacement.Label(x: 10, width: 40, baseline: 200), .init(x: 100, width: 40, baseline: 200)]
        #expect(placement.baselines(apart) == [200, 200])
        // Against the top of the band the crowd goes down instead.
        let top = [LabelPlacement.Label](repeating: .init(x: 10, width: 40, baseline: 5), count: 3)
        #expect(close(placement.baselines(top), [11, 25, 39]), "\(placement.baselines(top))")
    }
}
