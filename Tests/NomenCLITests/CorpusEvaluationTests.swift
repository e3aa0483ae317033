import Foundation
import Testing
import NomenTestSupport

/// `nomen evaluate` on the multilingual test corpus (Tests/Corpus), in CI.
///
/// The floors guard against regressions: each is a little below the F1 the tagger
/// reaches today (printed by `nomen evaluate --gold Tests/Corpus/<lang>.jsonl`); the
/// goal for every language is 0.95 and the closing notes report where each stands.
@Suite struct CorpusEvaluationTests {
    static let floors: [(String, Double)] = [
        ("en", 0.99), ("ru", 0.99), ("tr", 0.97), ("de", 0.98), ("fr", 0.98),
        ("ar", 0.97), ("fa", 0.98), ("ps", 0.96), ("ur", 0.99), ("zh", 0.99),
        ("uk", 0.97), ("hi", 0.93), ("bn", 0.89),
    ]

    @Test(arguments: floors)
    func corpusF1(_ language: String, _ floor: Double) throws {
        let r = try CLI.run(["evaluate", "--gold", "Tests/Corpus/\(language).jsonl", "--summary", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let f1 = last.components(separatedBy: "F1=").last.flatMap { Double($0.prefix(5)) } ?? 0
        #expect(f1 >= floor, "\(language): \(last)")
        // Every document of the language is in the corpus: at least 15 passages.
        let docs = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent("Tests/Corpus/\(language).jsonl"), encoding: .utf8)
            .split(separator: "\n").count
        #expect(docs >= 15)
    }

    @Test func goldFilesAreBuiltFromTheirSources() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/Corpus/build_gold.py", "--check"]
        process.currentDirectoryURL = CLI.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(out)")
    }
}

/// `nomen evaluate --lookup` on the lookup evaluation set (Tests/LookupEval), in CI.
/// Floors a little below today's figures, to catch regressions; goals are 0.95.
@Suite struct LookupEvaluationTests {
    @Test func topOneAccuracyAndDistractorRejection() throws {
        let r = try CLI.run(["evaluate", "--lookup", "Tests/LookupEval/queries.tsv", "--summary", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        func figure(after label: String) -> Double {
            guard let range = last.range(of: label) else { return 0 }
            return Double(last[range.upperBound...].prefix(5)) ?? 0
        }
        #expect(figure(after: "top-1 accuracy ") >= 0.96, "\(last)")
        #expect(figure(after: "distractors rejected ") >= 0.96, "\(last)")
    }
}
