/// The default scenario, embedded so the tool runs anywhere; identical to `scenarios/default.json` (a test
/// checks it).
public enum DefaultScenario {
    /// Where the shipped copy lives, relative to the repository root.
    public static let path = "scenarios/default.json"

    /// The JSON text.
    public static let json = #"""
{
  "name": "Spring campaign",
  "description": "Five segments of an online store's customer base; 400,000 to spend, 10 to 100 per customer.",
  "total_budget": 400000,
  "default_min": 10,
  "default_max": 100,
  "segments": [
    {"name": "loyal", "customers": 1200, "features": {"user_interest": 0.8, "purchase_frequency": 0.7}},
    {"name": "engaged", "customers": 2500, "features": {"user_interest": 0.6, "purchase_frequency": 0.4}},
    {"name": "window-shoppers", "customers": 3000, "features": {"user_interest": 0.7, "purchase_frequency": 0.05}},
    {"name": "new", "customers": 4000, "features": {"user_interest": 0.4, "purchase_frequency": 0.1}},
    {"name": "lapsed", "customers": 1800, "features": {"user_interest": 0.2, "purchase_frequency": 0.3}}
  ]
}

"""#

    /// The parsed scenario.
    public static func load() -> Scenario {
        // The embedded text is tested to parse; a failure here is a build defect, not a user error.
        guard let scenario = try? ScenarioFile.parse(json, file: "(embedded) " + path) else {
            fatalError("the embedded default scenario does not parse")
        }
        return scenario
    }
}
