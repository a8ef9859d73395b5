import Foundation
import Testing
@testable import BudgetAdvisor

/// A word is `key=value` only when its first `=` is typed bare: a quoted or escaped `=` belongs to a file or
/// segment name (`load "a=b.csv"`, `load 'x=1.csv'`, `load a\=b.csv`), while `data="my file.csv"` stays an
/// option with a quoted value. Tab completion writes such names back in a form read the same way.
@Suite final class QuotedEqualsTests {
    let folder: String
    var interpreter: Interpreter

    init() throws {
        (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        for name in ["a=b.csv", "x=1.csv", "my file=2.csv"] {
            try fourCustomerCSV.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    @Test func theTokenizerTellsABareEqualsFromAQuotedOne() throws {
        func words(_ line: String) throws -> [Tokenizer.Word] { try Tokenizer.words(line) }
        #expect(try words("load \"a=b.csv\"") == [Tokenizer.Word("load"), Tokenizer.Word("a=b.csv", splitsAtEquals: false)])
        #expect(try words("load 'x=1.csv'")[1] == Tokenizer.Word("x=1.csv", splitsAtEquals: false))
        #expect(try words("load a\\=b.csv")[1] == Tokenizer.Word("a=b.csv", splitsAtEquals: false))
        #expect(try words("load a\"=\"b=c.csv")[1] == Tokenizer.Word("a=b=c.csv", splitsAtEquals: false), "the first = decides")
        #expect(try words("train data=\"my file.csv\"")[1] == Tokenizer.Word("data=my file.csv", splitsAtEquals: true))
        #expect(try words("train \"data\"=x.csv")[1] == Tokenizer.Word("data=x.csv", splitsAtEquals: true))
        #expect(try words("train lambda=0.1")[1] == Tokenizer.Word("lambda=0.1", splitsAtEquals: true))
        #expect(try words("load plain.csv # note")[1] == Tokenizer.Word("plain.csv", splitsAtEquals: false))
        #expect(try Tokenizer.split("load \"a=b.csv\" x=1") == ["load", "a=b.csv", "x=1"])
    }

    @Test func aQuotedNameWithEqualsIsAFile() {
        #expect(interpreter.run("load \"a=b.csv\"").hasPrefix("Loaded 4 rows from a=b.csv (50.0% converted"))
        #expect(interpreter.run("load 'x=1.csv'").hasPrefix("Loaded 4 rows from x=1.csv (50.0% converted"))
        #expect(interpreter.run("load a\\=b.csv").hasPrefix("Loaded 4 rows from a=b.csv (50.0% converted"))
        #expect(interpreter.run("load data \"a=b.csv\"").hasPrefix("Loaded 4 rows from a=b.csv (50.0% converted"))
        // Bare, it is still key=value, and the message says so.
        #expect(interpreter.run("load a=b.csv").hasPrefix("error: load: unknown option 'a'"))
    }

    @Test func aQuotedValueAfterABareEqualsIsStillAnOption() {
        #expect(interpreter.run("train data=\"my file=2.csv\" test-fraction=0")
            .hasPrefix("Trained on 4 of 4 rows of my file=2.csv (none held out)"))
        #expect(interpreter.run("load \"my file=2.csv\" label=\"converted\"").hasPrefix("Loaded 4 rows from my file=2.csv ("))
    }

    @Test func aQuotedSegmentNameWithEqualsIsAName() throws {
        interpreter.session = try ReplFixtures.session(workingDirectory: folder)
        let out = interpreter.run("segments add \"tier=gold\" customers=100 user_interest=0.5 purchase_frequency=0.5")
        #expect(out.contains("tier=gold"), "\(out)")
        #expect(interpreter.session.scenario?.segmentIndex(named: "tier=gold") != nil)
    }

    // MARK: - Completion

    private var completer: Completer {
        Completer(session: interpreter.session)
    }

    @Test func completedNamesWithEqualsAreReadBackAsFiles() throws {
        // Unquoted, the `=` is escaped; in a quote it needs nothing.
        let escaped = try #require(completer.lineAfterTab("load a"))
        #expect(escaped == "load a\\=b.csv ")
        let quoted = try #require(completer.lineAfterTab("load \"a"))
        #expect(quoted == "load \"a=b.csv\" ")
        for line in [escaped, quoted] {
            var copy = interpreter
            #expect(copy.run(line).hasPrefix("Loaded 4 rows from a=b.csv ("), "\(line)")
        }
        // The escaped `=` does not break the word for the next Tab.
        let completion = completer.complete("load a\\=", cursor: 8)
        #expect(completion.word == "a\\=")
        #expect(completion.candidates == ["a=b.csv"])
        // As a value it reads back the same.
        let value = try #require(completer.lineAfterTab("train data=x"))
        #expect(value == "train data=x\\=1.csv ")
        #expect(try CommandArguments(parsing: Array(Tokenizer.words(value).dropFirst()), for: ModelCommands.train).string("data") == "x=1.csv")
        #expect(Completer.filenameQuoteCharacters.contains("="), "readline quotes completed names holding '=' (ReadlineReader)")
    }
}
