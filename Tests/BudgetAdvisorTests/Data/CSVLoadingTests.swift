import Foundation
import Testing
@testable import BudgetAdvisor

/// Every CSV error named by file, line and column; and the RFC 4180 forms that must load.
@Suite struct CSVLoadingTests {
    func load(_ text: String, schema: DatasetSchema = .standard) throws -> Dataset {
        try DatasetLoader.parse(Data(text.utf8), file: "in.csv", schema: schema)
    }

    func message(_ text: String, schema: DatasetSchema = .standard) -> String? {
        do { _ = try load(text, schema: schema); return nil } catch { return error.localizedDescription }
    }

    let header = "advertising_budget,user_interest,purchase_frequency,converted\n"

    @Test func quotedFieldsCRLFAndReorderedColumnsLoad() throws {
        let text = "\u{FEFF}\"converted\",extra,\"user_interest\",advertising_budget,purchase_frequency\r\n"
            + "1,\"a, \"\"quoted\"\"\nnote\",0.5,10,0.2\r\n"
            + "false,x,0.25,20.5,0.4\r\n"
            + "TRUE,y,0.75,30,0.6\r\n\r\n"
        let data = try load(text)
        #expect(data.rowCount == 3)
        #expect(data.columns[0] == [10, 20.5, 30])
        #expect(data.columns[1] == [0.5, 0.25, 0.75])
        #expect(data.labels == [1, 0, 1])
    }

    @Test func customColumnsAndSpend() throws {
        let text = "spend,age,bought\n1,30,0\n2,40,1\n3,35,1\n"
        let data = try load(text, schema: DatasetSchema(features: ["spend", "age"], label: "bought", spend: "spend"))
        #expect(data.featureNames == ["spend", "age"])
        #expect(data.spendFeature == "spend")
    }

    @Test func errorsNameFileLineAndColumn() {
        let cases: [(String, String)] = [
            ("", "in.csv:1: the file is empty; expected a header row naming the columns"),
            ("advertising_budget,user_interest,converted\n1,2,1\n",
             "in.csv:1: column 'purchase_frequency': not found; the header has: advertising_budget, user_interest, converted"),
            (header + "10,0.5,0.2,1\n20,abc,0.3,0\n", "in.csv:3: column 'user_interest': 'abc' is not a number"),
            (header + "10,0.5,0.2,1\n20,nan,0.3,0\n", "in.csv:3: column 'user_interest': 'nan' is not a finite number"),
            (header + "10,0.5,0.2,1\n20,inf,0.3,0\n", "in.csv:3: column 'user_interest': 'inf' is not a finite number"),
            (header + "10,0.5,0.2,1\n20,,0.3,0\n", "in.csv:3: column 'user_interest': is empty; every cell must hold a number"),
            (header + "10,0.5,0.2,1\n20,0.3,0\n", "in.csv:3: has 3 fields but the header has 4"),
            (header + "10,0.5,0.2,1\n20,0.4,0.3,2\n", "in.csv:3: column 'converted': '2' is not a binary label; use 0/1 or true/false"),
            (header, "in.csv:2: no data rows after the header"),
            (header + "10,0.5,0.2,1\n10,0.4,0.3,0\n",
             "in.csv:1: column 'advertising_budget': is constant (every row is 10); a constant feature carries no information, leave it out of --features"),
            (header + "10,0.5,0.2,1\n20,0.4,0.3,1\n", "in.csv:1: column 'converted': every row is 1; training needs customers of both classes"),
            (header + "10,\"0.5,0.2,1\n", "in.csv:2: a quoted field is never closed"),
            (header + "10,\"0.5\"x,0.2,1\n", "in.csv:2: unexpected text after a closing quote (a stray '\"' in a field?)"),
            ("advertising_budget;user_interest;purchase_frequency;converted\n1;2;3;1\n",
             "in.csv:1: the header is one column split by semicolons; read it with --delimiter ';'"),
        ]
        for (text, expected) in cases {
            #expect(message(text) == expected)
        }
    }

