import Foundation
import Testing
@testable import BudgetAdvisor

/// Inputs found by the fuzzers (Fuzz/) or while probing around them, kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// The REPL fuzzer's only finding in its first run: a 10 s timeout on this script in a fresh session (the
    /// `report html=` trains the default 5,000-row model, allocates and renders every chart; under ASan on a
    /// loaded 2-core machine that passed 10 s). In a debug build it takes well under a second.
    @Test func reportHtmlInAFreshSessionIsQuick() throws {
        var (interpreter, folder) = try makeInterpreter()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = ["generate rows=300 seed=9 out=c.csv", "load c.csv", "train test-fraction=0lambda=0",
                      "predict budget=50 interest=0.7 frequenc\u{FFFD}=0.4", "report", "plot all", "report html=r.html"]
        let clock = ContinuousClock()
        let start = clock.now
        var errors: [String] = []
        for line in script { errors.append(interpreter.execute(line).error ?? "") }
        #expect(clock.now - start < .seconds(10))
        #expect(errors[2] == "test-fraction=0lambda=0: not a number (write 150000, 1.5e5, 150k or 150,000)")
        #expect(errors[6] == "")
        #expect(FileManager.default.fileExists(atPath: folder + "/r.html"))
    }

    /// `rows=` accepts any whole number below 1e15, and `SyntheticCustomers.generate` reserves that many rows at
    /// once: the process aborts (SIGABRT, exit 134), which in the REPL ends the session and loses unsaved work.
    @Test(arguments: [["generate", "--rows", "1e14", "--out", "x.csv"], ["train", "--rows", "1e14"]])
    func hugeRowCountsAreRefusedNotFatal(_ arguments: [String]) throws {
        let binary = try #require(NoLostWorkTests.executable(), "build budget-advisor first (swift build)")
        let folder = try Reliability.temporaryDirectory("rows")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errorPipe = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stderr = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 64,
                "\(arguments.joined(separator: " ")): reason \(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus); stderr: \(stderr.prefix(300))")
        #expect(stderr.contains("rows"))
    
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.csv"))
    }

    /// Scanner corner cases the differential fuzzer (Fuzz/CSVReference.swift) pins down: the optimized scanner
    /// must split exactly like this.
    @Test func scannerCornerCases() throws {
        func split(_ text: String, _ delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
            let bytes = Array(text.utf8)
            return try bytes.withUnsafeBufferPointer { buffer in
                var scanner = CSVScanner(bytes: buffer, delimiter: delimiter)
                var records: [[String]] = []
                while try scanner.next() { records.append((0..<scanner.fieldCount).map { scanner.string($0) }) }
                return records
            }
        }
        #expect(try split("a,b,") == [["a", "b", ""]])
        #expect(try split("a,b,\n") == [["a", "b", ""]])
        #expect(try split("\"a\",") == [["a", ""]])
        #expect(try split("a\r") == [["a"]])
        #expect(try split("a\rb\r\nc") == [["a\rb"], ["c"]])
        #expect(try split("\"a\"\r") == [["a"]])
        #expect(try split("\"a\nb\"\r\nc") == [["a\nb"], ["c"]])
        #expect(try split("\u{FEFF}") == [])
        #expect(try split("\n") == [[""]])
        #expect(try split("a;b", UInt8(ascii: ";")) == [["a", "b"]])
        #expect(throws: CSVScanner.SyntaxError(line: 1, message: "unexpected text after a closing quote (a stray '\"' in a field?)")) {
            try split("\"a\"\rb")
        }
        #expect(throws: CSVScanner.SyntaxError(line: 2, message: "a quoted field is never closed")) { try split("x\n\"a\n\n") }
    }

    /// DecimalParser's fast path agrees bit for bit with Double(String) (the fuzzer's second oracle).
    @Test func decimalParserMatchesDoubleParsing() {
        let cases = ["0", "-0", "+1", ".5", "5.", "-.5", "123456789012345", "1234567890123456", "0.1", "0.30000000000000004",
                     "9007199254740993", "1e22", "1e23", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
                     "0.0000000000000000000001", "00000000000000000001.5", " 7 ", "\t8", "1_000", "0x10", "1e", "-", ".", "e5",
                     "nan", "inf", "-infinity", "1e400"]
        for text in cases {
            let fast = DecimalParser.parse(Array(text.utf8)[...])
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            let slow = trimmed.isEmpty ? nil : Double(trimmed)
            let same = (fast == nil && slow == nil) || (fast.map { f in slow.map { s in f.bitPattern == s.bitPattern || (f.isNaN && s.isNaN) } ?? false } ?? false)
            #expect(same, "'\(text)': DecimalParser \(String(describing: fast)), Double \(String(describing: slow))")
        }
    }
}
