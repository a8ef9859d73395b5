import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct WhatIfTests {
    /// A model trained on purpose-small data so the coefficient uncertainty matters.
    static let outcome = try! ModelTrainer.train(SyntheticCustomers.generate(rows: 600, seed: 21), options: TrainingOptions(lambda: 0))

    static let scenario = Scenario(name: "t", totalBudget: 9_000, segments: [
        Segment(name: "a", customers: 60, features: ["user_interest": 0.8, "purchase_frequency": 0.6]),
        Segment(name: "b", customers: 150, features: ["user_interest": 0.4, "purchase_frequency": 0.2]),
        Segment(name: "c", customers: 90, features: ["user_interest": 0.6, "purchase_frequency": 0.9]),
    ])

    @Test func meansAreCustomersTimesProbability() throws {
        let model = Self.outcome.model
        let resolved = try Self.scenario.resolve(for: model)
        let result = WhatIf(model: model, segments: resolved, spend: [3_000, 4_500, 1_500])
        let p = model.probability([50, 0.8, 0.6])
        #expect(abs(result.rows[0].expectedConversions - 60 * p) < 1e-9)
        #expect(abs(result.rows[0].costPerConversion - 3_000 / (60 * p)) < 1e-9)
        #expect(abs(result.total.expectedConversions - result.rows.map(\.expectedConversions).reduce(0, +)) < 1e-9)
        #expect(result.warnings.isEmpty)
    }

    /// Coverage by simulation: draw coefficients from N(θ̂, Σ) (the stored covariance) and outcomes from
    /// Bernoulli(p(θ)); the printed 90% interval must cover between 86% and 94% of 4,000 simulated totals
    /// (the binomial standard error of a 90% rate over 4,000 draws is 0.5%, so this band is ±8 of them).
    @Test func ninetyPercentIntervalCoversNinetyPercent() throws {
        let model = Self.outcome.model
        let covariance = try #require(model.covariance)
        let cholesky = try #require(SmallMatrix.cholesky(covariance))
        let resolved = try Self.scenario.resolve(for: model)
        let spend = [1_200.0, 9_000, 4_000]
        let result = WhatIf(model: model, segments: resolved, spend: spend)
        var generator = SeededGenerator(seed: 99)
        func normal() -> Double {
            let u = max(generator.nextUnit(), 1e-300), v = generator.nextUnit()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let theta = [model.intercept] + model.coefficients
        var covered = 0
        let draws = 4_000
        for _ in 0..<draws {
            let e = (0..<theta.count).map { _ in normal() }
            var drawn = theta
            for i in theta.indices { for k in 0...i { drawn[i] += cholesky[i][k] * e[k] } }
            var total = 0.0
            for (segment, amount) in zip(resolved, spend) {
                let x = segment.featureVector(amount / Double(segment.segment.customers))
                var z = drawn[0]
                for j in x.indices { z += drawn[j + 1] * x[j] }
                let p = Sigmoid.value(z)
                for _ in 0..<segment.segment.customers where generator.nextUnit() < p { total += 1 }
            }
            if total >= result.total.low && total <= result.total.high { covered += 1 }
        }
        let rate = Double(covered) / Double(draws)
        #expect(rate > 0.86 && rate < 0.94, "coverage \(rate)")
    }

    @Test func extrapolationIsWarned() throws {
        let model = Self.outcome.model
        let resolved = try Self.scenario.resolve(for: model)
        let result = WhatIf(model: model, segments: resolved, spend: [60 * 150, 150 * 5, 90 * 50])
        #expect(result.warnings.count == 2)
        #expect(result.warnings[0].hasPrefix("a: 150.00 per customer is outside the spend range the model was trained on"))
        #expect(result.warnings[0].hasSuffix("this is extrapolation"))
    }

    @Test func splitsParseAmountsSharesAndTheRest() throws {
        let split = try SpendSplit(parsing: "a=1,500,c=10%")
        let amounts = try split.amounts(segmentNames: ["a", "b", "c"], customers: [60, 150, 90], total: 9_000)
        #expect(amounts == [1_500, 6_600, 900])
        #expect(try SpendSplit(parsing: "even").amounts(segmentNames: ["a", "b"], customers: [1, 3], total: 100) == [25, 75])
        #expect(throws: CommandError.usage("split: no segment 'x' (did you mean 'a'?); the segments are a, b")) {
            try SpendSplit(parsing: "x=5").amounts(segmentNames: ["a", "b"], customers: [1, 1], total: 10)
        }
        #expect(throws: CommandError.self) { try SpendSplit(parsing: "a=lots") }
        #expect(throws: CommandError.self) {
            try SpendSplit(parsing: "a=50").amounts(segmentNames: ["a", "b"], customers: [1, 1], total: 10)
        }
    }

    @Test func amountsAcceptWhatPeopleType() {
        #expect(AmountParser.parse("150000") == 150_000)
        #expect(AmountParser.parse("1.5e5") == 150_000)
        #expect(AmountParser.parse("150k") == 150_000)
        #expect(AmountParser.parse("150,000") == 150_000)
        #expect(AmountParser.parse("$1.2M") == 1_200_000)
        #expect(AmountParser.parse("1,50") == nil)
        #expect(AmountParser.parse("abc") == nil)
        #expect(AmountParser.parse("nan") == nil)
        #expect(AmountParser.parsePercent("35%") == 0.35)
    }
}
