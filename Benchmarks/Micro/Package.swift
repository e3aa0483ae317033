// swift-tools-version:6.1
// Micro-benchmarks of Nomen (package-benchmark). A separate package, so the main package's
// `swift build` and `swift test` never fetch package-benchmark; run from the repository root:
//   swift package --package-path Benchmarks/Micro benchmark
// See Benchmarks/README.md.
import PackageDescription

// A path dependency's identity is its folder's name, whatever the checkout is called
// (the repository root is two folders up).
let mainPackage = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "main").lowercased()

let package = Package(
    name: "NomenMicro",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        // Only the malloc interposer: the default RuntimeInterposer trait (Linux, Swift 6.3)
        // needs ordo-one/swift-runtime-interposer, which the package mirror lacks.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NomenMicro",
            dependencies: [
                .product(name: "Nomen", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NomenMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Nomen timed as ../shared/bench/anchors.py times the peers (see its main.swift). Not
        // under Benchmarks/: package-benchmark runs every executable target there as a benchmark.
        .executableTarget(
            name: "PeerProtocol",
            dependencies: [.product(name: "Nomen", package: mainPackage)],
            path: "PeerProtocol"
        ),
    ],
    swiftLanguageModes: [.v5]
)
