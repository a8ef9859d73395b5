import Foundation
import Testing
@testable import BudgetAdvisor

@Suite struct AdviceCommandTests {
    @Test func allocateOnTheDefaultScenarioIsCertifiedAndExports() throws {
        var (interpreter, folder) = try makeInterpreter()
        let out = interpreter.run("allocate export=plan.json")
        #expect(out.contains("Trained a model on synthetic(rows: 5000, seed: 42)"))
        #expect(out.contains("certified optimal within 1e-6 relative"))
        #expect(out.contains("Plan written to plan.json"))
        let plan = try JSONParser.parse(try String(contentsOfFile: folder + "/plan.json", encoding: .utf8))
        guard case let .number(total)? = plan["total_budget"], case let .number(gap)? = plan["gap"] else {
            Issue.record("plan.json lacks total_budget or gap"); return
        }
        #expect(total == 400_000)
        #expect(gap >= 0 && gap < 1e-6 * 4_000)
        #expect(interpreter.session.planUnsaved == false)
    }

    @Test func tightBudgetSaysTheMinimumNeeded() throws {
        var (interpreter, _) = try makeInterpreter()
        let out = interpreter.run("allocate scenario=scenarios/tight-budget.json")
        #expect(out.hasSuffix("error: the budget 50,000 is below the sum of the segments' minimum spends: at least 82,000 is needed\n"))
    }

    @Test func budgetAboveTheMaximumsSpendsThemAndReportsTheRest() throws {
        var (interpreter, _) = try makeInterpreter()
        let out = interpreter.run("allocate budget=2m")
        #expect(out.contains("1,250,000 spent") || out.contains("750,000"))
        #expect(out.contains("left unspent"))
    }

    @Test func noSegmentsAndUnknownSegmentsAreExplained() throws {
        var (interpreter, _) = try makeInterpreter()
        _ = interpreter.run("segments")
        for name in ["loyal", "engaged", "window-shoppers", "new", "lapsed"] { _ = interpreter.run("segments remove \(name)") }
        #expect(interpreter.run("allocate").hasPrefix("error: the scenario has no segments: add one with 'segments add NAME customers=N user_interest=… purchase_frequency=…'"))
        #expect(interpreter.run("segments set lyal customers=5") == "error: no segment 'lyal': the scenario has no segments yet; add one with 'segments add NAME customers=N ...'\n")
        _ = interpreter.run("segments add students customers=900 interest=0.6 purchase=0.2 max=50")
        #expect(interpreter.run("segments").contains("students"))
        #expect(interpreter.run("allocate budget=20k").contains("certified optimal"))
    }

    @Test func nonPositiveSpendCoefficientSaysSpendingDoesNotHelp() throws {
        var (interpreter, folder) = try makeInterpreter()
        let model = #"{"features": ["advertising_budget", "user_interest", "purchase_frequency"], "intercept": -1, "coefficients": {"advertising_budget": -0.01, "user_interest": 1, "purchase_frequency": 1}}"#
        try model.write(toFile: folder + "/flat.json", atomically: true, encoding: .utf8)
        let out = interpreter.run("allocate model=flat.json")
        #expect(out.contains("spend coefficient"))
        #expect(!out.contains("error"))
    }

    @Test func anInvalidSegmentIsNamedByItsScenarioName() throws {
        var (interpreter, folder) = try makeInterpreter()
        // A model fitted elsewhere whose spend range starts below 0: segments without a min take it, and the
        // allocator refuses a negative spend, naming the segment.
        let model = #"{"features": ["advertising_budget", "user_interest", "purchase_frequency"], "intercept": -6, "coefficients": {"advertising_budget": 0.06, "user_interest": 3, "purchase_frequency": 2}, "feature_ranges": {"advertising_budget": [-10, 100], "user_interest": [0, 1], "purchase_frequency": [0, 1]}}"#
        try model.write(toFile: folder + "/neg.json", atomically: true, encoding: .utf8)
        let scenario = #"{"name": "n", "total_budget": 50000, "segments": [{"name": "students", "customers": 300, "features": {"user_interest": 0.5, "purchase_frequency": 0.2}, "min": 5}, {"name": "retirees", "customers": 200, "features": {"user_interest": 0.3, "purchase_frequency": 0.6}}]}"#
        try scenario.write(toFile: folder + "/n.json", atomically: true, encoding: .utf8)
        let out = interpreter.run("allocate model=neg.json scenario=n.json")
        // The message says where the -10 came from and what to change.
        #expect(out.hasSuffix("error: segment 'retirees' is invalid: minimum spend must be at least 0 (got -10.0); the model's spend range starts at -10; set min= for this segment or in the scenario's default_min\n"), "\(out)")
        // And doing so works.
        _ = interpreter.run("segments set retirees min=0")
        #expect(interpreter.run("allocate").contains("certified optimal"))
    }

