import Foundation

/// Commands that make, inspect and keep models: `generate`, `train`, `report`, `predict`, `save`.
enum ModelCommands {
    static let dataOptions: [OptionSpec] = [
        OptionSpec("features", "A,B,C", "feature columns (default: advertising_budget,user_interest,purchase_frequency)"),
        OptionSpec("label", "NAME", "label column, 0/1 or true/false (default: converted)"),
        OptionSpec("spend", "NAME", "the feature that is ad spend (default: advertising_budget, else the first feature)"),
        OptionSpec("delimiter", "CHAR", "field separator of the CSV: ',' (default), ';' or 'tab'"),
    ]

    static let generate: CommandSpec = CommandSpec(
        name: "generate", summary: "Write seeded synthetic customers to a CSV file.",
        synopsis: "--rows N --seed S --out FILE",
        details: """
        Columns: advertising_budget (uniform 10..100), user_interest and purchase_frequency (uniform 0..1) and
        converted, drawn from the true model P = σ(-6 + 0.06·budget + 3·interest + 2·frequency).
        The same seed gives the same bytes on every machine.
        Example: generate rows=10000 seed=7 out=customers.csv
        """,
        options: [
            OptionSpec("rows", "N", "number of customers (default 5,000)"),
            OptionSpec("seed", "S", "random seed (default 42)"),
            OptionSpec("out", "FILE", "where to write the CSV (required)", completion: .file),
        ]
    ) { session, arguments in
        let rows = try arguments.integer("rows") ?? SyntheticCustomers.defaultRows
        guard rows >= 2 else { throw CommandError.usage("rows=\(rows): need at least 2 rows") }
        try checkRowCap(rows)
        let seed = try seedValue(arguments)
        guard let out = arguments.string("out") ?? arguments.positionals.first else {
            throw CommandError.usage("generate: say where to write, e.g. out=customers.csv")
        }
        let data = SyntheticCustomers.generate(rows: rows, seed: seed)
        try write(SyntheticCustomers.csv(data), to: session.resolve(out))
        let rate = Double(data.positiveCount) / Double(rows)
        return "Wrote \(NumberFormatting.grouped(Double(rows))) customers (seed \(seed), \(NumberFormatting.fixed(100 * rate, 1))% converted) to \(out)\n"
    }

    static let train: CommandSpec = CommandSpec(
        name: "train", summary: "Train the conversion model by gradient descent and print its evaluation.",
        synopsis: "[data=FILE | rows=N seed=S]",
        details: """
        Minimizes the mean log loss plus (lambda/2)|w|² on standardized features (the intercept is not
        penalized), the objective of scikit-learn's LogisticRegression(C = 1/(lambda·N)) on z-scores.
        Without data= it trains on the embedded synthetic data (5,000 rows, seed 42) or the data already loaded.
        A stratified, seeded share of the rows (test-fraction, default 0.25) is held out for the evaluation.
        Examples: train    train data=customers.csv lambda=0.01    train rows=100000 out=model.json
        """,
        options: [
            OptionSpec("data", "FILE", "CSV file of customers", completion: .file),
            OptionSpec("rows", "N", "synthetic rows when no data is given (default 5,000)"),
            OptionSpec("seed", "S", "seed of the synthetic data and of the split (default 42)"),
            OptionSpec("lambda", "L", "L2 penalty on standardized weights (default 0.001)"),
            OptionSpec("learning-rate", "R", "step size (default 1/L from the gradient's Lipschitz bound)"),
            OptionSpec("max-iterations", "K", "iteration cap (default 10,000)"),
            OptionSpec("tolerance", "T", "stop at this gradient norm (default 1e-9)"),
            OptionSpec("method", "M", "accelerated (default), plain or barzilai-borwein gradient descent",
                       completion: .choice(TrainingOptions.Method.allCases.map(\.rawValue))),
            OptionSpec("test-fraction", "F", "share held out for evaluation, 0 trains on all (default 0.25)"),
        ] + dataOptions + [
            OptionSpec("out", "FILE", "write the model file here", completion: .file),
            OptionSpec("plots", "DIR", "write the charts (SVG) into this directory", completion: .file),
            .flag("force", "let out= replace a file that is not a budget-advisor model"),
        ]
    ) { session, arguments in
        var out = try runTraining(&session, arguments)
        if let directory = arguments.string("plots") {
            out += "Charts: \(try ChartCommands.writeAll(session, into: directory).joined(separator: ", ")) in \(directory)/\n"
        }
        return out
    }

