import Foundation
import ObjectiveKernel
import ObjectiveKernelAVX2

/// The entry points of the objective's chunk kernel, which both of its builds provide.
protocol ObjectiveChunkKernel {
    static func accumulateObjective(start: Int, count: Int, columns: UnsafePointer<UnsafePointer<Double>>,
                                    columnCount: Int, labels: UnsafePointer<Double>, intercept: Double,
                                    scaledWeights: UnsafePointer<Double>, means: UnsafePointer<Double>,
                                    inverseScales: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
    static func accumulateHessian(start: Int, count: Int, columns: UnsafePointer<UnsafePointer<Double>>,
                                  columnCount: Int, parameters: UnsafePointer<Double>, means: UnsafePointer<Double>,
                                  inverseScales: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>)
}

extension ObjectiveKernel.ChunkKernel: ObjectiveChunkKernel {}
extension ObjectiveKernelAVX2.ChunkKernel: ObjectiveChunkKernel {}

/// Which build of the chunk kernel (`Sources/ObjectiveKernel`) computes the objective, its gradient and its
/// Hessian. Both give the same bits (the tests check it); the AVX2 build is faster.
enum ObjectiveKernelBuild: String, Sendable {
    /// `ObjectiveKernel`: baseline x86-64 (SSE2), runs everywhere.
    case baseline
    /// `ObjectiveKernelAVX2`: the same source built with `-target-cpu haswell` (AVX2, FMA, BMI2, ...).
    case avx2

    /// The environment variable that can force a build: `BUDGET_ADVISOR_KERNEL=baseline`.
    static let environmentVariable = "BUDGET_ADVISOR_KERNEL"

    /// The build this process uses, picked once: `avx2` when `CPUFeatures.supportsHaswell`, unless
    /// `BUDGET_ADVISOR_KERNEL` is `baseline`.
    static let selected = choose(forced: ProcessInfo.processInfo.environment[environmentVariable],
                                 supportsHaswell: CPUFeatures.supportsHaswell)

    /// `baseline` when `forced` is "baseline" or the CPU lacks the Haswell features, else `avx2` (any other
    /// value of `forced` is ignored: AVX2 is never forced onto a CPU without it).
    static func choose(forced: String?, supportsHaswell: Bool) -> ObjectiveKernelBuild {
        forced == ObjectiveKernelBuild.baseline.rawValue || !supportsHaswell ? .baseline : .avx2
    }

    /// The build's entry points.
    var kernel: any ObjectiveChunkKernel.Type {
        switch self {
        case .baseline: ObjectiveKernel.ChunkKernel.self
        case .avx2: ObjectiveKernelAVX2.ChunkKernel.self
        }
    }
}
