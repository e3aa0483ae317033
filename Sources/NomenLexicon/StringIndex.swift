import Foundation

/// Strings with dense ids (their order in a ``StringTable``) and an open-addressing hash
/// table over them, looked up from raw UTF-8 bytes with no allocation.
///
/// A slot holds a string's id in its low 32 bits and the top 32 bits of the string's hash
/// above them, so a probe that meets another string is told apart in the slot itself,
/// without reading that string's offsets and bytes: a word the table lacks (most of the
/// stems that inflection rules try) costs one memory access, not three per probe.
public struct StringIndex: Sendable {
    public let strings: StringTable
    /// Slot → tag << 32 | id, or ``empty``. Its count is a power of two.
    public let slots: Table<UInt64>

    /// An empty slot.
    public static let empty = UInt64.max

    public var count: Int { strings.count }

    public init(strings: StringTable, slots: Table<UInt64>) {
        self.strings = strings
        self.slots = slots
    }

    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h ^ (h >> 29)
    }

    @inline(__always)
    static func slot(id: Int, hash: UInt64) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(truncatingIfNeeded: id))
    }

    /// The id of a folded token, or -1.
    @inline(__always)
    public func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.isEmpty { return -1 }
        // Invariant (checked when an index is read, ``isConsistent``): ids in slots are
        // < count, and some slot is empty.
        let mask = slots.count - 1
        let h = Self.hash(bytes)
        let tag = h & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: h) & mask
        return strings.bytes.withUnsafeBufferPointer { all in
            while true {
                let s = slots[i]
                if s == Self.empty { return -1 }
                if s & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int32(truncatingIfNeeded: s)
                    let r = strings.range(Int(id))
                    if r.count == bytes.count && memcmp(all.baseAddress! + r.lowerBound, bytes.baseAddress!, r.count) == 0 {
                        return id
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    public func id(of key: String) -> Int32 {
        var k = key
        return k.withUTF8 { id(of: $0) }
    }

    /// Whether the table is one ``id(of:)`` can probe safely: a power-of-two count with an
    /// empty slot (or no slots at all), and every id in range.
    public var isConsistent: Bool {
        if slots.isEmpty { return true }
        let n = UInt32(count)
        // One pass over raw memory, no branch per slot: it runs on every load of an index.
        let (empties, outOfRange) = slots.withUnsafeBufferPointer { all -> (Int, Int) in
            var empties = 0, outOfRange = 0
            for s in all {
                let isEmpty = s == Self.empty
                empties &+= isEmpty ? 1 : 0
                outOfRange &+= !isEmpty && UInt32(truncatingIfNeeded: s) >= n ? 1 : 0
            }
            return (empties, outOfRange)
        }
        return empties > 0 && outOfRange == 0 && slots.count.nonzeroBitCount == 1
    }

    /// Builds the table: ids are the order of `tokens`, which must be distinct.
    public static func build(_ tokens: [String]) -> StringIndex {
        var table = StringTable.Builder()
        for t in tokens { table.append(t) }
        let strings = table.build()
        // At most three quarters full: a probe past another string costs no more than a
        // look at its slot (the tag tells them apart), so the table need not be half empty.
        var capacity = 16
        while capacity * 3 < tokens.count * 4 { capacity <<= 1 }
        var slots = [UInt64](repeating: empty, count: capacity)
        let mask = capacity - 1
        strings.bytes.withUnsafeBufferPointer { all in
            for id in 0..<strings.count {
                let r = strings.range(id)
                let h = hash(UnsafeBufferPointer(rebasing: all[r]))
                var i = Int(truncatingIfNeeded: h) & mask
                while slots[i] != empty { i = (i + 1) & mask }
                slots[i] = slot(id: id, hash: h)
            }
        }
        return StringIndex(strings: strings, slots: Table(slots))
    }
}
