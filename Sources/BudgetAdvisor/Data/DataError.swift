/// Bad input data, reported as `file:line: column 'x': what is wrong`.
public struct DataError: Error, LocalizedError, Equatable {
    /// The file (as the user named it).
    public var file: String
    /// 1-based line; 0 when the problem is the whole file.
    public var line: Int
    /// The column concerned, if any.
    public var column: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// A problem at `line` of `file`, optionally in one column.
    public init(file: String, line: Int, column: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var errorDescription: String? {
        let location = line > 0 ? "\(file):\(line)" : file
        if let column { return "\(location): column '\(column)': \(message)" }
        return "\(location): \(message)"
    }
}

import Foundation
