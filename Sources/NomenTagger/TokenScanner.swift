import NomenNormalization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a text into tokens and folds each one, in one pass over its UTF-8 bytes.
///
/// Words are runs of letters, marks, digits and joiners (ZWNJ, ZWJ); Han and kana
/// characters are one token each, so names match inside text written without spaces
/// (塔利班政府 → 塔 利 班 政 府). Apostrophes and hyphens split words, so Taliban'a,
/// Russia’s, l’Afghanistan and Taliban-led expose the name as a token of its own;
/// what separated two tokens is kept as ``GapFlags``.
///
/// Not thread-safe: one scanner per thread (its buffers are reused across documents).
final class TokenScanner {
    /// The tokens of the last scan (valid until the next scan; the tagger sets their facts).
    var tokens: UnsafeMutableBufferPointer<Token> { UnsafeMutableBufferPointer(start: tokenBase, count: tokenCount) }
    /// Raw storage for tokens, reused across documents: a token is built in its slot, not
    /// copied there.
    private var tokenBase: UnsafeMutablePointer<Token>
    private var tokenCapacity: Int
    private var tokenCount = 0
    /// Folded UTF-8 of all tokens of the current document (valid until the next scan).
    var folded: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: foldedCount) }
    /// Bytes after the end of ``folded`` that are allocated (their values unspecified), so
    /// sixteen bytes can be loaded from the start of any word (``WordMemo`` does).
    static let foldedSlack = 16
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var foldedCount = 0
    /// ة stays ة (``FoldingProfile/nameStrict``): an Arabic word in ة (روسية, "Russian",
    /// fem.; القاعدة, "the base") is no Persian, Pashto or Urdu name in ه (روسیه, القاعده).
    /// Names in ة are compiled in ه as well (``CompiledLexicon/tehMarbutaVariant(_:)``).
    private let lookup = ScalarLookup(.nameStrict)

    /// For each scalar below U+0800 (two UTF-8 bytes at most), a packed entry when it is a
    /// plain letter: one that folds to one scalar below U+0800, of a script whose words are
    /// spaced. Runs of such letters (Cyrillic, Arabic, Greek, Hebrew, accented Latin words)
    /// are scanned by a tight loop that reads this table only.
    private let plainLetters: UnsafeMutablePointer<UInt32>
    static let plainBit: UInt32 = 1 << 31
    static let upperBit: UInt32 = 1 << 30
    static let lowerBit: UInt32 = 1 << 29

    init() {
        capacity = 4096
        buffer = .allocate(capacity: capacity)
        tokenCapacity = 1024
        tokenBase = .allocate(capacity: tokenCapacity)
        plainLetters = .allocate(capacity: 0x800)
        plainLetters.initialize(repeating: 0, count: 0x800)
        for v in UInt32(0x80)..<0x800 {
            let info = lookup.info(v)
            let script = ScriptClass(icuCode: info.script)
            guard info.flags.contains(.letter), info.count == 1, info.first > 0, info.first < 0x800,
                  script != .other, !script.isCharacterTokenized else { continue }
            var packed = Self.plainBit | UInt32(script.rawValue) << 24 | info.first
            if info.flags.contains(.upper) { packed |= Self.upperBit } else if info.flags.contains(.lower) { packed |= Self.lowerBit }
            plainLetters[Int(v)] = packed
        }
    }

    deinit {
        buffer.deallocate()
        plainLetters.deallocate()
        tokenBase.deallocate()
    }

    /// Bits of the letters below U+0800 the last scan saw, from the table given to it
    /// (see ``LanguageGate``): which languages the text shows.
    private(set) var letterBits: UInt64 = 0
    /// A table that gathers nothing, for scans given none.
    fileprivate static let noLetterBits: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x800)
        table.initialize(repeating: 0, count: 0x800)
        return UnsafePointer(table)
    }()

    /// Scans a text; `letterTable` (0x800 entries) gives the bits to gather per letter.
    func scan(_ text: UnsafeBufferPointer<UInt8>, letterTable: UnsafePointer<UInt64>? = nil) {
        // The loop works on a local value: no exclusivity checks on class storage in the
        // hot loop, and the buffers keep their capacity for the next document.
        var run = Run(tokenBase: tokenBase, tokenCapacity: tokenCapacity, out: buffer, capacity: capacity, plainLetters: plainLetters)
        run.letterTable = letterTable ?? Self.noLetterBits
        run.scan(text, lookup: lookup)
        letterBits = run.letterBits
        sawSplitArabicWord = run.sawSplitArabicWord
        tokenBase = run.tokenBase
        tokenCapacity = run.tokenCapacity
        tokenCount = run.tokenCount
        buffer = run.out
        capacity = run.capacity
        foldedCount = run.count
    }

    /// Whether the last scan saw two Arabic-script words with only a hyphen between them:
    /// Arabic script hyphenates no word, but some outlets split a name so (طا-لبان) to get
    /// past filters (see ``joinSplitWords(_:)``).
    private(set) var sawSplitArabicWord = false

    /// The folded bytes from `start` to `end` of the scanner's buffer.
    @inline(__always) private func foldedBytes(_ start: Int32, _ end: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer + Int(start), count: Int(end - start))
    }

    /// Joins each two Arabic-script tokens with only a hyphen between them for which
    /// `joins(left, right, whole)` (their folded bytes, and both together) says so: one
    /// token from the first's start to the second's end.
    func joinSplitWords(_ joins: (_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>, _ whole: UnsafeBufferPointer<UInt8>) -> Bool) {
        guard sawSplitArabicWord, tokenCount > 1 else { return }
        let t = tokenBase
        var kept = 0
        for k in 1..<tokenCount {
            let left = t + kept, right = t + k
            if right.pointee.gap == .hyphen, left.pointee.script == .arabic, right.pointee.script == .arabic,
               left.pointee.foldEnd == right.pointee.foldStart,
               joins(foldedBytes(left.pointee.foldStart, left.pointee.foldEnd), foldedBytes(right.pointee.foldStart, right.pointee.foldEnd),
                     foldedBytes(left.pointee.foldStart, right.pointee.foldEnd)) {
                left.pointee.byteEnd = right.pointee.byteEnd
                left.pointee.scalarEnd = right.pointee.scalarEnd
                left.pointee.foldEnd = right.pointee.foldEnd
                left.pointee.letters &+= right.pointee.letters
                left.pointee.shape.formUnion(right.pointee.shape)
                continue
            }
            kept += 1
            if kept != k { (t + kept).pointee = right.pointee }
        }
        tokenCount = kept + 1
    }

    /// A letter in brackets after a word goes on with that word's name, as South Asian party
    /// names write their faction (مسلم لیگ (ن), PML (N), JUI(F): PML-N, JUI-F): its gap, only
    /// a bracket and spaces, counts as a space, and the word takes its closing bracket (the
    /// mention's text is the whole name). The bracket still ends the name.
    /// Most texts have no bracket: memchr says so before any token is read.
    /// So does a word in brackets that a lexicon name writes so after the word before it
    /// (Janata Dal (United)): `bracketed(left, word)`, with both folded, says whether one does.
    func joinBracketedLetters(_ text: UnsafeBufferPointer<UInt8>,
                              bracketed: ((_ left: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool)? = nil) {
        guard tokenCount > 1, let base = text.baseAddress, memchr(base, 0x28, text.count) != nil else { return }
        let t = tokenBase
        for k in 1..<tokenCount where t[k].gap.contains(.breaker) {
            let before = text[Int(t[k - 1].byteEnd)..<Int(t[k].byteStart)]
            let end = Int(t[k].byteEnd)
            guard end < text.count, text[end] == UInt8(ascii: ")"), before.last == UInt8(ascii: "("),
                  before.dropLast().allSatisfy({ $0 == 0x20 }) else { continue }
            if t[k].letters != 1 {
                guard let bracketed, bracketed(foldedBytes(t[k - 1].foldStart, t[k - 1].foldEnd), foldedBytes(t[k].foldStart, t[k].foldEnd)) else { continue }
            }
            t[k].gap = before.count > 1 ? .space : .none
            t[k].byteEnd += 1
            t[k].scalarEnd += 1
        }
    }

    /// Drops the words of web and e-mail addresses in `text` (the text of the last scan):
    /// `scheme://…` to the next space, and a run without spaces around an `@` between
    /// letters or digits. Their words are no names, and no evidence either: a slug's
    /// lower-case `kazakistan` says nothing of the word's case in the text, and `AA` of a
    /// percent-escape (`%D8%AA`) is no agency. The word after an address is kept apart from
    /// the one before it. Found by memchr, as : and @ are rare in prose; an address without
    /// a scheme (www.dawn.com) is left, since a pass over the bytes for it costs more than
    /// it saves.
    func dropAddresses(_ text: UnsafeBufferPointer<UInt8>) {
        guard tokenCount > 0, let base = text.baseAddress else { return }
        let n = text.count
        var spans: [Range<Int>] = []
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B }
        func isWordByte(_ b: UInt8) -> Bool { Homoglyph.isASCIILetter(b) || (b &- 0x30) < 10 || b >= 0x80 }
        // The run of bytes around position `i` up to a space, a quotation mark or a bracket.
        func run(around i: Int) -> Range<Int> {
            var a = i
            while a > 0 && !isSpace(text[a - 1]) && text[a - 1] != 0x22 && text[a - 1] != 0x3C && text[a - 1] != 0x28 { a -= 1 }
            var b = i
            while b < n && !isSpace(text[b]) && text[b] != 0x22 && text[b] != 0x3E { b += 1 }
            return a..<b
        }
        // Each place byte `b` occurs, in order, by memchr; `take` returns where to look on from.
        func find(_ b: UInt8, _ take: (Int) -> Int) {
            var i = 0
            while i < n, let hit = memchr(base + i, Int32(b), n - i) {
                i = max(i + 1, take(UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base))
            }
        }
        // scheme:// after a scheme of ASCII letters.
        find(0x3A) { k in
            guard k > 0, k + 2 < n, text[k + 1] == 0x2F, text[k + 2] == 0x2F, Homoglyph.isASCIILetter(text[k - 1]) else { return k + 1 }
            var a = k
            while a > 0 && Homoglyph.isASCIILetter(text[a - 1]) { a -= 1 }
            let r = run(around: k)
            spans.append(a..<r.upperBound)
            return r.upperBound
        }
        find(0x40) { k in
            guard k > 0, k + 1 < n, isWordByte(text[k - 1]), isWordByte(text[k + 1]) else { return k + 1 }
            let r = run(around: k)
            spans.append(r)
            return r.upperBound
        }
        if spans.isEmpty { return }
        spans.sort { $0.lowerBound < $1.lowerBound }
        let t = tokenBase
        var kept = 0
        var span = 0
        var dropped = false
        for k in 0..<tokenCount {
            let start = Int(t[k].byteStart)
            while span < spans.count && spans[span].upperBound <= start { span += 1 }
            if span < spans.count && spans[span].contains(start) {
                dropped = true
                continue
            }
            if dropped { t[k].gap.insert(.breaker) }
            dropped = false
            if kept != k { (t + kept).pointee = t[k] }
            kept += 1
        }
        tokenCount = kept
    }

    /// Splits token `k` into pieces at `cuts` (each where a piece starts: its folded byte,
    /// source byte and source scalar, in order, inside the token). The pieces touch (no gap).
    func split(token k: Int, at cuts: [(fold: Int32, byte: Int32, scalar: Int32, letters: UInt16)]) {
        guard !cuts.isEmpty, k < tokenCount else { return }
        if tokenCount + cuts.count > tokenCapacity {
            grow(&tokenBase, capacity: &tokenCapacity, keeping: tokenCount, toAtLeast: tokenCount + cuts.count)
        }
        let t = tokenBase
        // The tokens after k move right by the number of new pieces.
        (t + k + 1 + cuts.count).moveInitialize(from: t + k + 1, count: tokenCount - k - 1)
        let whole = t[k]
        var previous = k
        var lettersBefore: UInt16 = 0
        for (n, cut) in cuts.enumerated() {
            t[previous].foldEnd = cut.fold
            t[previous].byteEnd = cut.byte
            t[previous].scalarEnd = cut.scalar
            t[previous].letters = cut.letters - lettersBefore
            lettersBefore = cut.letters
            var piece = whole
            piece.foldStart = cut.fold
            piece.byteStart = cut.byte
            piece.scalarStart = cut.scalar
            piece.gap = .none
            previous = k + 1 + n
            (t + previous).initialize(to: piece)
        }
        t[previous].letters = whole.letters &- lettersBefore
        tokenCount += cuts.count
    }

    /// The state of one scan.
    private struct Run {
        /// Tokens: `tokenCount` finished of `tokenCapacity`; while in a word, the word is
        /// built in slot `tokenCount` (``current``).
        var tokenBase: UnsafeMutablePointer<Token>
        var tokenCapacity: Int
        var tokenCount = 0
        /// The folded bytes: `count` of `capacity` written (raw memory, grown by ``reserve(_:)``).
        var out: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0
        var gap: GapFlags = [.sentenceStart]
        var newlines = 0
        var sawSentenceEnd = false
        // The current word
        var inWord = false
        /// The word being scanned (only while `inWord`).
        var current: UnsafeMutablePointer<Token> { tokenBase + tokenCount }
        var letters = 0
        var uppers = 0
        var lowers = 0
        var lastWordByteEnd: Int32 = 0
        var lastWordScalarEnd: Int32 = 0

        let plainLetters: UnsafePointer<UInt32>
        var letterTable: UnsafePointer<UInt64> = TokenScanner.noLetterBits
        var letterBits: UInt64 = 0
        var sawSplitArabicWord = false

        init(tokenBase: UnsafeMutablePointer<Token>, tokenCapacity: Int, out: UnsafeMutablePointer<UInt8>, capacity: Int,
             plainLetters: UnsafeMutablePointer<UInt32>) {
            self.tokenBase = tokenBase
            self.tokenCapacity = tokenCapacity
            self.out = out
            self.capacity = capacity
            self.plainLetters = UnsafePointer(plainLetters)
        }

        /// Room for `extra` more bytes.
        @inline(__always)
        mutating func reserve(_ extra: Int) {
            // Sixteen bytes more than asked: a word's first sixteen bytes can always be
            // loaded whole (see ``TokenScanner/foldedSlack``).
            let needed = count + extra + TokenScanner.foldedSlack
            if needed > capacity { grow(&out, capacity: &capacity, keeping: count, toAtLeast: needed) }
        }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            out[count] = b
            count += 1
        }

        static let highBits: UInt64 = 0x8080_8080_8080_8080

        /// The high bit of each byte of `w` that is in `lo...hi` (ASCII bounds): two borrow-free
        /// subtractions, after setting every byte's high bit; a byte of 0x80 or more is in no range.
        @inline(__always)
        static func inRange(_ w: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let set = w | highBits
            let atLeastLo = set &- ones &* UInt64(lo)
            let aboveHi = set &- ones &* UInt64(hi &+ 1)
            return atLeastLo & ~aboveHi & ~w & highBits
        }

        /// What the word's last folded scalar, a consonant of three bytes, and the virama after
        /// it fold to before the scalar at byte `next` of `text` (see
        /// ``Folder/halfForm(_:_:before:)``), or nil when they fold as they are.
        @inline(__always)
        func halfForm(virama: UInt32, _ text: UnsafeBufferPointer<UInt8>, next: Int) -> [Unicode.Scalar]? {
            guard count - 3 >= Int(current.pointee.foldStart), next + 2 < text.count, out[count - 3] == 0xE0, text[next] == 0xE0 else { return nil }
            // The last two bytes of three-byte scalars whose first is E0.
            func scalar(_ b1: UInt8, _ b2: UInt8) -> Unicode.Scalar { Unicode.Scalar(UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F))! }
            return Folder.halfForm(scalar(out[count - 2], out[count - 1]), Unicode.Scalar(virama)!, before: scalar(text[next + 1], text[next + 2]))
        }

        /// The scalar of a three-byte UTF-8 sequence.
        static func threeByteScalar(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> Unicode.Scalar {
            Unicode.Scalar(UInt32(b1 & 0x0F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F))!
        }

        /// The scalar of a two-byte UTF-8 sequence.
        @inline(__always)
        static func twoByteScalar(_ b1: UInt8, _ b2: UInt8) -> Unicode.Scalar {
            Unicode.Scalar(UInt32(b1 & 0x1F) << 6 | UInt32(b2 & 0x3F))!
        }

        /// Appends one letter that stands in for a letter of the word's script (see
        /// ``Homoglyph``): `letter` is that letter as written (its case), `folded` its fold.
        mutating func appendStandIn(_ letter: UInt32, folded: UInt32, _ text: UnsafeBufferPointer<UInt8>, at i: inout Int,
                                    scalar scalarIndex: inout Int32, width: Int) {
            reserve(4 + (text.count - i))
            appendUTF8(folded)
            letters += 1
            let upper = letter != folded
            if upper { uppers += 1 } else { lowers += 1 }
            if letters == 1 && upper { current.pointee.shape.insert(.firstUpper) }
            current.pointee.shape.insert(.cased)
            if letter < 0x800 { letterBits |= letterTable[Int(letter)] }
            i += width
            scalarIndex += 1
            current.pointee.byteEnd = Int32(i)
            current.pointee.scalarEnd = scalarIndex
            lastWordByteEnd = current.pointee.byteEnd
            lastWordScalarEnd = scalarIndex
        }

        /// Whether the word so far, from its start to byte `end` of `text`, is letters that all
        /// look like letters of `script`: its own, or the other script's look-alikes.
        func wordIsHomoglyphs(_ text: UnsafeBufferPointer<UInt8>, of script: ScriptClass, upTo end: Int) -> Bool {
            var i = Int(current.pointee.byteStart)
            guard i < end else { return false }
            while i < end {
                let b0 = text[i]
                if b0 < 0x80 {
                    guard script == .latin ? Homoglyph.isASCIILetter(b0) : Homoglyph.cyrillic(forASCII: b0) != nil else { return false }
                    i += 1
                } else if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < end {
                    let v = UInt32(b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)
                    guard script == .cyrillic ? Homoglyph.isCyrillicLetter(v) : Homoglyph.latin(forCyrillic: v) != nil else { return false }
                    i += 2
                } else {
                    return false
                }
            }
            return true
        }

        /// Rewrites the word's folded letters in `script` (after ``wordIsHomoglyphs``), which
        /// becomes the word's script: one folded scalar for one, so offsets still map.
        mutating func rewriteWord(as script: ScriptClass) {
            let start = Int(current.pointee.foldStart)
            var scalars: [UInt32] = []
            var k = start
            while k < count {
                if out[k] < 0x80 {
                    scalars.append(UInt32(out[k]))
                    k += 1
                } else {
                    scalars.append(UInt32(out[k] & 0x1F) << 6 | UInt32(out[k + 1] & 0x3F))
                    k += 2
                }
            }
            reserve(2 * scalars.count)
            count = start
            for v in scalars {
                // Folded letters are lower case; some look alike in upper case only (B В, H Н).
                if script == .cyrillic, v < 0x80,
                   let c = Homoglyph.cyrillic(forASCII: UInt8(v)) ?? Homoglyph.cyrillic(forASCII: UInt8(v) & ~0x20) {
                    appendUTF8(plainLetters[Int(c)] & 0x7FF)
                    letterBits |= letterTable[Int(c)]
                } else if script == .latin, v >= 0x80, let l = Homoglyph.latin(forCyrillic: v) ?? Homoglyph.latin(forCyrillic: Homoglyph.upper(v)) {
                    append(UInt8(l | 0x20))
                } else {
                    appendUTF8(v)
                }
            }
            current.pointee.script = script
        }

        /// Appends a scalar's UTF-8 (room for four bytes reserved).
        @inline(__always)
        mutating func appendUTF8(_ v: UInt32) {
            if v < 0x80 {
                append(UInt8(v))
            } else if v < 0x800 {
                append(UInt8(0xC0 | (v >> 6)))
                append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                append(UInt8(0xE0 | (v >> 12)))
                append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                append(UInt8(0x80 | (v & 0x3F)))
            } else {
                append(UInt8(0xF0 | (v >> 18)))
                append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                append(UInt8(0x80 | (v & 0x3F)))
            }
        }

        @inline(__always)
        mutating func finishWord() {
            guard inWord else { return }
            let t = current
            // The word's last two folded scalars as Folder folds them at a word's end (see
            // ``Folder/isSilentHamza(_:after:before:)``): عطاء is عطا.
            if t.pointee.script == .arabic, count - Int(t.pointee.foldStart) >= 4, out[count - 2] == 0xD8, out[count - 1] == 0xA1,
               out[count - 4] & 0xE0 == 0xC0, Folder.isSilentHamza("\u{0621}", after: Self.twoByteScalar(out[count - 4], out[count - 3]), before: nil) {
                count -= 2
                letters -= 1
            }
            // A virama that ends a Devanagari word folds away (``Folder/isFinalHalant(_:before:)``):
            // परिषद् is परिषद.
            if t.pointee.script == .devanagari, count - Int(t.pointee.foldStart) >= 6,
               out[count - 3] == 0xE0, out[count - 2] == 0xA5, out[count - 1] == 0x8D {
                count -= 3
            }
            t.pointee.foldEnd = Int32(count)
            t.pointee.letters = UInt16(clamping: letters)
            // A joiner at the end of a word (افغانستان‌ و) is not part of it.
            t.pointee.byteEnd = lastWordByteEnd
            t.pointee.scalarEnd = lastWordScalarEnd
            var shape = t.pointee.shape
            if shape.contains(.cased) {
                if uppers > 0 && lowers == 0 && letters >= 2 { shape.insert(.allUpper) }
                if lowers > 0 { shape.insert(.hasLower) }
            }
            t.pointee.shape = shape
            // Kept (its slot taken) unless nothing of it folded to a key.
            if t.pointee.foldEnd > t.pointee.foldStart { tokenCount &+= 1 }
            inWord = false
        }

        /// Whether the word being scanned is Cyrillic, ends in a letter, and a plain Cyrillic
        /// letter starts at byte `next`: then an apostrophe before `next` is inside the word.
        @inline(__always)
        func apostropheInsideCyrillicWord(_ text: UnsafeBufferPointer<UInt8>, after next: Int) -> Bool {
            guard inWord, current.pointee.script == .cyrillic, letters > 0, next + 1 < text.count,
                  text[next] == 0xD0 || text[next] == 0xD1 else { return false }
            let v = (UInt32(text[next] & 0x1F) << 6) | UInt32(text[next + 1] & 0x3F)
            let packed = plainLetters[Int(v)]
            return packed & TokenScanner.plainBit != 0 && ScriptClass(rawValue: UInt8((packed >> 24) & 0xF)) == .cyrillic
        }

        /// Room for one more token.
        @inline(__always)
        mutating func reserveToken() {
            if tokenCount == tokenCapacity { grow(&tokenBase, capacity: &tokenCapacity, keeping: tokenCount, toAtLeast: tokenCount + 1) }
        }

        @inline(__always)
        mutating func beginWord(at i: Int, scalar: Int32, script: ScriptClass) {
            finishWord()
            reserveToken()
            if gap == .hyphen && script == .arabic && tokenCount > 0 && tokenBase[tokenCount &- 1].script == .arabic { sawSplitArabicWord = true }
            TokenScanner.startWord(current, at: i, scalar: scalar, gap: gap, newlines: newlines, sentenceEnd: sawSentenceEnd,
                                   tokenCount: tokenCount, foldedCount: count)
            current.pointee.script = script
            inWord = true
            letters = 0; uppers = 0; lowers = 0
            gap = []; newlines = 0; sawSentenceEnd = false
        }

        /// Scans a run of plain two-byte letters of one script (see ``plainLetters``),
        /// starting with the one at `i`, whose entry is `first`.
        @inline(__always)
        mutating func scanPlainLetters(_ text: UnsafeBufferPointer<UInt8>, from i: inout Int, scalar scalarIndex: inout Int32, first: UInt32,
                                       source: UInt32) {
            let n = text.count
            let scriptBits = (first >> 24) & 0xF
            let script = ScriptClass(rawValue: UInt8(scriptBits)) ?? .other
            // A script change inside a run of letters (Latin then Cyrillic) starts a new token,
            // unless one script's letters stand in for the other's (see ``Homoglyph``).
            let changesScript = inWord && !current.pointee.script.isCharacterTokenized
                && script != current.pointee.script && current.pointee.script != .other
            if changesScript && current.pointee.script == .latin && script == .cyrillic && wordIsHomoglyphs(text, of: .cyrillic, upTo: i) {
                rewriteWord(as: .cyrillic)
            } else if changesScript && current.pointee.script == .latin && script == .cyrillic, let latin = Homoglyph.latin(forCyrillic: source) {
                appendStandIn(latin, folded: UInt32(latin | 0x20), text, at: &i, scalar: &scalarIndex, width: 2)
                return
            } else if !inWord || current.pointee.script.isCharacterTokenized || changesScript {
                beginWord(at: i, scalar: scalarIndex, script: script)
            }
            if current.pointee.script == .other { current.pointee.script = script }
            var j = i
            var sc = scalarIndex
            var c = count
            var l = letters, up = uppers, low = lowers
            var shape = current.pointee.shape
            let o = out
            var packed = first
            var bits = letterBits
            var sourceValue = source
            let (l0, up0, low0) = (l, up, low)
            while true {
                let v = packed & 0x7FF
                if v < 0x80 {
                    o[c] = UInt8(truncatingIfNeeded: v)
                    c &+= 1
                } else {
                    o[c] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    o[c &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    c &+= 2
                }
                l &+= 1
                bits |= letterTable[Int(sourceValue)]
                up &+= Int((packed >> 30) & 1)
                low &+= Int((packed >> 29) & 1)
                j &+= 2
                sc &+= 1
                guard j &+ 1 < n else { break }
                let b0 = text[j]
                guard b0 >= 0xC2 && b0 < 0xE0 else { break }
                let nextSource = (UInt32(b0 & 0x1F) << 6) | UInt32(text[j + 1] & 0x3F)
                let next = plainLetters[Int(nextSource)]
                guard next & TokenScanner.plainBit != 0, (next >> 24) & 0xF == scriptBits else { break }
                packed = next
                sourceValue = nextSource
            }
            // Case shape: cased if any letter of the run has case, first-upper if the word's
            // first letter is a capital.
            if up != up0 || low != low0 { shape.insert(.cased) }
            if l0 == 0 && first & TokenScanner.upperBit != 0 { shape.insert(.firstUpper) }
            count = c
            letterBits = bits
            letters = l; uppers = up; lowers = low
            current.pointee.shape = shape
            current.pointee.byteEnd = Int32(j)
            current.pointee.scalarEnd = sc
            lastWordByteEnd = current.pointee.byteEnd
            lastWordScalarEnd = sc
            i = j
            scalarIndex = sc
        }

        mutating func scan(_ text: UnsafeBufferPointer<UInt8>, lookup: ScalarLookup) {
            let n = text.count
            // Folding keeps one byte per byte but for the rare scalars that expand (checked where they occur).
            reserve(n + 8)
            var i = 0
            var scalarIndex: Int32 = 0
            while i < n {
                // Decode one scalar.
                let b0 = text[i]
                var value: UInt32
                var width: Int
                if b0 < 0x80 {
                    value = UInt32(b0)
                    width = 1
                } else if b0 < 0xE0, i + 1 < n {
                    value = (UInt32(b0 & 0x1F) << 6) | UInt32(text[i + 1] & 0x3F)
                    width = 2
                } else if b0 < 0xF0, i + 2 < n {
                    value = (UInt32(b0 & 0x0F) << 12) | (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
                    width = 3
                } else if i + 3 < n {
                    value = (UInt32(b0 & 0x07) << 18) | (UInt32(text[i + 1] & 0x3F) << 12) | (UInt32(text[i + 2] & 0x3F) << 6) | UInt32(text[i + 3] & 0x3F)
                    width = 4
                } else {
                    value = 0xFFFD
                    width = 1
                }
                if value > 0x10FFFF { value = 0xFFFD }

                // A space: the commonest separator, noted without the general switch.
                if b0 == 0x20 {
                    if inWord { finishWord() }
                    gap.insert(.space)
                    i &+= 1
                    scalarIndex &+= 1
                    continue
                }

                // An apostrophe between two Cyrillic letters is a sign of the word (Ukrainian
                // мін'юст, В'ячеслав), which many write without it or with another apostrophe:
                // the word goes on, and its key leaves the sign out (мін'юст is мінюст).
                if TokenScanner.isWordApostrophe(value), apostropheInsideCyrillicWord(text, after: i + width) {
                    i += width
                    scalarIndex += 1
                    continue
                }

                // ASCII fast path: letters and digits fold by lowercasing.
                if value < 0x80 {
                    let isAlnum = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
                    if inWord && current.pointee.script != .latin && current.pointee.script != .other && Homoglyph.isASCIILetter(b0) {
                        // A Latin letter inside a Cyrillic word (Aфгaнicтaну, as some sites write
                        // to foil copying) is the Cyrillic letter it looks like; after Cyrillic
                        // look-alikes only (Кabul), the word is Latin.
                        if current.pointee.script == .cyrillic {
                            if let cyrillic = Homoglyph.cyrillic(forASCII: b0) {
                                var (at, scalar) = (i, scalarIndex)
                                appendStandIn(cyrillic, folded: plainLetters[Int(cyrillic)] & 0x7FF, text, at: &at, scalar: &scalar, width: 1)
                                (i, scalarIndex) = (at, scalar)
                                continue
                            }
                            if wordIsHomoglyphs(text, of: .latin, upTo: i) { rewriteWord(as: .latin) }
                        }
                        // Otherwise a Latin letter after letters of another script starts a word,
                        // as any change of script does (नई दिल्लीPublished).
                        if current.pointee.script != .latin { beginWord(at: i, scalar: scalarIndex, script: .latin) }
                    }
                    if isAlnum {
                        if !inWord || current.pointee.script.isCharacterTokenized {
                            beginWord(at: i, scalar: scalarIndex, script: .latin)
                        }
                        // The whole run of ASCII letters and digits in one tight loop, on locals.
                        var j = i
                        var c = count
                        var l = letters, up = uppers, low = lowers
                        var shape = current.pointee.shape
                        let o = out
                        let firstLetter = l == 0
                        let start = c
                        let (low0, up0) = (low, up)
                        // Eight bytes at a time while eight can be read: which are lower-case,
                        // upper-case, digits; the upper-case ones lowered by adding 0x20 each;
                        // all eight stored (bytes past the run are overwritten later, and the
                        // buffer has room: see reserve).
                        if let base = text.baseAddress {
                            let raw = UnsafeRawPointer(base)
                            while j &+ 8 <= n {
                                let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                                let lower = Self.inRange(w, 0x61, 0x7A)
                                let upper = Self.inRange(w, 0x41, 0x5A)
                                let alnum = lower | upper | Self.inRange(w, 0x30, 0x39)
                                UnsafeMutableRawPointer(o + c).storeBytes(of: w &+ (upper >> 2), as: UInt64.self)
                                let stop = ~alnum & Self.highBits
                                let k = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
                                let taken: UInt64 = k == 8 ? .max : (1 << UInt64(k &* 8)) &- 1
                                low &+= (lower & taken).nonzeroBitCount
                                up &+= (upper & taken).nonzeroBitCount
                                c &+= k
                                j &+= k
                                if k < 8 { break }
                            }
                        }
                        while j < n {
                            let b = text[j]
                            if b &- 0x61 < 26 {
                                o[c] = b
                                low &+= 1
                            } else if b &- 0x41 < 26 {
                                o[c] = b &+ 32
                                up &+= 1
                            } else if b &- 0x30 < 10 {
                                o[c] = b
                            } else {
                                break
                            }
                            c &+= 1
                            j &+= 1
                        }
                        // The run's first letter (a digit is none) sets the case shape of a new word.
                        if firstLetter, let k = (start..<c).first(where: { o[$0] &- 0x61 < 26 }) {
                            shape.insert(text[i &+ (k &- start)] &- 0x41 < 26 ? [.cased, .firstUpper] : .cased)
                        }
                        l &+= (low &- low0) &+ (up &- up0)
                        let run = j - i
                        count = c
                        letters = l; uppers = up; lowers = low
                        current.pointee.shape = shape
                        current.pointee.byteEnd = Int32(j)
                        current.pointee.scalarEnd = scalarIndex + Int32(run)
                        lastWordByteEnd = current.pointee.byteEnd
                        lastWordScalarEnd = current.pointee.scalarEnd
                        i = j
                        scalarIndex += Int32(run)
                        continue
                    } else {
                        finishWord()
                        TokenScanner.noteSeparator(value, gap: &gap, newlines: &newlines, sawSentenceEnd: &sawSentenceEnd)
                    }
                    i += 1
                    scalarIndex += 1
                    continue
                }

                if width == 2 && b0 >= 0xC2 {
                    let packed = plainLetters[Int(value)]
                    if packed & TokenScanner.plainBit != 0 {
                        // Through copies: the loop's own position, never passed inout, can
                        // stay in a register (it was kept in memory, a store and a load a byte).
                        var (at, scalar) = (i, scalarIndex)
                        scanPlainLetters(text, from: &at, scalar: &scalar, first: packed, source: value)
                        (i, scalarIndex) = (at, scalar)
                        continue
                    }
                }

                let info = lookup.info(value)
                let flags = info.flags
                if (value == 0x0903 || value == 0x0983) && inWord && TokenScanner.endsWord(text, after: i + width) {
                    // A visarga that ends a word stands for a colon in some Hindi and Bengali text
                    // (a dateline's इस्लामाबादः, ঢাকাঃ): it ends the word as a colon would.
                    finishWord()
                    gap.insert(.breaker)
                } else if flags.contains(.letter) || flags.contains(.digit) || (inWord && (flags.contains(.mark) || flags.contains(.joiner))) {
                    let script = ScriptClass(icuCode: info.script)
                    let isMark = flags.contains(.mark) || flags.contains(.joiner)
                    // A Han or kana character is a token of its own; a script change inside
                    // a run of letters (Latin then Cyrillic) also starts a new token.
                    let startsNew = !inWord
                        || (!isMark && (script.isCharacterTokenized || current.pointee.script.isCharacterTokenized))
                        || (!isMark && script != current.pointee.script && script != .other && current.pointee.script != .other && flags.contains(.letter))
                    if startsNew { beginWord(at: i, scalar: scalarIndex, script: script) }
                    if current.pointee.script == .other && !isMark { current.pointee.script = script }
                    if flags.contains(.letter) {
                        letters += 1
                        if flags.contains(.upper) {
                            uppers += 1
                            if letters == 1 { current.pointee.shape.insert([.cased, .firstUpper]) }
                            current.pointee.shape.insert(.cased)
                        } else if flags.contains(.lower) {
                            lowers += 1
                            current.pointee.shape.insert(.cased)
                        }
                    }
                    // The buffer has room for the rest of the text byte for byte; a fold longer
                    // than its source makes room first.
                    if value < 0x800 { letterBits |= letterTable[Int(value)] }
                    if (value == 0x09BE || value == 0x093E), count - Int(current.pointee.foldStart) >= 3, out[count - 3] == 0xE0,
                       let vowel = Folder.independentVowel(Self.threeByteScalar(out[count - 3], out[count - 2], out[count - 1]), Unicode.Scalar(value)!) {
                        // The short vowel's letter and the ā sign are the long vowel's letter, as
                        // Folder folds them: অা is আ.
                        count -= 3
                        appendUTF8(vowel.value)
                    } else if (value == 0x094D || value == 0x09CD), let half = halfForm(virama: value, text, next: i + width) {
                        // A half form (a nasal before a stop, र before र) folds as Folder folds it:
                        // the consonant just written and the virama give way to its fold (same
                        // length or less).
                        count -= 3
                        for s in half { appendUTF8(s.value) }
                    } else if info.count == 1 {
                        let v = info.first
                        let length = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
                        if length > width { reserve(length + (n - i)) }
                        appendUTF8(v)
                    } else if info.count > 1 {
                        reserve(4 * info.count + (n - i))
                        lookup.forEachFolded(value) { s in appendUTF8(s.value) }
                    }
                    current.pointee.byteEnd = Int32(i + width)
                    current.pointee.scalarEnd = scalarIndex + 1
                    if !flags.contains(.joiner) {
                        lastWordByteEnd = current.pointee.byteEnd
                        lastWordScalarEnd = current.pointee.scalarEnd
                    } else if value == 0x200C {
                        current.pointee.shape.insert(.zwnj)
                    }
                } else {
                    finishWord()
                    TokenScanner.noteSeparator(value, flags: flags, gap: &gap, newlines: &newlines, sawSentenceEnd: &sawSentenceEnd)
                }
                i += width
                scalarIndex += 1
            }
            finishWord()
        }
    }

    /// The apostrophes that stand inside a Cyrillic word (Ukrainian мін'юст, мінʼюст, мін’юст):
    /// the scanner and the tagger's fold map leave them out of the word's key alike.
    @inline(__always)
    static func isWordApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }

    @inline(__always)
    private static func startWord(_ t: UnsafeMutablePointer<Token>, at byte: Int, scalar: Int32, gap: GapFlags, newlines: Int, sentenceEnd: Bool,
                           tokenCount: Int, foldedCount: Int) {
        var g = gap
        if g.isEmpty && tokenCount > 0 { g.insert(.none) }
        if newlines >= 2 { g.insert(.paragraph) }
        if g.contains(.dash) { g.insert(g.contains(.space) || g.contains(.newline) ? .breaker : .hyphen) }
        if sentenceEnd && (g.contains(.space) || g.contains(.newline)) { g.insert(.sentenceStart) }
        if newlines >= 1 && tokenCount > 0 && g.contains(.paragraph) { g.insert(.sentenceStart) }
        t.initialize(to: Token(byteStart: Int32(byte), byteEnd: Int32(byte), scalarStart: scalar, scalarEnd: scalar,
                               foldStart: Int32(foldedCount), foldEnd: Int32(foldedCount), gap: g, shape: [], script: .other))
    }

    /// Whether no Devanagari or Bengali letter or sign follows at byte `i` (a danda ends a word too).
    private static func endsWord(_ text: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        guard i + 2 < text.count, text[i] == 0xE0, (0xA4...0xA7).contains(text[i + 1]) else { return true }
        let value = (UInt32(text[i + 1] & 0x3F) << 6) | UInt32(text[i + 2] & 0x3F)
        return value == 0x0964 || value == 0x0965
    }

    @inline(__always)
    private static func noteSeparator(_ value: UInt32, flags: ScalarFlags? = nil, gap: inout GapFlags, newlines: inout Int, sawSentenceEnd: inout Bool) {
        switch value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2009, 0x200A, 0x2002, 0x2003, 0x3000:
            gap.insert(.space)
        case 0x0A, 0x0D, 0x2028, 0x2029, 0x85:
            if value != 0x0D { newlines += 1 }
            gap.insert(.newline)
            // A line break after a line without final punctuation still ends a headline.
            if newlines >= 1 { sawSentenceEnd = true }
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4, 0x2032:
            gap.insert(.apostrophe)
        case 0x2D, 0x2010, 0x2011:
            gap.insert(.hyphen)
        case 0x2013, 0x2014, 0x2015:
            gap.insert(.dash)
        case 0x2E:
            gap.insert(.period)
            sawSentenceEnd = true
        case 0x21, 0x3F, 0x3002, 0x061F, 0x06D4, 0xFF01, 0xFF1F, 0x0964:
            gap.insert(.breaker)
            sawSentenceEnd = true
        case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A, 0x300C, 0x300D, 0x300E, 0x300F, 0x201F:
            gap.insert(.quote)
        case 0xB7, 0x30FB, 0x2027, 0x2022, 0x2219, 0x22C5, 0x2E31, 0xFF65, 0xFF0E:
            // Also the full-width full stop, which some sites put between the parts of a name
            // written in Han (沙费克．拉曼); Chinese ends sentences with 。.
            gap.insert(.middleDot)
        case 0x2F, 0xFF0F:
            gap.insert(.slash)
        case 0x200C, 0x200D, 0x200B, 0xFEFF, 0xAD, 0x0640:
            break // invisible between words
        case 0x26, 0xFF06:
            // An ampersand joins the words of a name (Ports & Maritime Organization), which
            // the lexicon's names write with it or with "and".
            gap.insert(.space)
        default:
            if let flags, flags.contains(.space) { gap.insert(.space) } else { gap.insert(.breaker) }
        }
        if value != 0x2E && value != 0x20 && value != 0x0A && value != 0x0D && value != 0x22 && value != 0xBB && value != 0x201D && value != 0x27 && value != 0x2019 && value != 0x29 {
            if !(value == 0x21 || value == 0x3F || value == 0x3002 || value == 0x061F || value == 0x06D4 || value == 0x0964 || value == 0xFF01 || value == 0xFF1F) {
                if !gap.contains(.newline) { sawSentenceEnd = false }
            }
        }
    }
}

