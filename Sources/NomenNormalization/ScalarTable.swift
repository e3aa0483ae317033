import CNomenICU

/// What the tokenizer and the folder need to know about one scalar.
public struct ScalarFlags: OptionSet, Sendable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

    @inlinable public static var letter: ScalarFlags { ScalarFlags(rawValue: 1 << 0) }
    @inlinable public static var mark: ScalarFlags { ScalarFlags(rawValue: 1 << 1) }
    @inlinable public static var digit: ScalarFlags { ScalarFlags(rawValue: 1 << 2) }
    @inlinable public static var upper: ScalarFlags { ScalarFlags(rawValue: 1 << 3) }
    @inlinable public static var lower: ScalarFlags { ScalarFlags(rawValue: 1 << 4) }
    /// ZWNJ or ZWJ: joins the parts of one word (Persian سراج‌الدین).
    @inlinable public static var joiner: ScalarFlags { ScalarFlags(rawValue: 1 << 5) }
    /// An apostrophe or a letter used as one (' ’ ʼ ‘ ` ´ ′).
    @inlinable public static var apostrophe: ScalarFlags { ScalarFlags(rawValue: 1 << 6) }
    /// A hyphen that joins compounds (- ‐ ‑), not a dash that separates phrases.
    @inlinable public static var hyphen: ScalarFlags { ScalarFlags(rawValue: 1 << 7) }
    @inlinable public static var space: ScalarFlags { ScalarFlags(rawValue: 1 << 8) }
    /// A mark that `stripDiacritics` removes.
    @inlinable public static var strippableMark: ScalarFlags { ScalarFlags(rawValue: 1 << 9) }
    /// A sentence-ending punctuation mark (. ! ? । 。 ؟ ۔).
    @inlinable public static var sentenceEnd: ScalarFlags { ScalarFlags(rawValue: 1 << 10) }

    /// Part of a word: letters, marks, digits and joiners.
    @inlinable public static var wordPart: ScalarFlags { [.letter, .mark, .digit, .joiner] }
}

/// Per-scalar facts and folds for one set of ``FoldingOptions``, computed lazily a
/// page of 256 scalars at a time. Not thread-safe: each thread has its own (see
/// ``Folder``), so lookups need no lock.
@usableFromInline
final class ScalarTable {
    // Inlinable into the tokenizer (another module): a table read a scalar is its hot loop.
    @usableFromInline
    struct Entry {
        @usableFromInline var flags: ScalarFlags
        @usableFromInline var script: UInt8
        @usableFromInline var foldCount: UInt8
        @usableFromInline var foldStart: UInt32
        /// The first folded scalar (0 when none): the whole fold when `foldCount` is 1.
        @usableFromInline var first: UInt32

        @usableFromInline
        init(flags: ScalarFlags, script: UInt8, foldCount: UInt8, foldStart: UInt32, first: UInt32) {
            self.flags = flags
            self.script = script
            self.foldCount = foldCount
            self.foldStart = foldStart
            self.first = first
        }
    }

    let options: FoldingOptions
    /// A page of 256 entries per 256 scalars, built on first use. Raw memory, read through
    /// a constant pointer: no reference counting and no exclusivity check per scalar.
    @usableFromInline let pages: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
    static let pageCount = 0x110000 >> 8
    /// Folded output of every computed scalar, indexed by `Entry.foldStart`.
    @usableFromInline private(set) var pool: [Unicode.Scalar] = []
    /// Traditional → Simplified Chinese, made on the first page of Chinese characters.
    private lazy var simplifier = try? ICUTransliterator(id: "Traditional-Simplified")

    init(options: FoldingOptions) {
        self.options = options
        pages = .allocate(capacity: Self.pageCount)
        pages.initialize(repeating: nil, count: Self.pageCount)
    }

    deinit {
        for i in 0..<Self.pageCount { pages[i]?.deallocate() }
        pages.deallocate()
    }

    @inlinable @inline(__always)
    func entry(_ value: UInt32) -> Entry {
        let page = Int(value >> 8)
        if let p = pages[page] { return p[Int(value & 0xFF)] }
        return buildPage(page)[Int(value & 0xFF)]
    }

