import Foundation

extension Interpreter {
    /// The first screen of the interactive session: what the tool does and what to type.
    public static var banner: String {
        """
        budget-advisor \(BudgetAdvisor.version): learn which customers convert, then split an ad budget across segments.
        Try:  segments                   the customer segments of the scenario
              whatif loyal=20k new=35%   expected conversions of a split
              allocate                   the best split of the budget
              export plan.csv            write the plan for a spreadsheet
              help                       every command (Tab completes; quit or Ctrl-D leaves)

        """
    }

    /// An interpreter ready for the session: the model and scenario loaded, or the defaults prepared.
    ///
    /// Loads `model` if given, then `scenario` if given, else `scenarios/default.json` from the working
    /// directory (or its embedded copy); without a model it trains one on the embedded synthetic data.
    /// - Parameters:
    ///   - model: a model file to load, or nil.
    ///   - scenario: a scenario file to load, or nil for the default scenario.
    ///   - session: the session to start from (its working directory and progress sink are kept).
    /// - Returns: the interpreter and the notes saying what was trained and loaded, one line each.
    /// - Throws: `CommandError` when a file cannot be loaded or the scenario does not fit the model.
    public static func startSession(model: String? = nil, scenario: String? = nil,
                                    session: Session = Session()) throws -> (Interpreter, String) {
        var session = session
        var options: [(key: String, value: String)] = []
        if let model { options.append(("model", model)) }
        if let scenario { options.append(("scenario", scenario)) }
        let notes: String
        do {
            notes = try AdviceContext.prepare(&session, CommandArguments(options: options))
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError.failed(error.localizedDescription)
        }
        // A model trained here is the seeded default, made again at every start: nothing to warn about at quit.
        if model == nil { session.modelUnsaved = false }
        return (Interpreter(session: session), notes)
    }
}
