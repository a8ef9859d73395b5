// libFuzzer target (a): the CSV reader. Built by Fuzz/run.sh together with the library sources, in module
// BudgetAdvisor, so it sees internal names.
//
// Input layout: byte 0 chooses the mode and the delimiter, the rest is the CSV file.
//   bit 0      0: the standard schema; 1: a schema drawn from the input (names taken from its first line)
//   bits 1-2   delimiter: ',' ';' '\t' or byte 1 of the input
// Oracles besides "no crash, no hang": a loaded data set is well-formed (every column as long as the labels,
// every value finite, labels 0/1 of both classes, no constant feature) and the same bits with the parallel fast
// path turned off; every error names the file.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let control = data[0]
    let delimiter: UInt8
    switch (control >> 1) & 3 {
    case 0: delimiter = UInt8(ascii: ",")
    case 1: delimiter = UInt8(ascii: ";")
    case 2: delimiter = UInt8(ascii: "\t")
    default: delimiter = data[1]
    }
    let body = Data(bytes: data + 1, count: size - 1)
    differential(Array(body), delimiter: delimiter)
    var schema = DatasetSchema.standard
    schema.delimiter = delimiter
    if control & 1 == 1 {
        schema = randomSchema(body, delimiter: delimiter, selector: control >> 3)
    }
    do {
        let dataset = try DatasetLoader.parse(body, file: "fuzz.csv", schema: schema)
        check(dataset, schema: schema)
        // The parallel fast path (taken whenever it can) gives exactly what the sequential scanner gives.
        let sequential = try DatasetLoader.parse(body, file: "fuzz.csv", schema: schema, parallel: false)
        precondition(sequential.columns.map { $0.map(\.bitPattern) } == dataset.columns.map { $0.map(\.bitPattern) }
                     && sequential.labels == dataset.labels, "the parallel and sequential paths disagree")
    } catch let error as DataError {
        precondition(error.file == "fuzz.csv", "error lost the file name: \(error)")
        precondition(!error.message.isEmpty, "empty message")
        do {
            _ = try DatasetLoader.parse(body, file: "fuzz.csv", schema: schema, parallel: false)
            preconditionFailure("only the parallel path failed: \(error)")
        } catch let sequential as DataError {
            precondition(sequential.localizedDescription == error.localizedDescription,
                         "the paths fail differently: \(error) vs \(sequential)")
        } catch {
            fatalError("DatasetLoader.parse threw a non-DataError: \(error)")
        }
    } catch {
        fatalError("DatasetLoader.parse threw a non-DataError: \(error)")
    }
    return 0
}

/// Features and label picked among the names of the input's first line (so the loader gets past the header
/// check), or invented when the line has too few.
private func randomSchema(_ body: Data, delimiter: UInt8, selector: UInt8) -> DatasetSchema {
    let firstLine = body.prefix(while: { $0 != UInt8(ascii: "\n") }).prefix(4096)
    var names = firstLine.split(separator: delimiter, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
    }
    if names.count < 2 { names += ["a", "b", "y"] }
    let label = names[Int(selector) % names.count]
    var features: [String] = []
    for (k, name) in names.enumerated() where name != label && !features.contains(name) {
        if (Int(selector) >> (k % 5)) & 1 == 0 || features.isEmpty { features.append(name) }
    }
    if features.isEmpty { features = [label + "_x"] }
    return DatasetSchema(features: features, label: label, spend: features[Int(selector) % features.count],
                         delimiter: delimiter)
}

private func check(_ dataset: Dataset, schema: DatasetSchema) {
    precondition(dataset.featureNames == schema.features)
    precondition(dataset.rowCount > 0)
    precondition(dataset.columns.count == schema.features.count)
    for column in dataset.columns {
        precondition(column.count == dataset.rowCount)
        precondition(column.allSatisfy(\.isFinite), "a non-finite value was loaded")
        precondition(Set(column).count > 1, "a constant column was loaded")
    }
    precondition(dataset.labels.allSatisfy { $0 == 0 || $0 == 1 })
    let positives = dataset.positiveCount
    precondition(positives > 0 && positives < dataset.rowCount, "a single-class data set was loaded")
}

/// The scanner splits exactly as the reference does, and DecimalParser reads every field as Double(String) does.
private func differential(_ bytes: [UInt8], delimiter: UInt8) {
    guard ![UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(delimiter) else { return }
    let expected = CSVReference.split(bytes, delimiter: delimiter)
    let actual = CSVReference.scan(bytes, delimiter: delimiter)
    precondition(actual == expected, "scanner and reference disagree: \(actual) vs \(expected)")
    if case let .records(records) = expected {
        for record in records.prefix(64) {
            for field in record.fields where field.count <= 64 {
                let fast = DecimalParser.parse(field[...])
                let slow = CSVReference.number(field)
                precondition(CSVReference.sameNumber(fast, slow),
                             "DecimalParser read '\(String(decoding: field, as: UTF8.self))' as \(String(describing: fast)), Double(String) as \(String(describing: slow))")
            }
        }
    }
}
