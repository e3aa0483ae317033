/// Folds text by a ``FoldingProfile``, keeping an exact map back to the original.
///
/// ```swift
/// let folder = Folder(.name)
/// folder.fold("الإمارة الإسلاميّة").text == folder.fold("الاماره الاسلاميه").text  // true
/// folder.fold("Ёлкин").text    // "елкин"
/// ```
///
/// Folding works per character cluster (a base and its combining marks): each cluster
/// folds on its own, so every folded scalar comes from exactly one cluster of the
/// source and a folded span maps back to the exact source span it came from.
/// Per-scalar results are computed once per thread and 256-scalar page, so folding
/// is a table lookup per scalar after warm-up.
public struct Folder: Sendable {
    public let profile: FoldingProfile

    public init(_ profile: FoldingProfile = .name) {
        self.profile = profile
    }

    /// Folds a text.
    /// - Complexity: O(n) in the scalars of `text`.
    public func fold(_ text: some StringProtocol) -> FoldedText {
        let source = Array(text.unicodeScalars)
        var out = FoldedText.Builder()
        fold(source[...], sourceOffset: 0, into: &out)
        settle(&out)
        return out.build()
    }

    /// The rules that read a scalar's neighbours (the half forms, the independent vowels,
    /// the final virama, the silent hamza) read the source, where a stripped mark can sit
    /// between two letters that the fold then puts side by side: अ़ा folds to अा, and अा
    /// to आ. Such a fold is folded again until it stays, each pass's map composed with the
    /// last, so that folding twice is folding once. Only a fold holding one of the letters
    /// those rules read is looked at again.
    private func settle(_ out: inout FoldedText.Builder) {
        guard profile.options.contains(.stripDiacritics) else { return }
        for _ in 0..<4 {
            guard out.scalars.contains(where: { (0x0900...0x09FF).contains($0.value) || $0.value == 0x0621 }) else { return }
            var again = FoldedText.Builder()
            fold(out.scalars[...], sourceOffset: 0, into: &again)
            if again.scalars == out.scalars { return }
            var composed = FoldedText.Builder()
            for k in again.scalars.indices {
                composed.append(again.scalars[k], from: out.starts[again.starts[k]], to: out.ends[again.ends[k] - 1])
            }
            out = composed
        }
    }

    /// The folded text alone.
    public func key(_ text: some StringProtocol) -> String {
        fold(text).text
    }

    /// Folds `source` (scalars at offsets `sourceOffset...` of their text) into `out`.
    public func fold(_ source: ArraySlice<Unicode.Scalar>, sourceOffset: Int, into out: inout FoldedText.Builder) {
        let table = Folder.table(for: profile.options)
        let strip = profile.options.contains(.stripDiacritics)
        var i = source.startIndex
        while i < source.endIndex {
            let base = source[i]
            let clusterStart = i
            var j = i + 1
            var keptMarks = false
            while j < source.endIndex {
                let e = table.entry(source[j].value)
                guard e.flags.contains(.mark) else { break }
                if !(strip && e.flags.contains(.strippableMark)) || ScalarTable.keepsMark(source[j], after: base) {
                    keptMarks = true
                }
                j += 1
            }
            let start = sourceOffset + (clusterStart - source.startIndex)
            let end = sourceOffset + (j - source.startIndex)
            // Between the scalars as folded (إء is اء once folded, and a mark or a tatweel
            // folds to nothing), so that folding twice gives what folding once gave.
            if strip, i > source.startIndex, base.value == 0x0621, let previous = out.scalars.last,
               Self.isSilentHamza(base, after: previous, before: Self.firstFolded(source[j...], table: table)) {
                // Folds to nothing.
            } else if strip, j == i + 2, j < source.endIndex, let half = Self.halfForm(base, source[i + 1], before: source[j]) {
                for s in half { out.append(s, from: start, to: end) }
            } else if strip, j > i + 1, let vowel = Self.independentVowel(base, source[i + 1]) {
                let cluster = [vowel] + source[(i + 2)..<j]
                for s in foldCluster(cluster[...], table: table) { out.append(s, from: start, to: end) }
            } else if !keptMarks {
                for s in table.folded(table.entry(base.value)) { out.append(s, from: start, to: end) }
            } else {
                for s in foldCluster(source[clusterStart..<j], table: table) { out.append(s, from: start, to: end) }
            }
            if strip, out.scalars.last?.value == 0x094D {
                // The next scalar that folds to something, to see whether the word ends here.
                var k = j
                while k < source.endIndex, table.folded(table.entry(source[k].value)).isEmpty { k += 1 }
                if Self.isFinalHalant(out.scalars.last!, before: k < source.endIndex ? source[k] : nil) { out.removeLast() }
            }
            i = j
        }
    }

