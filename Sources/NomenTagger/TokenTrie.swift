import NomenLexicon

/// A trie over token ids: the compiled automaton of all names. Edges live in one
/// open-addressing table keyed by (state, token), so a step is one hash probe.
struct TokenTrie: Sendable {
    /// Edges, two words a slot: the key, (state + 1) << 32 | token (0 marks an empty slot),
    /// then the target (its 32 low bits; see ``markedNext(_:_:)``). A slot's key and target
    /// share a cache line (sections are 64-byte aligned), so a step in a large automaton
    /// misses the cache once, not once in a key table and once in a target table.
    let edges: Table<UInt64>

    /// Slots of the edge table.
    var slotCount: Int { edges.count / 2 }
    @inline(__always) func key(_ slot: Int) -> UInt64 { edges[2 &* slot] }
    @inline(__always) func target(_ slot: Int) -> Int32 { Int32(truncatingIfNeeded: edges[2 &* slot &+ 1]) }
    /// Names ending at each state: `outputs[outputStart[s]..<outputStart[s + 1]]`.
    let outputStart: Table<Int32>
    /// Each output packs its name (bits 0–31) with what the walk checks of it: the name's
    /// flags (bits 32–39) and its letter-case mask (bits 40–62; bit 63 when the mask is
    /// wider, to be read from ``CompiledLexicon/nameCaseMask``). So a name found costs one
    /// read, not one in each of three tables, which a large lexicon pays in cache misses.
    let outputs: Table<UInt64>

    static let wideCaseMask: UInt64 = 1 << 63
    /// Case-mask bits an output holds (bits 40–62).
    static let packedCaseBits: UInt64 = 23

    static func pack(name: Int32, flags: UInt8, caseMask: UInt64) -> UInt64 {
        let mask = caseMask >> packedCaseBits == 0 ? caseMask << 40 : wideCaseMask
        return UInt64(UInt32(bitPattern: name)) | UInt64(flags) << 32 | mask
    }

    @inline(__always)
    static func name(_ output: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: output)) }

    @inline(__always)
    static func flags(_ output: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: output >> 32) }

    /// The output's case mask, or nil when it is wider than the packed bits (then the name's
    /// entry in ``CompiledLexicon/nameCaseMask`` holds it).
    @inline(__always)
    static func caseMask(_ output: UInt64) -> UInt64? {
        output & wideCaseMask != 0 ? nil : (output >> 40) & ((1 << packedCaseBits) - 1)
    }

    var stateCount: Int { outputStart.count - 1 }

    /// Bit of a target that says the target state has outputs (some name ends there), so a
    /// step that ends no name reads no ``outputStart``.
    static let endsNameBit: Int32 = 1 << 30

    /// The state after `token` from `state`, or -1; with ``endsNameBit`` set when names end
    /// there (``next(_:_:)`` without it).
    @inline(__always)
    func markedNext(_ state: Int32, _ token: Int32) -> Int32 {
        let key = (UInt64(UInt32(state) + 1) << 32) | UInt64(UInt32(token))
        return edges.withUnsafeBufferPointer { edges in
            let mask = edges.count / 2 - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while true {
                let k = edges[2 &* i]
                if k == key { return Int32(truncatingIfNeeded: edges[2 &* i &+ 1]) }
                if k == 0 { return -1 }
                i = (i &+ 1) & mask
            }
        }
    }

    /// The state after `token` from `state`, or -1.
    @inline(__always)
    func next(_ state: Int32, _ token: Int32) -> Int32 {
        Self.state(markedNext(state, token))
    }

    /// The state of a marked target (``markedNext(_:_:)``), or -1 for none.
    @inline(__always)
    static func state(_ marked: Int32) -> Int32 { marked < 0 ? marked : marked & ~endsNameBit }

    /// Whether names end at a marked target's state.
    @inline(__always)
    static func endsName(_ marked: Int32) -> Bool { marked >= 0 && marked & endsNameBit != 0 }

    @inline(__always)
    func outputs(of state: Int32) -> Range<Int> {
        Int(outputStart[Int(state)])..<Int(outputStart[Int(state) + 1])
    }

    /// The tokens on edges that leave a state other than the start: the words that some
    /// sequence has after its first. One pass over the edge table.
    func continuationWords(vocabularySize: Int) -> WordBits {
        var bits = WordBits(count: vocabularySize)
        for slot in 0..<slotCount {
            let key = self.key(slot)
            guard key >> 32 > 1 else { continue }
            let token = Int(UInt32(truncatingIfNeeded: key))
            if token < vocabularySize { bits.insert(Int32(token)) }
        }
        return bits
    }

    /// Builds the trie from token-id sequences; sequence `i` is output `i`, packed with
    /// `flags[i]` and `caseMasks[i]`.
    static func build(_ sequences: [[Int32]], flags: [UInt8], caseMasks: [UInt64]) -> TokenTrie {
        var edges: [UInt64: Int32] = [:]
        var stateOutputs: [[Int32]] = [[]]
        for (nameIndex, seq) in sequences.enumerated() where !seq.isEmpty {
            var state: Int32 = 0
            for t in seq {
                let key = (UInt64(UInt32(state) + 1) << 32) | UInt64(UInt32(t))
                if let s = edges[key] { state = s } else {
                    let s = Int32(stateOutputs.count)
                    stateOutputs.append([])
                    edges[key] = s
                    state = s
                }
            }
            stateOutputs[Int(state)].append(Int32(nameIndex))
        }
        // States are numbered below 2^30: the bit above marks targets where names end.
        precondition(stateOutputs.count < Int(endsNameBit), "more than 2^30 automaton states")
        // At most three quarters full: four slots share a cache line, so a probe past a few
        // taken slots reads no more lines, and a smaller table misses the cache less.
        var capacity = 16
        while capacity * 3 < edges.count * 4 { capacity <<= 1 }
        let empty = UInt64(UInt32(bitPattern: -1))
        var slots = [UInt64](repeating: 0, count: 2 * capacity)
        for i in 0..<capacity { slots[2 * i + 1] = empty }
        let mask = capacity - 1
        // In key order, so the table is the same from one compile to the next.
        for (key, target) in edges.sorted(by: { $0.key < $1.key }) {
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while slots[2 * i] != 0 { i = (i + 1) & mask }
            slots[2 * i] = key
            slots[2 * i + 1] = UInt64(UInt32(bitPattern: stateOutputs[Int(target)].isEmpty ? target : target | endsNameBit))
        }
        var start: [Int32] = [0]
        var outputs: [UInt64] = []
        for o in stateOutputs {
            outputs += o.map { pack(name: $0, flags: flags[Int($0)], caseMask: caseMasks[Int($0)]) }
            start.append(Int32(outputs.count))
        }
        return TokenTrie(edges: Table(slots), outputStart: Table(start), outputs: Table(outputs))
    }
}

/// A set of vocabulary ids, one bit each.
struct WordBits: Sendable {
    private var words: [UInt64]

    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    /// The ids of `ids` that are below `count` (the others cannot be asked about).
    init(count: Int, _ ids: some Sequence<Int32>) {
        self.init(count: count)
        for id in ids where id >= 0 && Int(id) < count { insert(id) }
    }

    mutating func insert(_ id: Int32) {
        words[Int(id) >> 6] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int32) -> Bool {
        let i = Int(id) >> 6
        return id >= 0 && i < words.count && words[i] & (1 << UInt64(id & 63)) != 0
    }
}
