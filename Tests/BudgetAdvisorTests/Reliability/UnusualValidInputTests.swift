import Foundation
import Testing
@testable import BudgetAdvisor

/// Inputs that look odd but are valid, and must load.
@Suite struct UnusualValidInputTests {
    let h = Reliability.header

    func load(_ text: String, schema: DatasetSchema = .standard) throws -> Dataset {
        try DatasetLoader.parse(Data(text.utf8), file: "in.csv", schema: schema)
    }

    func expectStudyRows(_ data: Dataset, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(data.featureNames == SyntheticCustomers.featureNames, sourceLocation: sourceLocation)
        #expect(data.columns == [[10, 20], [0.5, 0.4], [0.2, 0.3]], sourceLocation: sourceLocation)
        #expect(data.labels == [1, 0], sourceLocation: sourceLocation)
    }

    @Test func byteOrderMark() throws { expectStudyRows(try load("\u{FEFF}" + h + Reliability.rows)) }

    @Test func crlfLineEnds() throws {
        expectStudyRows(try load((h + Reliability.rows).replacingOccurrences(of: "\n", with: "\r\n")))
    }

    @Test func crlfWithoutFinalLineEnd() throws {
        expectStudyRows(try load((h + "10,0.5,0.2,1\n20,0.4,0.3,0").replacingOccurrences(of: "\n", with: "\r\n")))
    }

    @Test func quotedHeaderNamesAndCells() throws {
        expectStudyRows(try load("\"advertising_budget\",\"user_interest\",\"purchase_frequency\",\"converted\"\n\"10\",\"0.5\",\"0.2\",\"1\"\n20,0.4,0.3,0\n"))
    }

    @Test func headerNamesWithSpacesAround() throws {
        expectStudyRows(try load(" advertising_budget , user_interest,purchase_frequency ,converted\n" + Reliability.rows))
    }

    @Test func columnsInAnyOrder() throws {
        expectStudyRows(try load("converted,purchase_frequency,advertising_budget,user_interest\n1,0.2,10,0.5\n0,0.3,20,0.4\n"))
    }

    @Test func extraUnusedColumns() throws {
        expectStudyRows(try load("id,advertising_budget,note,user_interest,purchase_frequency,converted,x\n"
                                 + "1,10,\"free, text \"\"quoted\"\"\nwith a line break\",0.5,0.2,1,\n2,20,,0.4,0.3,0,abc\n"))
    }

    @Test func blankLinesAtTheEndAndBetween() throws {
        expectStudyRows(try load(h + "\n10,0.5,0.2,1\n\r\n20,0.4,0.3,0\n\n\n\r\n"))
    }

    @Test func semicolonDelimiter() throws {
        let schema = DatasetSchema(features: SyntheticCustomers.featureNames, label: "converted", delimiter: UInt8(ascii: ";"))
        expectStudyRows(try load("advertising_budget;user_interest;purchase_frequency;converted\n10;0.5;0.2;1\n20;0.4;0.3;0\n", schema: schema))
    }

    @Test func tabDelimiter() throws {
        let schema = DatasetSchema(features: SyntheticCustomers.featureNames, label: "converted", delimiter: UInt8(ascii: "\t"))
        expectStudyRows(try load("advertising_budget\tuser_interest\tpurchase_frequency\tconverted\n10\t0.5\t0.2\t1\n20\t0.4\t0.3\t0\n", schema: schema))
    }

    @Test func numberAndLabelSpellings() throws {
        let data = try load(h + " 1e1 ,+.5,0.20,TRUE\n20.,4e-1,  3E-1 ,False\n-0,0,0, 1 \n")
        #expect(data.columns == [[10, 20, 0], [0.5, 0.4, 0], [0.2, 0.3, 0]])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func hexadecimalNumbersAreAcceptedToday() throws {
        // Double(String) accepts C99 hex floats, so "0x10" loads as 16. Harmless but surprising; noted in the report.
        let data = try load(h + "0x10,0.5,0.2,1\n20,0.4,0.3,0\n")
        #expect(data.columns[0] == [16, 20])
    }

    @Test func fifteenAndMoreSignificantDigitsRoundCorrectly() throws {
        let data = try load(h + "0.1234567890123456789,123456789012345.6,1e-320,1\n0.30000000000000004,1e22,2.2250738585072014e-308,0\n")
        #expect(data.columns[0] == [0.1234567890123456789, 0.30000000000000004])
        #expect(data.columns[1] == [123456789012345.6, 1e22])
        #expect(data.columns[2] == [Double("1e-320")!, 2.2250738585072014e-308])
    }

    @Test func unicodeColumnNames() throws {
        let schema = DatasetSchema(features: ["dépense €", "intérêt"], label: "acheté")
        let data = try load("\"dépense €\",intérêt,acheté\n1,2,0\n3,4,1\n", schema: schema)
        #expect(data.columns == [[1, 3], [2, 4]])
    }

    @Test func hugeScenarioDescriptionLoadsQuickly() throws {
        let description = String(repeating: "a", count: 50 << 20)
        let text = #"{"name":"t","total_budget":1000,"description":""# + description + #"","segments":[]}"#
        let clock = ContinuousClock()
        let start = clock.now
        let scenario = try ScenarioFile.parse(text, file: "s.json")
        #expect(scenario.description?.utf8.count == 50 << 20)
        #expect(clock.now - start < .seconds(60))
    }

    @Test func scenarioAndModelFilesWithByteOrderMarkLoad() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try String(contentsOfFile: folder + "/scenarios/default.json", encoding: .utf8)
        try Data([0xEF, 0xBB, 0xBF] + Array(scenario.utf8)).write(to: URL(fileURLWithPath: folder + "/bom-scenario.json"))
        let model = ModelFile.render(Reliability.studyModel)
        try Data([0xEF, 0xBB, 0xBF] + Array(model.utf8)).write(to: URL(fileURLWithPath: folder + "/bom-model.json"))
        #expect(try ScenarioFile.load(path: folder + "/bom-scenario.json").segments.count > 0)
        #expect(try ModelFile.load(path: folder + "/bom-model.json").featureNames == SyntheticCustomers.featureNames)
        let loadModel = interpreter.execute("load bom-model.json")
        #expect(loadModel.error == nil, "\(loadModel.error ?? "")")
        let loadScenario = interpreter.execute("load bom-scenario.json")
        #expect(loadScenario.error == nil, "\(loadScenario.error ?? "")")
    }

    @Test func replLoadsDelimitedFiles() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rows = (0..<40).map { "\(10 + $0);0.\($0 % 10);0.\(($0 * 7) % 10);\($0 % 3 == 0 ? 1 : 0)" }.joined(separator: "\n")
        try Data(("advertising_budget;user_interest;purchase_frequency;converted\n" + rows + "\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/semi.csv"))
        try Data(("advertising_budget\tuser_interest\tpurchase_frequency\tconverted\n" + rows.replacingOccurrences(of: ";", with: "\t") + "\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/tabs.tsv"))
        for line in ["load semi.csv delimiter=';'", "load semi.csv --delimiter ';'", "load tabs.tsv delimiter=tab", "load tabs.tsv delimiter='\\t'"] {
            let outcome = interpreter.execute(line)
            #expect(outcome.error == nil, "\(line): \(outcome.error ?? "")")
        }
    }
}
