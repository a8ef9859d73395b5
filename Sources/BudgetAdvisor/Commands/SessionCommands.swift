import Foundation

/// Commands about the session itself: `load`, `help`, `quit`.
enum SessionCommands {
    static let load: CommandSpec = CommandSpec(
        name: "load", summary: "Load a data CSV, a model file or a scenario file.",
        synopsis: "[data|model|scenario] FILE",
        details: """
        The kind is taken from the file: .csv is data, JSON with "segments" is a scenario, JSON with
        "coefficients" is a model. Data options (features=, label=, spend=, delimiter=) apply to CSV files.
        Examples: load scenarios/default.json    load model.json    load customers.csv features=a,b label=y
        """,
        options: ModelCommands.dataOptions, positionalCompletion: .file
    ) { session, arguments in
        var words = arguments.positionals
        var kind: String?
        if let first = words.first, ["data", "model", "scenario"].contains(first) { kind = first; words.removeFirst() }
        guard let path = words.first else { throw CommandError.usage("load: give a file, e.g. load scenarios/default.json") }
        guard words.count == 1 else { throw CommandError.usage("load: one file at a time (quote names with spaces)") }
        let resolved = session.resolve(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            throw CommandError.failed("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CommandError.failed("\(path): is a directory; give a file in it") }
        if kind == nil { kind = try fileKind(resolved, shownAs: path) }
        switch kind! {
        case "data":
            return try loadData(&session, path: path, arguments: arguments)
        case "model":
            return try loadModel(&session, path: path)
        default:
            return try loadScenario(&session, path: path)
        }
    }

    static let help: CommandSpec = CommandSpec(
        name: "help", aliases: ["?"], summary: "List the commands, or explain one.", synopsis: "[COMMAND]"
    ) { _, arguments in
        let table = CommandTable.standard
        if let name = arguments.positionals.first {
            guard let spec = table.command(named: name) else {
                throw CommandError.usage(table.unknownCommandMessage(name))
            }
            return spec.help()
        }
        return table.overview()
    }

    static let quit: CommandSpec = CommandSpec(
        name: "quit", aliases: ["exit"], summary: "Leave (warns once about an unsaved model or scenario).",
        options: [.flag("force", "leave without the warning")], replOnly: true
    ) { _, _ in "" }

    // MARK: - Work

    /// How much of a file `load` reads to see whether it may be JSON.
    static let sniffBytes = 4096

    /// What `load` makes of the file at `resolved` (shown as `path`) when no kind is given: `data`, `model` or
    /// `scenario`. A `.csv`, `.tsv` or `.txt` name is data; otherwise a JSON object with `segments` is a
    /// scenario and one with `coefficients` a model; anything else is a scenario if named `.json`, else data.
    /// Only the first `sniffBytes` of a large file are read unless they start like a JSON object or array, so a
    /// large CSV with another name is not read as text first; a pipe is not read at all (the loader reads it).
    /// - Throws: `CommandError.failed` for JSON that is neither a scenario nor a model.
    static func fileKind(_ resolved: String, shownAs path: String) throws -> String {
        let lowercased = path.lowercased()
        if lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".tsv") || lowercased.hasSuffix(".txt") { return "data" }
        if mayBeJSON(resolved), let text = try? String(contentsOfFile: resolved, encoding: .utf8),
           let root = try? JSONParser.parse(text) {
            if root["segments"] != nil { return "scenario" }
            if root["coefficients"] != nil { return "model" }
            throw CommandError.failed("\(path): JSON with neither \"segments\" (a scenario) nor \"coefficients\" (a model)")
        }
        return lowercased.hasSuffix(".json") ? "scenario" : "data"
    }

    /// Whether the regular file at `path` may hold a JSON document worth reading whole: it is small (at most
    /// `sniffBytes`), or its first non-blank character (after a byte-order mark) opens an object or array, or
    /// its first `sniffBytes` are all blank. Pipes and devices are not read here.
    static func mayBeJSON(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        if status.st_size <= sniffBytes { return true }
        guard let head = AtomicFile.head(of: path, count: sniffBytes) else { return false }
        let first = head.unicodeScalars.first { !["\u{FEFF}", " ", "\t", "\r", "\n"].contains($0) }
        return first == nil || first == "{" || first == "["
    }

    static func loadData(_ session: inout Session, path: String, arguments: CommandArguments) throws -> String {
        let schema = try ModelCommands.schema(arguments)
        do {
            let resolved = session.resolve(path)
            var data = try LoadProgress.around(path: resolved, shownAs: path, progress: session.progress) {
                try DatasetLoader.load(path: resolved, schema: schema)
            }
            data.source = path
            session.data = data
            session.split = nil
            let rate = Double(data.positiveCount) / Double(data.rowCount)
            return "Loaded \(NumberFormatting.grouped(Double(data.rowCount))) rows from \(path) (\(NumberFormatting.fixed(100 * rate, 1))% converted; features \(data.featureNames.joined(separator: ", ")); spend \(data.spendFeature)). Run 'train' to fit a model.\n"
        } catch var error as DataError {
            if error.file == session.resolve(path) { error.file = path }
            throw CommandError.failed(error.localizedDescription)
        }
    }

    static func loadModel(_ session: inout Session, path: String) throws -> String {
        do {
            let model = try ModelFile.load(path: session.resolve(path))
            session.model = model
            session.modelPath = path
            session.modelUnsaved = false
            session.descent = nil
            session.evaluation = nil
            var out = "Loaded model from \(path) (features \(model.featureNames.joined(separator: ", ")); spend \(model.spendFeature))\n"
            if model.covariance == nil {
                out += "note: the file has no covariance, so what-if intervals cover only the outcome spread\n"
            }
            return out
        } catch var error as JSONFieldError {
            if error.file.hasPrefix(session.resolve(path)) { error.file = path + error.file.dropFirst(session.resolve(path).count) }
            throw CommandError.failed(error.localizedDescription)
        }
    }

    static func loadScenario(_ session: inout Session, path: String) throws -> String {
        var scenario: Scenario
        do {
            scenario = try ScenarioFile.load(path: session.resolve(path))
        } catch var error as JSONFieldError {
            if error.file.hasPrefix(session.resolve(path)) { error.file = path + error.file.dropFirst(session.resolve(path).count) }
            throw CommandError.failed(error.localizedDescription)
        }
        scenario.source = path
        var out = ""
        if let modelPath = scenario.modelPath {
            let relative = modelPath.hasPrefix("/") ? modelPath
                : (URL(fileURLWithPath: path).deletingLastPathComponent().path == "." ? modelPath
                   : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(modelPath).relativePath)
            out += try loadModel(&session, path: relative)
        } else if scenario.training != nil || session.model == nil {
            out += try trainForScenario(&session, scenario)
        }
        if let model = session.model {
            do { _ = try scenario.resolve(for: model) } catch { throw CommandError.failed(error.localizedDescription) }
        }
        session.scenario = scenario
        session.scenarioUnsaved = false
        out += "Loaded scenario '\(scenario.name)' from \(path): \(scenario.segments.count) segments, \(NumberFormatting.grouped(Double(scenario.segments.reduce(0) { $0 + $1.customers }))) customers, budget \(NumberFormatting.grouped(scenario.totalBudget))\n"
        if let description = scenario.description { out += "  " + description + "\n" }
        return out
    }

    /// Trains the model a scenario asks for (or the default) and says so in one line.
    static func trainForScenario(_ session: inout Session, _ scenario: Scenario) throws -> String {
        var options: [(key: String, value: String)] = [("test-fraction", "0.25")]
        if let training = scenario.training {
            if let rows = training.rows { options.append(("rows", String(rows))) }
            if let seed = training.seed { options.append(("seed", String(seed))) }
            if let lambda = training.lambda { options.append(("lambda", "\(lambda)")) }
            if let data = training.data { options.append(("data", data)) }
        }
        _ = try ModelCommands.runTraining(&session, CommandArguments(options: options))
        let model = session.model!
        let accuracy = session.evaluation.map { NumberFormatting.fixed(100 * $0.report.accuracy, 1) + "% held-out accuracy" } ?? ""
        return "Trained a model on \(session.data?.source ?? "synthetic data") in \(model.training?.iterations ?? 0) iterations (\(accuracy)); 'report' shows it.\n"
    }
}
