// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "budget-advisor",
    products: [
        .library(name: "BudgetAdvisor", targets: ["BudgetAdvisor"]),
        .executable(name: "budget-advisor", targets: ["budget-advisor"]),
        .executable(name: "budget-advisor-bench", targets: ["budget-advisor-bench"]),
    ],
    targets: [
        // MARK: - Library: all logic, no terminal code
        .target(name: "BudgetAdvisor"),

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
