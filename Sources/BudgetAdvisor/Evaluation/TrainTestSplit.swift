/// A seeded, stratified split: each class is shuffled on its own and the same fraction of it is held out, so
/// both parts keep the conversion rate of the whole.
public struct TrainTestSplit: Sendable, Equatable {
    /// Row indices used for training, ascending.
    public var trainIndices: [Int]
    /// Row indices held out, ascending (empty when the fraction is 0).
    public var testIndices: [Int]

    /// Splits `labels`, holding out round(fraction × class size) rows of each class.
    /// - Throws: `TrainingError.invalidOption` when the fraction is outside [0, 1) or leaves a class out of training.
    public init(labels: [Double], testFraction: Double, seed: UInt64) throws {
        guard testFraction >= 0, testFraction < 1 else {
            throw TrainingError.invalidOption("test-fraction must be in [0, 1): 0 trains on every row, 0.25 holds out a quarter")
        }
        var generator = SeededGenerator(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for label in [0.0, 1.0] {
            var members = labels.indices.filter { labels[$0] == label }
            for i in stride(from: members.count - 1, to: 0, by: -1) {
                members.swapAt(i, generator.nextIndex(below: i + 1))
            }
            let held = Int((Double(members.count) * testFraction).rounded())
            guard held < members.count || members.isEmpty else {
                throw TrainingError.invalidOption("test-fraction \(testFraction) leaves no class-\(Int(label)) rows to train on")
            }
            test += members[..<held]
            train += members[held...]
        }
        trainIndices = train.sorted()
        testIndices = test.sorted()
    }
}
