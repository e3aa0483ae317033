import Testing
@testable import NomenTagger

/// A word tries only the rules of its last byte (suffixes) and of its first scalar
/// (prefixes): exactly the rules that match it, in the same order as trying them all.
@Suite struct RuleBucketTests {
    /// The rules that match `word` when every rule is tried, and when only its bucket's are.
    private static func matches(_ set: RuleSet, _ word: [UInt8]) -> (all: [Int], bucketed: [Int], allPrefixes: [Int], bucketedPrefixes: [Int]) {
        let all = set.suffixes.indices.filter { word.count > set.suffixes[$0].surface.count && word.reversed().starts(with: set.suffixes[$0].surface.reversed()) }
        var bucketed: [Int] = []
        if let last = word.last { set.suffixesByByte.forEach(last) { bucketed.append($0); return false } }
        let allPrefixes = set.prefixes.indices.filter { word.starts(with: set.prefixes[$0].surface) }
        var bucketedPrefixes: [Int] = []
        set.prefixesByByte.forEach(UInt8(truncatingIfNeeded: RuleSet.firstScalarLastByte(word))) { bucketedPrefixes.append($0); return false }
        return (all, bucketed.filter(all.contains), allPrefixes, bucketedPrefixes.filter(allPrefixes.contains))
    }

    @Test func aWordTriesExactlyTheRulesThatMatchIt() throws {
        let rules = try InflectionRules.shipped()
        var checked = 0
        for case let rulesOfScript? in rules.byScriptIndex {
            let set = RuleSet(prefixes: rulesOfScript.prefixes, suffixes: rulesOfScript.suffixes)
            // Words made of a prefix, a stem of another rule's surface and a suffix.
            let parts: [[UInt8]] = [[]] + (set.prefixes + set.suffixes).map { $0.surface }
            for p in set.prefixes.map({ $0.surface }) + [[]] {
                for s in parts.prefix(60) {
                    for e in set.suffixes.map({ $0.surface }) + [Array("а".utf8)] {
                        let word = p + s + e
                        guard !word.isEmpty else { continue }
                        let m = Self.matches(set, word)
                        #expect(m.all == m.bucketed, "\(String(decoding: word, as: UTF8.self))")
                        #expect(m.allPrefixes == m.bucketedPrefixes, "\(String(decoding: word, as: UTF8.self))")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test func anEmptyPrefixAppliesToEveryWord() {
        let rule = InflectionRules.Rule(kind: .prefix, surface: [], replacement: Array("ال".utf8), afterZWNJ: false, minStem: 1, trimScalars: 0, language: "ar")
        let set = RuleSet(prefixes: [rule], suffixes: [])
        for word in ["كابل", "k", "中"] {
            var tried = 0
            set.prefixesByByte.forEach(UInt8(truncatingIfNeeded: RuleSet.firstScalarLastByte(Array(word.utf8)))) { _ in tried += 1; return false }
            #expect(tried == 1)
        }
    }
}
