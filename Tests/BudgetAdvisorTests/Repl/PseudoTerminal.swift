import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `budget-advisor` executable, next to the test bundle (or `BUDGET_ADVISOR_BINARY`).
enum BuiltExecutable {
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["BUDGET_ADVISOR_BINARY"] { return path }
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle; on Linux next to the products.
        while directory.path != "/" && !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("budget-advisor").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("budget-advisor").path
    }
}

/// A child process on a pseudo-terminal (`forkpty`): type at it and read what its screen receives. Every wait
/// has a deadline, so a hang fails the test instead of blocking CI.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var output: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); the terminal showed:\n\(output)" }
    }

    private let master: Int32
    let pid: pid_t
    private var bytes: [UInt8] = []
    private var exitStatus: Int32?

    /// Everything the terminal received so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts `executable` with `arguments` and exactly `environment`, in `directory`, on an 80x24 terminal.
    init(executable: String, arguments: [String] = [], environment: [String: String], directory: String) throws {
        // Everything the child needs is allocated before fork: after it, the child only calls chdir and execve.
        func cStrings(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
            let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
            for (index, string) in strings.enumerated() { array[index] = strdup(string) }
            array[strings.count] = nil
            return array
        }
        let argv = cStrings([executable] + arguments)
        let envp = cStrings(environment.map { "\($0.key)=\($0.value)" })
        let path = strdup(executable)!
        let workingDirectory = strdup(directory)!
        defer {
            for array in [argv, envp] {
                var index = 0
                while let item = array[index] { free(item); index += 1 }
                array.deallocate()
            }
            free(path)
            free(workingDirectory)
        }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let pid = forkpty(&master, nil, nil, &size)
        if pid == 0 {
            // Test runners block signals on their threads; a user's shell does not.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            if chdir(workingDirectory) == 0 { execve(path, argv, envp) }
            _exit(127)
        }
        guard pid > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.master = master
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (control characters included: "\t" Tab, "\r" Enter, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D).
    func send(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Reads until the output after byte `from` contains `needle`; returns the offset just past it.
    @discardableResult
    func waitFor(_ needle: String, from: Int = 0, timeout: TimeInterval = 20) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = Array(needle.utf8)
        while true {
            if let range = find(pattern, from: from) { return range }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readSome(timeout: remaining) else {
                throw Timeout(waitingFor: needle, output: String(decoding: bytes[min(from, bytes.count)...], as: UTF8.self))
            }
        }
    }

    /// The number of bytes received so far (a mark for `waitFor(_:from:)`).
    var mark: Int { bytes.count }

    /// Reads what arrives within `seconds` (to let the screen settle).
    func drain(seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0, readSome(timeout: deadline.timeIntervalSinceNow) {}
    }

    /// Waits for the child to exit (reading its last output); its exit status, or nil on timeout or a signal.
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            _ = readSome(timeout: 0.05)
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                drain(seconds: 0.1)
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -(status & 0x7f)
                exitStatus = code
                return code >= 0 ? code : nil
            }
        }
        return nil
    }

    private func readSome(timeout: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(timeout, 1) * 1000)))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 { bytes += buffer[..<count]; return true }
        if count < 0 && errno == EINTR { return true }
        return false // EOF or EIO: the child closed the terminal
    }

    private func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard !pattern.isEmpty else { return from }
        var start = max(0, from)
        while start + pattern.count <= bytes.count {
            if bytes[start] == pattern[0] && Array(bytes[start..<start + pattern.count]) == pattern { return start + pattern.count }
            start += 1
        }
        return nil
    }
}
