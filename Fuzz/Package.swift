// swift-tools-version:6.0
// libFuzzer targets for Nomen. A separate package, so `swift build` of the main package
// never needs libFuzzer; build it with:
//   swift build -c release --package-path Fuzz --scratch-path Fuzz/.build -Xswiftc -sanitize=fuzzer,address
// See Fuzz/README.md.
import PackageDescription

// A path dependency's identity is its folder's name, whatever the checkout is called.
let mainPackage = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "main").lowercased()

let targets = ["fuzz-normalize", "fuzz-offsets", "fuzz-translit", "fuzz-tagger", "fuzz-jsonl", "fuzz-lexicon"]

let package = Package(
    name: "NomenFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // The libFuzzer driver and the checks every target shares.
        .target(name: "FuzzSupport"),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "Nomen", package: mainPackage)]
        )
    },
    swiftLanguageModes: [.v5]
)
