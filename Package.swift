// swift-tools-version:6.0
import PackageDescription

// The objective's chunk kernel is built twice from one source directory (`Sources/ObjectiveKernelAVX2` is a
// symlink to `Sources/ObjectiveKernel`): once for baseline x86-64 (SSE2) and once with `-target-cpu haswell`
// (AVX2, FMA, BMI2, ...). `BudgetAdvisor` links both and picks one at run time (`ObjectiveKernelBuild`,
// `CPUFeatures`), so only this small module ever runs AVX2 code, and only on a CPU that has it; the rest of the
// product stays baseline and runs everywhere. The flag is set for every configuration so that `swift test` (debug)
// exercises the AVX2 build too. Off x86-64 the second module is just another baseline copy.
// (`unsafeFlags` is allowed in a root package only: another package cannot depend on this one.)
#if arch(x86_64)
let haswellFlags: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let haswellFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "budget-advisor",
    products: [
        .library(name: "BudgetAdvisor", targets: ["BudgetAdvisor"]),
        .executable(name: "budget-advisor", targets: ["budget-advisor"]),
        .executable(name: "budget-advisor-bench", targets: ["budget-advisor-bench"]),
    ],
    targets: [
        // MARK: - Library: all logic, no terminal code
        .target(
            name: "BudgetAdvisor",
            dependencies: ["ObjectiveKernel", "ObjectiveKernelAVX2"]
        ),

        // MARK: - The objective's chunk kernel: one source, a baseline and an AVX2 build (see the top of this file)
        .target(name: "ObjectiveKernel"),
        .target(
            name: "ObjectiveKernelAVX2",
            swiftSettings: haswellFlags
        ),

        // MARK: - C shims
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),

        // MARK: - Executables
        .executableTarget(
            name: "budget-advisor",
            dependencies: ["BudgetAdvisor", "CReadline"]
        ),

        // MARK: - Benchmarks (measure release builds only)
        .target(name: "_BenchmarkSupport"),
        .executableTarget(
            name: "budget-advisor-bench",
            dependencies: ["BudgetAdvisor", "_BenchmarkSupport"]
        ),

        // MARK: - Tests
        .testTarget(
            name: "BudgetAdvisorTests",
            dependencies: ["BudgetAdvisor"]
        ),
    ]
)
