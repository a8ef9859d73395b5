import Foundation

/// The interactive session's command history: blank lines and immediate repeats are not kept, the oldest
/// lines go once there are more than `limit`, and the file is one command per line, written atomically.
public struct ReplHistory: Sendable, Equatable {
    /// The commands, oldest first.
    public private(set) var entries: [String] = []
    /// The most lines kept.
    public var limit: Int

    /// A history holding at most `limit` lines.
    public init(limit: Int = 1_000) { self.limit = limit }

    /// A history from the text of a history file (lines readline adds, such as `#` timestamps, are skipped).
    public init(text: String, limit: Int = 1_000) {
        self.limit = limit
        for line in text.split(separator: "\n") where !line.hasPrefix("#") { add(String(line)) }
    }

    /// Records `line` without trailing blanks; returns whether it was kept (not blank, not the same as the
    /// previous line).
    @discardableResult
    public mutating func add(_ line: String) -> Bool {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty, !line.contains(where: \.isNewline),
              entries.last != line else { return false }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The file text: one line per command.
    public var text: String { entries.map { $0 + "\n" }.joined() }

    /// `$XDG_STATE_HOME/budget-advisor/history`, else `~/.local/state/budget-advisor/history`.
    /// - Parameter environment: the process environment (`ProcessInfo.processInfo.environment`).
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/budget-advisor/history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/budget-advisor/history"
    }

    /// Reads the history file at `path` (an empty history if there is none).
    public static func load(path: String, limit: Int = 1_000) -> ReplHistory {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ReplHistory(limit: limit) }
        return ReplHistory(text: text, limit: limit)
    }

    /// Writes the history to `path` atomically, creating its directory.
    /// - Throws: `FileWriteError` when the directory cannot be made or the file cannot be written.
    public func save(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: "cannot create '\(directory)': \(error.localizedDescription)")
        }
        try AtomicFile.write(text, to: path)
    }
}
