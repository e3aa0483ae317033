import Testing
@testable import NomenTagger

/// The tagger's per-thread memo of word facts: a word's facts are worked out once, words
/// are told apart by all their bytes (not only the sixteen compared inline), and the memo
/// starts over when full without losing the facts it is asked for.
@Suite struct WordMemoTests {
    /// Looks `word` up with sixteen readable bytes of slack after it, as the scanner's
    /// folded buffer provides; `made` counts the calls to `make`.
    private static func facts(_ memo: WordMemo, _ word: String, salt: UInt64 = 0, made: inout Int) -> WordFacts {
        var bytes = Array(word.utf8)
        let n = bytes.count
        bytes += [UInt8](repeating: 0xAA, count: 16)
        return bytes.withUnsafeBufferPointer { all in
            memo.facts(UnsafeBufferPointer(rebasing: all[0..<n]), salt: salt) {
                made += 1
                var f = WordFacts()
                f.id = Int32(truncatingIfNeeded: word.utf8.reduce(7) { $0 &* 31 &+ Int($1) })
                f.sourceScalars = Int32(word.unicodeScalars.count)
                return f
            }
        }
    }

    private static func expected(_ word: String) -> Int32 {
        Int32(truncatingIfNeeded: word.utf8.reduce(7) { $0 &* 31 &+ Int($1) })
    }

    @Test func worksAWordOutOnce() {
        let memo = WordMemo()
        var made = 0
        for _ in 0..<3 {
            for w in ["кабулов", "a", "талибам", "بطالبان"] {
                #expect(Self.facts(memo, w, made: &made).id == Self.expected(w))
            }
        }
        #expect(made == 4)
        #expect(memo.count == 4)
    }

    @Test func longWordsSharingTheirHeadStayApart() {
        // Twenty-two bytes or more, the first sixteen alike: only the key store tells them apart.
        let memo = WordMemo()
        var made = 0
        let words = ["международного", "международному", "международными", "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuw"]
        for _ in 0..<2 {
            for w in words { #expect(Self.facts(memo, w, made: &made).id == Self.expected(w)) }
        }
        #expect(made == words.count)
    }

    @Test func aSaltIsPartOfTheKey() {
        let memo = WordMemo()
        var made = 0
        _ = Self.facts(memo, "dari", salt: 1, made: &made)
        _ = Self.facts(memo, "dari", salt: 2, made: &made)
        _ = Self.facts(memo, "dari", salt: 1, made: &made)
        #expect(made == 2)
    }

    @Test func startsOverWhenFull() {
        let memo = WordMemo(limit: 64)
        var made = 0
        let words = (0..<200).map { "word\($0)" + ($0 % 3 == 0 ? "-with-a-long-tail-\($0)" : "") }
        for w in words { #expect(Self.facts(memo, w, made: &made).id == Self.expected(w)) }
        #expect(made == 200)
        #expect(memo.count <= 64)
        // The words it still holds are recalled; the others are worked out again, right.
        made = 0
        for w in words { #expect(Self.facts(memo, w, made: &made).id == Self.expected(w)) }
        #expect(made > 0 && made <= 200)
    }
}
