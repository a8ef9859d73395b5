import Foundation

/// `plot` and the chart files behind `--plots DIR` and `report --html`.
enum ChartCommands {
    static let plot: CommandSpec = CommandSpec(
        name: "plot", summary: "Draw a chart as SVG: scatter, loss, confusion, allocation, curves, or all.",
        synopsis: "KIND [FILE | DIR]",
        details: """
        scatter     conversion probability over spend and interest, points by true and predicted label
        loss        the training objective per iteration (scale=log for a log axis)
        confusion   the confusion matrix as a heat map with counts and row percentages
        allocation  spend and expected conversions per segment of the last plan
        curves      each segment's response curve with the plan's point marked
        all         every chart available, into a directory (default: plots/)
        Examples: plot scatter    plot loss loss.svg scale=log    plot all charts/
        """,
        options: [OptionSpec("scale", "linear|log", "y axis of the loss chart", completion: .choice(["linear", "log"]))],
        positionalCompletion: .choice(StudyCharts.Kind.allCases.map(\.rawValue) + ["all"]), laterPositionalCompletion: .file
    ) { session, arguments in
        guard let kindName = arguments.positionals.first else {
            throw CommandError.usage("plot: say which chart: \(StudyCharts.Kind.allCases.map(\.rawValue).joined(separator: ", ")) or all")
        }
        if kindName == "all" {
            let directory = arguments.positionals.dropFirst().first ?? "plots"
            let written = try writeAll(session, into: directory)
            return "Wrote \(written.joined(separator: ", ")) to \(directory)/\n"
        }
        guard let kind = StudyCharts.Kind(rawValue: kindName) else {
            let hint = EditDistance.nearest(to: kindName, in: StudyCharts.Kind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandError.usage("plot: no chart '\(kindName)'\(hint); choose \(StudyCharts.Kind.allCases.map(\.rawValue).joined(separator: ", ")) or all")
        }
        var scale = AxisScaleKind.linear
        if let text = arguments.string("scale") {
            guard let parsed = AxisScaleKind(rawValue: text) else { throw CommandError.usage("plot: scale=\(text): use linear or log") }
            scale = parsed
        }
        let path = arguments.positionals.dropFirst().first ?? "\(kind.rawValue)\(scale == .log ? "-log" : "").svg"
        guard path.lowercased().hasSuffix(".svg") else { throw CommandError.usage("plot: '\(path)': charts are SVG; use a .svg file name") }
        try ModelCommands.write(try svg(kind, session: session, scale: scale), to: session.resolve(path))
        return "Wrote the \(kind.rawValue) chart to \(path)\n"
    }

    /// The SVG of `kind` from the session's state.
    /// - Throws: `CommandError.usage` saying what to run first when the chart's inputs are missing.
    static func svg(_ kind: StudyCharts.Kind, session: Session, scale: AxisScaleKind = .linear) throws -> String {
        switch kind {
        case .scatter:
            let model = try session.requireModel()
            guard let data = session.data, data.featureNames == model.featureNames else {
                throw CommandError.usage("plot scatter: needs the data the model was trained on; run 'train' (or 'load data.csv' then 'train')")
            }
            if let split = session.split, !split.testIndices.isEmpty {
                return StudyCharts.scatter(model: model, data: data.subset(split.testIndices), rowsLabel: "held-out")
            }
            return StudyCharts.scatter(model: model, data: data, rowsLabel: "training")
        case .loss:
            guard let descent = session.descent else {
                throw CommandError.usage("plot loss: no training run in this session; run 'train' first")
            }
            return StudyCharts.loss(history: descent.lossHistory, scale: scale, method: session.model?.training?.method ?? "")
        case .confusion:
            guard let evaluation = session.evaluation else {
                throw CommandError.usage("plot confusion: no evaluation in this session; run 'train' first")
            }
            return StudyCharts.confusion(evaluation)
        case .allocation:
            guard let plan = session.plan else { throw CommandError.usage("plot allocation: no plan yet; run 'allocate' first") }
            return StudyCharts.allocation(plan)
        case .curves:
            guard let plan = session.plan else { throw CommandError.usage("plot curves: no plan yet; run 'allocate' first") }
            let (model, _, resolved) = try AdviceContext.resolved(session)
            guard resolved.map(\.segment.name) == plan.lines.map(\.segment) else {
                throw CommandError.usage("plot curves: the segments changed since the plan; run 'allocate' again")
            }
            return StudyCharts.curves(plan, segments: resolved, spendCoefficient: model.spendCoefficient)
        }
    }

    /// Writes every chart the session can draw into `directory` (created if needed); returns the file names.
    static func writeAll(_ session: Session, into directory: String) throws -> [String] {
        let folder = session.resolve(directory)
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CommandError.failed("cannot create the directory '\(directory)': \(error.localizedDescription)")
        }
        var written: [String] = []
        for kind in StudyCharts.Kind.allCases {
            let scales: [AxisScaleKind] = kind == .loss ? [.linear, .log] : [.linear]
            for scale in scales {
                guard let text = try? svg(kind, session: session, scale: scale) else { continue }
                let name = "\(kind.rawValue)\(scale == .log ? "-log" : "").svg"
                try ModelCommands.write(text, to: folder + "/" + name)
                written.append(name)
            }
        }
        guard !written.isEmpty else { throw CommandError.usage("plot all: nothing to draw yet; run 'train' or 'allocate' first") }
        return written
    }
}
