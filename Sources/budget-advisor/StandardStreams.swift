import BudgetAdvisor
import Foundation

/// Standard output or standard error as a `TextOutputStream` (unbuffered, so the two interleave in order).
struct StandardStream: TextOutputStream {
    let handle: FileHandle
    static var output: StandardStream { StandardStream(handle: .standardOutput) }
    static var error: StandardStream { StandardStream(handle: .standardError) }
    mutating func write(_ string: String) {
        guard !string.isEmpty else { return }
        handle.write(Data(string.utf8))
    }
}

/// The `LineReader` for scripts on standard input: no prompt, no line editing.
struct StandardInputReader: LineReader {
    mutating func readLine(prompt: String) -> String? {
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

/// Whether standard input is a terminal someone types at (`TERM=dumb` still counts: readline copes).
func standardInputIsTerminal() -> Bool { isatty(0) != 0 }
