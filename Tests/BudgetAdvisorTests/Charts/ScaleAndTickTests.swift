import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct ScaleTests {
    @Test func linearMapsBothDirections() {
        let s = LinearScale(domain: (10, 100), range: (50, 500))
        #expect(s(10) == 50)
        #expect(s(100) == 500)
        #expect(abs(s(55) - 275) < 1e-9)
        #expect(abs(s.invert(275) - 55) < 1e-9)
        for v in stride(from: 10.0, through: 100, by: 7.3) {
            #expect(abs(s.invert(s(v)) - v) < 1e-9)
        }
    }

    @Test func linearReversedRangeForYAxis() {
        let s = LinearScale(domain: (0, 1), range: (400, 100))
        #expect(s(0) == 400)
        #expect(s(1) == 100)
        #expect(abs(s(0.25) - 325) < 1e-9)
        #expect(abs(s.invert(325) - 0.25) < 1e-12)
    }

    @Test func linearZeroWidthDomainMapsToMiddle() {
        let s = LinearScale(domain: (5, 5), range: (0, 100))
        #expect(s(5) == 50)
        #expect(s(123) == 50)
    }

    @Test func logScaleMapsDecadesEvenly() {
        let s = LogScale(domain: (0.001, 10), range: (0, 400))
        #expect(abs(s(0.001) - 0) < 1e-9)
        #expect(abs(s(0.01) - 100) < 1e-9)
        #expect(abs(s(1) - 300) < 1e-9)
        #expect(abs(s(10) - 400) < 1e-9)
        #expect(abs(s.invert(200) - 0.1) < 1e-12)
        #expect(abs(s.invert(s(0.37)) - 0.37) < 1e-12)
    }

    @Test func logScaleTicks() {
        #expect(LogScale(domain: (0.001, 10), range: (0, 1)).ticks() == [0.001, 0.01, 0.1, 1, 10])
        let narrow = LogScale(domain: (0.008, 0.3), range: (0, 1)).ticks()
        #expect(narrow.contains(0.01) && narrow.contains(0.1) && narrow.contains(0.02))
        #expect(narrow.allSatisfy { $0 >= 0.008 && $0 <= 0.3 })
    }
}

@Suite struct TickTests {
    @Test func unitInterval() {
        #expect(niceTicks(min: 0, max: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func budgetRange() {
        #expect(niceTicks(min: 10, max: 100, count: 5) == [20, 40, 60, 80, 100])
        #expect(niceTicks(min: 10, max: 100, count: 10) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    }

    @Test func thousandsRange() {
        #expect(niceTicks(min: 0, max: 1234, count: 5) == [0, 200, 400, 600, 800, 1000, 1200])
    }

    @Test func negativeAndReversedRanges() {
        #expect(niceTicks(min: -1, max: 1, count: 4) == [-1, -0.5, 0, 0.5, 1])
        #expect(niceTicks(min: -250, max: -10, count: 5) == [-250, -200, -150, -100, -50])
        #expect(niceTicks(min: 1, max: 0, count: 5) == niceTicks(min: 0, max: 1, count: 5))
    }

    @Test func zeroWidthRange() {
        let t = niceTicks(min: 5, max: 5, count: 5)
        #expect(t.count >= 2)
        #expect(t.contains(5))
        let z = niceTicks(min: 0, max: 0)
        #expect(z.contains(0) && z.count >= 2)
    }

    @Test func noFloatingPointNoise() {
        let t = niceTicks(min: 0, max: 0.9, count: 9)
        #expect(t.contains(0.3))
        let labels = niceTickSpec(min: 0, max: 0.9, count: 9)
        #expect(labels.values.map { TickFormat.tickLabel($0, step: labels.step) }.contains("0.3"))
        #expect(!labels.values.map { "\($0)" }.contains { $0.count > 6 })
    }

    @Test func niceDomainEndsOnTicks() {
        let d = niceDomain(min: 3, max: 97)
        #expect(d.min == 0 && d.max == 100)
        #expect(d.ticks.values.first == 0 && d.ticks.values.last == 100)
    }

    @Test func formatting() {
        #expect(TickFormat.format(1_234_567) == "1,234,567")
        #expect(TickFormat.format(-1_234.5, decimals: 1) == "-1,234.5")
        #expect(TickFormat.format(-0.0001, decimals: 2) == "0.00")
        #expect(TickFormat.format(-0.0) == "0")
        #expect(TickFormat.tickLabel(0.1 + 0.2, step: 0.1) == "0.3")
        #expect(TickFormat.tickLabel(1200, step: 200) == "1,200")
        #expect(TickFormat.tickLabel(0.05, step: 0.05) == "0.05")
        #expect(TickFormat.compact(2.50) == "2.5")
        #expect(TickFormat.logTickLabel(0.001) == "0.001")
        #expect(TickFormat.logTickLabel(10_000) == "10,000")
        #expect(TickFormat.significant(0.421337, digits: 4) == "0.4213")
        #expect(TickFormat.significant(12_345.6, digits: 3) == "12,346")
    }
}

@Suite struct ColorTests {
    @Test func viridisEndpointsAndMonotoneLuminance() {
        let v = ContinuousColormap.viridis
        #expect(v.color(at: 0).hex == "#440154")
        #expect(v.color(at: 1).hex == "#fde725")
        let lums = stride(from: 0.0, through: 1, by: 0.05).map { v.color(at: $0).luminance }
        #expect(zip(lums, lums.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 })
    }

    @Test func contrastingText() {
        #expect(RGBColor(hex: "#08306b").contrastingText == "#ffffff")
        #expect(RGBColor(hex: "#f7fbff").contrastingText == "#111111")
    }

    @Test func categoricalPaletteIsDistinctForTen() {
        #expect(Set(Palette.categorical(10)).count == 10)
    }
}
