import FuzzSupport
import Nomen

/// Offset maps and UTF-8 validation on any bytes.
///
/// Properties:
/// - `UTF8Validation.decode` throws exactly when `firstInvalidByte` finds a byte, at
///   that byte, and otherwise returns the bytes as a string unchanged but for a
///   leading byte order mark;
/// - for the text (repaired), every scalar offset converts to UTF-16 and UTF-8 offsets
///   that equal the lengths of the prefix in those units, and converts back;
/// - offsets inside a scalar (the second unit of a surrogate pair, a continuation
///   byte) convert back to nil; out-of-range offsets are clamped or nil, never a trap.
@main
enum FuzzOffsets {
    static func main() {
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzOffsets.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = input
        checkValidation(bytes)
        checkOffsets(String(decoding: bytes, as: UTF8.self))
        return 0
    }

    static func checkValidation(_ bytes: [UInt8]) {
        let invalid = UTF8Validation.firstInvalidByte(bytes)
        let swiftValid = String(validating: bytes, as: UTF8.self) != nil
        Fuzz.check((invalid == nil) == swiftValid,
                   "firstInvalidByte = \(String(describing: invalid)) but Swift says valid = \(swiftValid) for \(bytes.prefix(64))")
        if let invalid {
            Fuzz.check(invalid >= 0 && invalid < bytes.count, "firstInvalidByte \(invalid) outside \(bytes.count) bytes")
            Fuzz.check(String(validating: bytes[..<invalid], as: UTF8.self) != nil,
                       "bytes before firstInvalidByte \(invalid) are not valid UTF-8: \(bytes.prefix(64))")
            Fuzz.check(UTF8Validation.firstInvalidByte(bytes, from: invalid) == invalid,
                       "firstInvalidByte(from: \(invalid)) moved")
        }
        do {
            let decoded = try UTF8Validation.decode(bytes)
            Fuzz.check(invalid == nil, "decode accepted bytes with an invalid byte at \(invalid ?? -1)")
            // A leading byte order mark is dropped (documented); nothing else changes.
            let expected = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            Fuzz.check(Array(decoded.utf8) == expected, "decode changed valid bytes: \(bytes.prefix(64))")
        } catch let e as InvalidUTF8 {
            Fuzz.check(invalid == e.byteOffset, "decode says invalid at \(e.byteOffset), firstInvalidByte says \(String(describing: invalid))")
            Fuzz.check(e.line >= 1 && e.column >= 1, "invalid UTF-8 at line \(e.line) column \(e.column)")
        } catch {
            Fuzz.fail("decode threw \(error)")
        }
    }

    static func checkOffsets(_ text: String) {
        let map = OffsetMap(text)
        let scalars = Array(text.unicodeScalars)
        Fuzz.check(map.scalarCount == scalars.count, "scalarCount \(map.scalarCount), text has \(scalars.count)")
        var u16 = 0, u8 = 0
        for i in 0...scalars.count {
            Fuzz.check(map.offset(i, in: .scalar) == i, "scalar offset \(i) → \(map.offset(i, in: .scalar))")
            Fuzz.check(map.offset(i, in: .utf16) == u16, "scalar \(i) → utf16 \(map.offset(i, in: .utf16)), expected \(u16) in \(Fuzz.show(text))")
            Fuzz.check(map.offset(i, in: .utf8) == u8, "scalar \(i) → utf8 \(map.offset(i, in: .utf8)), expected \(u8) in \(Fuzz.show(text))")
            for unit in OffsetUnit.allCases {
                let o = map.offset(i, in: unit)
                Fuzz.check(map.scalarOffset(o, from: unit) == i, "\(unit) offset \(o) → scalar \(String(describing: map.scalarOffset(o, from: unit))), expected \(i)")
            }
            if i < scalars.count {
                let s = scalars[i]
                for k in 1..<UTF16.width(s) {
                    Fuzz.check(map.scalarOffset(u16 + k, from: .utf16) == nil, "utf16 offset \(u16 + k) is inside scalar \(i) but maps to a scalar")
                }
                for k in 1..<UTF8.width(s) {
                    Fuzz.check(map.scalarOffset(u8 + k, from: .utf8) == nil, "utf8 offset \(u8 + k) is inside scalar \(i) but maps to a scalar")
                }
                u16 += UTF16.width(s)
                u8 += UTF8.width(s)
            }
        }
        Fuzz.check(u16 == text.utf16.count && u8 == text.utf8.count, "unit totals disagree with the string's views")
        // Out of range: clamped to the ends, or nil when converting back.
        // (Offsets beyond Int32 are left out: `scalarOffset` converts with Int32(_:), which traps.)
        for bad in [-1, -1_000_000, scalars.count + 1, u8 + 1, u16 + 1] {
            Fuzz.check(map.offset(bad, in: .utf8) == map.offset(bad < 0 ? 0 : scalars.count, in: .utf8), "offset \(bad) not clamped")
            for unit in OffsetUnit.allCases where bad < 0 || bad > (unit == .utf8 ? u8 : unit == .utf16 ? u16 : scalars.count) {
                Fuzz.check(map.scalarOffset(bad, from: unit) == nil, "\(unit) offset \(bad) outside the text maps to a scalar")
            }
        }
    }
}
