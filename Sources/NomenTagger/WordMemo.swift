import CNomenSupport
import Foundation

/// What the tagger learnt about a folded word: its vocabulary id, up to three inflected
/// readings, and whether it is a sentence-initial function word. Stored inline, so a
/// hit copies a few integers and allocates nothing.
///
/// Reading 0 is the word as written, 1 to 3 its inflected readings in the order the
/// rules find them. Three, because an adjective's ending can stand for several (German
/// Islamischen: Islamische, Islamisches, Islamischer, each the start of some name).
struct WordFacts {
    /// Readings a word has at most: as written, and three inflected.
    static let readings = 4

    // The fields are laid out in 48 bytes without holes, and the one-bit facts share a
    // byte: the facts are copied once per token, and copies of a layout with odd offsets
    // came out as overlapping moves that stalled the loads after them.

    var id: Int32 = -1
    /// The inflected readings' vocabulary ids, -1 for none.
    var inflected: (Int32, Int32, Int32) = (-1, -1, -1)
    /// For each reading, the automaton's state after it from the start (-1 when no name
    /// starts with the word): most words start none, and then need no walk at all.
    var starts: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
    /// Per inflected reading, the scalars its mention leaves out at the token's start (low
    /// byte) and end (high byte).
    var trims: (UInt16, UInt16, UInt16) = (0, 0, 0)
    /// Bit v is set when reading v is a word that names someone on its own: a surname
    /// or given name with partial-name entries.
    var partialMask: UInt8 = 0
    /// Bit v is set when inflected reading v takes the Arabic article off the word
    /// (البنك read as بنك): such a reading is a name of one word only, since the first
    /// word of a name in construct (بنك إيلي, وزارة الخارجية) never takes the article.
    var articleMask: UInt8 = 0
    /// Bit v is set when reading v is a word some name has after its first: a word
    /// without it ends every name walk before it, with no step to look up.
    var continuesMask: UInt8 = 0
    /// Bit v is set when some name is reading v alone (the automaton's state after it from
    /// the start has outputs): a word that ends no name and that the next word does not
    /// continue needs no walk.
    var endsNameMask: UInt8 = 0
    /// Bit v is set when inflected reading v is through an ending written without the
    /// apostrophe a name takes before it (see ``InflectionRules/Rule/bare``).
    var bareMask: UInt8 = 0
    /// The one-bit facts (see ``Flags``).
    var flags: Flags = []
    /// Source scalars of the token the facts were worked out on: trims count source
    /// scalars, so they hold for another token of the same folded word only if it has
    /// as many (no diacritic that folding dropped).
    var sourceScalars: Int32 = 0

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A function word (sentence-initial ones are never given names).
        static let functionWord = Flags(rawValue: 1)
        /// The word folds like one of the exact words (exact-words.txt): whether the token
        /// is one is checked on its bytes as written.
        static let foldsLikeExactWord = Flags(rawValue: 2)
        /// The word is 长 ("head"), which makes the body's name before it a title (外交部长).
        static let headTitle = Flags(rawValue: 4)
        /// The word is a title that stands before names: a one-word courtesy title of the
        /// lexicon (M., Mme, Präsident) as written, or a title of titles.txt (Minister,
        /// Außenminister, Bakanı).
        static let title = Flags(rawValue: 8)
    }

    var isFunctionWord: Bool { flags.contains(.functionWord) }
    var foldsLikeExactWord: Bool { flags.contains(.foldsLikeExactWord) }
    var isHeadTitle: Bool { flags.contains(.headTitle) }
    var isTitle: Bool { flags.contains(.title) }

    var hasTrims: Bool { (trims.0 | trims.1 | trims.2) != 0 }

    /// Reading `v`: its vocabulary id (-1 for none) and the scalars a mention through it
    /// leaves out at the token's start and end.
    @inline(__always)
    func reading(_ v: Int) -> (id: Int32, trimStart: Int32, trimEnd: Int32) {
        let (id, trim): (Int32, UInt16)
        switch v {
        case 0: return (self.id, 0, 0)
        case 1: (id, trim) = (inflected.0, trims.0)
        case 2: (id, trim) = (inflected.1, trims.1)
        default: (id, trim) = (inflected.2, trims.2)
        }
        return (id, Int32(trim & 0xFF), Int32(trim >> 8))
    }

    /// Sets inflected reading `v` (1 to 3); trims above 255 scalars are not stored (the
    /// reading is left out: no rule trims so much).
    mutating func setInflected(_ v: Int, id: Int32, trimStart: Int32, trimEnd: Int32, bare: Bool = false) {
        guard (0...255).contains(trimStart), (0...255).contains(trimEnd) else { return }
        let trim = UInt16(trimStart) | UInt16(trimEnd) << 8
        if bare { bareMask |= 1 << UInt8(v) }
        switch v {
        case 1: (inflected.0, trims.0) = (id, trim)
        case 2: (inflected.1, trims.1) = (id, trim)
        default: (inflected.2, trims.2) = (id, trim)
        }
    }

    /// The automaton's state after reading `v` from the start, or -1.
    @inline(__always)
    func start(_ v: Int) -> Int32 {
        switch v {
        case 0: return starts.0
        case 1: return starts.1
        case 2: return starts.2
        default: return starts.3
        }
    }

    mutating func setStart(_ v: Int, _ state: Int32) {
        switch v {
        case 0: starts.0 = state
        case 1: starts.1 = state
        case 2: starts.2 = state
        default: starts.3 = state
        }
    }

    /// Whether some name starts with a reading of the word (a negative state has its top bit set).
    var startsName: Bool { (starts.0 & starts.1 & starts.2 & starts.3) >= 0 }

    /// Whether the word has any reading.
    var isKnown: Bool { (id & inflected.0 & inflected.1 & inflected.2) >= 0 }

    /// Words read through an inflection in a walk's `choices` (two bits a token, 0 as written).
    @inline(__always)
    static func inflectedWords(_ choices: UInt64) -> Int {
        ((choices | choices >> 1) & 0x5555_5555_5555_5555).nonzeroBitCount
    }
}

