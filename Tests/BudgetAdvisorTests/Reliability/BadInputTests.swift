import Foundation
import Testing
@testable import BudgetAdvisor

/// One bad input, the exact message it gets today, and (when the message could be clearer) a better wording.
/// `Tests/scripts/bad_inputs.md` is rendered from this catalog; a test keeps the two identical.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// Stable identifier (also the first column of the Markdown table).
    var id: String
    /// CSV, scenario, model or REPL.
    var area: String
    /// The input, in words or as a short literal (for the table).
    var input: String
    /// The message expected today; `<tmp>` is the test's temporary directory, `⟨…⟩` any text.
    var expected: String
    /// A clearer wording proposed for the message, if the current one is not good enough.
    var better: String?
    /// Produces the message (nil when nothing was thrown), with the temporary directory already shown as `<tmp>`.
    var run: @Sendable () throws -> String?

    var testDescription: String { id }

    init(_ id: String, _ area: String, _ input: String, _ expected: String, better: String? = nil,
         run: @escaping @Sendable () throws -> String?) {
        self.id = id
        self.area = area
        self.input = input
        self.expected = expected
        self.better = better
        self.run = run
    }
}

/// The catalog of bad inputs and the helpers that feed them to the readers.
enum BadInputCatalog {
    static let h = Reliability.header
    static let good = Reliability.rows

    static func csv(_ text: String, schema: DatasetSchema = .standard) -> String? {
        Reliability.message { _ = try DatasetLoader.parse(Data(text.utf8), file: "in.csv", schema: schema) }
    }

    static func csvBytes(_ bytes: [UInt8]) -> String? {
        Reliability.message { _ = try DatasetLoader.parse(Data(bytes), file: "in.csv", schema: .standard) }
    }

    /// Writes `contents` to a temporary file and loads it as CSV; the directory is shown as `<tmp>`.
    static func csvFile(_ name: String, _ contents: (String) throws -> Void) throws -> String? {
        let folder = try Reliability.temporaryDirectory("csv")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try contents(folder + "/" + name)
        return Reliability.message { _ = try DatasetLoader.load(path: folder + "/" + name) }?
            .replacingOccurrences(of: folder, with: "<tmp>")
    }

    static func scenario(_ text: String) -> String? {
        Reliability.message { _ = try ScenarioFile.parse(text, file: "s.json") }
    }

    static func scenarioFile(_ name: String, _ contents: (String) throws -> Void) throws -> String? {
        let folder = try Reliability.temporaryDirectory("scenario")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try contents(folder + "/" + name)
        return Reliability.message { _ = try ScenarioFile.load(path: folder + "/" + name) }?
            .replacingOccurrences(of: folder, with: "<tmp>")
    }

    /// Parses the scenario, then checks it against `model` (the study's model by default).
    static func resolve(_ text: String, model: LogisticModel = Reliability.studyModel) -> String? {
        Reliability.message { _ = try ScenarioFile.parse(text, file: "s.json").resolve(for: model) }
    }

    static func model(_ text: String) -> String? {
        Reliability.message { _ = try ModelFile.parse(text, file: "m.json") }
    }

    /// Runs `setup` then `line` in a fresh session in a temporary directory (with `scenarios/` copied in and
    /// `files` written); returns the last line's error with the directory shown as `<tmp>`.
    static func repl(_ line: String, setup: [String] = [], files: [String: String] = [:]) throws -> String? {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        for command in setup {
            let outcome = interpreter.execute(command)
            if let error = outcome.error { return "setup '\(command)' failed: \(error)" }
        }
        let outcome = interpreter.execute(line)
        return outcome.error?.replacingOccurrences(of: folder, with: "<tmp>")
    }

    /// A segment object with the study's non-spend features and `extra` members.
    static func segment(_ name: String = "a", customers: String = "100", features: String = #""user_interest":0.5,"purchase_frequency":0.2"#,
                        extra: String = "") -> String {
        #"{"name":"\#(name)","customers":\#(customers),"features":{\#(features)}\#(extra)}"#
    }

    static func scenarioText(_ segments: [String] = [segment()], extra: String = "") -> String {
        #"{"name":"t","total_budget":1000,"segments":[\#(segments.joined(separator: ","))]\#(extra)}"#
    }

    static let modelBase = #""features":["a","b"],"intercept":0.5,"coefficients":{"a":1,"b":-2}"#

