/// Everything a session knows: the data, the model and how it was trained, the scenario and the last plan.
/// Commands read and change it; the REPL keeps one for its lifetime, a subcommand makes a fresh one.
public struct Session: Sendable {
    /// The loaded or generated data.
    public var data: Dataset?
    /// How `data` was split for the last training run.
    public var split: TrainTestSplit?
    /// The current model.
    public var model: LogisticModel?
    /// The last descent (loss history), when the model was trained in this session.
    public var descent: DescentResult?
    /// The last evaluation of the model.
    public var evaluation: Evaluation?
    /// Where the model was last saved or loaded from, and whether it changed since.
    public var modelPath: String?
    public var modelUnsaved = false
    /// The current scenario.
    public var scenario: Scenario?
    /// Whether the scenario was changed in the session since it was loaded.
    public var scenarioUnsaved = false
    /// The last allocation plan, and whether it was exported since.
    public var plan: AllocationPlan?
    public var planUnsaved = false
    /// Where relative paths are resolved (the process's working directory).
    public var workingDirectory: String
    /// Receives progress lines of long computations (the REPL prints them as they come).
    public var progress: (@Sendable (String) -> Void)?

    /// An empty session resolving paths against `workingDirectory`.
    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    /// `path` made absolute against the working directory (`~` expanded).
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("~/") || path == "~" {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? "/"
            return home + path.dropFirst()
        }
        if path.hasPrefix("/") { return path }
        return workingDirectory + "/" + path
    }

    /// The model, or a usage error that says how to get one.
    public func requireModel() throws -> LogisticModel {
        guard let model else {
            throw CommandError.usage("no model yet: run 'train' (synthetic data by default) or 'load model.json'")
        }
        return model
    }

    /// The scenario, or a usage error that says how to get one.
    public func requireScenario() throws -> Scenario {
        guard let scenario else {
            throw CommandError.usage("no scenario yet: 'load scenarios/default.json' or add segments with 'segments add'")
        }
        return scenario
    }
}

import Foundation