/// Moves the first `count` elements of a raw buffer into one at least twice as large that
/// holds `needed`, and frees the old one (the scanner's folded bytes and tokens grow so).
private func grow<T>(_ base: inout UnsafeMutablePointer<T>, capacity: inout Int, keeping count: Int, toAtLeast needed: Int) {
    var c = max(capacity * 2, 1)
    while c < needed { c *= 2 }
    let grown = UnsafeMutablePointer<T>.allocate(capacity: c)
    grown.moveInitialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = c
}

/// Latin and Cyrillic letters that look alike. Some sites write Cyrillic words with Latin
/// look-alikes mixed in (Aфгaнicтaну for Афганістану), or Latin words with Cyrillic ones
/// (Kаbul), so that copied text does not match; the scanner reads such a word in one
/// script. A Latin letter stands in for a Cyrillic one only inside a Cyrillic word, or at
/// its start when every letter before the first Cyrillic one is a look-alike.
enum Homoglyph {
    /// Latin letters (ASCII) and the Cyrillic letters, in the same case, that look like them.
    private static let pairs: [(latin: UInt32, cyrillic: UInt32)] = [
        (0x41, 0x0410), (0x42, 0x0412), (0x43, 0x0421), (0x45, 0x0415), (0x48, 0x041D), (0x49, 0x0406), // A B C E H I
        (0x4B, 0x041A), (0x4D, 0x041C), (0x4F, 0x041E), (0x50, 0x0420), (0x54, 0x0422), (0x58, 0x0425), // K M O P T X
        (0x59, 0x0423), (0x61, 0x0430), (0x63, 0x0441), (0x65, 0x0435), (0x69, 0x0456), (0x6F, 0x043E), // Y a c e i o
        (0x70, 0x0440), (0x78, 0x0445), (0x79, 0x0443),                                                   // p x y
    ]

    /// The Cyrillic letter a Latin one looks like, in the same case, or nil.
    static func cyrillic(forASCII b: UInt8) -> UInt32? {
        pairs.first { $0.latin == UInt32(b) }?.cyrillic
    }

    /// The Latin letter (ASCII, same case) a Cyrillic one looks like, or nil.
    static func latin(forCyrillic v: UInt32) -> UInt32? {
        pairs.first { $0.cyrillic == v }?.latin
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// The upper case of a basic Cyrillic lower-case letter (а to я, ѐ to џ).
    static func upper(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x0430...0x044F: return v - 0x20
        case 0x0450...0x045F: return v - 0x50
        default: return v
        }
    }

    static func isCyrillicLetter(_ v: UInt32) -> Bool { (0x0400...0x04FF).contains(v) }
}
