import Foundation

/// Strings with dense ids (their order in a ``StringTable``) and an open-addressing hash
/// table over them, looked up from raw UTF-8 bytes with no allocation.
public struct StringIndex: Sendable {
    public let strings: StringTable
    /// Slot → string id, -1 when empty. Its count is a power of two.
    public let slots: Table<Int32>

    public var count: Int { strings.count }

    public init(strings: StringTable, slots: Table<Int32>) {
        self.strings = strings
        self.slots = slots
    }

    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The id of a folded token, or -1.
    @inline(__always)
    public func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if slots.isEmpty { return -1 }
        // Invariant (checked when an index is read): ids in slots are < count, and some slot is empty.
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return strings.bytes.withUnsafeBufferPointer { all in
            while true {
                let id = slots[i]
                if id < 0 { return -1 }
                let r = strings.range(Int(id))
                if r.count == bytes.count && memcmp(all.baseAddress! + r.lowerBound, bytes.baseAddress!, r.count) == 0 {
                    return id
                }
                i = (i + 1) & mask
            }
        }
    }

    public func id(of key: String) -> Int32 {
        var k = key
        return k.withUTF8 { id(of: $0) }
    }

    /// Builds the table: ids are the order of `tokens`, which must be distinct.
    public static func build(_ tokens: [String]) -> StringIndex {
        var table = StringTable.Builder()
        for t in tokens { table.append(t) }
        let strings = table.build()
        var capacity = 16
        while capacity < tokens.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        strings.bytes.withUnsafeBufferPointer { all in
            for id in 0..<strings.count {
                let r = strings.range(id)
                let buffer = UnsafeBufferPointer(rebasing: all[r])
                var i = Int(truncatingIfNeeded: hash(buffer)) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(id)
            }
        }
        return StringIndex(strings: strings, slots: Table(slots))
    }
}

