import Testing
@testable import BudgetAdvisor

@Suite struct ModelFileTests {
    @Test func roundTripKeepsEverything() throws {
        let model = try ModelTrainer.train(SyntheticCustomers.generate(rows: 800, seed: 4)).model
        let text = ModelFile.render(model)
        let loaded = try ModelFile.parse(text, file: "m.json")
        #expect(loaded == model)
        #expect(ModelFile.render(loaded) == text)
        #expect(text.contains("\"coefficients\": {"))
        #expect(text.contains("\"spend_feature\": \"advertising_budget\""))
    }

    @Test func minimalFileFromAnotherToolLoads() throws {
        let text = """
        {"features": ["budget", "interest"], "intercept": -3.5, "coefficients": {"interest": 2.0, "budget": 0.04}}
        """
        let model = try ModelFile.parse(text, file: "spark.json")
        #expect(model.coefficients == [0.04, 2.0])
        #expect(model.spendFeature == "budget")
        #expect(model.covariance == nil)
    }

    @Test func badFieldsNameTheJSONPath() {
        func message(_ text: String) -> String? {
            do { _ = try ModelFile.parse(text, file: "m.json"); return nil } catch { return error.localizedDescription }
        }
        #expect(message(#"{"features": ["a"], "intercept": 1}"#)
                == "m.json: coefficients: is missing (an object from feature name to number)")
        #expect(message(#"{"features": ["a"], "intercept": "x", "coefficients": {"a": 1}}"#)
                == "m.json: intercept: must be a number, found a string")
        #expect(message(#"{"features": ["a"], "intercept": 1, "coefficients": {"a": 1, "b": 2}}"#)
                == "m.json: coefficients.b: is not one of the features (a)")
        #expect(message(#"{"features": ["a"], "intercept": 1, "coefficients": {"a": 1}, "spend_feature": "z"}"#)
                == "m.json: spend_feature: 'z' is not one of the features (a)")
        #expect(message("{\"features\": [\"a\"],\n \"intercept\": 1,") == "m.json:2: invalid JSON: unexpected end of file inside an object; expected a quoted key")
    }
}
