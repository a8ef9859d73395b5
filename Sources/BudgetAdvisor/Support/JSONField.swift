/// A JSON file's field that is missing or wrong, reported as `file: json.path: what is wrong`.
public struct JSONFieldError: Error, LocalizedError, Equatable {
    /// The file read (as the user named it).
    public var file: String
    /// The JSON path of the field, such as `segments[2].customers`; empty for the whole document.
    public var path: String
    /// What is wrong and what is expected.
    public var message: String

    public var errorDescription: String? {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// A cursor into a parsed JSON document that knows its path, so every accessor can throw a `JSONFieldError`
/// that points at the field.
public struct JSONField {
    /// The value at this path.
    public let value: JSONValue
    /// The JSON path (`segments[2].customers`).
    public let path: String
    /// The file name used in errors.
    public let file: String

    /// The root of a document read from `file`.
    public init(root: JSONValue, file: String) {
        self.value = root
        self.path = ""
        self.file = file
    }

    private init(value: JSONValue, path: String, file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    /// The largest JSON file read (scenario and model files are a few kilobytes).
    public static let maximumFileSize = 16 << 20

    /// The UTF-8 text of the JSON file at `path`, for a file described as `kind` in messages.
    /// - Throws: `JSONFieldError` when it is missing, unreadable, too large or not UTF-8.
    public static func readText(path: String, kind: String) throws -> String {
        func failure(_ message: String) -> JSONFieldError { JSONFieldError(file: path, path: "", message: message) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure("no such file") }
        guard !isDirectory.boolValue else { throw failure("is a directory, not a \(kind)") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumFileSize else {
            throw failure("is \(size >> 20) MB; a \(kind) is expected to be far smaller than \(maximumFileSize >> 20) MB (is it the right file?)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot be read (permission denied?)") }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("is not UTF-8 text (is it a \(kind)?)") }
        return text
    }

    /// Parses `text` and returns its root, turning syntax errors into `file:line: message`.
    public static func parse(_ text: String, file: String) throws -> JSONField {
        do {
            return JSONField(root: try JSONParser.parse(text), file: file)
        } catch let error as JSONParser.SyntaxError {
            throw JSONFieldError(file: "\(file):\(error.line)", path: "", message: "invalid JSON: \(error.message)")
        }
    }

    /// An error at this field.
    public func failure(_ message: String) -> JSONFieldError {
        JSONFieldError(file: file, path: path, message: message)
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The members of an object, in file order.
    public func members() throws -> [(key: String, field: JSONField)] {
        guard case let .object(members) = value else { throw failure("must be an object, found \(value.kindDescription)") }
        return members.map { ($0.key, JSONField(value: $0.value, path: childPath($0.key), file: file)) }
    }

    /// The member `key`, or nil when it is absent or `null`.
    public func optional(_ key: String) throws -> JSONField? {
        guard case let .object(members) = value else { throw failure("must be an object, found \(value.kindDescription)") }
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value { return nil }
        return JSONField(value: member.value, path: childPath(key), file: file)
    }

    /// The member `key`; throws `missing` when it is absent.
    public func required(_ key: String, _ expectation: String = "") throws -> JSONField {
        if let field = try optional(key) { return field }
        let hint = expectation.isEmpty ? "" : " (" + expectation + ")"
        throw JSONFieldError(file: file, path: childPath(key), message: "is missing\(hint)")
    }

    /// The elements of an array.
    public func elements() throws -> [JSONField] {
        guard case let .array(elements) = value else { throw failure("must be an array, found \(value.kindDescription)") }
        return elements.enumerated().map { JSONField(value: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    /// A string value.
    public func string() throws -> String {
        guard case let .string(text) = value else { throw failure("must be a string, found \(value.kindDescription)") }
        return text
    }

    /// A finite number.
    public func number() throws -> Double {
        guard case let .number(x) = value else { throw failure("must be a number, found \(value.kindDescription)") }
        return x
    }

    /// A boolean.
    public func bool() throws -> Bool {
        guard case let .bool(flag) = value else { throw failure("must be true or false, found \(value.kindDescription)") }
        return flag
    }

    /// A whole number greater than zero (and below 2^53 so it is exact).
    public func positiveInteger() throws -> Int {
        guard case let .number(x) = value, x == x.rounded(), x > 0, x < 9_007_199_254_740_992 else {
            throw failure("must be a positive integer")
        }
        return Int(x)
    }
}

import Foundation
