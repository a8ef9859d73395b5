import Testing
@testable import BudgetAdvisor

@Test func versionIsSet() {
    #expect(!BudgetAdvisor.version.isEmpty)
}