    @Test func schemaMistakesAreReported() {
        #expect(message(header, schema: DatasetSchema(features: ["a", "a"], label: "y")) == "in.csv: column 'a': is listed twice in --features")
        #expect(message(header, schema: DatasetSchema(features: ["a"], label: "y", spend: "b"))
                == "in.csv: column 'b': the spend column must be one of the features (a)")
    }

    @Test func fileErrors() {
        #expect(throws: DataError(file: "/nonexistent/x.csv", line: 0, "no such file")) {
            try DatasetLoader.load(path: "/nonexistent/x.csv")
        }
    }

    @Test func decimalParserIsExactOnTheFastPath() {
        for text in ["0.1", "73.26", "0.0710", "-12.5", "1e5", "3.14159265358979", "123456789012345678", " 7 "] {
            #expect(DecimalParser.parse(ArraySlice(text.utf8)) == Double(text.trimmingCharacters(in: .whitespaces)))
        }
        #expect(DecimalParser.parse(ArraySlice("1.2.3".utf8)) == nil)
        #expect(DecimalParser.parse(ArraySlice("".utf8)) == nil)
    }

    /// Large bodies are parsed in parallel parts: the same numbers as the generator wrote, and an error deep in
    /// the file (found by the sequential scanner after the parallel path gives up) still names its exact line.
    @Test func parallelPathMatchesAndErrorsKeepTheirLine() throws {
        let generated = SyntheticCustomers.generate(rows: 120_000, seed: 4)
        let text = SyntheticCustomers.csv(generated)
        let data = try load(text)
        #expect(data.columns == generated.columns)
        #expect(data.labels == generated.labels)
        // Without a final line end, with an extra ignored column, and from a mapped file on disk.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let extra = lines.enumerated().map { $0.offset == 0 ? $0.element + ",note" : $0.element + ",n\($0.offset % 7)" }
        let path = NSTemporaryDirectory() + "/parallel-csv-\(getpid()).csv"
        try extra.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapped = try DatasetLoader.load(path: path)
        #expect(mapped.columns == generated.columns)
        #expect(mapped.labels == generated.labels)
        for (line, replacement, expected) in [
            (90_001, "12.5,0.1,,1", "in.csv:90001: column 'purchase_frequency': is empty; every cell must hold a number"),
            (100_000, "12.5,0.1,0.2,2", "in.csv:100000: column 'converted': '2' is not a binary label; use 0/1 or true/false"),
            (60_000, "12.5,0.1,0.2", "in.csv:60000: has 3 fields but the header has 4"),
        ] {
            var broken = lines
            broken[line - 1] = replacement
            #expect(message(broken.joined(separator: "\n") + "\n") == expected)
        }
        var blank = lines
        blank.insert("", at: 70_000)
        #expect(try load(blank.joined(separator: "\n")).labels == generated.labels)
    }
    /// The parallel path reads every number form exactly as `DecimalParser` does, short and long (leading zeros,
    /// 15 and more digits, signs, bare points), counts the labels, and gives way to the sequential scanner when a
    /// quote or carriage return appears anywhere, even in the last few bytes (below one 16-byte step).
    @Test func parallelPathReadsEveryNumberFormLikeTheSequentialScanner() throws {
        let forms = ["12.5", "0000012.5", "+3", "-0.5", ".5", "5.", "0.000000000000000012345", "123456789012345",
                     "1234567890.12345", "0.100000000000000", "007", "-000.000", "000000000000000000001.25"]
        var rows: [String] = []
        for k in 0..<30_000 {
            rows.append("\(forms[k % forms.count]),\(forms[(k / 3) % forms.count]),0.\(k % 1000),\(k % 3 == 0 ? 1 : 0)")
        }
        let body = rows.joined(separator: "\n")
        let plainText = header + body + "\n"
        #expect(plainText.utf8.count > 2 * ParallelCSV.minimumPartBytes) // several parts
        let bytes = Array(plainText.utf8)
        let direct = try #require(bytes.withUnsafeBufferPointer {
            ParallelCSV.parse($0, from: header.utf8.count, delimiter: UInt8(ascii: ","),
                              targets: [0, 1, 2, ParallelCSV.label], features: 3)
        })
        #expect(direct.positives == 10_000)
        let sequential = try DatasetLoader.parse(Data(plainText.utf8), file: "in.csv", schema: .standard, parallel: false)
        #expect(sequential.columns.map { $0.map(\.bitPattern) } == direct.columns.map { $0.map(\.bitPattern) })
        #expect(sequential.labels == direct.labels)
        for (k, row) in rows.enumerated() where k % 7 == 0 {
            let cells = row.split(separator: ",").map { DecimalParser.parse(ArraySlice($0.utf8))! }
            #expect(direct.columns.map { $0[k] } == Array(cells.prefix(3)), "row \(k + 2): \(row)")
            #expect(direct.labels[k] == cells[3])
        }
        // The same data with a quote or a carriage return anywhere (first field, last bytes): the parallel path
        // declines and the sequential scanner reads the same numbers.
        let lastRow = rows[rows.count - 1]
        let quotedFirst: String = header + "\"" + String(body.prefix(4)) + "\"" + String(body.dropFirst(4)) + "\n"
        let quotedLast: String = header + String(body.dropLast(lastRow.count)) + String(lastRow.dropLast()) + "\"0\"\n"
        let variants: [String] = [quotedFirst, quotedLast, header + body + "\r\n",
                                  header + body.replacingOccurrences(of: "\n", with: "\r\n")]
        for variant in variants {
            #expect(Array(variant.utf8).withUnsafeBufferPointer {
                ParallelCSV.parse($0, from: header.utf8.count, delimiter: UInt8(ascii: ","),
                                  targets: [0, 1, 2, ParallelCSV.label], features: 3)
            } == nil)
            let reread = try load(variant)
            #expect(reread.columns == direct.columns)
            #expect(reread.labels == direct.labels)
        }
    }
}
