import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct ScenarioFileTests {
    static let model = LogisticModel(featureNames: SyntheticCustomers.featureNames, spendFeature: "advertising_budget",
                                     intercept: -6, coefficients: [0.06, 3, 2], featureRanges: [10...100, 0...1, 0...1])

    func message(_ text: String) -> String? {
        do {
            let scenario = try ScenarioFile.parse(text, file: "scenarios/x.json")
            _ = try scenario.resolve(for: Self.model)
            return nil
        } catch { return error.localizedDescription }
    }

    func scenario(segments: String, extra: String = "") -> String {
        #"{"name": "t", "total_budget": 1000\#(extra), "segments": [\#(segments)]}"#
    }

    let good = #"{"name": "a", "customers": 10, "features": {"user_interest": 0.5, "purchase_frequency": 0.5}}"#

    @Test func fixedKeysParse() throws {
        let text = #"{"name": "Q3", "total_budget": 150000, "segments": [{"name": "loyal", "customers": 1200, "features": {"user_interest": 0.8, "purchase_frequency": 0.7}, "min": 10, "max": 100}]}"#
        let parsed = try ScenarioFile.parse(text, file: "s.json")
        #expect(parsed.segments == [Segment(name: "loyal", customers: 1200, features: ["user_interest": 0.8, "purchase_frequency": 0.7], minSpend: 10, maxSpend: 100)])
        #expect(try ScenarioFile.parse(ScenarioFile.render(parsed), file: "s.json").segments == parsed.segments)
    }

    @Test func everyShippedScenarioLoadsAndTheDefaultIsEmbedded() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 3)
        for file in files {
            let scenario = try ScenarioFile.load(path: folder.appendingPathComponent(file).path)
            _ = try scenario.resolve(for: Self.model)
        }
        let shipped = try String(contentsOf: folder.appendingPathComponent("default.json"), encoding: .utf8)
        #expect(shipped == DefaultScenario.json)
    }

    @Test func errorsNameTheFileAndTheJSONPath() {
        let cases: [(String, String)] = [
            (scenario(segments: [good, good.replacingOccurrences(of: "\"a\"", with: "\"b\""),
                                 #"{"name": "c", "customers": 2.5, "features": {}}"#].joined(separator: ",")),
             "scenarios/x.json: segments[2].customers: must be a positive integer"),
            (scenario(segments: #"{"name": "a", "customers": -3, "features": {}}"#),
             "scenarios/x.json: segments[0].customers: must be a positive integer"),
            (scenario(segments: #"{"name": "a", "customers": "many", "features": {}}"#),
             "scenarios/x.json: segments[0].customers: must be a positive integer"),
            (scenario(segments: #"{"name": "a", "features": {}}"#),
             "scenarios/x.json: segments[0].customers: is missing (a positive integer)"),
            (scenario(segments: #"{"name": "a", "customers": 5, "features": {"user_interest": 0.5}}"#),
             "scenarios/x.json: segments[0].features.purchase_frequency: is missing; the model needs a value for every feature but the spend"),
            (scenario(segments: #"{"name": "a", "customers": 5, "features": {"user_interest": 0.5, "purchase_frequency": 1, "age": 3}}"#),
             "scenarios/x.json: segments[0].features.age: is not a feature of the model (it has user_interest, purchase_frequency)"),
            (scenario(segments: #"{"name": "a", "customers": 5, "features": {"user_interest": 0.5, "purchase_frequency": 1}, "min": 50, "max": 20}"#),
             "scenarios/x.json: segments[0].min: (50) exceeds max (20)"),
            (scenario(segments: good + "," + good), "scenarios/x.json: segments[1].name: 'a' is used by another segment"),
            (#"{"name": "t", "segments": []}"#, "scenarios/x.json: total_budget: is missing (a number)"),
            (#"{"name": "t", "total_budget": -5, "segments": []}"#, "scenarios/x.json: total_budget: must be zero or more"),
            (#"{"name": "t", "total_budget": 5, "segments": {}}"#, "scenarios/x.json: segments: must be an array, found an object"),
            (#"{"name": "t", "total_budget": 5, "segmets": []}"#,
             "scenarios/x.json: segmets: is not a scenario key (known: default_max, default_min, description, model, name, segments, total_budget, training)"),
            ("{\"name\": \"t\",\n\"total_budget\": 5,\n\"segments\": [}", "scenarios/x.json:3: invalid JSON: unexpected character '}'; expected a value"),
            ("", "scenarios/x.json:1: invalid JSON: the file is empty; expected a JSON value"),
        ]
        for (text, expected) in cases { #expect(message(text) == expected) }
    }

    @Test func boundsDefaultToScenarioThenTrainingRange() throws {
        let text = scenario(segments: [good, #"{"name": "b", "customers": 3, "features": {"user_interest": 0.1, "purchase_frequency": 0.2}, "max": 40}"#].joined(separator: ","),
                            extra: #", "default_min": 15"#)
        let resolved = try ScenarioFile.parse(text, file: "s.json").resolve(for: Self.model)
        #expect(resolved[0].minSpend == 15 && resolved[0].maxSpend == 100)
        #expect(resolved[1].minSpend == 15 && resolved[1].maxSpend == 40)
        #expect(abs(resolved[1].baseLogit - (-6 + 0.3 + 0.4)) < 1e-12)
    }

    @Test func trainingSeedZeroIsAccepted() throws {
        let parsed = try ScenarioFile.parse(scenario(segments: good, extra: #", "training": {"seed": 0, "rows": 100}"#), file: "s.json")
        #expect(parsed.training?.seed == 0)
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(message(deep) == "scenarios/x.json:1: invalid JSON: nested deeper than 64 levels")
    }
}
