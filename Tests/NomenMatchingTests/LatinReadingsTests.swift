import Foundation
import Testing
import Nomen
@testable import NomenMatching
import NomenTestSupport

/// A large lexicon's names are read in Latin on two threads, each half of the entities with
/// its own transliterators: the names they keep, in what order, and the words they
/// transliterate must be what reading one name after another gives.
@Suite struct LatinReadingsTests {
    @Test func twoThreadsReadWhatOneReadsInOrder() throws {
        let root = CLI.repositoryRoot.appendingPathComponent("Lexicons")
        let lexicon = try Lexicon.load(paths: [root.appendingPathComponent("curated").path,
                                               root.appendingPathComponent("generated/countries.jsonl").path], warnings: false)
        // Enough entities for the two threads (half of them at least 1,000).
        #expect(lexicon.entities.count >= 2_000)
        let honorifics = [["sheikh"]: "sheikh"]
        let twoThreads = MatcherIndex.readNames(lexicon.entities, honorifics: honorifics)
        let oneThread = MatcherIndex.readNames(of: lexicon.entities[...], honorifics: honorifics)
        #expect(twoThreads.names.count == oneThread.names.count)
        let differ = zip(twoThreads.names, oneThread.names).filter { $0 != $1 }.map(\.0.text)
        #expect(differ.isEmpty, "read otherwise on two threads: \(differ.prefix(5))")
        #expect(twoThreads.translit == oneThread.translit)
        // Entities in order; each keeps a Latin reading once, and none empty.
        #expect(zip(oneThread.names, oneThread.names.dropFirst()).allSatisfy { $0.entity <= $1.entity })
        #expect(Set(oneThread.names.map { "\($0.entity) \($0.tokens)" }).count == oneThread.names.count)
        #expect(oneThread.names.allSatisfy { !$0.tokens.isEmpty && $0.tokens.count == $0.skeletons.count })
    }
}
