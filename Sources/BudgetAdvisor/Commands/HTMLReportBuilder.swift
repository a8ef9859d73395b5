import Foundation

/// The one-file HTML report: model, evaluation, charts and the allocation plan with its certificate.
enum HTMLReportBuilder {
    static func render(_ session: Session) throws -> String {
        let model = try session.requireModel()
        var sections: [HTMLReport.Section] = []
        var summary = "Features: \(model.featureNames.joined(separator: ", ")); spend: \(model.spendFeature)."
        if let training = model.training {
            summary += " Trained on \(NumberFormatting.grouped(Double(training.rows))) rows of \(training.source) by \(training.method) gradient descent: \(training.stopReason) in \(training.iterations) iterations, objective \(NumberFormatting.compact(training.objective, significant: 10)), gradient norm \(String(format: "%.2e", training.gradientNorm))"
            if let lambda = model.lambda { summary += ", λ = \(NumberFormatting.compact(lambda))" }
            summary += "."
        }
        sections.append(.init(heading: "Model", content: .text(summary)))
        var rows = [["intercept", NumberFormatting.compact(model.intercept)]]
        for (name, coefficient) in zip(model.featureNames, model.coefficients) {
            rows.append([name == model.spendFeature ? name + " (spend)" : name, NumberFormatting.compact(coefficient)])
        }
        sections.append(.init(heading: "Coefficients (original scale)",
                              content: .html(HTMLReport.table(headers: ["term", "coefficient"], rows: rows, numericColumns: [1]))))
        if let evaluation = session.evaluation {
            let metrics = "Log loss \(NumberFormatting.fixed(evaluation.logLoss, 4)), ROC AUC \(NumberFormatting.fixed(evaluation.rocAUC, 4)), Brier score \(NumberFormatting.fixed(evaluation.brierScore, 4))."
            sections.append(.init(heading: "Evaluation on \(NumberFormatting.grouped(Double(evaluation.rows))) \(evaluation.subset) rows",
                                  content: .html("<pre>" + HTMLReport.escape(evaluation.report.render()) + "</pre><p>" + HTMLReport.escape(metrics) + "</p>")))
        }
        for kind in [StudyCharts.Kind.confusion, .scatter, .loss] {
            if let svg = try? ChartCommands.svg(kind, session: session) {
                sections.append(.init(heading: heading(kind), content: .svg(svg)))
            }
        }
        if let svg = try? ChartCommands.svg(.loss, session: session, scale: .log) {
            sections.append(.init(heading: "Convergence", content: .svg(svg)))
        }
        if let plan = session.plan {
            let table = HTMLReport.table(
                headers: ["segment", "customers", "budget", "per customer", "expected conversions", "+conversions per 1,000"],
                rows: plan.lines.map {
                    [$0.segment, NumberFormatting.grouped(Double($0.customers)), NumberFormatting.grouped($0.budget),
                     NumberFormatting.grouped($0.perCustomerBudget, 2), NumberFormatting.grouped($0.expectedConversions, 1),
                     NumberFormatting.fixed($0.marginalPer1000, 2)]
                } + [["total", NumberFormatting.grouped(Double(plan.lines.reduce(0) { $0 + $1.customers })),
                      NumberFormatting.grouped(plan.spent), "", NumberFormatting.grouped(plan.expectedConversions, 1), ""]],
                numericColumns: [1, 2, 3, 4, 5])
            var certificate = "Upper bound on any allocation of \(NumberFormatting.grouped(plan.totalBudget)): \(NumberFormatting.grouped(plan.upperBound, 2)) expected conversions; gap \(NumberFormatting.compact(plan.gap, significant: 3)) (\(plan.certified ? "certified optimal" : "not certified") within \(NumberFormatting.compact(plan.tolerance)) relative)."
            if let marginal = plan.budgetMarginalPer1000 {
                certificate += " Another 1,000 of budget buys \(NumberFormatting.fixed(marginal, 2)) more expected conversions."
            }
            for note in plan.notes { certificate += " Note: \(note)." }
            sections.append(.init(heading: "Allocation plan: \(plan.scenario)",
                                  content: .html(table + "<p>" + HTMLReport.escape(certificate) + "</p>")))
            for kind in [StudyCharts.Kind.allocation, .curves] {
                if let svg = try? ChartCommands.svg(kind, session: session) {
                    sections.append(.init(heading: heading(kind), content: .svg(svg)))
                }
            }
        }
        let subtitle = "budget-advisor \(BudgetAdvisor.version)" + (session.scenario.map { " · scenario '\($0.name)'" } ?? "")
        return HTMLReport(title: "Conversion model and budget allocation", subtitle: subtitle, sections: sections).render()
    }

    static func heading(_ kind: StudyCharts.Kind) -> String {
        switch kind {
        case .scatter: return "Conversion probability and the decision boundary"
        case .loss: return "Training objective"
        case .confusion: return "Confusion matrix"
        case .allocation: return "Spend and expected conversions by segment"
        case .curves: return "Response curves"
        }
    }
}
