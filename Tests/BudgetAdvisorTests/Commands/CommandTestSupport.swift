import Foundation
@testable import BudgetAdvisor

/// An interpreter working in a fresh temporary directory, with the shipped scenarios copied in.
func makeInterpreter(copyScenarios: Bool = true) throws -> (Interpreter, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ba-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/scenarios", withIntermediateDirectories: true)
    if copyScenarios {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios").path
        for file in try FileManager.default.contentsOfDirectory(atPath: root) {
            try FileManager.default.copyItem(atPath: root + "/" + file, toPath: folder + "/scenarios/" + file)
        }
    }
    return (Interpreter(session: Session(workingDirectory: folder)), folder)
}

extension Interpreter {
    /// Runs `line` and returns its output, recording an error as `error: ...`.
    mutating func run(_ line: String) -> String {
        let outcome = execute(line)
        return outcome.output + (outcome.error.map { "error: \($0)\n" } ?? "")
    }
}

/// A sparse file of `size` zero bytes: a large file without writing it (the loader rejects it at once as binary).
func makeSparseFile(atPath path: String, size: UInt64) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
    defer { try? handle.close() }
    try handle.truncate(atOffset: size)
}

/// Four customers with the default columns, two of them converted: the smallest CSV the loader reads.
let fourCustomerCSV = "advertising_budget,user_interest,purchase_frequency,converted\n20,0.1,0.2,0\n80,0.9,0.7,1\n50,0.4,0.5,1\n30,0.2,0.1,0\n"
