import Foundation
@testable import BudgetAdvisor

/// Deterministic sample data shared by chart tests and the preview writer.
enum ChartFixtures {
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func probability(_ budget: Double, _ interest: Double) -> Double {
        1 / (1 + exp(-(-5.5 + 0.06 * budget + 5 * interest)))
    }

    static let boundary = LinearBoundary(intercept: -5.5, xCoefficient: 0.06, yCoefficient: 5)

    static func points(_ n: Int, seed: UInt64 = 42) -> [ScatterPoint] {
        var rng = LCG(state: seed)
        return (0..<n).map { _ in
            let b = 10 + 90 * rng.next(), u = rng.next()
            let p = probability(b, u)
            let truth = rng.next() < p ? 1 : 0
            return ScatterPoint(x: b, y: u, trueLabel: truth, predictedLabel: p >= 0.5 ? 1 : 0)
        }
    }

    static func loss(_ n: Int) -> [Double] {
        (0..<n).map { 0.42 + 0.27 * exp(-Double($0) / 25) + 0.002 * sin(Double($0)) }
    }

    static let confusion = [[412, 63], [88, 437]]

    static let segments: [AllocationBar] = [
        AllocationBar(name: "High interest, frequent buyers", spend: 42_500, expectedConversions: 1_312.4),
        AllocationBar(name: "New visitors", spend: 18_250.5, expectedConversions: 402.2),
        AllocationBar(name: "<Tom & \"Jerry\">", spend: 9_800, expectedConversions: 190.75),
        AllocationBar(name: "Lapsed customers from the 2019 spring campaign in the northern region", spend: 4_000, expectedConversions: 61),
        AllocationBar(name: "Low interest", spend: 0, expectedConversions: 0),
    ]

    static func curves(_ count: Int) -> [ResponseCurve] {
        (0..<count).map { i in
            let cap = 300.0 + Double((i * 137) % 900)
            let half = 8_000.0 + Double((i * 3_571) % 20_000)
            let f = { (s: Double) in cap * s / (s + half) }
            let samples = stride(from: 0.0, through: 50_000, by: 2_500).map { (spend: $0, conversions: f($0)) }
            let chosen = 5_000.0 + Double((i * 7_919) % 30_000)
            let name = i == 2 ? "<Tom & \"Jerry\">" : "Segment \(i + 1)"
            return ResponseCurve(name: name, samples: samples, chosen: (chosen, f(chosen)))
        }
    }

    static var manySegments: [AllocationBar] {
        (0..<12).map { i -> AllocationBar in
            let spend = Double(1_000 * (i * 7 % 12 + 1))
            let conversions = Double(37 * (i * 5 % 12 + 1)) + 0.5
            return AllocationBar(name: "Region \(i + 1) — returning customers with high engagement",
                                     spend: spend, expectedConversions: conversions)
        }
    }

    static func allCharts() -> [(name: String, svg: String)] {
        var scatter = ScatterProbabilityChart()
        scatter.subtitle = nil
        var scatterLinear = ScatterProbabilityChart()
        scatterLinear.linearBoundary = boundary
        scatterLinear.title = "Exact linear boundary, 5,000 customers"
        var lossLog = LossCurveChart()
        lossLog.yScale = .log
        lossLog.title = "Training loss (log scale)"
        var confusion3 = ConfusionMatrixChart()
        confusion3.classNames = ["low", "medium", "high"]
        return [
            ("scatter", scatter.render(points: points(400), probability: probability)),
            ("scatter-capped", scatterLinear.render(points: points(5_000), probability: probability)),
            ("loss", LossCurveChart().render(values: loss(200))),
            ("loss-log", lossLog.render(values: loss(200).map { $0 - 0.41 })),
            ("confusion", ConfusionMatrixChart().render(counts: confusion)),
            ("confusion-3", confusion3.render(counts: [[50, 3, 0], [7, 41, 9], [0, 12, 88]])),
            ("allocation", AllocationBarChart().render(segments: segments)),
            ("response", ResponseCurvesChart().render(curves: curves(5))),
            ("allocation-many", AllocationBarChart().render(segments: manySegments)),
            ("response-many", ResponseCurvesChart().render(curves: curves(14))),
            ("response-crowded", ResponseCurvesChart().render(curves: ResponseCurveLabelTests.crowded(8, chosenSpend: 49_900, cap: 1_199))),
            ("response-crowded-10", ResponseCurvesChart().render(curves: ResponseCurveLabelTests.crowded(10, chosenSpend: 25_000))),
        ]
    }
}
