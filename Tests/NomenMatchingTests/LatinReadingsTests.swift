import Foundation
import Testing
import Nomen
@testable import NomenMatching
import NomenTestSupport

/// A large lexicon's names are read in Latin on two threads, each half of the entities with
/// its own transliterators: what they read, in what order, must be what reading one name
/// after another gives.
@Suite struct LatinReadingsTests {
    @Test func twoThreadsReadWhatOneReadsInOrder() throws {
        let root = CLI.repositoryRoot.appendingPathComponent("Lexicons")
        let lexicon = try Lexicon.load(paths: [root.appendingPathComponent("curated").path,
                                               root.appendingPathComponent("generated/countries.jsonl").path], warnings: false)
        // Enough entities for the two threads (half of them at least 1,000).
        #expect(lexicon.entities.count >= 2_000)
        let readings = MatcherIndex.latinReadings(lexicon.entities)
        var k = 0
        var differ: [String] = []
        for entity in lexicon.entities {
            for v in entity.allNames {
                defer { k += 1 }
                guard k < readings.count else { continue }
                let words = NameKeys.transliteratedWords(v.text)
                let form = NameKeys.latinTokens(v.text, language: v.language)
                if readings[k].form != form || readings[k].words.map(\.0) != words.map(\.0) || readings[k].words.map(\.1) != words.map(\.1) {
                    differ.append(v.text)
                }
            }
        }
        #expect(k == readings.count)
        #expect(differ.isEmpty, "read otherwise on two threads: \(differ.prefix(5))")
    }
}
