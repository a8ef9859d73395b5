import BudgetAdvisor
import CReadline
import Foundation

/// The interactive `LineReader`: readline with Tab completion from the library's `Completer`, persistent
/// history, and Ctrl-C clearing the line (see `shim.h`). The only file that imports `CReadline`.
struct ReadlineReader: LineReader {
    private var history: ReplHistory
    private let historyPath: String
    /// Whether the history has lines the file does not.
    private var historyUnsaved = false
    /// Whether a failure to write the history was reported (once is enough).
    private var historyFailureReported = false

    /// Sets readline up and loads the history file at `historyPath`.
    init(historyPath: String) {
        self.historyPath = historyPath
        history = ReplHistory.load(path: historyPath)
        creadline_set_name(strdup("budget-advisor"))  // kept by readline
        // readline keeps the pointer: the copy lives as long as the process.
        creadline_set_completion(attemptCompletion, strdup(Completer.wordBreakCharacters))
        creadline_set_quoting(strdup(Completer.quoteCharacters), strdup(Completer.filenameQuoteCharacters),
                              isQuoted, quoteFilename, unquoteFilename)
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
        if history.add(line), let kept = history.entries.last {
            add_history(kept)
            historyUnsaved = true
            // Written now, before the command runs, and not only when the session ends: a second Ctrl-C during
            // the command ends the process from the signal handler (shim.h), where the file cannot be written
            // safely, and the main thread, busy with the command, cannot be asked to. One small atomic write
            // per command typed keeps that exit from losing anything.
            saveHistory()
        }
        return line
    }

    /// Writes the history file (atomically) if it has new lines; a failure is reported once, not fatal.
    mutating func saveHistory() {
        guard historyUnsaved else { return }
        do {
            try history.save(path: historyPath)
            historyUnsaved = false
        } catch {
            guard !historyFailureReported else { return }
            historyFailureReported = true
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
    // readline replaces its own idea of the word: if it ever differs from the library's, complete nothing
    // rather than garble the line.
    guard !completion.candidates.isEmpty, let text, String(cString: text) == completion.word else { return nil }
    // readline marks directories itself when it lists several file names (`dir/` would show as `dir//`); a
    // sole directory keeps its `/`, which is what gets inserted.
    completionState.candidates = completion.isFilename && completion.candidates.count > 1
        ? completion.candidates.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        : completion.candidates
    completionState.next = 0
    return rl_completion_matches(text, nextCandidate)
}

private let nextCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    if state == 0 { completionState.next = 0 }
    guard completionState.next < completionState.candidates.count else { return nil }
    defer { completionState.next += 1 }
    return strdup(completionState.candidates[completionState.next])
}

// MARK: - Quoting callbacks (readline frees what they return: malloc'd copies)

private let isQuoted: @convention(c) (UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { line, offset in
    guard let line else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: line, count: strlen(line))
    return Completer.isQuoted(bytes, at: Int(offset)) ? 1 : 0
}

private let quoteFilename: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?)
    -> UnsafeMutablePointer<CChar>? = { text, matchType, quotePointer in
    guard let text else { return nil }
    let open = quotePointer.flatMap { $0.pointee == 0 ? nil : Character(Unicode.Scalar(UInt8(bitPattern: $0.pointee))) }
    let quoted = Completer.quote(String(cString: text), openQuote: open, isComplete: matchType == SINGLE_MATCH)
    // The quote the name is now written in: readline removes an opening quote that changed and does not add a
    // closing one after a name that has it.
    quotePointer?.pointee = quoted.quote.map { CChar(bitPattern: $0.asciiValue ?? 0) } ?? 0
    return strdup(quoted.text)
}

private let unquoteFilename: @convention(c) (UnsafeMutablePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, quote in
    guard let text else { return nil }
    let open = quote == 0 ? nil : Character(Unicode.Scalar(UInt8(truncatingIfNeeded: quote)))
    return strdup(Completer.unquote(String(cString: text), openQuote: open))
}
