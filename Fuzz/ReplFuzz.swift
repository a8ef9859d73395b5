// libFuzzer target (c): the command parser and interpreter. Each line of the input is run through
// `Interpreter.execute` on one session whose working directory is a private temporary directory (with the
// shipped scenarios and a small CSV copied in), emptied again after every input.
//
// Sandboxing: a line is skipped when any word could reach outside the directory (an absolute path, `~`, `..`,
// any `/` other than the `scenarios/` prefix) or asks for a lot of work (rows, iterations or customers above
// the caps below), so the fuzzer neither writes outside the temporary directory nor runs long.
// Oracles: `execute` returns (it never throws or exits); an error carries an exit code of 64 or 1 and a message.
import Foundation

private let maximumRows = 2_000.0
private let maximumIterations = 2_000.0
private let maximumLines = 24

private let sandbox: String = {
    let folder = NSTemporaryDirectory() + "ba-fuzz-repl-\(getpid())"
    try? FileManager.default.removeItem(atPath: folder)
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "ba-fuzz-repl-\(getpid())") }
    return folder
}()

private let fixtures: [(name: String, bytes: Data)] = {
    var files: [(String, Data)] = []
    let root = ProcessInfo.processInfo.environment["BA_FUZZ_SCENARIOS"] ?? "scenarios"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
        if let data = FileManager.default.contents(atPath: root + "/" + name) { files.append(("scenarios/" + name, data)) }
    }
    let small = SyntheticCustomers.generate(rows: 200, seed: 3)
    files.append(("small.csv", Data(SyntheticCustomers.csv(small).utf8)))
    return files
}()

/// A session with a model trained on 400 synthetic rows and the default scenario loaded (built once).
private let preparedSession: Session = {
    resetSandbox()
    var interpreter = Interpreter(session: Session(workingDirectory: sandbox))
    for line in ["train rows=400", "load scenarios/default.json"] {
        let outcome = interpreter.execute(line)
        precondition(outcome.error == nil, "preparing the session: \(line): \(outcome.error!)")
    }
    return interpreter.session
}()

private func resetSandbox() {
    let manager = FileManager.default
    for entry in (try? manager.contentsOfDirectory(atPath: sandbox)) ?? [] {
        try? manager.removeItem(atPath: sandbox + "/" + entry)
    }
    try? manager.createDirectory(atPath: sandbox + "/scenarios", withIntermediateDirectories: true)
    for (name, bytes) in fixtures { _ = manager.createFile(atPath: sandbox + "/" + name, contents: bytes) }
}

/// Whether `line` stays inside the sandbox and within the work caps.
func isSafe(_ line: String) -> Bool {
    guard let words = try? Tokenizer.split(line) else { return true }  // an open quote: only the message runs
    for (index, word) in words.enumerated() {
        let stripped = word.replacingOccurrences(of: "scenarios/", with: "")
        if stripped.contains("/") || word.contains("~") || word.contains("..") { return false }
        if word.unicodeScalars.contains(where: { $0.value == 0 }) { return false }
        // Option values: key=value, --key=value, --key value.
        var key = word, value: String?
        if word.hasPrefix("--") { key = String(word.dropFirst(2)) }
        if let equals = key.firstIndex(of: "=") {
            value = String(key[key.index(after: equals)...])
            key = String(key[..<equals])
        } else if word.hasPrefix("--"), index + 1 < words.count {
            value = words[index + 1]
        }
        guard let text = value else { continue }
        let cap: Double
        switch key {
        case "rows", "customers": cap = maximumRows
        case "max-iterations": cap = maximumIterations
        case "budget", "target": cap = .infinity
        default: continue
        }
        if let amount = AmountParser.parse(text), !(abs(amount) <= cap) { return false }
    }
    // Positional amounts such as `segments add x 10000000 ...` or `generate 1e9`: cap every number on the line.
    if words.first == "generate" || words.first == "train" || words.first == "segments" {
        for word in words.dropFirst() {
            for piece in word.split(whereSeparator: { $0 == "=" }) {
                if let amount = AmountParser.parse(String(piece)), abs(amount) > 1e7 { return false }
            }
        }
    }
    return true
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzREPL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(maximumLines)
    resetSandbox()
    // Most inputs start from a session that already has a small model and the default scenario, so commands
    // that would otherwise train the default 5,000-row model first (allocate, whatif, report html=) stay fast;
    // an input whose first byte is '!' starts from an empty session (those commands may then take seconds).
    var interpreter = Interpreter(session: text.hasPrefix("!") ? Session(workingDirectory: sandbox) : preparedSession)
    for line in lines {
        let line = String(line)
        guard isSafe(line) else { continue }
        let outcome = interpreter.execute(line)
        if let error = outcome.error {
            precondition(!error.isEmpty, "an empty error message for: \(line)")
            precondition(outcome.exitCode == 64 || outcome.exitCode == 1, "exit code \(outcome.exitCode) for: \(line)")
        } else {
            precondition(outcome.exitCode == 0)
        }
        if outcome.quit { break }
    }
    return 0
}