    static let report: CommandSpec = CommandSpec(
        name: "report", summary: "Print the model and its evaluation, or write the one-file HTML report.",
        synopsis: "[html=FILE]",
        details: """
        Shows the coefficients on the original scale, the descent and the held-out evaluation.
        html=FILE writes a self-contained page (no network, charts inline) with the model, the classification
        report, the charts and the allocation plan with its bound and marginal values. From the command line,
        with nothing loaded, it trains the default model, loads the default scenario and allocates first.
        Examples: report    report html=report.html    budget-advisor report --html report.html
        """,
        options: [OptionSpec("html", "FILE", "write the HTML report here", completion: .file)] + AdviceContext.options
    ) { session, arguments in
        if let path = arguments.string("html") {
            var notes = ""
            if session.model == nil || arguments.string("model") != nil || arguments.string("scenario") != nil {
                notes = try AdviceContext.prepare(&session, arguments)
                if session.plan == nil, let plan = try? AdviceCommands.makePlan(session, CommandArguments()) { session.plan = plan }
            }
            try write(try HTMLReportBuilder.render(session), to: session.resolve(path))
            return notes + "Wrote the HTML report to \(path)\n"
        }
        let model = try session.requireModel()
        var out = describe(model)
        if let evaluation = session.evaluation { out += "\n" + evaluation.render() }
        return out
    }

    static let predict: CommandSpec = CommandSpec(
        name: "predict", summary: "Conversion probability of one customer profile.",
        synopsis: "FEATURE=VALUE ...",
        details: """
        Give every feature of the model; names may be shortened to any unambiguous part.
        Example: predict advertising_budget=50 user_interest=0.7 purchase_frequency=0.4
                 predict budget=50 interest=0.7 frequency=0.4
        """,
        acceptsAnyKey: true, positionalCompletion: .feature
    ) { session, arguments in
        let model = try session.requireModel()
        var values = [Double?](repeating: nil, count: model.featureNames.count)
        for (key, text) in arguments.options {
            guard let name = NameMatching.match(key, in: model.featureNames), let index = model.featureNames.firstIndex(of: name) else {
                let reason = model.featureNames.contains(where: { $0.contains(key) }) ? "is ambiguous" : "is not a feature"
                throw CommandError.usage("predict: '\(key)' \(reason); the features are \(model.featureNames.joined(separator: ", "))")
            }
            guard let value = AmountParser.parse(text) else { throw CommandError.usage("predict: \(key)=\(text) is not a number") }
            values[index] = value
        }
        let missing = model.featureNames.indices.filter { values[$0] == nil }.map { model.featureNames[$0] }
        guard missing.isEmpty else {
            throw CommandError.usage("predict: give a value for \(missing.joined(separator: ", ")), e.g. predict \(model.featureNames.map { "\($0)=…" }.joined(separator: " "))")
        }
        let x = values.map { $0! }
        let probability = model.probability(x)
        var out = "P(convert) = \(NumberFormatting.fixed(probability, 4))  (logit \(NumberFormatting.fixed(model.margin(x), 4)); predicted \(probability >= 0.5 ? "converts" : "does not convert"))\n"
        if let ranges = model.featureRanges {
            for (j, range) in ranges.enumerated() where !range.contains(x[j]) {
                out += "warning: \(model.featureNames[j]) = \(NumberFormatting.compact(x[j])) is outside the training range \(NumberFormatting.compact(range.lowerBound))..\(NumberFormatting.compact(range.upperBound)): this is extrapolation\n"
            }
        }
        return out
    }

    static let save: CommandSpec = CommandSpec(
        name: "save", summary: "Save the model (JSON) or the scenario to a file.",
        synopsis: "[model|scenario] FILE",
        details: "Example: save model.json    save scenario my-plan.json (files are replaced atomically)",
        options: [.flag("force", "replace a file that is not one of ours")], positionalCompletion: .file
    ) { session, arguments in
        var words = arguments.positionals
        var what = "model"
        if let first = words.first, ["model", "scenario"].contains(first) { what = first; words.removeFirst() }
        guard let path = words.first else { throw CommandError.usage("save: give a file name, e.g. save model.json") }
        let resolved = session.resolve(path)
        try refuseForeignFile(resolved, shownAs: path, kind: what, force: arguments.flag("force"))
        if what == "scenario" {
            let scenario = try session.requireScenario()
            try write(ScenarioFile.render(scenario), to: resolved)
            session.scenarioUnsaved = false
            return "Saved scenario '\(scenario.name)' to \(path)\n"
        }
        let model = try session.requireModel()
        try write(ModelFile.render(model), to: resolved)
        session.modelPath = path
        session.modelUnsaved = false
        return "Saved model to \(path)\n"
    }

    // MARK: - Work

    /// The most synthetic rows generated at once: 10^8 rows are 3.2 GB of numbers.
    static let maximumSyntheticRows = 100_000_000

