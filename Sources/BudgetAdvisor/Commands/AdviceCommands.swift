import Foundation

/// Commands that give advice: `segments`, `budget`, `whatif`, `allocate`, `export`.
enum AdviceCommands {
    static let segments: CommandSpec = CommandSpec(
        name: "segments", summary: "List, add, change or remove the scenario's segments.",
        synopsis: "[list | add NAME | set NAME | remove NAME] [customers=N FEATURE=VALUE min=A max=B]",
        details: """
        Examples: segments
                  segments add students customers=900 user_interest=0.6 purchase_frequency=0.2 max=50
                  segments set loyal customers=1500 min=20
                  segments remove lapsed
        Feature names may be shortened to any unambiguous part (interest=0.6).
        """,
        options: [OptionSpec("customers", "N", "number of customers"), OptionSpec("min", "A", "smallest spend per customer"),
                  OptionSpec("max", "B", "largest spend per customer")] + AdviceContext.options,
        acceptsAnyKey: true, positionalCompletion: .segment
    ) { session, arguments in
        var notes = ""
        if arguments.string("scenario") != nil || arguments.string("model") != nil || session.scenario == nil {
            notes = try AdviceContext.prepare(&session, arguments)
        }
        let action = arguments.positionals.first ?? "list"
        switch action {
        case "list", "ls":
            return notes + listSegments(session)
        case "add", "set", "change", "remove", "rm", "delete":
            guard arguments.positionals.count >= 2 else {
                throw CommandError.usage("segments \(action): name the segment, e.g. segments \(action) loyal")
            }
            let name = arguments.positionals[1]
            var scenario = try session.requireScenario()
            switch action {
            case "add":
                guard scenario.segmentIndex(named: name) == nil else {
                    throw CommandError.usage("segments add: '\(name)' exists; change it with 'segments set \(name) ...'")
                }
                var segment = Segment(name: name, customers: 0, features: [:])
                try apply(arguments, to: &segment, session: session)
                guard segment.customers > 0 else { throw CommandError.usage("segments add: give customers=N (a positive whole number)") }
                scenario.segments.append(segment)
            case "set", "change":
                guard let index = scenario.segmentIndex(named: name) else { throw unknownSegment(name, scenario) }
                try apply(arguments, to: &scenario.segments[index], session: session)
            default:
                guard let index = scenario.segmentIndex(named: name) else { throw unknownSegment(name, scenario) }
                scenario.segments.remove(at: index)
            }
            if let model = session.model, !scenario.segments.isEmpty {
                do { _ = try scenario.resolve(for: model) } catch { throw CommandError.usage(error.localizedDescription) }
            }
            session.scenario = scenario
            session.scenarioUnsaved = true
            return notes + listSegments(session)
        default:
            throw CommandError.usage("segments: '\(action)' is not an action; use list, add, set or remove")
        }
    }

    static let budget: CommandSpec = CommandSpec(
        name: "budget", summary: "Show or set the scenario's total budget.", synopsis: "[AMOUNT]",
        details: "Examples: budget    budget 250k    budget 1.5e6    budget 150,000"
    ) { session, arguments in
        var notes = ""
        if session.scenario == nil { notes = try AdviceContext.prepare(&session, arguments) }
        guard let text = arguments.positionals.first else {
            return notes + "Total budget: \(NumberFormatting.grouped(try session.requireScenario().totalBudget))\n"
        }
        guard let amount = AmountParser.parse(text), amount >= 0 else {
            throw CommandError.usage("budget: '\(text)' is not an amount; write 150000, 150k, 1.5e5 or 150,000")
        }
        guard amount < 1e15 else { throw CommandError.usage("budget: '\(text)' is more than 10^15; is it a typo?") }
        session.scenario!.totalBudget = amount
        session.scenarioUnsaved = true
        return notes + "Total budget set to \(NumberFormatting.grouped(amount))\n"
    }