    /// Deterministic "random" bytes.
    static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00]

    static let unknownCSVHeader = "not found; the header has:"

    // MARK: - The catalog

    static let csvRows: [BadInput] = [
        BadInput("csv-empty", "CSV", "empty file", "in.csv:1: the file is empty; expected a header row naming the columns") { csv("") },
        BadInput("csv-only-blank-lines", "CSV", "`\\n\\r\\n\\n` (blank lines only)",
                 "in.csv:1: the file is empty; expected a header row naming the columns") { csv("\n\r\n\n") },
        BadInput("csv-no-header", "CSV", "data rows without a header line",
                 "in.csv:1: the first line looks like data (10, 0.5, 0.2, 1), not a header; add a header row naming the columns") {
            csv(good)
        },
        BadInput("csv-missing-column", "CSV", "header without `purchase_frequency`",
                 "in.csv:1: column 'purchase_frequency': not found; the header has: advertising_budget, user_interest, converted") {
            csv("advertising_budget,user_interest,converted\n10,0.5,1\n20,0.4,0\n")
        },
        BadInput("csv-missing-label", "CSV", "header without the label `converted`",
                 "in.csv:1: column 'converted': not found; the header has: advertising_budget, user_interest, purchase_frequency") {
            csv("advertising_budget,user_interest,purchase_frequency\n10,0.5,0.2\n")
        },
        BadInput("csv-column-case", "CSV", "header `Advertising_Budget,...` (other capitalization)",
                 "in.csv:1: column 'advertising_budget': not found (names are case-sensitive: did you mean 'Advertising_Budget'?); the header has: Advertising_Budget, user_interest, purchase_frequency, converted") {
            csv("Advertising_Budget,user_interest,purchase_frequency,converted\n" + good)
        },
        BadInput("csv-duplicate-column", "CSV", "`user_interest` twice in the header",
                 "in.csv:1: column 'user_interest': appears 2 times in the header") {
            csv("advertising_budget,user_interest,user_interest,purchase_frequency,converted\n10,0.5,0.5,0.2,1\n")
        },
        BadInput("csv-ragged-short", "CSV", "a row with 3 of 4 fields", "in.csv:3: has 3 fields but the header has 4") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0\n")
        },
        BadInput("csv-ragged-long", "CSV", "a row with 5 of 4 fields", "in.csv:3: has 5 fields but the header has 4") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,0,9\n")
        },
        BadInput("csv-trailing-delimiter", "CSV", "rows ending in `,`", "in.csv:2: has 5 fields but the header has 4",
                 better: "in.csv:2: has 5 fields but the header has 4 (the row ends with a ',')") {
            csv(h + "10,0.5,0.2,1,\n20,0.4,0.3,0,\n")
        },
        BadInput("csv-open-quote", "CSV", "`20,\"0.4,0.3,0` (quote never closed)", "in.csv:3: a quoted field is never closed",
                 better: "in.csv:3: a quoted field opened here is never closed (the rest of the file was read as one field)") {
            csv(h + "10,0.5,0.2,1\n20,\"0.4,0.3,0\n30,0.1,0.2,1\n")
        },
        BadInput("csv-stray-quote", "CSV", "`10,\"0.5\"x,0.2,1`",
                 "in.csv:2: unexpected text after a closing quote (a stray '\"' in a field?)") {
            csv(h + "10,\"0.5\"x,0.2,1\n")
        },
        BadInput("csv-empty-cell", "CSV", "`20,,0.3,0`", "in.csv:3: column 'user_interest': is empty; every cell must hold a number") {
            csv(h + "10,0.5,0.2,1\n20,,0.3,0\n")
        },
        BadInput("csv-blank-cell", "CSV", "`20,   ,0.3,0` (spaces only)",
                 "in.csv:3: column 'user_interest': is empty; every cell must hold a number") {
            csv(h + "10,0.5,0.2,1\n20,   ,0.3,0\n")
        },
        BadInput("csv-empty-label", "CSV", "`20,0.4,0.3,` (no label)",
                 "in.csv:3: column 'converted': is empty; the label must be 0/1 or true/false") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,\n")
        },
        BadInput("csv-nan", "CSV", "`NaN` in a number column", "in.csv:3: column 'user_interest': 'NaN' is not a finite number") {
            csv(h + "10,0.5,0.2,1\n20,NaN,0.3,0\n")
        },
        BadInput("csv-minus-inf", "CSV", "`-inf`", "in.csv:3: column 'user_interest': '-inf' is not a finite number") {
            csv(h + "10,0.5,0.2,1\n20,-inf,0.3,0\n")
        },
        BadInput("csv-infinity", "CSV", "`Infinity`", "in.csv:3: column 'purchase_frequency': 'Infinity' is not a finite number") {
            csv(h + "10,0.5,0.2,1\n20,0.4,Infinity,0\n")
        },
        BadInput("csv-too-large", "CSV", "`1e400`", "in.csv:3: column 'advertising_budget': '1e400' is not a finite number",
                 better: "in.csv:3: column 'advertising_budget': '1e400' is too large (numbers must lie within ±1.8e308)") {
            csv(h + "10,0.5,0.2,1\n1e400,0.4,0.3,0\n")
        },
        BadInput("csv-text-in-number", "CSV", "`abc`", "in.csv:3: column 'user_interest': 'abc' is not a number") {
            csv(h + "10,0.5,0.2,1\n20,abc,0.3,0\n")
        },
        BadInput("csv-long-garbage-cell", "CSV", "a 100-character word in a number column",
                 "in.csv:3: column 'user_interest': '\(String(repeating: "x", count: 40))…' is not a number") {
            csv(h + "10,0.5,0.2,1\n20,\(String(repeating: "x", count: 100)),0.3,0\n")
        },
        BadInput("csv-decimal-comma", "CSV", "`10;0,5;0,2;1` with `--delimiter ';'` (decimal commas)",
                 "in.csv:2: column 'user_interest': '0,5' is not a number",
                 better: "in.csv:2: column 'user_interest': '0,5' is not a number; write decimals with a point (0.5)") {
            csv("advertising_budget;user_interest;purchase_frequency;converted\n10;0,5;0,2;1\n",
                schema: DatasetSchema(features: SyntheticCustomers.featureNames, label: "converted", delimiter: UInt8(ascii: ";")))
        },
        BadInput("csv-thousands-separator", "CSV", "`\"1,000\"` (quoted, with a thousands comma)",
                 "in.csv:2: column 'advertising_budget': '1,000' is not a number",
                 better: "in.csv:2: column 'advertising_budget': '1,000' is not a number; write it without separators (1000)") {
            csv(h + "\"1,000\",0.5,0.2,1\n20,0.4,0.3,0\n")
        },
        BadInput("csv-label-2", "CSV", "label `2`", "in.csv:3: column 'converted': '2' is not a binary label; use 0/1 or true/false") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,2\n")
        },
        BadInput("csv-label-yes", "CSV", "label `yes`", "in.csv:3: column 'converted': 'yes' is not a binary label; use 0/1 or true/false") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,yes\n")
        },
        BadInput("csv-label-fraction", "CSV", "label `0.5`", "in.csv:3: column 'converted': '0.5' is not a binary label; use 0/1 or true/false") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,0.5\n")
        },
        BadInput("csv-one-class-1", "CSV", "every label 1",
                 "in.csv:1: column 'converted': every row is 1; training needs customers of both classes") {
            csv(h + "10,0.5,0.2,1\n20,0.4,0.3,1\n")
        },
        BadInput("csv-one-class-0", "CSV", "every label 0 (`false`)",
                 "in.csv:1: column 'converted': every row is 0; training needs customers of both classes") {
            csv(h + "10,0.5,0.2,false\n20,0.4,0.3,0\n")
        },
        BadInput("csv-constant-feature", "CSV", "`advertising_budget` 10 in every row",
                 "in.csv:1: column 'advertising_budget': is constant (every row is 10); a constant feature carries no information, leave it out of --features") {
            csv(h + "10,0.5,0.2,1\n10,0.4,0.3,0\n")
        },
        BadInput("csv-header-only", "CSV", "header, no rows", "in.csv:2: no data rows after the header") { csv(h) },
        BadInput("csv-header-blank-lines", "CSV", "header then two blank lines", "in.csv:4: no data rows after the header",
                 better: "in.csv: no data rows after the header (line 1)") {
            csv(h + "\n\n")
        },
        BadInput("csv-random-bytes", "CSV", "4 KB of random bytes (seeded)",
                 "in.csv:1: is not a text file (it holds binary data); expected CSV text with a header row") {
            csvBytes(randomBytes(4096, seed: 7))
        },
        BadInput("csv-png", "CSV", "a PNG image's first bytes",
                 "in.csv:1: is not a text file (it holds binary data); expected CSV text with a header row") {
            csvBytes(png)
        },
        BadInput("csv-100mb-line", "CSV", "one 100 MB line of `a`, no newline (temp file)",
                 "<tmp>/big.csv:1: column 'advertising_budget': not found; the header has: aaaa⟨…⟩",
                 better: "<tmp>/big.csv:1: column 'advertising_budget': not found; the header has one column: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' (104,857,600 characters; is this a CSV file?)") {
            try csvFile("big.csv") { path in
                try Data(repeating: UInt8(ascii: "a"), count: 100 << 20).write(to: URL(fileURLWithPath: path))
            }
        },
        BadInput("csv-10mb-header-fields", "CSV", "one 10 MB line `1,1,1,…` (5 million fields)",
                 "<tmp>/wide.csv:1: column 'advertising_budget': not found; the header has: 1, 1, 1, ⟨…⟩",
                 better: "<tmp>/wide.csv:1: column 'advertising_budget': not found; the header has 5,242,880 columns: 1, 1, 1, 1, 1, 1, 1, 1, … (is this the right file?)") {
            try csvFile("wide.csv") { path in
                var bytes = [UInt8](repeating: UInt8(ascii: ","), count: 10 << 20)
                for k in stride(from: 0, to: bytes.count, by: 2) { bytes[k] = UInt8(ascii: "1") }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        },
        BadInput("csv-cr-line-ends", "CSV", "old Mac line ends (CR only)",
                 "in.csv:1: the lines end in a bare carriage return (old Mac format); convert the line ends to LF or CRLF") {
            csv((h + good).replacingOccurrences(of: "\n", with: "\r"))
        },
        BadInput("csv-semicolons", "CSV", "`;`-separated, no `--delimiter`",
                 "in.csv:1: the header is one column split by semicolons; read it with --delimiter ';'") {
            csv("advertising_budget;user_interest;purchase_frequency;converted\n10;0.5;0.2;1\n")
        },
        BadInput("csv-tabs", "CSV", "tab-separated, no `--delimiter`",
                 "in.csv:1: the header is one column split by tabs; read it with --delimiter 'tab'") {
            csv("advertising_budget\tuser_interest\tpurchase_frequency\tconverted\n10\t0.5\t0.2\t1\n")
        },
        BadInput("csv-label-as-feature", "CSV", "`--features converted,user_interest --label converted`",
                 "in.csv: column 'converted': cannot be both a feature and the label") {
            csv(h + good, schema: DatasetSchema(features: ["converted", "user_interest"], label: "converted"))
        },
        BadInput("csv-feature-twice", "CSV", "`--features user_interest,user_interest`",
                 "in.csv: column 'user_interest': is listed twice in --features") {
            csv(h + good, schema: DatasetSchema(features: ["user_interest", "user_interest"], label: "converted"))
        },
        BadInput("csv-spend-not-feature", "CSV", "`--spend tv` not among the features",
                 "in.csv: column 'tv': the spend column must be one of the features (advertising_budget, user_interest)") {
            csv(h + good, schema: DatasetSchema(features: ["advertising_budget", "user_interest"], label: "converted", spend: "tv"))
        },
        BadInput("csv-no-features", "CSV", "`--features ''`", "in.csv: no feature columns were given") {
            csv(h + good, schema: DatasetSchema(features: [], label: "converted"))
        },
        BadInput("csv-no-such-file", "CSV", "a path that does not exist", "<tmp>/nothere.csv: no such file") {
            try csvFile("nothere.csv") { _ in }
        },
        BadInput("csv-directory", "CSV", "a path that is a directory", "<tmp>/dir.csv: is a directory, not a CSV file") {
            try csvFile("dir.csv") { path in try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        },
    ]

    static let scenarioRows: [BadInput] = [
        BadInput("scenario-empty", "scenario", "empty file", "s.json:1: invalid JSON: the file is empty; expected a JSON value") { scenario("") },
        BadInput("scenario-not-json", "scenario", "`name: x` (YAML)", "s.json:1: invalid JSON: invalid literal; expected 'null'",
                 better: "s.json:1: invalid JSON: 'name:' is not a JSON value; a scenario is a JSON object such as {\"name\": …} (is this YAML?)") {
            scenario("name: x")
        },
        BadInput("scenario-trailing-comma", "scenario", "`{\"name\":\"t\",}`", "s.json:1: invalid JSON: expected a quoted key") {
            scenario(#"{"name":"t",}"#)
        },
        BadInput("scenario-truncated", "scenario", "`{\"name\":\"t\",\"total_budget\":10` (cut off)",
                 "s.json:1: invalid JSON: unexpected end of file inside an object; expected '}'") {
            scenario(#"{"name":"t","total_budget":10"#)
        },
        BadInput("scenario-raw-newline", "scenario", "a line break inside a string",
                 "s.json:1: invalid JSON: a string contains a raw control character (or is missing its closing quote)") {
            scenario("{\"name\":\"t\nx\"}")
        },
        BadInput("scenario-duplicate-key", "scenario", "`name` twice", "s.json:1: invalid JSON: duplicate key \"name\"") {
            scenario(#"{"name":"t","name":"u"}"#)
        },
        BadInput("scenario-array-root", "scenario", "`[]`", "s.json: must be an object, found an array") { scenario("[]") },
        BadInput("scenario-missing-name", "scenario", "no `name`", "s.json: name: is missing (a short title)") {
            scenario(#"{"total_budget":1000,"segments":[]}"#)
        },
        BadInput("scenario-missing-budget", "scenario", "no `total_budget`", "s.json: total_budget: is missing (a number)") {
            scenario(#"{"name":"t","segments":[]}"#)
        },
        BadInput("scenario-missing-segments", "scenario", "no `segments`", "s.json: segments: is missing (an array of segments)") {
            scenario(#"{"name":"t","total_budget":1000}"#)
        },
        BadInput("scenario-budget-string", "scenario", "`\"total_budget\":\"1000\"`", "s.json: total_budget: must be a number, found a string") {
            scenario(#"{"name":"t","total_budget":"1000","segments":[]}"#)
        },
        BadInput("scenario-budget-negative", "scenario", "`\"total_budget\":-5`", "s.json: total_budget: must be zero or more") {
            scenario(#"{"name":"t","total_budget":-5,"segments":[]}"#)
        },
        BadInput("scenario-budget-1e400", "scenario", "`\"total_budget\":1e400`", "s.json:1: invalid JSON: the number 1e400 is too large") {
            scenario(#"{"name":"t","total_budget":1e400,"segments":[]}"#)
        },
        BadInput("scenario-segments-object", "scenario", "`\"segments\":{}`", "s.json: segments: must be an array, found an object") {
            scenario(#"{"name":"t","total_budget":1000,"segments":{}}"#)
        },
        BadInput("scenario-customers-negative", "scenario", "`\"customers\":-3`", "s.json: segments[0].customers: must be a positive integer") {
            scenario(scenarioText([segment(customers: "-3")]))
        },
        BadInput("scenario-customers-fraction", "scenario", "`\"customers\":2.5`", "s.json: segments[0].customers: must be a positive integer") {
            scenario(scenarioText([segment(customers: "2.5")]))
        },
        BadInput("scenario-customers-zero", "scenario", "`\"customers\":0`", "s.json: segments[0].customers: must be a positive integer") {
            scenario(scenarioText([segment(customers: "0")]))
        },
        BadInput("scenario-customers-string", "scenario", "`\"customers\":\"100\"`", "s.json: segments[0].customers: must be a positive integer",
                 better: "s.json: segments[0].customers: must be a positive integer, found a string") {
            scenario(scenarioText([segment(customers: "\"100\"")]))
        },
        BadInput("scenario-customers-missing", "scenario", "segment without `customers`",
                 "s.json: segments[0].customers: is missing (a positive integer)") {
            scenario(scenarioText([#"{"name":"a","features":{}}"#]))
        },
        BadInput("scenario-min-above-max", "scenario", "`\"min\":50,\"max\":10`", "s.json: segments[0].min: (50) exceeds max (10)") {
            scenario(scenarioText([segment(extra: #","min":50,"max":10"#)]))
        },
        BadInput("scenario-min-negative", "scenario", "`\"min\":-1`", "s.json: segments[0].min: must be zero or more") {
            scenario(scenarioText([segment(extra: #","min":-1"#)]))
        },
        BadInput("scenario-default-min-above-max", "scenario", "`\"default_min\":5,\"default_max\":1`", "s.json: default_min: exceeds default_max",
                 better: "s.json: default_min: (5) exceeds default_max (1)") {
            scenario(scenarioText(extra: #","default_min":5,"default_max":1"#))
        },
        BadInput("scenario-unknown-key", "scenario", "top-level `budget`",
                 "s.json: budget: is not a scenario key (known: default_max, default_min, description, model, name, segments, total_budget, training)") {
            scenario(scenarioText(extra: #","budget":5"#))
        },
        BadInput("scenario-unknown-segment-key", "scenario", "segment key `customer`",
                 "s.json: segments[0].customer: is not a segment key (known: customers, features, max, min, name)") {
            scenario(scenarioText([#"{"name":"a","customer":5,"features":{}}"#]))
        },
        BadInput("scenario-duplicate-segment", "scenario", "two segments named `a`", "s.json: segments[1].name: 'a' is used by another segment") {
            scenario(scenarioText([segment(), segment()]))
        },
        BadInput("scenario-empty-segment-name", "scenario", "`\"name\":\" \"`", "s.json: segments[0].name: must not be empty") {
            scenario(scenarioText([segment(" ")]))
        },
        BadInput("scenario-feature-string", "scenario", "`\"user_interest\":\"high\"`",
                 "s.json: segments[0].features.user_interest: must be a number, found a string") {
            scenario(scenarioText([segment(features: #""user_interest":"high","purchase_frequency":0.2"#)]))
        },
        BadInput("scenario-unknown-feature", "scenario", "feature `interest` (study model)",
                 "s.json: segments[0].features.interest: is not a feature of the model (it has user_interest, purchase_frequency)") {
            resolve(scenarioText([segment(features: #""interest":0.5,"purchase_frequency":0.2"#)]))
        },
        BadInput("scenario-spend-as-feature", "scenario", "`advertising_budget` among the features",
                 "s.json: segments[0].features.advertising_budget: is the spend, which the advisor chooses; set min/max instead") {
            resolve(scenarioText([segment(features: #""advertising_budget":5,"user_interest":0.5,"purchase_frequency":0.2"#)]))
        },
        BadInput("scenario-missing-feature", "scenario", "no `purchase_frequency`",
                 "s.json: segments[0].features.purchase_frequency: is missing; the model needs a value for every feature but the spend") {
            resolve(scenarioText([segment(features: #""user_interest":0.5"#)]))
        },
        BadInput("scenario-model-mismatch", "scenario", "study scenario, model with features `spend, age`",
                 "s.json: segments[0].features.purchase_frequency: is not a feature of the model (it has age)",
                 better: "s.json: segments[0].features: the scenario's features (purchase_frequency, user_interest) do not match the model's (spend, age): is it the right model?") {
            resolve(scenarioText(), model: LogisticModel(featureNames: ["spend", "age"], spendFeature: "spend", intercept: 0, coefficients: [1, 1]))
        },
        BadInput("scenario-deep-10000", "scenario", "10,000 nested `[`", "s.json:1: invalid JSON: nested deeper than 64 levels") {
            scenario(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        },
        BadInput("scenario-deep-in-field", "scenario", "`description` nested 10,000 deep", "s.json:1: invalid JSON: nested deeper than 64 levels") {
            scenario(#"{"name":"t","description":"# + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}")
        },
        BadInput("scenario-huge-array", "scenario", "10 MB array under an unknown key",
                 "s.json: padding: is not a scenario key (known: default_max, default_min, description, model, name, segments, total_budget, training)") {
            scenario(scenarioText(extra: #","padding":["# + String(repeating: "0,", count: 5 << 20) + "0]"))
        },
        BadInput("scenario-no-such-file", "scenario", "a path that does not exist", "<tmp>/nothere.json: no such file") {
            try scenarioFile("nothere.json") { _ in }
        },
        BadInput("scenario-directory", "scenario", "a path that is a directory", "<tmp>/dir.json: is a directory, not a scenario file") {
            try scenarioFile("dir.json") { path in try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        },
        BadInput("scenario-binary", "scenario", "a PNG image", "<tmp>/image.json: is not UTF-8 text (is it a scenario file?)") {
            try scenarioFile("image.json") { path in try Data(png).write(to: URL(fileURLWithPath: path)) }
        },
    ]

    static let modelRows: [BadInput] = [
        BadInput("model-empty-object", "model", "`{}`", "m.json: features: is missing (an array of feature names)") { model("{}") },
        BadInput("model-features-string", "model", "`\"features\":\"a,b\"`", "m.json: features: must be an array, found a string") {
            model(#"{"features":"a,b","intercept":0,"coefficients":{}}"#)
        },
        BadInput("model-features-empty", "model", "`\"features\":[]`", "m.json: features: must name at least one feature") {
            model(#"{"features":[],"intercept":0,"coefficients":{}}"#)
        },
        BadInput("model-feature-number", "model", "`\"features\":[1]`", "m.json: features[0]: must be a string, found a number") {
            model(#"{"features":[1],"intercept":0,"coefficients":{}}"#)
        },
        BadInput("model-feature-twice", "model", "`\"features\":[\"a\",\"a\"]`", "m.json: features[1]: 'a' is listed twice") {
            model(#"{"features":["a","a"],"intercept":0,"coefficients":{}}"#)
        },
        BadInput("model-missing-intercept", "model", "no `intercept`", "m.json: intercept: is missing (a number)") {
            model(#"{"features":["a"],"coefficients":{"a":1}}"#)
        },
        BadInput("model-intercept-string", "model", "`\"intercept\":\"0.5\"`", "m.json: intercept: must be a number, found a string") {
            model(#"{"features":["a"],"intercept":"0.5","coefficients":{"a":1}}"#)
        },
        BadInput("model-missing-coefficients", "model", "no `coefficients`",
                 "m.json: coefficients: is missing (an object from feature name to number)") {
            model(#"{"features":["a"],"intercept":0}"#)
        },
        BadInput("model-coefficients-array", "model", "`\"coefficients\":[1,2]`", "m.json: coefficients: must be an object, found an array") {
            model(#"{"features":["a","b"],"intercept":0,"coefficients":[1,2]}"#)
        },
        BadInput("model-coefficient-unknown", "model", "coefficient for `c`", "m.json: coefficients.c: is not one of the features (a, b)") {
            model(#"{"features":["a","b"],"intercept":0,"coefficients":{"a":1,"b":2,"c":3}}"#)
        },
        BadInput("model-coefficient-missing", "model", "no coefficient for `b`", "m.json: coefficients.b: is missing (a number)") {
            model(#"{"features":["a","b"],"intercept":0,"coefficients":{"a":1}}"#)
        },
        BadInput("model-spend-unknown", "model", "`\"spend_feature\":\"z\"`", "m.json: spend_feature: 'z' is not one of the features (a, b)") {
            model("{" + modelBase + #","spend_feature":"z"}"#)
        },
        BadInput("model-zero-deviation", "model", "a standard deviation of 0",
                 "m.json: standardization.standard_deviations: every entry must be positive") {
            model("{" + modelBase + #","standardization":{"means":{"a":0,"b":0},"standard_deviations":{"a":1,"b":0}}}"#)
        },
        BadInput("model-lambda-negative", "model", "`\"lambda\":-1`", "m.json: lambda: must be >= 0") {
            model("{" + modelBase + #","lambda":-1}"#)
        },
        BadInput("model-range-reversed", "model", "`\"feature_ranges\":{\"a\":[5,1],…}`", "m.json: feature_ranges.a: min must not exceed max") {
            model("{" + modelBase + #","feature_ranges":{"a":[5,1],"b":[0,1]}}"#)
        },
        BadInput("model-range-short", "model", "`\"feature_ranges\":{\"a\":[5],…}`", "m.json: feature_ranges.a: must be [min, max]") {
            model("{" + modelBase + #","feature_ranges":{"a":[5],"b":[0,1]}}"#)
        },
        BadInput("model-covariance-size", "model", "a 2×2 covariance for 2 features", "m.json: covariance.matrix: must be 3×3") {
            model("{" + modelBase + #","covariance":{"order":["intercept","a","b"],"matrix":[[1,0],[0,1]]}}"#)
        },
        BadInput("model-training-rows-zero", "model", "`\"training\":{\"rows\":0,…}`", "m.json: training.rows: must be a positive integer") {
            model("{" + modelBase + #","training":{"rows":0,"iterations":1,"objective":0.5,"gradient_norm":0,"converged":true}}"#)
        },
        BadInput("model-is-a-scenario", "model", "a scenario file given as the model", "m.json: features: is missing (an array of feature names)",
                 better: "m.json: this is a scenario (it has \"segments\"), not a model file") {
            model(scenarioText())
        },
        BadInput("model-deep-10000", "model", "10,000 nested `{\"a\":`", "m.json:1: invalid JSON: nested deeper than 64 levels") {
            model(String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000))
        },
    ]

    static let replRows: [BadInput] = [
        BadInput("repl-unknown-typo", "REPL", "`trian`", "unknown command 'trian'; did you mean 'train'? ('help' lists the commands)") {
            try repl("trian")
        },
        BadInput("repl-unknown", "REPL", "`frobnicate`", "unknown command 'frobnicate'; 'help' lists the commands") { try repl("frobnicate") },
        BadInput("repl-budget-equals", "REPL", "`budget=12abc`", "'budget=12abc': put a space after the command: budget 12abc") {
            try repl("budget=12abc")
        },
        BadInput("repl-budget-malformed", "REPL", "`budget 12abc`", "budget: '12abc' is not an amount; write 150000, 150k, 1.5e5 or 150,000") {
            try repl("budget 12abc", setup: ["load scenarios/default.json"])
        },
        BadInput("repl-option-malformed", "REPL", "`whatif budget=12abc`", "budget=12abc: not a number (write 150000, 1.5e5, 150k or 150,000)") {
            try repl("whatif budget=12abc", setup: ["load scenarios/default.json", "train rows=400"])
        },
        BadInput("repl-rows-fraction", "REPL", "`train rows=1.5`", "rows=1.5: must be a whole number") { try repl("train rows=1.5") },
        BadInput("repl-rows-too-few", "REPL", "`train rows=3`", "rows=3: need at least 8 rows to train and evaluate") { try repl("train rows=3") },
        BadInput("repl-lambda-negative", "REPL", "`train lambda=-1`", "invalid training option: lambda must be a number >= 0") {
            try repl("train lambda=-1")
        },
        BadInput("repl-method", "REPL", "`train method=newton`", "method=newton: use accelerated, plain, barzilai-borwein") { try repl("train method=newton") },
        BadInput("repl-test-fraction", "REPL", "`train test-fraction=1`",
                 "invalid training option: test-fraction must be in [0, 1): 0 trains on every row, 0.25 holds out a quarter") {
            try repl("train rows=100 test-fraction=1")
        },
        BadInput("repl-unknown-option", "REPL", "`train lamda=0.1`",
                 "train: unknown option 'lamda' (did you mean 'lambda'?); its options are: data, rows, seed, lambda, learning-rate, max-iterations, tolerance, method, test-fraction, features, label, spend, delimiter, out, plots, force") {
            try repl("train lamda=0.1")
        },
        BadInput("repl-option-takes-none", "REPL", "`budget x=1`", "budget: unknown option 'x'; it takes no options") { try repl("budget x=1") },
        BadInput("repl-option-without-value", "REPL", "`train --lambda`", "train: --lambda needs a value") { try repl("train --lambda") },
        BadInput("repl-unclosed-quote", "REPL", "`load \"scenarios/default.json`", "a quote is left open; close it or escape it with \\") {
            try repl("load \"scenarios/default.json")
        },
        BadInput("repl-load-no-file", "REPL", "`load`", "load: give a file, e.g. load scenarios/default.json") { try repl("load") },
        BadInput("repl-load-two-files", "REPL", "`load a.csv b.csv`", "load: one file at a time (quote names with spaces)") {
            try repl("load a.csv b.csv")
        },
        BadInput("repl-generate-no-out", "REPL", "`generate rows=10`", "generate: say where to write, e.g. out=customers.csv") {
            try repl("generate rows=10")
        },
        BadInput("repl-save-no-file", "REPL", "`save` (after train)", "save: give a file name, e.g. save model.json") {
            try repl("save", setup: ["train rows=200"])
        },
        BadInput("repl-save-no-model", "REPL", "`save m.json` before any training",
                 "no model yet: run 'train' (synthetic data by default) or 'load model.json'") {
            try repl("save m.json")
        },
        BadInput("repl-export-no-plan", "REPL", "`export plan.csv` before `allocate`", "export: no plan yet; run 'allocate' first") {
            try repl("export plan.csv")
        },
        BadInput("repl-load-missing", "REPL", "`load nothere.csv`", "nothere.csv: no such file") { try repl("load nothere.csv") },
        BadInput("repl-train-data-missing", "REPL", "`train data=nothere.csv`", "nothere.csv: no such file") {
            try repl("train data=nothere.csv")
        },
        BadInput("repl-load-directory", "REPL", "`load scenarios`", "scenarios: is a directory; give a file in it") { try repl("load scenarios") },
        BadInput("repl-load-semicolons", "REPL", "`load semi.csv` (`;`-separated)",
                 "semi.csv:1: the header is one column split by semicolons; read it with --delimiter ';'",
                 better: "semi.csv:1: the header is one column split by semicolons; read it with delimiter=';' (--delimiter ';' on the command line)") {
            try repl("load semi.csv", files: ["semi.csv": "advertising_budget;user_interest;purchase_frequency;converted\n10;0.5;0.2;1\n"])
        },
        BadInput("repl-bad-delimiter", "REPL", "`load c.csv delimiter=ab`", "delimiter=ab: give one character such as ';' or the word tab") {
            try repl("load c.csv delimiter=ab", files: ["c.csv": h + good])
        },
        BadInput("repl-features-twice", "REPL", "`load c.csv features=user_interest,user_interest`",
                 "c.csv: column 'user_interest': is listed twice in --features",
                 better: "c.csv: column 'user_interest': is listed twice in features=") {
            try repl("load c.csv features=user_interest,user_interest", files: ["c.csv": h + good])
        },
        BadInput("repl-write-missing-directory", "REPL", "`generate rows=10 out=nodir/x.csv`",
                 "cannot write '<tmp>/nodir/x.csv': the directory '<tmp>/nodir' does not exist") {
            try repl("generate rows=10 out=nodir/x.csv")
        },
        BadInput("repl-write-onto-directory", "REPL", "`generate rows=10 out=scenarios`", "cannot write '<tmp>/scenarios': it is a directory") {
            try repl("generate rows=10 out=scenarios")
        },
        BadInput("repl-write-proc", "REPL", "`generate rows=10 out=/proc/ba-test.csv` (cannot create files there)",
                 "cannot write '/proc/ba-test.csv': cannot create a file in '/proc' (No such file or directory)") {
            try repl("generate rows=10 out=/proc/ba-test.csv")
        },
        BadInput("repl-save-onto-directory", "REPL", "`save scenarios` (after train)", "cannot write '<tmp>/scenarios': it is a directory") {
            try repl("save scenarios", setup: ["train rows=200"])
        },
        BadInput("repl-predict-missing-feature", "REPL", "`predict budget=50` (after train)",
                 "predict: give a value for user_interest, purchase_frequency, e.g. predict advertising_budget=… user_interest=… purchase_frequency=…") {
            try repl("predict budget=50", setup: ["train rows=200"])
        },
        BadInput("repl-predict-unknown-feature", "REPL", "`predict age=3` (after train)",
                 "predict: 'age' is not a feature; the features are advertising_budget, user_interest, purchase_frequency") {
            try repl("predict age=3", setup: ["train rows=200"])
        },
        BadInput("repl-predict-not-number", "REPL", "`predict budget=abc interest=1 frequency=1`", "predict: budget=abc is not a number") {
            try repl("predict budget=abc interest=1 frequency=1", setup: ["train rows=200"])
        },
        BadInput("repl-segments-action", "REPL", "`segments frob`", "segments: 'frob' is not an action; use list, add, set or remove") {
            try repl("segments frob", setup: ["load scenarios/default.json", "train rows=400"])
        },
        BadInput("repl-customers-too-many", "REPL", "`segments add big customers=1e12 …`", "segments: customers must be a positive whole number",
                 better: "segments: customers=1e12: at most 999,999,999,999 customers per segment") {
            try repl("segments add big customers=1e12 user_interest=0.5 purchase_frequency=0.5", setup: ["load scenarios/default.json", "train rows=300"])
        },
        BadInput("repl-segment-infinite-logit", "REPL", "`segments add neg customers=5 user_interest=-1e308 purchase_frequency=-1e308`",
                 "scenarios/default.json: segments[5].features: the values are far outside anything the model was trained on (the predicted log-odds are not finite)") {
            try repl("segments add neg customers=5 user_interest=-1e308 purchase_frequency=-1e308",
                     setup: ["load scenarios/default.json", "train rows=300"])
        },
        BadInput("scenario-file-infinite-logit", "REPL", "`allocate scenario=s.json` with a segment feature 1e308",
                 "s.json: segments[0].features: the values are far outside anything the model was trained on (the predicted log-odds are not finite)") {
            try repl("allocate scenario=s.json", setup: ["train rows=300"],
                     files: ["s.json": scenarioText([segment(features: #""user_interest":1e308,"purchase_frequency":0.2"#)])])
        },
        BadInput("repl-help-unknown", "REPL", "`help frob`", "unknown command 'frob'; 'help' lists the commands") {
            try repl("help frob")
        },
        BadInput("repl-trailing-backslash", "REPL", "`load nothere.csv\\` (a lone backslash at the end)", "a backslash at the end of the line escapes nothing; remove it") {
            try repl("load nothere.csv\\")
        },
    ]

    static let all: [BadInput] = csvRows + scenarioRows + modelRows + replRows

    /// The Markdown table of `Tests/scripts/bad_inputs.md`.
    static func markdown() -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "␍")
        }
        func code(_ text: String) -> String {
            let body = cell(text)
            return body.contains("`") ? "``" + body + "``" : "`" + body + "`"
        }
        var out = """
        # Bad inputs and their messages

        Rendered from `Tests/BudgetAdvisorTests/Reliability/BadInputTests.swift` (`BadInputCatalog`); every row is a
        test case there, and `BadInputTableTests` fails when this file and the catalog differ. To regenerate:
        `BA_WRITE_BAD_INPUTS=1 swift test --filter BadInputTableTests`.

        `<tmp>` is the test's temporary directory; `⟨…⟩` stands for text that depends on the input (random bytes,
        a 100 MB header). CSV messages come from `DatasetLoader.parse(_:file:schema:)` with file `in.csv`,
        scenario and model messages from `ScenarioFile.parse` / `resolve(for:)` / `ModelFile.parse` with `s.json` /
        `m.json`, REPL messages from `Interpreter.execute(line)` in a session in `<tmp>`. The last column proposes
        a clearer wording where the current message falls short.


        """
        for (area, rows) in [("CSV", csvRows), ("Scenario JSON", scenarioRows), ("Model JSON", modelRows), ("REPL commands", replRows)] {
            out += "## \(area)\n\n| id | input | message | clearer wording |\n|---|---|---|---|\n"
            for row in rows {
                out += "| \(row.id) | \(cell(row.input)) | \(code(row.expected)) | \(row.better.map(code) ?? "") |\n"
            }
            out += "\n"
        }
        return out
    }
}

/// Every bad input gets exactly the message in the table (and does so quickly).
@Suite struct BadInputTests {
    @Test(arguments: BadInputCatalog.all)
    func messageIsExact(_ row: BadInput) throws {
        let message = try row.run()
        let shown = message.map { $0.count > 300 ? String($0.prefix(300)) + "…(\($0.count) characters)" : $0 }
        #expect(message.map { Reliability.matches($0, pattern: row.expected) } == true,
                "\(row.id): got \(shown ?? "no error"), expected \(row.expected)")
    }

    /// A message is read by a person: one screen at most, whatever the input.
    @Test(arguments: BadInputCatalog.all.filter { ["csv-100mb-line", "csv-10mb-header-fields", "csv-random-bytes", "csv-png"].contains($0.id) })
    func messageIsShortAndPrintable(_ row: BadInput) throws {
        let message = try row.run() ?? ""
        #expect(message.count <= 500, "\(row.id): the message has \(message.count) characters")
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{FFFD}" }, "\(row.id): unprintable characters")
    }
}

/// `Tests/scripts/bad_inputs.md` is the catalog, row for row.
@Suite struct BadInputTableTests {
    @Test func markdownTableMatchesTheCatalog() throws {
        let path = Reliability.repositoryRoot.appendingPathComponent("Tests/scripts/bad_inputs.md").path
        let rendered = BadInputCatalog.markdown()
        if ProcessInfo.processInfo.environment["BA_WRITE_BAD_INPUTS"] == "1" {
            try rendered.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOfFile: path, encoding: .utf8)
        #expect(onDisk == rendered, "Tests/scripts/bad_inputs.md is out of date: BA_WRITE_BAD_INPUTS=1 swift test --filter BadInputTableTests")
        let ids = BadInputCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids")
    }
}
