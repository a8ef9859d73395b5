import Foundation
import Testing
@testable import BudgetAdvisor

/// Tab completion, computed in-process from the command table and a session.
@Suite struct CompleterTests {
    let completer: Completer

    init() throws {
        completer = Completer(session: try ReplFixtures.session())
    }

    private func complete(_ line: String) -> [String] { completer.candidates(line, cursor: line.count) }

    @Test func commandNames() {
        #expect(complete("tr") == ["train"])
        #expect(complete("") == CommandTable.standard.names.sorted())
        #expect(complete("  pre") == ["predict"])
        #expect(complete("ex") == CommandTable.standard.names.filter { $0.hasPrefix("ex") }.sorted())
        #expect(complete("zz").isEmpty)
    }

    @Test func optionKeysOfTheCommandBeingTyped() {
        #expect(complete("train le") == ["learning-rate="])
        #expect(complete("train --le") == ["--learning-rate"])
        #expect(complete("train learning-rate=0.1 le").isEmpty, "a key already given is not offered again")
        #expect(complete("quit f") == ["force"], "a flag has no =")
        let train = CommandTable.standard.command(named: "train")!
        #expect(complete("train ") == train.options.map { $0.isFlag ? $0.key : $0.key + "=" }.sorted())
    }

    @Test func aSoleKeyOrDirectoryTakesNoSpace() {
        #expect(!completer.complete("train le", cursor: 8).appendsSpace)
        #expect(completer.complete("tr", cursor: 2).appendsSpace)
        #expect(!completer.complete("t", cursor: 1).appendsSpace || complete("t").count == 1)
    }

    @Test func choiceValues() {
        let completion = completer.complete("train method=a", cursor: 14)
        #expect(completion.word == "a")
        #expect(completion.candidates == ["accelerated"])
        #expect(complete("train --method=p") == ["plain"])
        #expect(complete("train rows=1").isEmpty, "no completion for a number")
    }

    @Test func theCursorDecidesWhatIsCompleted() {
        #expect(completer.candidates("tr rows=5", cursor: 2) == ["train"])
        #expect(completer.candidates("train le rows=5", cursor: 8) == ["learning-rate="])
    }

    @Test func featureNamesForPredict() {
        #expect(complete("predict u") == ["user_interest="])
        #expect(complete("predict advertising_budget=50 ") == ["purchase_frequency=", "user_interest="])
    }

    @Test func segmentNamesFromTheSessionsScenario() throws {
        let scenario = try #require(completer.session.scenario)
        let names = scenario.segments.map(\.name)
        let spec = CommandSpec(name: "pick", summary: "test", synopsis: "SEGMENT ...", positionalCompletion: .segment) { _, _ in "" }
        let keyed = CommandSpec(name: "split", summary: "test", synopsis: "[SEGMENT=AMOUNT ...]", acceptsAnyKey: true,
                                positionalCompletion: .segment) { _, _ in "" }
        let table = CommandTable(commands: [spec, keyed])
        let custom = Completer(table: table, session: completer.session)
        #expect(custom.candidates("pick ", cursor: 5) == names.sorted())
        #expect(custom.candidates("pick lo", cursor: 7) == ["loyal"])
        #expect(custom.candidates("split lo", cursor: 8) == ["loyal="])
        #expect(custom.candidates("split loyal=20k n", cursor: 17) == names.filter { $0.hasPrefix("n") }.map { $0 + "=" })
    }

    @Test func segmentNamesAfterWhatifWhenTheTableHasIt() throws {
        guard CommandTable.standard.command(named: "whatif") != nil else { return }
        #expect(complete("whatif lo") == ["loyal="])
    }

    @Test func noSessionDataMeansNoNames() {
        let empty = Completer(session: Session())
        #expect(empty.candidates("predict u", cursor: 9).isEmpty)
    }

    @Test func helpCompletesCommandNames() {
        #expect(complete("help tr") == ["train"])
    }

    @Test func unknownCommandsCompleteNothing() {
        #expect(complete("bogus le").isEmpty)
    }

    @Test func filePaths() throws {
        let directory = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/scenarios", withIntermediateDirectories: true)
        for file in ["scenarios/default.json", "scenarios/tight.json", "model.json", "customers.csv", ".hidden"] {
            _ = manager.createFile(atPath: directory + "/" + file, contents: Data())
        }
        var session = try ReplFixtures.session(workingDirectory: directory)
        session.workingDirectory = directory
        let files = Completer(session: session)
        let load = files.complete("load sc", cursor: 7)
        #expect(load.candidates == ["scenarios/"])
        #expect(load.isFilename)
        #expect(!load.appendsSpace)
        #expect(files.candidates("load scenarios/", cursor: 15) == ["scenarios/default.json", "scenarios/tight.json"])
        #expect(files.candidates("load scenarios/d", cursor: 16) == ["scenarios/default.json"])
        #expect(files.candidates("save m", cursor: 6) == ["model.json"])
        #expect(files.candidates("train data=cu", cursor: 13) == ["customers.csv"])
        #expect(files.candidates("load .h", cursor: 7) == [".hidden"])
        #expect(!files.candidates("load ", cursor: 5).contains(".hidden"))
        #expect(files.candidates("load \(directory)/mo", cursor: 8 + directory.count) == ["\(directory)/model.json"])
    }

    @Test func interpreterCompletionsUseItsSession() throws {
        let interpreter = Interpreter(session: try ReplFixtures.session())
        #expect(interpreter.completions(for: "predict pur", cursor: 11) == ["purchase_frequency="])
    }
}

extension CompleterTests {
    @Test func featureKeysForSegmentLikeCommandsLeaveOutTheSpend() {
        let spec = CommandSpec(name: "seg", summary: "test", synopsis: "add NAME [FEATURE=VALUE ...]", acceptsAnyKey: true,
                               positionalCompletion: .segment) { _, _ in "" }
        let custom = Completer(table: CommandTable(commands: [spec]), session: completer.session)
        #expect(custom.candidates("seg add x ", cursor: 10).contains("user_interest="))
        #expect(!custom.candidates("seg add x ", cursor: 10).contains("advertising_budget="))
    }
}

extension CompleterTests {
    @Test func actionWordsComeFromTheSynopsis() {
        #expect(Completer.actionWords("[list | add NAME | set NAME | remove NAME] [customers=N]") == ["list", "add", "set", "remove"])
        #expect(Completer.actionWords("[data|model|scenario] FILE") == ["data", "model", "scenario"])
        #expect(Completer.actionWords("[SEGMENT=AMOUNT|SHARE% ...] [split=...]").isEmpty)
        #expect(Completer.actionWords("[budget=B | target=K] [export=FILE]").isEmpty)
        #expect(Completer.actionWords("[COMMAND]").isEmpty)
    }

    @Test func anActionFirstThenSegmentNames() {
        let spec = CommandSpec(name: "seg", summary: "test", synopsis: "[list | add NAME | set NAME | remove NAME]",
                               options: [OptionSpec("customers", "N", "how many")], positionalCompletion: .segment) { _, _ in "" }
        let custom = Completer(table: CommandTable(commands: [spec]), session: completer.session)
        #expect(custom.candidates("seg s", cursor: 5) == ["set"])
        #expect(custom.candidates("seg ", cursor: 4) == ["add", "customers=", "list", "remove", "set"])
        #expect(custom.candidates("seg set lo", cursor: 10) == ["loyal"])
        #expect(custom.candidates("seg customers=5 re", cursor: 18) == ["remove"])
    }

    @Test func fileCommandsOfferFilesNotKindWords() throws {
        #expect(!complete("load ").contains("scenario"))
    }
}