    /// Hindi writes a nasal before a stop either as the anusvara or as the nasal with a
    /// virama (कंधार and कन्धार, Kandahar; जिंबाब्वे and जिम्बाब्वे), Bengali its velar nasal
    /// so (সংঘ, সঙ্ঘ). The anusvara folds to न् (see ScalarTable), and so does any Devanagari
    /// nasal with a virama before a stop; the Bengali ঙ্ before a velar folds to ং. Nil for
    /// any other cluster. Hindi also writes र्र, where a word ending in र meets one beginning
    /// with it, as रर (अंतर्राष्ट्रीय and अंतरराष्ट्रीय, international): र with a virama before र
    /// folds to र. The tokenizer folds by this too.
    public static func halfForm(_ base: Unicode.Scalar, _ virama: Unicode.Scalar, before next: Unicode.Scalar) -> [Unicode.Scalar]? {
        switch (base.value, virama.value) {
        case (0x0919, 0x094D), (0x091E, 0x094D), (0x0923, 0x094D), (0x092E, 0x094D):
            return (0x0915...0x092E).contains(next.value) ? ["\u{0928}", "\u{094D}"] : nil
        case (0x0930, 0x094D):
            return next.value == 0x0930 ? ["\u{0930}"] : nil
        case (0x0999, 0x09CD):
            return (0x0995...0x0998).contains(next.value) ? ["\u{0982}"] : nil
        default:
            return nil
        }
    }

    /// Bengali and Hindi web text often writes the long vowel ā as the short vowel's letter
    /// and the ā sign (অা for আ, अा for आ: অাফগানিস্তান), which looks the same and which
    /// Unicode normalisation does not join: the pair folds to the vowel's own letter. The
    /// tokenizer folds by this too.
    public static func independentVowel(_ base: Unicode.Scalar, _ sign: Unicode.Scalar) -> Unicode.Scalar? {
        switch (base.value, sign.value) {
        case (0x0985, 0x09BE): return "\u{0986}"
        case (0x0905, 0x093E): return "\u{0906}"
        default: return nil
        }
    }

    /// Hindi writes a word's final consonant with or without the virama of Sanskrit
    /// spelling (परिषद् and परिषद, council; महान् and महान): a Devanagari virama that ends a
    /// word's fold (before anything but a Devanagari letter, sign or digit) folds to nothing,
    /// also the one of a final anusvara's न्. The tokenizer folds by this too.
    public static func isFinalHalant(_ scalar: Unicode.Scalar, before next: Unicode.Scalar?) -> Bool {
        guard scalar.value == 0x094D else { return false }
        guard let next else { return true }
        return !(0x0900...0x097F).contains(next.value) || next.value == 0x0964 || next.value == 0x0965
    }

    /// Arabic writes a hamza after a word's final alef that Persian and Urdu leave out (عطاء
    /// and عطا, صنعاء and صنعا, كربلاء and کربلا): a ء after ا at the end of a word (before
    /// anything but an Arabic-script letter) folds to nothing. The tokenizer folds by this too.
    public static func isSilentHamza(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar, before next: Unicode.Scalar?) -> Bool {
        guard scalar.value == 0x0621, previous.value == 0x0627 else { return false }
        guard let next else { return true }
        return !(0x0620...0x064A).contains(next.value) && !(0x066E...0x06D3).contains(next.value) && next.value != 0x200C
    }

    /// The first scalar that `scalars` fold to, scalar by scalar (nil if none).
    private static func firstFolded(_ scalars: ArraySlice<Unicode.Scalar>, table: ScalarTable) -> Unicode.Scalar? {
        for s in scalars {
            if let first = table.folded(table.entry(s.value)).first { return first }
        }
        return nil
    }

    /// A cluster whose marks stay (Indic vowel signs, the breve of й written apart)
    /// folds whole and recomposes, so it equals its precomposed spelling.
    private func foldCluster(_ cluster: ArraySlice<Unicode.Scalar>, table: ScalarTable) -> [Unicode.Scalar] {
        let strip = profile.options.contains(.stripDiacritics)
        var scalars: [Unicode.Scalar] = Array(table.folded(table.entry(cluster.first!.value)))
        var previous = cluster.first
        for mark in cluster.dropFirst() {
            let e = table.entry(mark.value)
            if strip && e.flags.contains(.strippableMark) {
                if !ScalarTable.keepsMark(mark, after: previous) { continue }
                scalars.append(mark)
            } else {
                scalars.append(contentsOf: table.folded(e))
            }
            previous = mark
        }
        let units = Array(String(String.UnicodeScalarView(scalars)).utf16)
        return Array(String(decoding: UnicodeNormalizer.normalize(utf16: units, .nfc), as: UTF16.self).unicodeScalars)
    }

