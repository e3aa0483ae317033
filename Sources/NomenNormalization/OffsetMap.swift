/// The unit in which offsets into a text are counted.
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalars: what Python's `str` indexes. The default everywhere.
    case scalar
    /// UTF-16 code units: what JavaScript, Java and ICU index.
    case utf16
    /// UTF-8 bytes.
    case utf8
}

/// Converts scalar offsets of one text into UTF-16 and UTF-8 offsets.
///
/// ```swift
/// let map = OffsetMap("Ж😀x")
/// map.offset(2, in: .utf16)  // 3  (😀 is two UTF-16 units)
/// map.offset(2, in: .utf8)   // 6  (Ж is 2 bytes, 😀 is 4)
/// ```
///
/// Built in one pass; each conversion is O(1) for the text's scalars.
public struct OffsetMap: Sendable {
    private let utf16Offsets: [Int32]
    private let utf8Offsets: [Int32]

    public init(_ text: some StringProtocol) {
        var u16: [Int32] = [0]
        var u8: [Int32] = [0]
        u16.reserveCapacity(text.unicodeScalars.count + 1)
        u8.reserveCapacity(text.unicodeScalars.count + 1)
        var a: Int32 = 0
        var b: Int32 = 0
        for s in text.unicodeScalars {
            a += Int32(UTF16.width(s))
            b += Int32(UTF8.width(s))
            u16.append(a)
            u8.append(b)
        }
        utf16Offsets = u16
        utf8Offsets = u8
    }

    /// Number of scalars in the text.
    public var scalarCount: Int { utf16Offsets.count - 1 }

    /// The offset of scalar offset `scalarOffset` in `unit`.
    public func offset(_ scalarOffset: Int, in unit: OffsetUnit) -> Int {
        let i = min(max(0, scalarOffset), scalarCount)
        switch unit {
        case .scalar: return i
        case .utf16: return Int(utf16Offsets[i])
        case .utf8: return Int(utf8Offsets[i])
        }
    }

    /// The scalar offset at `offset` in `unit`, or nil when it falls inside a scalar.
    public func scalarOffset(_ offset: Int, from unit: OffsetUnit) -> Int? {
        guard offset >= 0, offset <= Int(Int32.max) else { return nil }
        switch unit {
        case .scalar: return (0...scalarCount).contains(offset) ? offset : nil
        case .utf16: return Self.search(utf16Offsets, Int32(offset))
        case .utf8: return Self.search(utf8Offsets, Int32(offset))
        }
    }

    private static func search(_ table: [Int32], _ value: Int32) -> Int? {
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if table[mid] == value { return mid }
            if table[mid] < value { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
