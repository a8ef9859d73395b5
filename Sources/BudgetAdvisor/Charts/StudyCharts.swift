/// The study's charts drawn from budget-advisor's own values: the model and its data, the training run, the
/// evaluation and an allocation plan. Each function returns SVG text.
public enum StudyCharts {
    /// The kinds of chart, as named by `plot`.
    public enum Kind: String, Sendable, CaseIterable {
        case scatter, loss, confusion, allocation, curves
    }

    /// Conversion probability over spend (x) and the first other feature (y), the remaining features held at
    /// their training means, with the 0.5 boundary; points are the rows coloured by their true label and
    /// marked by the full model's prediction.
    public static func scatter(model: LogisticModel, data: Dataset, rowsLabel: String) -> String {
        let xIndex = model.spendIndex
        let yIndex = model.featureNames.indices.first { $0 != xIndex } ?? xIndex
        let means = model.standardizer?.means ?? data.columns.map { $0.reduce(0, +) / Double(max($0.count, 1)) }
        let margins = model.margins(data)
        let points = (0..<data.rowCount).map { row in
            ScatterPoint(x: data.columns[xIndex][row], y: data.columns[yIndex][row],
                         trueLabel: Int(data.labels[row]), predictedLabel: margins[row] >= 0 ? 1 : 0)
        }
        var fixed = model.intercept
        for j in model.featureNames.indices where j != xIndex && j != yIndex { fixed += model.coefficients[j] * means[j] }
        var chart = ScatterProbabilityChart()
        chart.title = "Conversion probability by \(readable(model.featureNames[xIndex])) and \(readable(model.featureNames[yIndex]))"
        let others = model.featureNames.indices.filter { $0 != xIndex && $0 != yIndex }.map { readable(model.featureNames[$0]) }
        chart.subtitle = "\(NumberFormatting.grouped(Double(data.rowCount))) \(rowsLabel) rows"
            + (others.isEmpty ? "" : "; background with \(others.joined(separator: ", ")) at the mean")
        chart.xLabel = capitalized(readable(model.featureNames[xIndex]))
        chart.yLabel = capitalized(readable(model.featureNames[yIndex]))
        if let ranges = model.featureRanges {
            chart.xDomain = ranges[xIndex]
            chart.yDomain = ranges[yIndex]
        }
        let cx = model.coefficients[xIndex], cy = xIndex == yIndex ? 0 : model.coefficients[yIndex]
        chart.linearBoundary = LinearBoundary(intercept: fixed, xCoefficient: cx, yCoefficient: cy)
        return chart.render(points: points) { x, y in Sigmoid.value(fixed + cx * x + cy * y) }
    }

    /// The objective at every iteration, linear or log scale.
    public static func loss(history: [Double], scale: AxisScaleKind, method: String) -> String {
        var chart = LossCurveChart()
        chart.yScale = scale
        chart.subtitle = "\(history.count) iterations of \(method) gradient descent"
        chart.firstIteration = 1
        guard scale == .log, let final = history.last else {
            chart.title = "Training objective per iteration"
            chart.yLabel = "Objective J (log loss + L2 penalty)"
            return chart.render(values: history)
        }
        // On a log axis the objective itself barely moves; its excess over the final value shows the
        // convergence rate (a straight line is linear convergence). The final point (excess 0) is not drawn.
        chart.title = "Convergence: objective minus its final value (log scale)"
        chart.yLabel = "J − J(final)"
        return chart.render(values: history.map { $0 - final })
    }

    /// The confusion matrix as a heat map with counts and row percentages.
    public static func confusion(_ evaluation: Evaluation) -> String {
        var chart = ConfusionMatrixChart()
        chart.subtitle = "\(NumberFormatting.grouped(Double(evaluation.rows))) \(evaluation.subset) rows, threshold 0.5, accuracy \(NumberFormatting.fixed(100 * evaluation.report.accuracy, 1))%"
        return chart.render(counts: evaluation.confusion.counts)
    }

    /// Spend and expected conversions per segment of a plan.
    public static func allocation(_ plan: AllocationPlan) -> String {
        var chart = AllocationBarChart()
        chart.title = "Budget allocation: \(plan.scenario)"
        chart.subtitle = "\(NumberFormatting.grouped(plan.spent)) spent, \(NumberFormatting.grouped(plan.expectedConversions, 1)) expected conversions (upper bound \(NumberFormatting.grouped(plan.upperBound, 1)))"
        return chart.render(segments: plan.lines.map {
            AllocationBar(name: $0.segment, spend: $0.budget, expectedConversions: $0.expectedConversions)
        })
    }

    /// Each segment's expected conversions against its spend over its bounds, the plan's choice marked.
    public static func curves(_ plan: AllocationPlan, segments: [ResolvedSegment], spendCoefficient: Double) -> String {
        var chart = ResponseCurvesChart()
        chart.title = "Response curves: \(plan.scenario)"
        chart.subtitle = "Expected conversions as segment spend moves between its bounds; dots mark the plan"
        let curves = zip(segments, plan.lines).map { segment, line -> ResponseCurve in
            let n = Double(segment.segment.customers)
            let samples = (0...80).map { k -> ResponsePoint in
                let perCustomer = segment.minSpend + (segment.maxSpend - segment.minSpend) * Double(k) / 80
                return ResponsePoint(spend: n * perCustomer,
                                     conversions: n * Sigmoid.value(segment.baseLogit + spendCoefficient * perCustomer))
            }
            return ResponseCurve(name: line.segment, points: samples,
                                 chosen: ResponsePoint(spend: line.budget, conversions: line.expectedConversions))
        }
        return chart.render(curves: curves)
    }

    static func readable(_ name: String) -> String { name.replacingOccurrences(of: "_", with: " ") }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
