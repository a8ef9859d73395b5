import BudgetAdvisor
import Foundation
import _BenchmarkSupport

/// The benchmark stages; each adds JSON members and table rows.
enum Benchmarks {
    struct Report {
        var members: [(key: String, value: JSONValue)] = []
        var rows: [[String]] = []
        mutating func add(_ key: String, _ value: Double, _ label: String, _ shown: String) {
            members.append((key, .number(value)))
            rows.append([label, shown])
            FileHandle.standardError.write(Data("  \(label): \(shown)\n".utf8))
        }
    }

    static func run(_ arguments: [String]) -> Int32 {
        var quick = false
        var jsonPath: String?, csvPath: String?, exportPath: String?
        var only: Set<String>?
        var index = 0
        func value() -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--quick": quick = true
            case "--json": jsonPath = value()
            case "--csv": csvPath = value()
            case "--export-allocation": exportPath = value()
            case "--only": only = Set((value() ?? "").split(separator: ",").map(String.init))
            case "-h", "--help":
                print("usage: budget-advisor-bench [--quick] [--json FILE] [--csv FILE] [--export-allocation FILE] [--only STAGES]")
                print("stages (comma-separated): csv, iteration, optimum, prediction, allocation, large, large-csv")
                return 0
            default:
                FileHandle.standardError.write(Data("budget-advisor-bench: unknown argument '\(arguments[index])'\n".utf8))
                return 64
            }
            index += 1
        }
        #if DEBUG
        FileHandle.standardError.write(Data("budget-advisor-bench: warning: debug build; use -c release\n".utf8))
        #endif
        var report = Report()
        report.members.append(("threads", .number(Double(ProcessInfo.processInfo.activeProcessorCount))))
        do {
            func wanted(_ stage: String) -> Bool { only?.contains(stage) ?? true }
            let bandwidth = memoryBandwidth(&report)
            if wanted("csv") { try csvLoad(&report, path: csvPath) }
            if wanted("iteration") { iterations(&report, bandwidth: bandwidth, quick: quick) }
            if wanted("optimum") { timeToOptimum(&report) }
            if wanted("prediction") { prediction(&report) }
            if wanted("allocation") { try allocation(&report, exportPath: exportPath) }
            if !quick && wanted("large") { try largeTraining(&report) }
            if !quick && wanted("large-csv") { try largeCSVTraining(&report) }
        } catch {
            FileHandle.standardError.write(Data("budget-advisor-bench: error: \(error.localizedDescription)\n".utf8))
            return 1
        }
        let width = report.rows.map { $0[0].count }.max() ?? 0
        var table = ""
        for row in report.rows {
            table += row[0] + String(repeating: " ", count: width - row[0].count) + "  " + row[1] + "\n"
        }
        print(table, terminator: "")
        if let jsonPath {
            do { try AtomicFile.write(JSONWriter.render(.object(report.members)) + "\n", to: jsonPath) } catch {
                FileHandle.standardError.write(Data("budget-advisor-bench: error: \(error.localizedDescription)\n".utf8))
                return 1
            }
        }
        return 0
    }

    static func format(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)g", x) }

    /// Copy bandwidth: bytes read + bytes written per second for a 256 MB array copy.
    static func memoryBandwidth(_ report: inout Report) -> Double {
        let count = 32 << 20
        let source = [Double](repeating: 1, count: count)
        var target = [Double](repeating: 0, count: count)
        let seconds = Measure.best(repeats: 5) {
            target.withUnsafeMutableBufferPointer { t in
                source.withUnsafeBufferPointer { s in
                    t.baseAddress!.update(from: s.baseAddress!, count: count)
                }
            }
            blackHole(target)
        }
        let bandwidth = Double(2 * count * 8) / seconds
        report.add("memory_bandwidth_gb_s", bandwidth / 1e9, "memory bandwidth (copy, read+write)", "\(format(bandwidth / 1e9)) GB/s")
        return bandwidth
    }

    static func csvLoad(_ report: inout Report, path: String?) throws {
        var file = path
        var temporary: String?
        if file == nil {
            let data = SyntheticCustomers.generate(rows: 1_000_000, seed: 42)
            let name = NSTemporaryDirectory() + "/budget-advisor-bench-\(getpid()).csv"
            try AtomicFile.write(SyntheticCustomers.csv(data), to: name)
            file = name
            temporary = name
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        var rows = 0
        let seconds = try bestThrowing(repeats: 5) {
            let data = try DatasetLoader.load(path: file!)
            rows = data.rowCount
            blackHole(data)
        }
        report.members.append(("csv_rows", .number(Double(rows))))
        report.add("csv_load_seconds", seconds, "CSV load (\(rows) rows)", "\(format(seconds)) s")
        report.add("csv_rows_per_second", Double(rows) / seconds, "CSV load rate", "\(format(Double(rows) / seconds)) rows/s")
    }

    static func bestThrowing(repeats: Int, _ body: () throws -> Void) throws -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = Measure.now()
            try body()
            best = min(best, Measure.now() - start)
        }
        return best
    }

    static func objective(rows: Int) -> LogisticObjective {
        let data = SyntheticCustomers.generate(rows: rows, seed: 42)
        return LogisticObjective(columns: data.columns, labels: data.labels,
                                 standardizer: Standardizer(fitting: data.columns), lambda: TrainingOptions().lambda)
    }

    static func iterations(_ report: inout Report, bandwidth: Double, quick: Bool) {
        let sizes = quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000]
        for rows in sizes {
            let objective = objective(rows: rows)
            let point = [-1.2, 1.5, 0.8, 0.6]
            let inner = max(1, 3_000_000 / rows)
            let seconds = Measure.best(repeats: rows >= 10_000_000 ? 5 : 9, inner: inner) {
                blackHole(objective.valueAndGradient(at: point))
            }
            let label = "1e\(Int(log10(Double(rows))))"
            report.add("iteration_seconds_\(label)", seconds, "one iteration, \(label) rows", "\(format(seconds)) s")
            let bytes = Double(rows * (objective.columns.count + 1) * 8)
            // Reading alone moves half the bytes of a copy, so the read-once time is bytes / (bandwidth / 2)... at
            // best bytes / bandwidth when reads stream at the full copy rate; we report the conservative bytes / bandwidth.
            let readOnce = bytes / bandwidth
            report.add("iteration_read_once_ratio_\(label)", seconds / readOnce, "  vs reading the data once (\(format(readOnce)) s)",
                       "\(format(seconds / readOnce))x")
            if rows == 1_000_000 {
                let reference = Measure.best(repeats: 5) { blackHole(objective.referenceValueAndGradient(at: point)) }
                report.add("iteration_reference_seconds_1e6", reference, "  scalar reference (Foundation exp/log1p)",
                           "\(format(reference)) s")
            }
        }
    }

    static func timeToOptimum(_ report: inout Report) {
        let data = SyntheticCustomers.generate(rows: 1_000_000, seed: 42)
        let options = TrainingOptions(tolerance: 1e-8)
        for method in [TrainingOptions.Method.accelerated, .barzilaiBorwein] {
            var methodOptions = options
            methodOptions.method = method
            var result: DescentResult?
            let seconds = Measure.best(repeats: 5) {
                let standardizer = Standardizer(fitting: data.columns)
                let objective = LogisticObjective(columns: data.columns, labels: data.labels, standardizer: standardizer,
                                                  lambda: options.lambda)
                result = GradientDescent.minimize(objective, options: methodOptions)
                blackHole(result)
            }
            // The default method keeps the historical keys.
            let key = method == .accelerated ? "" : "_bb"
            report.add("optimum\(key)_seconds_1e6", seconds, "time to |grad| <= 1e-8, 1e6 rows, \(method.rawValue)\(method == .accelerated ? " (default)" : "")",
                       "\(format(seconds)) s")
            report.add("optimum\(key)_iterations_1e6", Double(result!.iterations), "  iterations (gradient evaluations)",
                       "\(result!.iterations) (\(result!.stopReason.rawValue), |grad| \(format(result!.gradientNorm)))")
        }
        var standardizer: Standardizer?
        let fit = Measure.best(repeats: 5) {
            standardizer = Standardizer(fitting: data.columns)
            blackHole(standardizer)
        }
        let objective = LogisticObjective(columns: data.columns, labels: data.labels, standardizer: standardizer!,
                                          lambda: options.lambda)
        let bound = Measure.best(repeats: 5) { blackHole(objective.lipschitzBound()) }
        report.add("optimum_standardizer_seconds_1e6", fit, "  of which fitting the standardizer", "\(format(fit)) s")
        report.add("optimum_lipschitz_seconds_1e6", bound, "  of which the Lipschitz bound", "\(format(bound)) s")
    }

    static func prediction(_ report: inout Report) {
        let data = SyntheticCustomers.generate(rows: 1_000_000, seed: 42)
        let model = LogisticModel(featureNames: data.featureNames, spendFeature: data.spendFeature, intercept: -6,
                                  coefficients: SyntheticCustomers.trueCoefficients)
        let seconds = Measure.best(repeats: 5) { blackHole(model.probabilities(data)) }
        report.add("prediction_rows_per_second", Double(data.rowCount) / seconds, "prediction throughput",
                   "\(format(Double(data.rowCount) / seconds)) rows/s")
    }

    static func allocationProblem(segments count: Int) -> AllocationProblem {
        var rng = SeededGenerator(seed: UInt64(count))
        let segments = (0..<count).map { i in
            let low = rng.uniform(10, 40)
            let high = rng.uniform(max(low + 10, 60), 100)
            return AllocationSegment(name: "s\(i)", customers: rng.uniform(100, 2000), baseLogit: rng.uniform(-8, 0),
                                     minSpend: low, maxSpend: high)
        }
        let low = segments.reduce(0) { $0 + $1.customers * $1.minSpend }
        let high = segments.reduce(0) { $0 + $1.customers * $1.maxSpend }
        return AllocationProblem(segments: segments, spendCoefficient: 0.08, totalBudget: low + rng.uniform(0.05, 0.95) * (high - low))
    }

    static func allocation(_ report: inout Report, exportPath: String?) throws {
        for count in [10, 1_000, 100_000] {
            let problem = allocationProblem(segments: count)
            var result: AllocationResult?
            let seconds = try bestThrowing(repeats: count >= 100_000 ? 3 : 7) {
                result = try Allocator.allocate(problem)
                blackHole(result)
            }
            let r = result!
            report.add("allocation_seconds_\(count)", seconds, "allocation, \(count) segments",
                       "\(format(seconds)) s, \(r.nodesExplored) nodes, gap to the bound \(format(r.gap)) conversions"
                       + " (\(format(r.relativeGap)) relative), certified \(r.certified)")
            report.members.append(("allocation_nodes_\(count)", .number(Double(r.nodesExplored))))
            report.members.append(("allocation_gap_\(count)", .number(r.gap)))
            report.members.append(("allocation_value_\(count)", .number(r.totalExpectedConversions)))
            report.members.append(("allocation_certified_\(count)", .bool(r.certified)))
            if count == 1_000, let exportPath {
                let segments = problem.segments
                let json = JSONValue.object([
                    ("customers", .array(segments.map { .number($0.customers) })),
                    ("baseLogit", .array(segments.map { .number($0.baseLogit) })),
                    ("minSpend", .array(segments.map { .number($0.minSpend) })),
                    ("maxSpend", .array(segments.map { .number($0.maxSpend) })),
                    ("w", .number(problem.spendCoefficient)), ("budget", .number(problem.totalBudget)),
                    ("value", .number(r.totalExpectedConversions)), ("upperBound", .number(r.upperBound)),
                    ("certified", .bool(r.certified)), ("seconds", .number(seconds)),
                ])
                try AtomicFile.write(JSONWriter.render(json) + "\n", to: exportPath)
            }
        }
    }

    /// Trains on 1e7 in-memory rows and reports the peak RSS of that stage against the bytes of the numbers.
    static func largeTraining(_ report: inout Report) throws {
        Measure.resetPeak()
        let before = Measure.statusBytes("VmRSS") ?? 0
        let data = SyntheticCustomers.generate(rows: 10_000_000, seed: 42)
        let start = Measure.now()
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(tolerance: 1e-8))
        let seconds = Measure.now() - start
        blackHole(outcome)
        let peak = (Measure.statusBytes("VmHWM") ?? 0) - before
        let numbers = Double(data.rowCount * (data.columns.count + 1) * 8)
        report.add("train_seconds_1e7", seconds, "train 1e7 rows (\(outcome.descent.iterations) iterations)", "\(format(seconds)) s")
        report.add("train_peak_rss_ratio_1e7", peak / numbers, "  peak RSS growth / bytes of the numbers",
                   "\(format(peak / 1e6)) MB / \(format(numbers / 1e6)) MB = \(format(peak / numbers))x")
    }

    /// Loads a 1e7-row CSV from disk and trains on it: the peak RSS growth of load + training (the mapped file
    /// counts while it is mapped) against the bytes of the numbers.
    static func largeCSVTraining(_ report: inout Report) throws {
        let path = NSTemporaryDirectory() + "/budget-advisor-bench-large-\(getpid()).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let data = SyntheticCustomers.generate(rows: 10_000_000, seed: 42)
            try AtomicFile.write(SyntheticCustomers.csv(data), to: path)
        }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        Measure.resetPeak()
        let before = Measure.statusBytes("VmRSS") ?? 0
        let start = Measure.now()
        let data = try DatasetLoader.load(path: path)
        let loaded = Measure.now()
        let outcome = try ModelTrainer.train(data, options: TrainingOptions(tolerance: 1e-8))
        let seconds = Measure.now() - start
        blackHole(outcome)
        let peak = (Measure.statusBytes("VmHWM") ?? 0) - before
        let numbers = Double(data.rowCount * (data.columns.count + 1) * 8)
        report.add("csv_train_seconds_1e7", seconds, "load CSV (\(format(Double(fileBytes) / 1e6)) MB) + train 1e7 rows",
                   "\(format(seconds)) s (load \(format(loaded - start)) s, \(outcome.descent.iterations) iterations)")
        report.add("csv_train_peak_rss_ratio_1e7", peak / numbers, "  peak RSS growth / bytes of the numbers",
                   "\(format(peak / 1e6)) MB / \(format(numbers / 1e6)) MB = \(format(peak / numbers))x")
    }
}
