import Foundation
import Testing
@testable import BudgetAdvisor

/// Data that is not in a regular file (a named pipe, a pipe as `/dev/fd/N` the way a shell's process
/// substitution or `/dev/stdin` gives it, a device) is read to its end; what cannot be read says why.
@Suite struct NonRegularFileTests {
    let csv = SyntheticCustomers.csv(SyntheticCustomers.generate(rows: 10_000, seed: 11))

    /// Writes `bytes` to `path` (opened for writing, so a FIFO waits for its reader) from another thread.
    /// SIGPIPE is blocked in that thread: if the reader goes away early, the write fails instead of killing
    /// the test process. Returns a semaphore signalled when the writer is done.
    private func write(_ bytes: [UInt8], to path: String) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            let descriptor = open(path, O_WRONLY)
            if descriptor >= 0 {
                var offset = 0
                while offset < bytes.count {
                    let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                    if written <= 0 { break }
                    offset += written
                }
                close(descriptor)
            }
            done.signal()
        }
        return done
    }

    /// Lets a writer still waiting for a reader of the FIFO at `path` go (when the loader never opened it).
    private func release(_ path: String, _ writer: DispatchSemaphore) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        if descriptor >= 0 { close(descriptor) }
        _ = writer.wait(timeout: .now() + 10)
    }

    @Test func aNamedPipeIsReadToItsEnd() throws {
        let folder = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/customers.pipe"
        try #require(mkfifo(path, 0o600) == 0)
        let writer = write(Array(csv.utf8), to: path)
        defer { release(path, writer) }
        let data = try DatasetLoader.load(path: path)
        #expect(data == (try DatasetLoader.parse(Data(csv.utf8), file: path)))
        #expect(data.rowCount == 10_000)
    }

    @Test func trainReadsAPipeGivenAsDevFd() throws {
        // What `train data=<(gzip -dc customers.csv.gz)` or `train data=/dev/stdin` with a pipe on standard
        // input hands the tool: a path naming one end of a pipe.
        var (interpreter, folder) = try makeInterpreter(copyScenarios: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pipe = Pipe()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let writer = DispatchSemaphore(value: 0)
        let bytes = Array(csv.utf8)
        let output = pipe.fileHandleForWriting
        Thread.detachNewThread {
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            try? output.write(contentsOf: Data(bytes))
            try? output.close()
            writer.signal()
        }
        let out = interpreter.run("train data=\(path) test-fraction=0")
        try? pipe.fileHandleForReading.close()
        _ = writer.wait(timeout: .now() + 10)
        #expect(out.hasPrefix("Trained on 10,000 of 10,000 rows of \(path) (none held out)"), "\(out)")
    }

    @Test func devicesAreReadAsTheyAre() throws {
        #expect(throws: DataError(file: "/dev/null", line: 1, "the file is empty; expected a header row naming the columns")) {
            try DatasetLoader.load(path: "/dev/null")
        }
        // A device that never ends is given up on as soon as its first bytes show it is not text.
        #expect(throws: DataError(file: "/dev/zero", line: 1, "is not a text file (it holds binary data); expected CSV text with a header row")) {
            try DatasetLoader.load(path: "/dev/zero")
        }
    }

    @Test func aSocketSaysWhatItIs() throws {
        let folder = try ReplFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/s.sock"
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketDescriptor >= 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        #expect(throws: DataError(file: path, line: 0, "is a socket, not a CSV file")) { try DatasetLoader.load(path: path) }
    }

    @Test func whyAFileCannotBeReadComesFromErrno() {
        // Root may read any file, so permission is checked on the message itself.
        #expect(DatasetLoader.cannotRead(errno: EACCES, path: "/nonexistent/x.csv") == "cannot be read: permission denied")
        #expect(DatasetLoader.cannotRead(errno: EIO, path: "/nonexistent/x.csv") == "cannot be read: input/output error")
    }
}
