import Foundation
import Testing
@testable import BudgetAdvisor

/// Whole transcripts of the interactive session and of scripts, run in-process through `ScriptRunner`.
@Suite struct TranscriptTests {
    @Test func helpAndUnknownCommandAtThePrompt() {
        let (transcript, code) = ReplFixtures.run(["help", "trian", "quit"], mode: .interactive(prompt: "budget> "))
        #expect(code == 0)
        #expect(transcript == """
            budget> help
            \(CommandTable.standard.overview())budget> trian
            error: unknown command 'trian'; did you mean 'train'? ('help' lists the commands)
            budget> quit

            """)
    }

    @Test func helpForOneCommandIsTheSpecsHelp() throws {
        let (transcript, _) = ReplFixtures.run(["help predict"], mode: .interactive(prompt: "> "))
        let spec = try #require(CommandTable.standard.command(named: "predict"))
        #expect(transcript == "> help predict\n" + spec.help() + "> ^D\n")
    }

    @Test func commentsAndBlankLinesDoNothing() {
        let (transcript, code) = ReplFixtures.run(["# a comment", "", "   ", "help help   # trailing comment"],
                                                  mode: .script(name: "plan.txt", keepGoing: false))
        #expect(code == 0)
        #expect(transcript == CommandTable.standard.command(named: "help")!.help())
    }

    @Test func theFirstFailingLineStopsAScriptWithItsExitCode() {
        let lines = ["# setup", "help quit", "predict", "help"]
        let (transcript, code) = ReplFixtures.run(lines, mode: .script(name: "plan.txt", keepGoing: false))
        #expect(code == 64)
        #expect(transcript == CommandTable.standard.command(named: "quit")!.help() + """
            plan.txt:3: no model yet: run 'train' (synthetic data by default) or 'load model.json'

            """)
    }

    @Test func aFailureOfTheWorkExitsWithOne() {
        let (transcript, code) = ReplFixtures.run(["load /nonexistent/model.json"], mode: .script(name: "<stdin>", keepGoing: false))
        #expect(code == 1)
        #expect(transcript == "<stdin>:1: /nonexistent/model.json: no such file\n")
    }

    @Test func keepGoingReportsEveryFailureAndExitsWithTheFirstCode() {
        let lines = ["bogus", "", "load /nonexistent/x.json", "help quit"]
        let (transcript, code) = ReplFixtures.run(lines, mode: .script(name: "-", keepGoing: true))
        #expect(code == 64)
        #expect(transcript == """
            -:1: unknown command 'bogus'; 'help' lists the commands
            -:3: /nonexistent/x.json: no such file

            """ + CommandTable.standard.command(named: "quit")!.help())
    }

    @Test func anUnclosedQuoteIsAUsageError() {
        let (transcript, code) = ReplFixtures.run(["load \"scenarios/default.json"], mode: .script(name: "s", keepGoing: false))
        #expect(code == 64)
        #expect(transcript == "s:1: a quote is left open; close it or escape it with \\\n")
    }

    @Test func errorsAtThePromptDoNotEndTheSession() {
        let (transcript, code) = ReplFixtures.run(["predict", "help quit"], mode: .interactive(prompt: "> "))
        #expect(code == 0)
        #expect(transcript == """
            > predict
            error: no model yet: run 'train' (synthetic data by default) or 'load model.json'
            > help quit

            """ + CommandTable.standard.command(named: "quit")!.help() + "> ^D\n")
    }

    @Test func quitWithUnsavedWorkWarnsOnceThenLeaves() throws {
        var session = try ReplFixtures.session()
        session.modelUnsaved = true
        let lines = ["quit", "quit", "help"]
        let (transcript, code) = ReplFixtures.run(lines, mode: .interactive(prompt: "> "), interpreter: Interpreter(session: session))
        #expect(code == 0)
        #expect(transcript == """
            > quit
            Not saved: the model ('save model.json'). Type quit again to leave anyway.
            > quit

            """)
    }

    @Test func ctrlDWithUnsavedWorkWarnsOnceLikeQuit() throws {
        var session = try ReplFixtures.session()
        session.scenarioUnsaved = true
        let (transcript, code) = ReplFixtures.run([], mode: .interactive(prompt: "> "), interpreter: Interpreter(session: session))
        #expect(code == 0)
        #expect(transcript == """
            > ^D
            Not saved: the scenario ('save scenario FILE'). Type quit again to leave anyway.
            > ^D

            """)
    }

    @Test func quitForceLeavesAtOnce() throws {
        var session = try ReplFixtures.session()
        session.modelUnsaved = true
        let (transcript, code) = ReplFixtures.run(["quit --force", "help"], mode: .interactive(prompt: "> "),
                                                  interpreter: Interpreter(session: session))
        #expect(code == 0)
        #expect(transcript == "> quit --force\n")
    }

    @Test func quitEndsAScriptWithSuccess() {
        let (transcript, code) = ReplFixtures.run(["quit", "bogus"], mode: .script(name: "s", keepGoing: false))
        #expect(code == 0)
        #expect(transcript == "")
    }

    @Test func scriptOutputIsTheInteractiveOutputWithoutPrompts() throws {
        let lines = ["help save", "predict advertising_budget=50 user_interest=0.7 purchase_frequency=0.4"]
        let interactive = ReplFixtures.run(lines, mode: .interactive(prompt: ""), interpreter: Interpreter(session: try ReplFixtures.session()))
        let script = ReplFixtures.run(lines, mode: .script(name: "s", keepGoing: false), interpreter: Interpreter(session: try ReplFixtures.session()))
        #expect(script.transcript == interactive.transcript)
        #expect(script.transcript.contains("P(convert) = "))
    }

    @Test func scriptedLinesSplitWindowsAndUnixLineEnds() {
        var reader = ScriptedLines(text: "help\r\n# note\n\nquit\n")
        var lines: [String] = []
        while let line = reader.readLine(prompt: "") { lines.append(line) }
        #expect(lines == ["help", "# note", "", "quit"])
    }

    @Test func theBannerSaysWhatToType() {
        let banner = Interpreter.banner
        #expect(banner.hasPrefix("budget-advisor \(BudgetAdvisor.version)"))
        for example in ["segments", "whatif loyal=20k new=35%", "allocate", "export plan.csv", "help", "quit"] {
            #expect(banner.contains(example))
        }
        #expect(banner.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func startSessionLoadsTheGivenScenarioAndSaysSo() throws {
        let directory = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let model = ModelFile.render(try ReplFixtures.session().model!)
        try model.write(toFile: directory + "/model.json", atomically: true, encoding: .utf8)
        try DefaultScenario.json.write(toFile: directory + "/plan.json", atomically: true, encoding: .utf8)
        let (interpreter, notes) = try Interpreter.startSession(model: "model.json", scenario: "plan.json",
                                                                session: Session(workingDirectory: directory))
        #expect(interpreter.session.model?.featureNames.count == 3)
        #expect(interpreter.session.scenario?.segments.count == 5)
        #expect(interpreter.unsavedWork == nil)
        #expect(notes.contains("Loaded model from model.json"))
        #expect(notes.contains("Loaded scenario 'Spring campaign' from plan.json"))
    }

    @Test func startSessionWithTheShippedDefaultLeavesNothingUnsaved() throws {
        let directory = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/scenarios", withIntermediateDirectories: true)
        try DefaultScenario.json.write(toFile: directory + "/" + DefaultScenario.path, atomically: true, encoding: .utf8)
        let (interpreter, notes) = try Interpreter.startSession(session: Session(workingDirectory: directory))
        #expect(interpreter.session.model != nil)
        #expect(interpreter.session.scenario?.segments.count == 5)
        #expect(interpreter.unsavedWork == nil, "quit right after the start does not warn")
        #expect(notes.contains("Trained a model"))
        #expect(notes.contains("from \(DefaultScenario.path)"))
    }

    @Test func startSessionReportsAMissingFile() {
        #expect(throws: CommandError.self) {
            _ = try Interpreter.startSession(model: "/nonexistent/model.json")
        }
    }
}
