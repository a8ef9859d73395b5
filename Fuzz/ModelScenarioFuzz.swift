// libFuzzer target (b): the scenario reader (`ScenarioFile.parse`, then `resolve(for:)` against a fixed model)
// and the model reader (`ModelFile.parse`, then a render/parse round trip). Every input is fed to both.
// Oracles: errors are `JSONFieldError`s naming the file; a parsed model re-renders to a file that parses to
// the same model; resolved segments have min <= max.
import Foundation

private let fixedModel: LogisticModel = {
    var model = LogisticModel(featureNames: ["advertising_budget", "user_interest", "purchase_frequency"],
                              spendFeature: "advertising_budget", intercept: -6,
                              coefficients: [0.06, 3, 2])
    model.featureRanges = [10...100, 0...1, 0...1]
    return model
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let scenario = try ScenarioFile.parse(text, file: "fuzz.json")
        do {
            let resolved = try scenario.resolve(for: fixedModel)
            precondition(resolved.count == scenario.segments.count)
            for segment in resolved { precondition(segment.minSpend <= segment.maxSpend) }
        } catch let error as JSONFieldError {
            precondition(error.file.hasPrefix("fuzz.json"), "resolve error lost the file: \(error)")
        }
        // The scenario writer must produce a file the reader takes back.
        let again = try ScenarioFile.parse(ScenarioFile.render(scenario), file: "fuzz.json")
        precondition(again.segments.count == scenario.segments.count, "scenario round trip lost segments")
    } catch let error as JSONFieldError {
        precondition(error.file.hasPrefix("fuzz.json"), "scenario error lost the file: \(error)")
    } catch {
        fatalError("ScenarioFile threw a non-JSONFieldError: \(error)")
    }
    do {
        let model = try ModelFile.parse(text, file: "fuzz.json")
        precondition(model.coefficients.count == model.featureNames.count)
        precondition(model.intercept.isFinite && model.coefficients.allSatisfy(\.isFinite))
        let again = try ModelFile.parse(ModelFile.render(model), file: "fuzz.json")
        precondition(again.featureNames == model.featureNames && again.coefficients == model.coefficients
                     && again.intercept == model.intercept, "model round trip changed the model")
    } catch let error as JSONFieldError {
        precondition(error.file.hasPrefix("fuzz.json"), "model error lost the file: \(error)")
    } catch {
        fatalError("ModelFile threw a non-JSONFieldError: \(error)")
    }
    return 0
}