    static func checkRowCap(_ rows: Int) throws {
        guard rows <= maximumSyntheticRows else {
            throw CommandError.usage("rows=\(NumberFormatting.grouped(Double(rows))): at most \(NumberFormatting.grouped(Double(maximumSyntheticRows))) synthetic rows (\(NumberFormatting.grouped(Double(rows) * 32 / 1e9, 1)) GB of numbers would not fit in memory)")
        }
    }

    static func seedValue(_ arguments: CommandArguments) throws -> UInt64 {
        guard let seed = try arguments.integer("seed") else { return SyntheticCustomers.defaultSeed }
        guard seed >= 0 else { throw CommandError.usage("seed=\(seed): must be zero or more") }
        return UInt64(seed)
    }

    static func schema(_ arguments: CommandArguments) throws -> DatasetSchema {
        let features = arguments.list("features") ?? SyntheticCustomers.featureNames
        let spend = arguments.string("spend")
            ?? (features.contains(SyntheticCustomers.spendFeature) ? SyntheticCustomers.spendFeature : features.first)
        var delimiter = UInt8(ascii: ",")
        if let text = arguments.string("delimiter") {
            switch text {
            case "tab", "\\t", "\t": delimiter = UInt8(ascii: "\t")
            case _ where text.utf8.count == 1 && text != "\"" && text != "\n": delimiter = text.utf8.first!
            default: throw CommandError.usage("delimiter=\(text): give one character such as ';' or the word tab")
            }
        }
        return DatasetSchema(features: features, label: arguments.string("label") ?? SyntheticCustomers.labelName,
                             spend: spend, delimiter: delimiter)
    }

