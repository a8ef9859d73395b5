/// A command that could not run: a usage mistake (exit code 64, EX_USAGE) or a failure of the work itself
/// (exit code 1). The message says what was wrong and how to fix it.
public enum CommandError: Error, LocalizedError, Equatable {
    /// The command line itself is wrong (unknown option, missing or malformed value).
    case usage(String)
    /// The command ran and failed (bad file, impossible budget).
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case let .usage(message), let .failed(message): return message
        }
    }

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .failed: return 1
        }
    }
}

import Foundation
