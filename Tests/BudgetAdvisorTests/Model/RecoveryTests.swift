import Testing
@testable import BudgetAdvisor

/// Training recovers the generator's true coefficients. With λ = 0 the estimate is the maximum-likelihood
/// estimate, asymptotically normal around the truth with covariance (N·H)⁻¹, the covariance the trainer stores.
/// Each coefficient must lie within 4.5 standard errors (a false alarm has probability below 1e-5 per
/// coefficient), and the standard errors must be small (the check is not vacuous).
@Suite struct RecoveryTests {
    @Test func trueCoefficientsAreRecovered() throws {
        let data = SyntheticCustomers.generate(rows: 100_000, seed: 2024)
        let model = try ModelTrainer.train(data, options: TrainingOptions(lambda: 0)).model
        let covariance = try #require(model.covariance)
        let truth = [SyntheticCustomers.trueIntercept] + SyntheticCustomers.trueCoefficients
        let estimate = [model.intercept] + model.coefficients
        for k in truth.indices {
            let standardError = covariance[k][k].squareRoot()
            #expect(standardError < 0.1 * max(abs(truth[k]), 0.5), "term \(k): standard error \(standardError)")
            #expect(abs(estimate[k] - truth[k]) < 4.5 * standardError,
                    "term \(k): estimate \(estimate[k]) truth \(truth[k]) se \(standardError)")
        }
    }
}