    static let whatif: CommandSpec = CommandSpec(
        name: "whatif", summary: "Expected conversions of a budget split, with 90% intervals.",
        synopsis: "[SEGMENT=AMOUNT|SHARE% ...] [split=...] [budget=TOTAL]",
        details: """
        Name segments with an amount (20000, 20k) or a share of the total (35%). Segments not named share the
        rest of the total in proportion to their customers; with no split at all, every customer gets the same.
        Examples: whatif loyal=20k new=35%
                  whatif split=loyal=20000,new=35% budget=300k
                  budget-advisor whatif --model model.json --scenario scenarios/default.json --split loyal=20000,new=35%
        """,
        options: [OptionSpec("split", "S=A,...", "the split as one list"), OptionSpec("budget", "TOTAL", "total to split (default: the scenario's)")]
            + AdviceContext.options,
        acceptsAnyKey: true, positionalCompletion: .segment
    ) { session, arguments in
        let notes = try AdviceContext.prepare(&session, arguments)
        let (model, scenario, resolved) = try AdviceContext.resolved(session)
        let known = Set(whatif.options.map(\.key))
        var split = try SpendSplit(parsing: arguments.string("split") ?? "")
        for (key, value) in arguments.options where !known.contains(key) {
            split.entries += try SpendSplit(parsing: "\(key)=\(value)").entries
        }
        for word in arguments.positionals { split.entries += try SpendSplit(parsing: word).entries }
        let total = try arguments.amount("budget") ?? scenario.totalBudget
        let spend = try split.amounts(segmentNames: resolved.map(\.segment.name), customers: resolved.map(\.segment.customers), total: total)
        let result = WhatIf(model: model, segments: resolved, spend: spend)
        var out = notes + "What-if for '\(scenario.name)':\n" + result.render()
        let problem = AllocationProblem(segments: resolved.map(\.allocationSegment), spendCoefficient: model.spendCoefficient,
                                        totalBudget: result.total.spend)
        if let best = try? Allocator.allocate(problem) {
            let gain = best.totalExpectedConversions - result.total.expectedConversions
            out += gain > 0.05
                ? "The best split of the same \(NumberFormatting.grouped(result.total.spend)) buys \(NumberFormatting.grouped(best.totalExpectedConversions, 1)) expected conversions (+\(NumberFormatting.grouped(gain, 1))): run 'allocate budget=\(NumberFormatting.fixed(result.total.spend, 0))'.\n"
                : "This split is as good as the optimal one for this total.\n"
        }
        return out
    }

    static let allocate: CommandSpec = CommandSpec(
        name: "allocate", summary: "The split of the budget that maximizes expected conversions, proven optimal.",
        synopsis: "[budget=B | target=K] [export=FILE]",
        details: """
        Maximizes Σ customers·P(convert | spend) over per-customer spends within each segment's bounds, with the
        total spend at most the budget. The problem is not concave; branch and bound on the segments' concave
        envelopes returns the global optimum and an upper bound that proves it (gap within 1e-6 relative).
        target=K instead finds the smallest budget reaching K expected conversions.
        Examples: allocate    allocate budget=500k    allocate target=6000 export=plan.csv
        """,
        options: [OptionSpec("budget", "B", "total to allocate (default: the scenario's)"),
                  OptionSpec("target", "K", "find the smallest budget reaching K expected conversions"),
                  OptionSpec("export", "FILE", "also write the plan (.csv, .json, .md)", completion: .file),
                  .flag("force", "let export replace a file that is not a budget-advisor plan"),
                  OptionSpec("plots", "DIR", "write the charts (SVG) into this directory", completion: .file)]
            + AdviceContext.options
    ) { session, arguments in
        let notes = try AdviceContext.prepare(&session, arguments)
        let plan = try makePlan(session, arguments)
        session.plan = plan
        session.planUnsaved = true
        var out = notes + "Allocation for '\(plan.scenario)':\n" + plan.render()
        if let path = arguments.string("export") {
            try PlanExport.write(plan, to: session.resolve(path), shownAs: path, force: arguments.flag("force"))
            session.planUnsaved = false
            out += "Plan written to \(path)\n"
        }
        if let directory = arguments.string("plots") {
            out += "Charts: \(try ChartCommands.writeAll(session, into: directory).joined(separator: ", ")) in \(directory)/\n"
        }
        return out
    }

    static let export: CommandSpec = CommandSpec(
        name: "export", summary: "Write the last allocation plan to a .csv, .json or .md file.", synopsis: "FILE",
        details: "The format follows the extension. Files are replaced atomically; a file that is not a budget-advisor plan is kept unless --force.",
        options: [.flag("force", "replace a file that is not a budget-advisor plan")], positionalCompletion: .file
    ) { session, arguments in
        guard let plan = session.plan else { throw CommandError.usage("export: no plan yet; run 'allocate' first") }
        guard let path = arguments.positionals.first else { throw CommandError.usage("export: give a file name, e.g. export plan.csv") }
        try PlanExport.write(plan, to: session.resolve(path), shownAs: path, force: arguments.flag("force"))
        session.planUnsaved = false
        return "Plan written to \(path) (\(PlanExport.Format(path: path)!.rawValue))\n"
    }

    // MARK: - Work

