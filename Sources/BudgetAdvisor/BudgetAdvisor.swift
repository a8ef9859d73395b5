/// budget-advisor: learn which customers convert, then advise how to split an advertising budget.
///
/// The library holds all logic; the `budget-advisor` executable only parses arguments and wires the REPL.
public enum BudgetAdvisor {
    /// The version printed by `budget-advisor --version`.
    public static let version = "0.1.0"
}