    static func trainingOptions(_ arguments: CommandArguments) throws -> TrainingOptions {
        var options = TrainingOptions()
        if let lambda = try arguments.amount("lambda") { options.lambda = lambda }
        options.learningRate = try arguments.amount("learning-rate")
        if let cap = try arguments.integer("max-iterations") { options.maxIterations = cap }
        if let tolerance = try arguments.amount("tolerance") { options.tolerance = tolerance }
        if let text = arguments.string("method") {
            guard let method = TrainingOptions.Method(rawValue: text) else {
                throw CommandError.usage("method=\(text): use \(TrainingOptions.Method.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.method = method
        }
        do { try options.validate() } catch { throw CommandError.usage(error.localizedDescription) }
        return options
    }

    static func runTraining(_ session: inout Session, _ arguments: CommandArguments) throws -> String {
        let options = try trainingOptions(arguments)
        let seed = try seedValue(arguments)
        let testFraction = try arguments.amount("test-fraction") ?? 0.25
        var out = ""
        if let path = arguments.string("data") {
            guard arguments.string("rows") == nil else {
                throw CommandError.usage("train: give data=FILE or rows=N (synthetic data), not both")
            }
            let schema = try schema(arguments)
            do {
                let resolved = session.resolve(path)
                session.data = try LoadProgress.around(path: resolved, shownAs: path, progress: session.progress) {
                    try DatasetLoader.load(path: resolved, schema: schema)
                }
                session.data?.source = path
            } catch let error as DataError {
                var error = error
                if error.file == session.resolve(path) { error.file = path }
                throw CommandError.failed(error.localizedDescription)
            }
        } else if arguments.string("rows") != nil || arguments.string("seed") != nil || session.data == nil {
            let rows = try arguments.integer("rows") ?? SyntheticCustomers.defaultRows
            guard rows >= 8 else { throw CommandError.usage("rows=\(rows): need at least 8 rows to train and evaluate") }
            try checkRowCap(rows)
            if arguments.string("features") != nil || arguments.string("label") != nil {
                throw CommandError.usage("train: features=/label= choose columns of a CSV file; add data=FILE")
            }
            session.data = SyntheticCustomers.generate(rows: rows, seed: seed)
        }
        let data = session.data!
        let split: TrainTestSplit
        do { split = try TrainTestSplit(labels: data.labels, testFraction: testFraction, seed: seed) } catch {
            throw CommandError.usage(error.localizedDescription)
        }
        let trainingRows = split.testIndices.isEmpty ? data : data.subset(split.trainIndices)
        let progress = session.progress
        let outcome: ModelTrainer.Outcome
        do {
            outcome = try ModelTrainer.train(trainingRows, options: options) { iteration, norm in
                progress?("  iteration \(NumberFormatting.grouped(Double(iteration))): gradient norm \(NumberFormatting.compact(norm, significant: 3))")
            }
        } catch { throw CommandError.failed(error.localizedDescription) }
        if outcome.diverged {
            throw CommandError.failed("training diverged and the model was not kept: \(outcome.diagnosis ?? "")")
        }
        let evaluation = split.testIndices.isEmpty
            ? Evaluation(model: outcome.model, data: data, subset: "training")
            : Evaluation(model: outcome.model, data: data.subset(split.testIndices), subset: "held-out")
        session.model = outcome.model
        session.descent = outcome.descent
        session.split = split
        session.evaluation = evaluation
        session.modelUnsaved = true
        session.modelPath = nil
        out += "Trained on \(NumberFormatting.grouped(Double(split.trainIndices.count))) of \(NumberFormatting.grouped(Double(data.rowCount))) rows of \(data.source)"
        out += split.testIndices.isEmpty ? " (none held out)\n" : " (\(NumberFormatting.grouped(Double(split.testIndices.count))) held out)\n"
        out += describe(outcome.model, lossHistory: outcome.descent.lossHistory)
        if let diagnosis = outcome.diagnosis { out += "warning: " + diagnosis + "\n" }
        out += "\n" + evaluation.render()
        if let path = arguments.string("out") {
            try refuseForeignFile(session.resolve(path), shownAs: path, kind: "model", force: arguments.flag("force"))
            try write(ModelFile.render(outcome.model), to: session.resolve(path))
            session.modelPath = path
            session.modelUnsaved = false
            out += "\nModel written to \(path)\n"
        }
        return out
    }

    /// The model's coefficients and training summary as text.
    static func describe(_ model: LogisticModel, lossHistory: [Double]? = nil) -> String {
        var out = ""
        if let training = model.training {
            out += "Gradient descent (\(training.method), step \(NumberFormatting.compact(training.learningRate, significant: 4))): "
            switch training.stopReason {
            case StopReason.converged.rawValue:
                out += "converged in \(NumberFormatting.grouped(Double(training.iterations))) iterations"
            case StopReason.diverged.rawValue:
                out += "DIVERGED after \(training.iterations) iterations"
            case "separable":
                out += "stopped after \(NumberFormatting.grouped(Double(training.iterations))) iterations: the classes are separable"
            default:
                out += "stopped at the iteration cap (\(NumberFormatting.grouped(Double(training.iterations)))) before converging"
            }
            out += "\n  objective \(NumberFormatting.compact(training.objective, significant: 10)), gradient norm \(String(format: "%.2e", training.gradientNorm))"
            if let lambda = model.lambda { out += ", lambda \(NumberFormatting.compact(lambda))" }
            out += "\n"
        }
        if let history = lossHistory, history.count > 1 {
            out += "  loss " + TerminalLossLine.render(history) + "\n"
        }
        let isSynthetic = model.featureNames == SyntheticCustomers.featureNames
            && model.training?.source.hasPrefix("synthetic(") == true
        var table = TextTable(headers: isSynthetic ? ["term", "coefficient", "true value"] : ["term", "coefficient"])
        table.append(["intercept", NumberFormatting.compact(model.intercept)] + (isSynthetic ? [NumberFormatting.compact(SyntheticCustomers.trueIntercept)] : []))
        for (j, name) in model.featureNames.enumerated() {
            let label = name == model.spendFeature ? name + " (spend)" : name
            table.append([label, NumberFormatting.compact(model.coefficients[j])]
                         + (isSynthetic ? [NumberFormatting.compact(SyntheticCustomers.trueCoefficients[j])] : []))
        }
        out += "\nCoefficients (original scale; P(convert) = σ(intercept + Σ coefficient × feature)):\n"
        out += table.render(indent: "  ")
        return out
    }

    /// Refuses to replace an existing file that is not a budget-advisor model or scenario (a user's CSV, say)
    /// unless `force`.
    static func refuseForeignFile(_ path: String, shownAs name: String, kind: String, force: Bool) throws {
        guard !force, FileManager.default.fileExists(atPath: path) else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return } // the write says why
        let head = AtomicFile.head(of: path) ?? ""
        let ours = kind == "scenario" ? head.contains("\"segments\"") : head.contains("\"\(ModelFile.formatTag)\"")
        guard ours else {
            throw CommandError.failed("save: '\(name)' exists and is not a budget-advisor \(kind); choose another name or add --force to replace it")
        }
    }

    static func write(_ text: String, to path: String) throws {
        do { try AtomicFile.write(text, to: path) } catch { throw CommandError.failed(error.localizedDescription) }
    }
}

/// A one-line sketch of the loss curve for the terminal (log scale of the excess over the final value).
enum TerminalLossLine {
    static func render(_ history: [Double], width: Int = 40) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let final = history.last!
        let step = max(1, history.count / width)
        let samples = stride(from: 0, to: history.count, by: step).map { history[$0] }
        let excess = samples.map { log10(max($0 - final, 1e-16)) }
        let low = excess.min()!, high = excess.max()!
        let span = max(high - low, 1e-12)
        let line = String(excess.map { blocks[min(7, Int(((($0 - low) / span) * 7).rounded()))] })
        return "\(line)  \(NumberFormatting.compact(history[0], significant: 4)) → \(NumberFormatting.compact(final, significant: 8)) over \(history.count) iterations (excess over final, log scale)"
    }
}
