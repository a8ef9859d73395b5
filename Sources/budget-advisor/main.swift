import BudgetAdvisor
print("budget-advisor \(BudgetAdvisor.version)")
