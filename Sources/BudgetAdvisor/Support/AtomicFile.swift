import Foundation

/// Writes files so that an existing file is never left half-written: the text goes to a temporary file in the
/// same directory, is flushed to disk, and then replaces the target with one `rename(2)`.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path` atomically.
    /// - Throws: `FileWriteError` naming the path and the reason (missing directory, permission, disk full).
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` atomically.
    /// - Throws: `FileWriteError` naming the path and the reason.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw FileWriteError(path: path, reason: "the directory '\(directory)' does not exist")
        }
        guard isDirectory.boolValue else {
            throw FileWriteError(path: path, reason: "'\(directory)' is a file, not a directory")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileWriteError(path: path, reason: "it is a directory")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: "cannot create a file in '\(directory)' (\(String(cString: strerror(errno))))")
        }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw FileWriteError(path: path, reason: failure)
        }
    }
}

extension AtomicFile {
    /// The first `count` bytes of the regular file at `path` as text, or nil when it is missing, a directory or
    /// unreadable (used to recognize our own files before replacing them).
    public static func head(of path: String, count: Int = 4096) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: count) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A file could not be written; the old file, if any, is untouched.
public struct FileWriteError: Error, LocalizedError, Equatable {
    /// The file that was to be written.
    public var path: String
    /// Why it failed, in words.
    public var reason: String

    public var errorDescription: String? { "cannot write '\(path)': \(reason)" }
}
