import Foundation

/// Progress around reading a data file, in the spirit of training's progress lines: one line before a large
/// file (`loading customers.csv (612 MB)...`) and, when reading it took more than a second, one after it
/// (`  done in 3.4 s`). Small files say nothing, so transcripts stay as they are. The loader itself is
/// untouched: this only watches the file's size and the clock around it.
enum LoadProgress {
    /// Files from this size on are announced: about 50 MB, where reading starts to take a noticeable moment.
    static let largeFileBytes: Int64 = 50_000_000

    /// Runs `load` for the file at `path` (shown as `shownAs`), telling `progress` about a large one.
    /// - Parameters:
    ///   - threshold: the size from which a file is announced.
    ///   - now: the clock (tests pass their own instants).
    static func around<T>(path: String, shownAs: String, progress: (@Sendable (String) -> Void)?,
                          threshold: Int64 = largeFileBytes,
                          now: () -> ContinuousClock.Instant = { ContinuousClock.now },
                          _ load: () throws -> T) rethrows -> T {
        guard let progress, let size = fileSize(path), size >= threshold else { return try load() }
        progress(announcement(shownAs, bytes: size))
        let start = now()
        let value = try load()
        if let line = completion(elapsed: now() - start) { progress(line) }
        return value
    }

    /// `loading FILE (123 MB)...`
    static func announcement(_ shownAs: String, bytes: Int64) -> String {
        "loading \(shownAs) (\(NumberFormatting.grouped((Double(bytes) / 1e6).rounded())) MB)..."
    }

    /// `  done in 3.4 s` when `elapsed` is over a second; nil otherwise.
    static func completion(elapsed: Duration) -> String? {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard seconds > 1 else { return nil }
        return "  done in \(NumberFormatting.fixed(seconds, 1)) s"
    }

    /// The size of the file at `path` in bytes, if it is a regular file.
    static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.int64Value
    }
}
