import Foundation
import Testing
@testable import BudgetAdvisor

/// The two builds of the objective's chunk kernel (`ObjectiveKernel` for baseline x86-64, `ObjectiveKernelAVX2`
/// with `-target-cpu haswell`) and the run-time choice between them.
@Suite struct KernelBuildTests {
    static func objective(rows: Int) -> LogisticObjective {
        let data = SyntheticCustomers.generate(rows: rows, seed: 9)
        return LogisticObjective(columns: data.columns, labels: data.labels,
                                 standardizer: Standardizer(fitting: data.columns), lambda: 1e-3)
    }

    /// Both builds give the same bits: Swift never contracts a·b + c into a fused multiply-add, and the chunks and
    /// the order of their sums do not depend on the build. Data sizes cross lane groups, blocks and chunks; the
    /// points include z = 0 and margins beyond ±708 (clamped).
    /// The AVX2 build would stop with SIGILL on a CPU without AVX2, FMA, BMI2, ...: the test runs only where
    /// `CPUFeatures` says it can (and is reported as skipped elsewhere).
    @Test(.enabled(if: CPUFeatures.supportsHaswell, "this CPU cannot run the AVX2 build"),
          arguments: [1, 7, 8_193, 20_003])
    func avx2BuildGivesTheBaselineBits(rows: Int) {
        let objective = Self.objective(rows: rows)
        for point in [[0.0, 0, 0, 0], [-1.2, 1.5, 0.8, 0.6], [3, -40, 25, 10], [-900, 0, 0, 0], [900, 1, 1, 1],
                      [0.5, 400, -300, 200]] {
            let baseline = objective.valueAndGradient(at: point, kernel: .baseline)
            let avx2 = objective.valueAndGradient(at: point, kernel: .avx2)
            #expect(avx2.value.bitPattern == baseline.value.bitPattern, "value at \(point): \(avx2.value) vs \(baseline.value)")
            #expect(avx2.gradient.map(\.bitPattern) == baseline.gradient.map(\.bitPattern),
                    "gradient at \(point): \(avx2.gradient) vs \(baseline.gradient)")
            let baselineHessian = objective.hessian(at: point, kernel: .baseline)
            let avx2Hessian = objective.hessian(at: point, kernel: .avx2)
            #expect(avx2Hessian.flatMap { $0.map(\.bitPattern) } == baselineHessian.flatMap { $0.map(\.bitPattern) },
                    "Hessian at \(point)")
        }
    }

    /// The public entry points use the build picked for this process.
    @Test func publicEntryPointsUseTheSelectedBuild() {
        let objective = Self.objective(rows: 1_000)
        let point = [0.1, 0.2, 0.3, 0.4]
        let selected = objective.valueAndGradient(at: point, kernel: ObjectiveKernelBuild.selected)
        let result = objective.valueAndGradient(at: point)
        #expect(result.value.bitPattern == selected.value.bitPattern)
        #expect(result.gradient.map(\.bitPattern) == selected.gradient.map(\.bitPattern))
        #expect(objective.hessian(at: point) == objective.hessian(at: point, kernel: .selected))
    }

    @Test func choiceFollowsTheCPUAndTheEnvironment() {
        #expect(ObjectiveKernelBuild.choose(forced: nil, supportsHaswell: true) == .avx2)
        #expect(ObjectiveKernelBuild.choose(forced: "baseline", supportsHaswell: true) == .baseline)
        #expect(ObjectiveKernelBuild.choose(forced: nil, supportsHaswell: false) == .baseline)
        // AVX2 is never forced onto a CPU without it; unknown values are ignored.
        #expect(ObjectiveKernelBuild.choose(forced: "avx2", supportsHaswell: false) == .baseline)
        #expect(ObjectiveKernelBuild.choose(forced: "fast", supportsHaswell: true) == .avx2)
    }

    @Test func haswellNeedsEveryFlagOnEveryProcessor() {
        let all = CPUFeatures.haswellFlags.sorted().joined(separator: " ")
        let withAll = "processor\t: 0\nflags\t\t: fpu sse2 \(all) avx512f\n\nprocessor\t: 1\nflags\t\t: \(all)\n"
        #expect(CPUFeatures.hasAll(CPUFeatures.haswellFlags, inCPUInfo: withAll))
        let secondLacksBMI2 = "flags\t\t: \(all)\n\nflags\t\t: " + all.replacingOccurrences(of: "bmi2", with: "") + "\n"
        #expect(!CPUFeatures.hasAll(CPUFeatures.haswellFlags, inCPUInfo: secondLacksBMI2))
        let sandyBridge = "flags\t\t: fpu sse2 pni ssse3 cx16 sse4_1 sse4_2 popcnt xsave avx\n"
        #expect(!CPUFeatures.hasAll(CPUFeatures.haswellFlags, inCPUInfo: sandyBridge))
        // No flags line (another architecture, or an unreadable file): never AVX2.
        #expect(!CPUFeatures.hasAll(CPUFeatures.haswellFlags, inCPUInfo: "processor\t: 0\nFeatures\t: fp asimd\n"))
        #expect(!CPUFeatures.hasAll(CPUFeatures.haswellFlags, inCPUInfo: ""))
    }
}