    static func makePlan(_ session: Session, _ arguments: CommandArguments) throws -> AllocationPlan {
        let (model, scenario, resolved) = try AdviceContext.resolved(session)
        let segments = resolved.map(\.allocationSegment)
        let options = AllocationOptions()
        do {
            if let target = try arguments.amount("target") {
                guard arguments.string("budget") == nil else { throw CommandError.usage("allocate: give budget= or target=, not both") }
                let (budget, result) = try Allocator.minimumBudget(toReach: target, segments: segments,
                                                                   spendCoefficient: model.spendCoefficient, options: options)
                return AllocationPlan(scenario: scenario.name, segments: resolved, result: result, totalBudget: budget,
                                      tolerance: options.relativeTolerance, budgetMarginalPer1000: nil, target: target)
            }
            let total = try arguments.amount("budget") ?? scenario.totalBudget
            let problem = AllocationProblem(segments: segments, spendCoefficient: model.spendCoefficient, totalBudget: total)
            let result = try Allocator.allocate(problem, options: options)
            let marginal = try Allocator.budgetMarginalValue(problem, base: result, step: 1000, options: options)
            return AllocationPlan(scenario: scenario.name, segments: resolved, result: result, totalBudget: total,
                                  tolerance: options.relativeTolerance, budgetMarginalPer1000: marginal)
        } catch let error as AllocationError {
            // A bad bound the segment did not set itself: say where it came from and what to change.
            if case let .invalidSegment(index, _, _) = error, resolved.indices.contains(index),
               let advice = resolved[index].spendBoundAdvice {
                throw CommandError.failed(error.localizedDescription + "; " + advice)
            }
            throw CommandError.failed(error.localizedDescription)
        }
    }

    static func listSegments(_ session: Session) -> String {
        guard let scenario = session.scenario else { return "No scenario.\n" }
        let features = session.model.map { model in model.featureNames.filter { $0 != model.spendFeature } }
            ?? Array(Set(scenario.segments.flatMap { $0.features.keys })).sorted()
        var table = TextTable(headers: ["segment", "customers"] + features + ["min", "max", "P(convert) at min–max"])
        let resolved = session.model.flatMap { try? scenario.resolve(for: $0) }
        for (index, segment) in scenario.segments.enumerated() {
            var row = [segment.name, NumberFormatting.grouped(Double(segment.customers))]
            row += features.map { segment.features[$0].map { NumberFormatting.compact($0) } ?? "—" }
            if let resolved, let model = session.model {
                let r = resolved[index]
                let low = model.probability(r.featureVector(r.minSpend)), high = model.probability(r.featureVector(r.maxSpend))
                row += [NumberFormatting.compact(r.minSpend), NumberFormatting.compact(r.maxSpend),
                        NumberFormatting.fixed(100 * low, 1) + "%–" + NumberFormatting.fixed(100 * high, 1) + "%"]
            } else {
                row += [segment.minSpend.map { NumberFormatting.compact($0) } ?? "default",
                        segment.maxSpend.map { NumberFormatting.compact($0) } ?? "default", ""]
            }
            table.append(row)
        }
        let customers = scenario.segments.reduce(0) { $0 + $1.customers }
        return "Scenario '\(scenario.name)': \(scenario.segments.count) segments, \(NumberFormatting.grouped(Double(customers))) customers, budget \(NumberFormatting.grouped(scenario.totalBudget))\n"
            + table.render()
    }

    static func unknownSegment(_ name: String, _ scenario: Scenario) -> CommandError {
        let names = scenario.segments.map(\.name)
        guard !names.isEmpty else { return CommandError.usage("no segment '\(name)': the scenario has no segments yet; add one with 'segments add NAME customers=N ...'") }
        let hint = EditDistance.nearest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        return CommandError.usage("no segment '\(name)'\(hint); the segments are \(names.joined(separator: ", "))")
    }

    static func apply(_ arguments: CommandArguments, to segment: inout Segment, session: Session) throws {
        let featureNames = session.model.map { model in model.featureNames.filter { $0 != model.spendFeature } } ?? []
        for (key, text) in arguments.options where !["scenario", "model"].contains(key) {
            guard let value = AmountParser.parse(text) else { throw CommandError.usage("segments: \(key)=\(text) is not a number") }
            switch key {
            case "customers":
                guard value > 0, value == value.rounded(), value < 1e12 else {
                    throw CommandError.usage("segments: customers must be a positive whole number")
                }
                segment.customers = Int(value)
            case "min", "max":
                guard value >= 0 else { throw CommandError.usage("segments: \(key) must be zero or more") }
                if key == "min" { segment.minSpend = value } else { segment.maxSpend = value }
                if let low = segment.minSpend, let high = segment.maxSpend, low > high {
                    throw CommandError.usage("segments: min (\(NumberFormatting.compact(low))) exceeds max (\(NumberFormatting.compact(high)))")
                }
            default:
                guard let name = NameMatching.match(key, in: featureNames) else {
                    throw CommandError.usage("segments: '\(key)' is not a feature of the model (\(featureNames.joined(separator: ", "))) nor customers/min/max")
                }
                segment.features[name] = value
            }
        }
    }
}