    @inlinable @inline(__always)
    func folded(_ e: Entry) -> ArraySlice<Unicode.Scalar> {
        pool[Int(e.foldStart)..<Int(e.foldStart) + Int(e.foldCount)]
    }

    @usableFromInline
    func buildPage(_ page: Int) -> UnsafeMutablePointer<Entry> {
        var entries: [Entry] = []
        entries.reserveCapacity(256)
        let unchanged = Self.foldsToItself(page)
        // A page of Chinese characters is simplified in one call (a call a character took
        // most of a millisecond a page: the first lookups of Chinese names waited for it).
        let simplified = unchanged && options.contains(.simplifyHan) ? simplifyPage(page) : nil
        for low in 0..<256 {
            let value = UInt32(page << 8 | low)
            guard let scalar = Unicode.Scalar(value) else {
                entries.append(Entry(flags: [], script: 0, foldCount: 0, foldStart: 0, first: 0))
                continue
            }
            let out: [Unicode.Scalar]
            if let simplified, nomen_script_of(value) == Script.han.code {
                out = [simplified[low] ?? scalar]
            } else if unchanged {
                out = [scalar]
            } else {
                out = foldScalar(scalar)
            }
            let start = UInt32(pool.count)
            pool.append(contentsOf: out.prefix(255))
            entries.append(Entry(
                flags: Self.flags(of: scalar),
                script: UInt8(clamping: max(0, nomen_script_of(value))),
                foldCount: UInt8(min(out.count, 255)),
                foldStart: start,
                first: out.first?.value ?? 0
            ))
        }
        let built = UnsafeMutablePointer<Entry>.allocate(capacity: 256)
        built.initialize(from: entries, count: 256)
        pages[page] = built
        return built
    }

    static func flags(of scalar: Unicode.Scalar) -> ScalarFlags {
        let v = scalar.value
        var f: ScalarFlags = []
        let category = nomen_char_category(v)
        // UCharCategory: 1 Lu, 2 Ll, 3 Lt, 4 Lm, 5 Lo, 6 Mn, 7 Me, 8 Mc, 9 Nd, 12 Zs, 13 Zl, 14 Zp
        switch category {
        case 1...5: f.insert(.letter)
        case 6...8: f.insert(.mark)
        case 9: f.insert(.digit)
        case 12...14: f.insert(.space)
        default: break
        }
        if nomen_char_is_upper(v) != 0 { f.insert(.upper) }
        if nomen_char_is_lower(v) != 0 { f.insert(.lower) }
        switch v {
        case 0x200C, 0x200D: f.insert(.joiner)
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4, 0x2032, 0x02B9: f.insert(.apostrophe)
        case 0x2D, 0x2010, 0x2011: f.insert(.hyphen)
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85: f.insert(.space)
        case 0x2E, 0x21, 0x3F, 0x0964, 0x3002, 0x061F, 0x06D4, 0xFF01, 0xFF1F: f.insert(.sentenceEnd)
        default: break
        }
        if f.contains(.mark) && category == 6 {
            let script = nomen_script_of(v)
            // Inherited (1) marks are the generic combining diacritics and Arabic
            // harakat; Arabic (2) and Hebrew (19) script marks are vowel points.
            if script == 1 || script == 2 || script == 19 { f.insert(.strippableMark) }
        }
        return f
    }

    private func foldScalar(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var units = Array(String(scalar).utf16)
        if options.contains(.caseFold) {
            units = UnicodeNormalizer.normalize(utf16: units, .nfkcCasefold)
        }
        var scalars: [Unicode.Scalar]
        if options.contains(.stripDiacritics) {
            let decomposed = String(decoding: UnicodeNormalizer.normalize(utf16: units, .nfd), as: UTF16.self)
            var kept: [Unicode.Scalar] = []
            for s in decomposed.unicodeScalars {
                if Self.flags(of: s).contains(.strippableMark), !Self.keepsMark(s, after: kept.last) { continue }
                kept.append(s)
            }
            let composed = UnicodeNormalizer.normalize(utf16: Array(String(String.UnicodeScalarView(kept)).utf16), .nfc)
            scalars = Array(String(decoding: composed, as: UTF16.self).unicodeScalars)
        } else {
            scalars = Array(String(decoding: units, as: UTF16.self).unicodeScalars)
        }
        var out: [Unicode.Scalar] = []
        for s in scalars { out.append(contentsOf: mapLetter(s)) }
        // Character by character, as on the pages of Chinese characters: ㈶ is (財), then (财).
        if options.contains(.simplifyHan) {
            out = out.map { nomen_script_of($0.value) == Script.han.code ? simplifiedAlone($0) : $0 }
        }
        return out
    }

