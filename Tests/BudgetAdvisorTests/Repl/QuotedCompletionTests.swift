import Foundation
import Testing
@testable import BudgetAdvisor

/// Tab completion of file names holding spaces, quotes and backslashes: typed escaped (`my\ ch`) or inside a
/// quote (`"my ch`, `'my ch`), completed in a form the Tokenizer reads back as the same single argument.
@Suite final class QuotedCompletionTests {
    static let names = ["my chart.svg", "my data.csv", "my dir/inner file.csv", "it's here.csv", "quo\"te.csv",
                        "back\\slash.csv", "#hash.csv", "plain.csv"]

    let directory: String
    let completer: Completer

    init() throws {
        directory = try ReplFixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/my dir", withIntermediateDirectories: true)
        for name in Self.names { _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data()) }
        var session = try ReplFixtures.session(workingDirectory: directory)
        session.workingDirectory = directory
        completer = Completer(session: session)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @Test func anEscapedSpaceCompletesWithBackslashes() throws {
        let completion = completer.complete("plot scatter my\\ ch", cursor: 19)
        #expect(completion.word == "my\\ ch", "readline's word: the escaped space does not break it")
        #expect(completion.candidates == ["my chart.svg"])
        #expect(completion.isFilename && completion.quote == nil)
        #expect(completion.replacement == "my\\ chart.svg ")
        let line = try #require(completer.lineAfterTab("plot scatter my\\ ch"))
        #expect(line == "plot scatter my\\ chart.svg ")
        #expect(try Tokenizer.split(line) == ["plot", "scatter", "my chart.svg"])
    }

    @Test func anOpenQuoteCompletesInsideItAndClosesIt() throws {
        let double = completer.complete("plot scatter \"my ch", cursor: 19)
        #expect(double.word == "my ch" && double.quote == "\"")
        #expect(double.candidates == ["my chart.svg"])
        #expect(double.replacement == "\"my chart.svg\" ")
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("plot scatter \"my ch"))) == ["plot", "scatter", "my chart.svg"])

        let single = completer.complete("plot scatter 'my ch", cursor: 19)
        #expect(single.word == "my ch" && single.quote == "'")
        #expect(single.replacement == "'my chart.svg' ")
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("plot scatter 'my ch"))) == ["plot", "scatter", "my chart.svg"])
    }

    @Test func keyValuesAndOtherCommandsComplete() throws {
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("train data=\"my da"))) == ["train", "data=my data.csv"])
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("train data=my\\ da"))) == ["train", "data=my data.csv"])
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("load my\\ da"))) == ["load", "my data.csv"])
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("export \"my ch"))) == ["export", "my chart.svg"])
    }

    @Test func quotesAndBackslashesInNamesSurvive() throws {
        #expect(completer.lineAfterTab("load quo") == "load quo\\\"te.csv ")
        #expect(completer.lineAfterTab("load \"quo") == "load \"quo\\\"te.csv\" ")
        #expect(completer.lineAfterTab("load back") == "load back\\\\slash.csv ")
        #expect(completer.lineAfterTab("load \\#") == "load \\#hash.csv ")
        // Single quotes cannot hold a single quote: the name switches to double quotes.
        #expect(completer.lineAfterTab("load 'it") == "load \"it's here.csv\" ")
        for name in ["quo\"te.csv", "back\\slash.csv", "#hash.csv", "it's here.csv"] {
            for typed in [String(name.prefix(3)), "\"" + name.prefix(3), "'" + name.prefix(3)] {
                let line = try #require(completer.lineAfterTab("load " + typed), "no completion for \(typed)")
                #expect(try Tokenizer.split(line) == ["load", name], "typed \(typed)")
            }
        }
    }

    @Test func severalCandidatesInsertTheirQuotedCommonStart() throws {
        let completion = completer.complete("load my", cursor: 7)
        #expect(completion.candidates == ["my chart.svg", "my data.csv", "my dir/"])
        #expect(completion.replacement == "my\\ ", "no space after a partial name")
        #expect(completer.complete("load \"my", cursor: 8).replacement == "\"my ", "the quote stays open")
    }

    @Test func directoriesStayOpenForTheNextPart() throws {
        #expect(completer.lineAfterTab("load \"my di") == "load \"my dir/")
        #expect(completer.lineAfterTab("load my\\ di") == "load my\\ dir/")
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("load \"my dir/in"))) == ["load", "my dir/inner file.csv"])
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("load my\\ dir/in"))) == ["load", "my dir/inner file.csv"])
    }

    @Test func aQuoteOpenedInsideAPathCompletesTheRestOfIt() throws {
        // readline replaces only the text after the quote, so the part before it is not repeated.
        let completion = completer.complete("load my\\ dir/\"in", cursor: 16)
        #expect(completion.word == "in" && completion.quote == "\"")
        #expect(completion.candidates == ["inner file.csv"])
        let line = try #require(completer.lineAfterTab("load my\\ dir/\"in"))
        #expect(line == "load my\\ dir/\"inner file.csv\" ")
        #expect(try Tokenizer.split(line) == ["load", "my dir/inner file.csv"])
        // A closed quote is part of the word: `"my dir"/in` completes the whole word again.
        #expect(try Tokenizer.split(#require(completer.lineAfterTab("load \"my dir\"/in"))) == ["load", "my dir/inner file.csv"])
    }

    @Test func plainNamesAreLeftAlone() {
        #expect(completer.lineAfterTab("load pla") == "load plain.csv ")
        #expect(completer.lineAfterTab("load \"pla") == "load \"plain.csv\" ")
        #expect(completer.candidates("plot c", cursor: 6) == ["confusion", "curves"], "the first word after plot is still the kind")
    }

    @Test func theQuotingStateOfEachByte() {
        func quoted(_ line: String, _ offset: Int) -> Bool { Completer.isQuoted(Array(line.utf8), at: offset) }
        #expect(quoted("my\\ ch", 3))
        #expect(!quoted("my ch", 2))
        #expect(quoted("\"my ch", 3))
        #expect(!quoted("\"my\" ch", 4))
        #expect(!quoted("'a\\' b", 4), "a backslash does not escape inside single quotes")
        #expect(quoted("\"a\\\" b", 4), "it does inside double quotes")
    }

    @Test func unquotingReadsLikeTheTokenizer() throws {
        #expect(Completer.unquote("my\\ ch") == "my ch")
        #expect(Completer.unquote("\"my ch") == "my ch")
        #expect(Completer.unquote("my ch", openQuote: "\"") == "my ch")
        #expect(Completer.unquote("a\\") == "a")
        for word in ["\"a b\"c", "a\\ b\\\\c", "'x\\y'z", "\"q\\\"r\""] {
            #expect(try Tokenizer.split(word) == [Completer.unquote(word)], "\(word)")
        }
    }

    @Test func everyQuotingOfANameTokenizesBackToIt() throws {
        let names = ["a b", "it's", "say \"hi\"", "back\\slash", "#hash", "tab\there", "mixed 'both' \"kinds\"\\"]
        for name in names {
            for open: Character? in [nil, "\"", "'"] {
                let (text, quote) = Completer.quote(name, openQuote: open, isComplete: true)
                #expect(try Tokenizer.split("load " + text) == ["load", name], "\(name) opened with \(String(describing: open))")
                if let open { #expect(text.first == quote && (open == quote || name.contains("'"))) }
            }
        }
    }
}
