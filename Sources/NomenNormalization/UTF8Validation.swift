/// Invalid UTF-8, at the byte offset of the first bad byte.
public struct InvalidUTF8: Error, Sendable, Equatable, CustomStringConvertible {
    /// 0-based byte offset of the first byte that is not valid UTF-8.
    public let byteOffset: Int
    /// 1-based line of that byte, and 1-based column in Unicode scalars.
    public let line: Int
    public let column: Int

    public var description: String { "invalid UTF-8 at byte offset \(byteOffset)" }
}

public enum UTF8Validation {
    /// Decodes bytes as UTF-8, refusing any invalid sequence (no replacement characters).
    /// A leading byte order mark is dropped.
    /// - Throws: ``InvalidUTF8`` naming the first bad byte.
    public static func decode(_ bytes: some Collection<UInt8>) throws -> String {
        let array = Array(bytes)
        var start = 0
        if array.count >= 3, array[0] == 0xEF, array[1] == 0xBB, array[2] == 0xBF { start = 3 }
        if let bad = firstInvalidByte(array, from: start) {
            var line = 1
            var lineStart = start
            for k in start..<bad where array[k] == 0x0A {
                line += 1
                lineStart = k + 1
            }
            // Columns count scalars, as every other place does: the line before the bad byte is valid UTF-8.
            let column = array[lineStart..<bad].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            throw InvalidUTF8(byteOffset: bad, line: line, column: column)
        }
        return String(decoding: array[start...], as: UTF8.self)
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    public static func firstInvalidByte(_ bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0, from: start) }
    }

    /// The offset of the first byte that breaks UTF-8, or nil when all is valid.
    /// Text of ASCII and two-byte letters is checked eight bytes at a time (``twoByteWord(_:)``).
    public static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = start
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        while i < n {
            // From a sequence boundary: eight bytes, or seven when the eighth leads a pair.
            if i + 8 <= n, let step = twoByteWord(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += step
                continue
            }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let c = base[i + k]
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if c < l || c > h { return i }
            }
            i += need + 1
        }
        return nil
    }

    /// How many of eight bytes (little-endian in `w`, read from a sequence boundary) are
    /// whole, valid sequences of ASCII and two-byte letters: 8, or 7 when the last byte leads
    /// a pair that the next word ends. Nil when the word holds anything else (a longer
    /// sequence, or an error), which the byte-at-a-time path then reads.
    @inline(__always)
    static func twoByteWord(_ w: UInt64) -> Int? {
        let top: UInt64 = 0x8080_8080_8080_8080
        if w & top == 0 { return 8 }
        let bit6 = (w << 1) & top
        let bit5 = (w << 2) & top
        let continuation = w & top & ~bit6 // 10xxxxxx
        let lead = w & bit6 & ~bit5 // 110xxxxx
        // A byte of 111xxxxx starts a longer sequence (or is invalid).
        guard w & bit6 & bit5 == 0 else { return nil }
        // C0 and C1 (an overlong form) have none of the bits 1E set.
        let notOverlong = ((w & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7F7F_7F7F_7F7F_7F7F) & top
        // Every continuation follows a lead and every lead but the last byte is followed by one.
        guard lead & ~notOverlong == 0, lead << 8 == continuation else { return nil }
        return lead >> 63 == 0 ? 8 : 7
    }
}