    /// One Chinese character simplified alone, settled (`settled`).
    private func simplifiedAlone(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let first = simplifiedOnce(s)
        return first == s ? s : Self.settled(s, first, simplifiedOnce)
    }

    /// One Chinese character simplified alone, once (itself when ICU leaves it).
    private func simplifiedOnce(_ s: Unicode.Scalar) -> Unicode.Scalar {
        simplify([s]).first ?? s
    }

    /// The breve of й (и + U+0306) is a letter of its own in Russian and Ukrainian, not a diacritic.
    static func keepsMark(_ mark: Unicode.Scalar, after base: Unicode.Scalar?) -> Bool {
        mark.value == 0x0306 && (base?.value == 0x0438 || base?.value == 0x0418)
    }

    private func mapLetter(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = s.value
        if options.contains(.stripDiacritics), v == 0x0640 { return [] } // tatweel
        if options.contains(.unifyArabicLetters) {
            switch v {
            case 0x0671, 0x0672, 0x0673, 0x0675: return ["\u{0627}"]
            case 0x0649, 0x06CC, 0x06D0, 0x06CD, 0x06D2, 0x06D3, 0x064A, 0x06CE, 0x0620: return ["\u{064A}"]
            case 0x06A9, 0x06AA, 0x06AC: return ["\u{0643}"]
            case 0x06AB, 0x06B0, 0x06B2, 0x06B4: return ["\u{06AF}"]
            case 0x06C1, 0x06C2, 0x06BE, 0x06D5, 0x06C0: return ["\u{0647}"]
            case 0x0624: return ["\u{0648}"]
            case 0x0626: return ["\u{064A}"]
            case 0x0660...0x0669: return [Unicode.Scalar(0x30 + v - 0x0660)!]
            case 0x06F0...0x06F9: return [Unicode.Scalar(0x30 + v - 0x06F0)!]
            default: break
            }
        }
        if options.contains(.unifyArabicLetters) {
            // Pashto and Urdu write the same retroflex consonants with different letters.
            switch v {
            case 0x067C: return ["\u{0679}"] // ټ → ٹ
            case 0x0689: return ["\u{0688}"] // ډ → ڈ
            case 0x0693: return ["\u{0691}"] // ړ → ڑ
            default: break
            }
        }
        if options.contains(.stripDiacritics) {
            // Ukrainian and Russian write the same foreign names with і and и, є and е, е and э,
            // ґ and г (Шаріф, Шариф; Ердоган, Эрдоган): one letter each.
            switch v {
            case 0x0456: return ["\u{0438}"]
            case 0x0454, 0x044D: return ["\u{0435}"]
            case 0x0491: return ["\u{0433}"]
            // Bengali writes foreign names with the short and the long i and u alike (হাক্কানি,
            // হাক্কানী).
            case 0x09C0: return ["\u{09BF}"]
            case 0x09C2: return ["\u{09C1}"]
            case 0x0988: return ["\u{0987}"]
            case 0x098A: return ["\u{0989}"]
            // ... and with and without the nukta, as Hindi (জ়াওয়াহিরি, জাওয়াহিরি; য় is য with it).
            case 0x09BC: return []
            default: break
            }
            // Hindi spells borrowed names with and without the nukta (अफ़ग़ानिस्तान,
            // अफगानिस्तान), with candrabindu or anusvara, with the anusvara or a nasal
            // consonant's half form (अखुंद, अखुन्द), and English o and e with ॉ ॅ or ा े.
            switch v {
            case 0x093C: return []
            case 0x0901, 0x0902: return ["\u{0928}", "\u{094D}"]
            case 0x0949: return ["\u{093E}"]
            case 0x0911: return ["\u{0906}"]
            case 0x0945: return ["\u{0947}"]
            case 0x090D: return ["\u{090F}"]
            // Like Bengali, the short and the long i and u alike (तालिबान, तालीबान).
            case 0x0940: return ["\u{093F}"]
            case 0x0942: return ["\u{0941}"]
            case 0x0908: return ["\u{0907}"]
            case 0x090A: return ["\u{0909}"]
            default: break
            }
        }
        if options.contains(.tehMarbutaToHeh), v == 0x0629 { return ["\u{0647}"] }
        if options.contains(.foldLatinLetters) {
            switch v {
            case 0x0131: return ["i"]
            case 0x00F8: return ["o"]
            case 0x0111, 0x00F0: return ["d"]
            case 0x0142: return ["l"]
            case 0x00E6: return ["a", "e"]
            case 0x0153: return ["o", "e"]
            case 0x00FE: return ["t", "h"]
            case 0x0127: return ["h"]
            default: break
            }
        }
        if options.contains(.foldPunctuation) {
            switch v {
            case 0x2019, 0x2018, 0x02BC, 0x60, 0xB4, 0x2032, 0x02B9, 0x201B: return ["'"]
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return ["-"]
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033: return ["\""]
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return []
            case 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return [" "]
            default: break
            }
        }
        return [s]
    }

