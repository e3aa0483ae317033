// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top (a module never imports one above it):
//   CICU (link flags) ← CNomenICU (the only code that sees ICU headers)
//   ← NomenNormalization ← NomenTransliteration ← NomenMatching ← NomenTagger ← nomen
//   NomenLexicon sits beside NomenNormalization; Matching and Tagger read it.
//   CNomenSupport (a prefetch hint) is a leaf the tagger uses.
let package = Package(
    name: "Nomen",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Nomen", targets: ["Nomen"]),
        .executable(name: "nomen", targets: ["nomen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        .target(name: "CNomenICU", dependencies: ["CICU"]),
        .target(name: "CNomenSupport"),
        .target(name: "NomenNormalization", dependencies: ["CNomenICU"]),
        .target(
            name: "NomenTransliteration",
            dependencies: ["CNomenICU", "NomenNormalization"],
            resources: [.copy("Resources/Rules")]
        ),
        .target(
            name: "NomenLexicon",
            dependencies: ["NomenNormalization", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "NomenMatching",
            dependencies: ["NomenNormalization", "NomenTransliteration", "NomenLexicon"]
        ),
        .target(
            name: "NomenTagger",
            dependencies: ["CNomenSupport", "NomenNormalization", "NomenTransliteration", "NomenLexicon", "NomenMatching"],
            resources: [.copy("Resources/Inflection")]
        ),
        .target(
            name: "Nomen",
            dependencies: ["NomenNormalization", "NomenTransliteration", "NomenLexicon", "NomenMatching", "NomenTagger"]
        ),
        .executableTarget(
            name: "nomen",
            dependencies: ["Nomen", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "NomenTestSupport", dependencies: ["Nomen"], path: "Tests/NomenTestSupport"),
        .testTarget(name: "NomenNormalizationTests", dependencies: ["NomenNormalization", "NomenTestSupport"]),
        .testTarget(name: "NomenTransliterationTests", dependencies: ["NomenTransliteration", "NomenTestSupport"]),
        .testTarget(name: "NomenLexiconTests", dependencies: ["NomenLexicon", "NomenTestSupport"]),
        .testTarget(name: "NomenMatchingTests", dependencies: ["NomenMatching", "NomenTestSupport"]),
        .testTarget(name: "NomenTaggerTests", dependencies: ["NomenTagger", "NomenTestSupport"]),
        .testTarget(name: "NomenCLITests", dependencies: ["NomenTestSupport", "nomen"]),
    ],
    swiftLanguageModes: [.v5]
)