    @Test func aMinimumAboveTheModelsRangeSaysTheMaximumCameFromIt() throws {
        var (interpreter, folder) = try makeInterpreter()
        let model = #"{"features": ["advertising_budget", "user_interest", "purchase_frequency"], "intercept": -6, "coefficients": {"advertising_budget": 0.06, "user_interest": 3, "purchase_frequency": 2}, "feature_ranges": {"advertising_budget": [10, 100], "user_interest": [0, 1], "purchase_frequency": [0, 1]}}"#
        try model.write(toFile: folder + "/m.json", atomically: true, encoding: .utf8)
        let scenario = #"{"name": "n", "total_budget": 50000, "segments": [{"name": "vip", "customers": 300, "features": {"user_interest": 0.5, "purchase_frequency": 0.2}, "min": 150}]}"#
        try scenario.write(toFile: folder + "/n.json", atomically: true, encoding: .utf8)
        #expect(interpreter.run("allocate model=m.json scenario=n.json")
            == "error: n.json: segments[0].min: (150) exceeds max (100); the model's spend range ends at 100; set max= for this segment or in the scenario's default_max\n")
    }

    @Test func boundAdviceNamesTheSourceOfTheBadBound() throws {
        let session = try ReplFixtures.session()
        let model = session.model!
        var scenario = try #require(session.scenario)
        var resolved = try scenario.resolve(for: model)[0]
        #expect(resolved.minSource == .scenarioDefault && resolved.maxSource == .scenarioDefault)
        #expect(resolved.spendBoundAdvice == nil, "nothing wrong")
        resolved.minSpend = -1
        #expect(resolved.spendBoundAdvice == "it is the scenario's default_min (-1); set min= for this segment or change default_min")
        resolved.minSource = .segment
        #expect(resolved.spendBoundAdvice == nil, "the segment's own min: the message names the segment already")
        scenario.segments[0].maxSpend = 70
        #expect(try scenario.resolve(for: model)[0].maxSource == .segment)
    }

    @Test func whatIfAndTargetMode() throws {
        var (interpreter, _) = try makeInterpreter()
        let whatif = interpreter.run("whatif loyal=20k new=35%")
        #expect(whatif.contains("loyal                1,200   20,000         16.67"))
        #expect(whatif.contains("The best split of the same 400,000 buys"))
        let target = interpreter.run("allocate target=5000")
        #expect(target.contains("Smallest budget reaching 5,000.0 expected conversions"))
        #expect(interpreter.run("allocate target=1e9").hasPrefix("error: "))
        #expect(interpreter.run("whatif lyal=5") == "error: split: no segment 'lyal' (did you mean 'loyal'?); the segments are loyal, engaged, window-shoppers, new, lapsed\n")
    }

    @Test func plotsWriteValidSVGWithOneMarkPerPoint() throws {
        var (interpreter, folder) = try makeInterpreter()
        #expect(interpreter.run("plot scatter") == "error: no model yet: run 'train' (synthetic data by default) or 'load model.json'\n")
        _ = interpreter.run("train rows=800")
        _ = interpreter.run("allocate")
        let out = interpreter.run("plot all charts")
        #expect(out == "Wrote scatter.svg, loss.svg, loss-log.svg, confusion.svg, allocation.svg, curves.svg to charts/\n")
        let scatter = try String(contentsOfFile: folder + "/charts/scatter.svg", encoding: .utf8)
        #expect(scatter.components(separatedBy: "class=\"point\"").count - 1 == 200) // 800 rows, 25% held out
        #expect(scatter.contains("viewBox"))
        #expect(interpreter.run("plot scater").hasPrefix("error: plot: no chart 'scater' (did you mean 'scatter'?)"))
        #expect(interpreter.run("report html=report.html") == "Wrote the HTML report to report.html\n")
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("Allocation plan: Spring campaign"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func unknownCommandsAndOptionsSuggestTheNearest() throws {
        var (interpreter, _) = try makeInterpreter()
        #expect(interpreter.run("alocate") == "error: unknown command 'alocate'; did you mean 'allocate'? ('help' lists the commands)\n")
        #expect(interpreter.run("train lamda=0.1").hasPrefix("error: train: unknown option 'lamda' (did you mean 'lambda'?)"))
        #expect(interpreter.run("train rows=abc") == "error: rows=abc: not a number (write 150000, 1.5e5, 150k or 150,000)\n")
        #expect(interpreter.run("load nowhere.csv") == "error: nowhere.csv: no such file\n")
        #expect(interpreter.run("budget lots") == "error: budget: 'lots' is not an amount; write 150000, 150k, 1.5e5 or 150,000\n")
    }
}
