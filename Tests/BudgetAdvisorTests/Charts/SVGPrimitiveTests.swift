import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct SVGPrimitiveTests {
    @Test func escapesAllSpecialCharacters() {
        #expect(XMLEscaping.escape(#"<Tom & "Jerry's">"#) == "&lt;Tom &amp; &quot;Jerry&#39;s&quot;&gt;")
        #expect(XMLEscaping.escape("a\u{1}b") == "ab")
    }

    @Test func documentHasViewBoxSizeFontAndTitle() {
        var doc = SVGDocument(width: 300, height: 200, title: "A & B")
        doc.add(.rect(x: 1, y: 2, width: 3, height: 4).fill("#fff"))
        doc.add(.text("<x>", x: 10, y: 20, size: 12))
        doc.add(.group([.circle(cx: 1, cy: 1, r: 2), .line(x1: 0, y1: 0, x2: 1, y2: 1), .polyline([(0, 0), (1.255, 2)])], cssClass: "g"))
        var p = SVGPath(); p.move(0, 0); p.line(1, 1); p.close()
        doc.add(.path(p.d))
        let svg = doc.render()
        #expect(svg.contains(#"viewBox="0 0 300 200""#))
        #expect(svg.contains(#"width="300""#) && svg.contains(#"height="200""#))
        #expect(svg.contains("sans-serif"))
        #expect(svg.contains("<title>A &amp; B</title>"))
        #expect(svg.contains("&lt;x&gt;"))
        #expect(svg.contains("1.26,2") || svg.contains("1.25,2"))
        #expect(xmlParseError(svg) == nil)
    }

    @Test func numbersAreCompact() {
        #expect(SVGNumber.format(3) == "3")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(2.5) == "2.5")
        #expect(SVGNumber.format(-12.345) == "-12.35" || SVGNumber.format(-12.345) == "-12.34")
        #expect(SVGNumber.format(0.05) == "0.05")
    }

    @Test func marchingSquaresFindsDiagonal() {
        // Values x + y on a 3x3 grid; level 2 passes through the centre diagonal.
        let grid = (0..<3).map { r in (0..<3).map { c in Double(r + c) } }
        let segs = MarchingSquares.contour(values: grid, level: 1.5)
        #expect(!segs.isEmpty)
        for s in segs {
            #expect(abs(s.from.x + s.from.y - 1.5) < 1e-9)
            #expect(abs(s.to.x + s.to.y - 1.5) < 1e-9)
        }
    }

    @Test func textTruncation() {
        let t = ChartText.truncate("Lapsed customers from the 2019 spring campaign", maxWidth: 100, size: 12)
        #expect(t.hasSuffix("…"))
        #expect(ChartText.width(t, size: 12) <= 100)
        #expect(ChartText.truncate("short", maxWidth: 100, size: 12) == "short")
    }
}