    /// Pages whose scalars every profile leaves as they are but for Traditional → Simplified:
    /// CJK unified ideographs (not the compatibility ones, which normalisation maps) and
    /// Hangul syllables (NFD splits them into jamo, NFC joins them again), whose other
    /// characters, where the block ends within a page, are unassigned.
    static func foldsToItself(_ page: Int) -> Bool {
        switch page {
        case 0x34...0x4C, 0x4E...0x9E, 0xAC...0xD6, 0x200...0x2A5: return true
        default: return false
        }
    }

    /// The simplified form of each scalar of a page of Chinese characters that has one (by
    /// the low byte), from one call of the transliterator over the page, its characters
    /// apart on lines of their own; nil if the call fails or its lines do not pair up.
    private func simplifyPage(_ page: Int) -> [Int: Unicode.Scalar]? {
        var lows: [Int] = []
        var text = String.UnicodeScalarView()
        for low in 0..<256 {
            let value = UInt32(page << 8 | low)
            guard let scalar = Unicode.Scalar(value), nomen_script_of(value) == Script.han.code else { continue }
            if !lows.isEmpty { text.append("\n") }
            text.append(scalar)
            lows.append(low)
        }
        guard let simplifier, let out = try? simplifier.apply(String(text)) else { return nil }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == lows.count else { return nil }
        var once: [Int: Unicode.Scalar] = [:]
        for (low, line) in zip(lows, lines) {
            // As one character alone: a simplification of one character, or none.
            let scalars = line.unicodeScalars
            if scalars.count == 1, let s = scalars.first, s.value != UInt32(page << 8 | low) { once[low] = s }
        }
        var result: [Int: Unicode.Scalar] = [:]
        for (low, first) in once {
            let start = Unicode.Scalar(UInt32(page << 8 | low))!
            result[low] = Self.settled(start, first) { s in
                s.value >> 8 == UInt32(page) ? once[Int(s.value & 0xFF)] ?? s : self.simplifiedOnce(s)
            }
        }
        return result
    }

    /// Where a character's simplification ends when simplified again and again, so that
    /// folding twice is folding once: ICU's table is not idempotent character by character
    /// (苧 → 苎 and 苎 → 苧). A chain that comes back on itself settles on its lowest scalar,
    /// whichever of its characters it starts from; a chain settles in a few steps.
    static func settled(_ start: Unicode.Scalar, _ first: Unicode.Scalar,
                        _ step: (Unicode.Scalar) -> Unicode.Scalar) -> Unicode.Scalar {
        var chain = [start, first]
        while chain.count < 16 {
            let last = chain[chain.count - 1]
            let next = step(last)
            if next == last { return last }
            if let i = chain.firstIndex(of: next) { return chain[i...].min(by: { $0.value < $1.value })! }
            chain.append(next)
        }
        return chain[chain.count - 1]
    }

    private func simplify(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let simplifier, let out = try? simplifier.apply(String(String.UnicodeScalarView(scalars))) else { return scalars }
        let result = Array(out.unicodeScalars)
        return result.count == scalars.count ? result : scalars
    }
}
