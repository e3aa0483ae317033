/// The words of a name and their fusions, as byte ranges of one buffer: what
/// ``NameMatcher`` aligns when it scores a name.
///
/// For the words `siraj ud din` (skeletons `srj d dn`) the units are, in this order,
/// each word, each two neighbours fused (`sirajud` / `srjd`, `uddin` / `dn`), and each
/// three (`sirajuddin` / `srjdn`): fused skeletons are joined with a consonant doubled
/// at the seam collapsed. One value is refilled for every name a lookup scores, so
/// scoring makes no `String` and, once its buffers have grown, allocates nothing.
struct NameUnits {
    /// A word, or two or three neighbouring words fused.
    struct Unit {
        /// The first word covered, and how many (1, 2 or 3).
        var first: Int32
        var words: Int32
        /// Byte ranges in ``NameUnits/bytes``: the folded Latin form and the skeleton.
        var latin: Range<Int32>
        var skeleton: Range<Int32>
        /// The letters of the Latin form, for a quick bound of its similarity to another.
        var letters = Similarity.LetterSignature()
    }

    /// A unit's bytes, read in place.
    struct Form {
        let latin: UnsafeBufferPointer<UInt8>
        let skeleton: UnsafeBufferPointer<UInt8>
        let letters: Similarity.LetterSignature
    }

    /// The Latin forms and skeletons of every unit, one after the other (and room beyond).
    private(set) var bytes: [UInt8] = []
    /// The words (`units[0..<wordCount]`), then the fused pairs, then the fused triples.
    private(set) var units: [Unit] = []
    private(set) var wordCount = 0
    /// The words' byte ranges in the Latin and skeleton buffers being read, and their letters.
    private var words: [(latin: Range<Int>, skeleton: Range<Int>, letters: Similarity.LetterSignature)] = []

    /// Fills the units from space-separated folded Latin words and their space-separated
    /// skeletons.
    /// - Returns: false when there are no words, or the two lists differ in length.
    mutating func fill(latin: UnsafeBufferPointer<UInt8>, skeleton: UnsafeBufferPointer<UInt8>) -> Bool {
        units.removeAll(keepingCapacity: true)
        words.removeAll(keepingCapacity: true)
        var l = WordCursor(latin)
        var s = WordCursor(skeleton)
        while let word = l.next() {
            guard let sk = s.next() else { return false }
            words.append((word, sk, Similarity.LetterSignature(UnsafeBufferPointer(rebasing: latin[word]))))
        }
        wordCount = words.count
        if s.next() != nil || wordCount == 0 { return false }
        // A word is in at most six units (itself, two pairs, three triples): its bytes
        // are in at most six Latin forms and six skeletons.
        let capacity = 6 * (latin.count + skeleton.count)
        if bytes.count < capacity { bytes = [UInt8](repeating: 0, count: capacity) }
        // Written through a pointer (no per-byte checks), the unit list moved out meanwhile
        // so the two are not both borrowed from `self`.
        var out = units
        units = []
        defer { units = out }
        let words = self.words
        let wordCount = self.wordCount
        bytes.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var used = 0
            func copy(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                if range.isEmpty { return }
                precondition(used + range.count <= buffer.count, "name units overflow their buffer")
                (base + used).update(from: source.baseAddress! + range.lowerBound, count: range.count)
                used += range.count
            }
            for width in 1...3 where wordCount >= width {
                for k in 0...(wordCount - width) {
                    let latinStart = used
                    var letters = words[k].letters
                    copy(latin, words[k].latin)
                    for w in (k + 1)..<(k + width) {
                        copy(latin, words[w].latin)
                        letters = letters.joined(with: words[w].letters)
                    }
                    let skeletonStart = used
                    for w in k..<(k + width) {
                        var r = words[w].skeleton
                        // A consonant doubled at the seam is one (Abdul|Latif: bd l + lt f → bdltf).
                        if used > skeletonStart && !r.isEmpty && base[used - 1] == skeleton[r.lowerBound] { r = r.dropFirst() }
                        copy(skeleton, r)
                    }
                    out.append(Unit(first: Int32(k), words: Int32(width), latin: Int32(latinStart)..<Int32(skeletonStart),
                                    skeleton: Int32(skeletonStart)..<Int32(used), letters: letters))
                }
            }
        }
        return true
    }

    /// The bytes of `range`, a range of ``bytes``.
    @inline(__always)
    func slice(_ range: Range<Int32>, in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[Int(range.lowerBound)..<Int(range.upperBound)])
    }

    /// Unit `k` read from `buffer`, the bytes of ``bytes``.
    @inline(__always)
    func form(_ k: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Form {
        let u = units[k]
        return Form(latin: slice(u.latin, in: buffer), skeleton: slice(u.skeleton, in: buffer), letters: u.letters)
    }

    /// A unit's Latin form or skeleton as a string, for explanations.
    func string(_ range: Range<Int32>) -> String {
        String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
    }

    /// The space-separated words of a buffer, as ranges; empty words are skipped.
    private struct WordCursor {
        let text: UnsafeBufferPointer<UInt8>
        var position = 0

        init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

        mutating func next() -> Range<Int>? {
            while position < text.count && text[position] == 0x20 { position += 1 }
            if position == text.count { return nil }
            let start = position
            while position < text.count && text[position] != 0x20 { position += 1 }
            return start..<position
        }
    }
}
