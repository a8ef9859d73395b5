import Foundation

/// Makes sure a command that gives advice has a model and a scenario: loads `model=` / `scenario=` when given,
/// otherwise keeps the session's, falling back to the default scenario and a model trained on the embedded
/// synthetic data (said in one line).
enum AdviceContext {
    static let options: [OptionSpec] = [
        OptionSpec("model", "FILE", "use this model file", completion: .file),
        OptionSpec("scenario", "FILE", "use this scenario file", completion: .file),
    ]

    /// Loads what is asked for or missing; returns the notes to print first.
    static func prepare(_ session: inout Session, _ arguments: CommandArguments) throws -> String {
        var notes = ""
        if let path = arguments.string("model") {
            notes += try SessionCommands.loadModel(&session, path: path)
        }
        if let path = arguments.string("scenario") {
            notes += try SessionCommands.loadScenario(&session, path: path)
        } else if session.scenario == nil {
            notes += try loadDefaultScenario(&session)
        }
        if session.model == nil {
            notes += try SessionCommands.trainForScenario(&session, session.scenario!)
            session.modelUnsaved = false
        }
        return notes
    }

    /// Loads `scenarios/default.json` from the working directory if it is there, else the embedded copy.
    static func loadDefaultScenario(_ session: inout Session) throws -> String {
        let shipped = session.resolve(DefaultScenario.path)
        if FileManager.default.fileExists(atPath: shipped) {
            return try SessionCommands.loadScenario(&session, path: DefaultScenario.path)
        }
        var scenario = DefaultScenario.load()
        scenario.source = "(embedded) " + DefaultScenario.path
        var notes = ""
        if session.model == nil {
            notes += try SessionCommands.trainForScenario(&session, scenario)
            session.modelUnsaved = false
        }
        session.scenario = scenario
        return notes + "Loaded the embedded default scenario '\(scenario.name)': \(scenario.segments.count) segments, budget \(NumberFormatting.grouped(scenario.totalBudget))\n"
    }

    /// The model, the scenario and its segments resolved for the model.
    static func resolved(_ session: Session) throws -> (LogisticModel, Scenario, [ResolvedSegment]) {
        let model = try session.requireModel()
        let scenario = try session.requireScenario()
        guard !scenario.segments.isEmpty else {
            throw CommandError.usage("the scenario has no segments: add one with 'segments add NAME customers=N \(model.featureNames.filter { $0 != model.spendFeature }.map { "\($0)=…" }.joined(separator: " "))'")
        }
        do {
            return (model, scenario, try scenario.resolve(for: model))
        } catch {
            throw CommandError.failed(error.localizedDescription + " (the scenario does not fit the model: load a matching model or fix the scenario)")
        }
    }
}
