import BudgetAdvisor
import CReadline
import Foundation

/// The interactive `LineReader`: readline with Tab completion from the library's `Completer`, persistent
/// history, and Ctrl-C clearing the line (see `shim.h`). The only file that imports `CReadline`.
struct ReadlineReader: LineReader {
    private var history: ReplHistory
    private let historyPath: String

    /// Sets readline up and loads the history file at `historyPath`.
    init(historyPath: String) {
        self.historyPath = historyPath
        history = ReplHistory.load(path: historyPath)
        creadline_set_name(strdup("budget-advisor"))  // kept by readline
        // readline keeps the pointer: the copy lives as long as the process.
        creadline_set_completion(attemptCompletion, strdup(Completer.wordBreakCharacters))
        creadline_install_interrupt_handling()
        for line in history.entries { add_history(line) }
    }

    mutating func willRead(_ interpreter: Interpreter) {
        completionState.completer = Completer(table: interpreter.table, session: interpreter.session)
    }

    mutating func readLine(prompt: String) -> String? {
        guard let pointer = creadline_readline(prompt) else {
            if creadline_newline_at_eof() == 0 { FileHandle.standardOutput.write(Data("\n".utf8)) }
            return nil
        }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if history.add(line), let kept = history.entries.last { add_history(kept) }
        return line
    }

    /// Writes the history file (atomically); a failure is reported, not fatal.
    func saveHistory() {
        do { try history.save(path: historyPath) } catch {
            FileHandle.standardError.write(Data("budget-advisor: history not saved: \(error.localizedDescription)\n".utf8))
        }
    }
}

// MARK: - Completion callbacks (C function pointers cannot capture: state lives in one global)

private struct CompletionState {
    var completer: Completer?
    var candidates: [String] = []
    var next = 0
}

nonisolated(unsafe) private var completionState = CompletionState()

private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    guard let completer = completionState.completer, let buffer = creadline_line_buffer() else { return nil }
    let point = Int(creadline_point())
    let prefix = String(decoding: UnsafeRawBufferPointer(start: buffer, count: point), as: UTF8.self)
    let completion = completer.complete(prefix, cursor: prefix.count)
    creadline_completion_flags(completion.appendsSpace ? 32 : 0, completion.isFilename ? 1 : 0)
    guard !completion.candidates.isEmpty else { return nil }
    completionState.candidates = completion.candidates
    completionState.next = 0
    return rl_completion_matches(text, nextCandidate)
}

private let nextCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    if state == 0 { completionState.next = 0 }
    guard completionState.next < completionState.candidates.count else { return nil }
    defer { completionState.next += 1 }
    return strdup(completionState.candidates[completionState.next])
}
