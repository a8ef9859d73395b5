import Foundation
@testable import BudgetAdvisor

/// Shared helpers of the reliability suites: temporary folders, the standard CSV header, messages of failures.
enum Reliability {
    /// The study's CSV header line.
    static let header = "advertising_budget,user_interest,purchase_frequency,converted\n"
    /// Two good data rows of both classes.
    static let rows = "10,0.5,0.2,1\n20,0.4,0.3,0\n"

    /// A fresh empty temporary directory (removed by the caller when it matters).
    static func temporaryDirectory(_ tag: String = "rel") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ba-\(tag)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The error message of `body`, or nil when it does not throw.
    static func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return error.localizedDescription }
    }

    /// The model the shipped scenarios are written for (the true synthetic model, spend range 10...100).
    static let studyModel: LogisticModel = {
        var model = LogisticModel(featureNames: SyntheticCustomers.featureNames, spendFeature: SyntheticCustomers.spendFeature,
                                  intercept: SyntheticCustomers.trueIntercept, coefficients: SyntheticCustomers.trueCoefficients)
        model.featureRanges = [10...100, 0...1, 0...1]
        return model
    }()

    /// The repository root (for `Tests/scripts/bad_inputs.md` and `scenarios/`).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Whether `text` matches `pattern`, where `⟨…⟩` in the pattern stands for any text.
    static func matches(_ text: String, pattern: String) -> Bool {
        let pieces = pattern.components(separatedBy: "⟨…⟩")
        if pieces.count == 1 { return text == pattern }
        guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces.last!),
              text.count >= pieces[0].count + pieces.last!.count else { return false }
        var rest = Substring(text.dropFirst(pieces[0].count).dropLast(pieces.last!.count))
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