/// A per-thread memo from folded words to their ``WordFacts``.
///
/// News repeats its words: most tokens of a document were seen in an earlier one, so
/// the vocabulary's hash table (a large, memory-mapped file) and the inflection rules
/// are consulted once per distinct word instead of once per token. Open addressing over
/// manually managed buffers: no reference counting and no exclusivity checks per probe.
/// It forgets everything when it holds ``limit`` words, so memory stays bounded.
///
/// Not thread-safe: one memo per thread (it lives in the tagger's per-thread scratch).
final class WordMemo {
    private struct Entry {
        var hash: UInt64
        /// The key's first sixteen bytes, zero-padded: a word that short is compared
        /// here, without reading the key store.
        var head: (UInt64, UInt64)
        var keyStart: Int32
        var keyLength: Int32
        var facts: WordFacts
    }

    /// Words held before the memo starts over.
    let limit: Int
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private var entries: UnsafeMutablePointer<Entry>
    private(set) var count = 0
    private var keys: UnsafeMutablePointer<UInt8>
    private var keyCapacity: Int
    private var keyCount = 0

    init(limit: Int = 1 << 17) {
        self.limit = limit
        let slotCount = Self.slotCount(for: limit)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: -1, count: slotCount)
        mask = slotCount - 1
        entries = .allocate(capacity: limit)
        // Room for the bytes of long words (a minority) at eight bytes a word on average.
        keyCapacity = limit * 8
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
        keys.deallocate()
    }

    private static func slotCount(for limit: Int) -> Int {
        var n = 16
        while n < limit * 2 { n <<= 1 }
        return n
    }

    /// A 64-bit hash of a word, eight bytes at a time; `salt` tells apart words whose
    /// facts depend on more than their folded bytes.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, salt: UInt64) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n) ^ salt
        let raw = UnsafeRawPointer(p)
        @inline(__always) func mix(_ w: UInt64) {
            h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            // The last bytes as one more word that overlaps the one before.
            if i < n { mix(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) }
        } else if n >= 4 {
            mix(UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32)
        } else if n > 0 {
            mix(UInt64(p[0]) | UInt64(p[n / 2]) << 8 | UInt64(p[n - 1]) << 16)
        }
        return h &* 0x94D0_49BB_1331_11EB ^ (h >> 29)
    }

    /// The memo's hash of a word: from its head when that is the whole word (sixteen
    /// bytes or fewer, most words), so the bytes are read once.
    @inline(__always)
    static func memoHash(_ p: UnsafePointer<UInt8>, _ n: Int, head: (UInt64, UInt64), salt: UInt64) -> UInt64 {
        guard n <= 16 else { return hash(p, n, salt: salt) }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n) ^ salt
        h = (h ^ head.0) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = (h ^ head.1) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h &* 0x94D0_49BB_1331_11EB ^ (h >> 29)
    }

    /// The first sixteen bytes of a word, zero-padded, from two whole loads: sixteen bytes
    /// from `p` must be readable, whatever the word's length (``TokenScanner/foldedSlack``).
    /// No branch on the length, which varies from word to word unpredictably.
    @inline(__always)
    static func paddedHead(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
        let raw = UnsafeRawPointer(p)
        let a = raw.loadUnaligned(as: UInt64.self)
        let b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        // Bits of each load that belong to the word: a shift by 64 gives 0 (smart shift).
        let bitsA = UInt64(min(n, 8) &* 8)
        let bitsB = UInt64(min(max(n &- 8, 0), 8) &* 8)
        return (a & (UInt64.max >> (64 &- bitsA)), b & (UInt64.max >> (64 &- bitsB)))
    }

    /// A word's hash and head, worked out once: ahead of its lookup, to start loading
    /// what the lookup will read (``prefetchSlot(_:)``, ``prefetchEntry(_:)``).
    struct Probe {
        var hash: UInt64 = 0
        var head: (UInt64, UInt64) = (0, 0)
    }

    /// The probe of a non-empty word. Sixteen bytes from `p` must be readable.
    @inline(__always)
    static func probe(_ p: UnsafePointer<UInt8>, _ n: Int, salt: UInt64) -> Probe {
        let head = paddedHead(p, n)
        return Probe(hash: memoHash(p, n, head: head, salt: salt), head: head)
    }

    /// Starts loading the slot where the word's search begins.
    @inline(__always)
    func prefetchSlot(_ probe: Probe) {
        nomen_prefetch(slots + (Int(truncatingIfNeeded: probe.hash) & mask))
    }

    /// Starts loading the entry the word's first slot names, if any: both its cache lines
    /// (the key's head and the facts). Cheap only once the slot itself is loaded.
    @inline(__always)
    func prefetchEntry(_ probe: Probe) {
        let e = slots[Int(truncatingIfNeeded: probe.hash) & mask]
        guard e >= 0 else { return }
        let raw = UnsafeRawPointer(entries + Int(e))
        nomen_prefetch(raw)
        nomen_prefetch(raw + MemoryLayout<Entry>.stride - 1)
    }

    /// The facts of a word, computed by `make` the first time it is seen. Sixteen bytes
    /// from the key's start must be readable (the scanner's folded buffer guarantees it).
    @inline(__always)
    func facts(_ key: UnsafeBufferPointer<UInt8>, salt: UInt64, make: () -> WordFacts) -> WordFacts {
        guard let p = key.baseAddress, key.count > 0 else { return make() }
        return facts(key, probe: Self.probe(p, key.count, salt: salt), make: make)
    }

    /// The facts of a non-empty word whose probe is known (made with the salt of
    /// ``facts(_:salt:make:)``).
    @inline(__always)
    func facts(_ key: UnsafeBufferPointer<UInt8>, probe: Probe, make: () -> WordFacts) -> WordFacts {
        let n = key.count
        guard let p = key.baseAddress, n > 0 else { return make() }
        let (h, head) = (probe.hash, probe.head)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = slots[i]
            if e < 0 { break }
            let entry = entries + Int(e)
            if entry.pointee.hash == h, Int(entry.pointee.keyLength) == n, entry.pointee.head == head,
               n <= 16 || memcmp(keys + Int(entry.pointee.keyStart), p, n) == 0 {
                return entry.pointee.facts
            }
            i = (i + 1) & mask
        }
        let facts = make()
        // Only a word longer than its head keeps its bytes in the key store.
        let stored = n > 16 ? n : 0
        if count >= limit || keyCount + stored > keyCapacity {
            if stored > keyCapacity { return facts }
            // Every slot is empty now, the word's first among them.
            clear()
            i = Int(truncatingIfNeeded: h) & mask
        }
        (keys + keyCount).update(from: p, count: stored)
        (entries + count).initialize(to: Entry(hash: h, head: head, keyStart: Int32(keyCount), keyLength: Int32(n), facts: facts))
        slots[i] = Int32(count)
        keyCount += stored
        count += 1
        return facts
    }

    /// Forgets every word.
    func clear() {
        slots.update(repeating: -1, count: mask + 1)
        count = 0
        keyCount = 0
    }
}