    /// Per-scalar facts (letter, mark, case, script) for the tokenizer, from this thread's table.
    @inline(__always)
    public func flags(of scalar: Unicode.Scalar) -> ScalarFlags {
        Folder.table(for: profile.options).entry(scalar.value).flags
    }

    /// This thread's scalar table for `options`.
    @inline(__always)
    static func table(for options: FoldingOptions) -> ScalarTable {
        let tables = perThread.value
        if let last = tables.last, last.options == options { return last }
        return tables.table(for: options)
    }

    private static let perThread = ThreadLocal { Tables() }

    final class Tables {
        var tables: [FoldingOptions: ScalarTable] = [:]
        var last: ScalarTable?

        func table(for options: FoldingOptions) -> ScalarTable {
            if let t = tables[options] {
                last = t
                return t
            }
            let t = ScalarTable(options: options)
            tables[options] = t
            last = t
            return t
        }
    }
}

/// A lookup handle for one thread: the scalar table of a profile, fetched once so
/// a hot loop pays no thread-local lookup per scalar. Do not pass it to another thread.
public struct ScalarLookup {
    @usableFromInline let table: ScalarTable

    public init(_ profile: FoldingProfile) {
        table = Folder.table(for: profile.options)
    }

    /// The facts about a scalar.
    @inlinable @inline(__always)
    public func flags(_ value: UInt32) -> ScalarFlags { table.entry(value).flags }

    /// The ICU script code of a scalar.
    @inlinable @inline(__always)
    public func scriptCode(_ value: UInt32) -> Int32 { Int32(table.entry(value).script) }

    /// Everything the tokenizer needs of a scalar in one table read: its flags, its ICU
    /// script code, and the scalars it folds to (`first` when `count` is 1).
    @inlinable @inline(__always)
    public func info(_ value: UInt32) -> (flags: ScalarFlags, script: Int32, count: Int, first: UInt32) {
        let e = table.entry(value)
        let first = e.first
        return (e.flags, Int32(e.script), Int(e.foldCount), first)
    }

    /// Calls `body` with each scalar that `value` folds to (none for ignorables).
    @inlinable @inline(__always)
    public func forEachFolded(_ value: UInt32, _ body: (Unicode.Scalar) -> Void) {
        let e = table.entry(value)
        if e.foldCount == 1 {
            body(Unicode.Scalar(e.first).unsafelyUnwrapped)
            return
        }
        for s in table.folded(e) { body(s) }
    }
}

/// A folded text and the map from each of its scalars back to the source.
public struct FoldedText: Sendable, Equatable {
    /// The folded text.
    public let text: String
    /// The folded scalars.
    public let scalars: [Unicode.Scalar]
    /// For each folded scalar, the source scalar offset of the cluster it came from.
    public let sourceStarts: [Int]
    /// For each folded scalar, the source scalar offset just past its cluster.
    public let sourceEnds: [Int]

    /// The source span (scalar offsets, end exclusive) of the folded span `range`.
    /// An empty folded range maps to an empty source range at the nearest cluster.
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        if scalars.isEmpty { return 0..<0 }
        if range.isEmpty {
            let at = range.lowerBound < sourceStarts.count ? sourceStarts[range.lowerBound] : sourceEnds[sourceEnds.count - 1]
            return at..<at
        }
        return sourceStarts[range.lowerBound]..<sourceEnds[range.upperBound - 1]
    }

    /// Builds a folded text scalar by scalar.
    public struct Builder {
        var scalars: [Unicode.Scalar] = []
        var starts: [Int] = []
        var ends: [Int] = []

        public init() {}

        public mutating func append(_ s: Unicode.Scalar, from start: Int, to end: Int) {
            scalars.append(s)
            starts.append(start)
            ends.append(end)
        }

        /// Takes back the last scalar appended.
        mutating func removeLast() {
            scalars.removeLast()
            starts.removeLast()
            ends.removeLast()
        }

        public func build() -> FoldedText {
            FoldedText(text: String(String.UnicodeScalarView(scalars)), scalars: scalars, sourceStarts: starts, sourceEnds: ends)
        }
    }
}