/// A few words looked up from raw bytes: most words are told apart by their length and
/// first byte (two bit tests) before any hashing.
struct WordList: Sendable {
    private let byHash: [UInt64: [[UInt8]]]
    /// Bit n: some word has n bytes (n < 64; longer words set bit 63).
    private let lengths: UInt64
    /// Bit b of word b / 64: some word starts with byte b.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)

    init(_ words: [String]) {
        var byHash: [UInt64: [[UInt8]]] = [:]
        var lengths: UInt64 = 0
        var first: [UInt64] = [0, 0, 0, 0]
        for w in words {
            let bytes = Array(w.utf8)
            guard let b = bytes.first else { continue }
            byHash[bytes.withUnsafeBufferPointer { WordMemo.hash($0.baseAddress!, $0.count, salt: 0) }, default: []].append(bytes)
            lengths |= 1 << UInt64(min(bytes.count, 63))
            first[Int(b >> 6)] |= 1 << UInt64(b & 63)
        }
        self.byHash = byHash
        self.lengths = lengths
        firstBytes = (first[0], first[1], first[2], first[3])
    }

    var isEmpty: Bool { byHash.isEmpty }

    @inline(__always)
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = key.baseAddress, key.count > 0, lengths & (1 << UInt64(min(key.count, 63))) != 0 else { return false }
        let b = p[0]
        let row: UInt64
        switch b >> 6 {
        case 0: row = firstBytes.0
        case 1: row = firstBytes.1
        case 2: row = firstBytes.2
        default: row = firstBytes.3
        }
        guard row & (1 << UInt64(b & 63)) != 0, let words = byHash[WordMemo.hash(p, key.count, salt: 0)] else { return false }
        return words.contains { $0.elementsEqual(key) }
    }
}
