/// Splits one JSON object (a JSONL line) into its members, keeping each value's raw
/// bytes, so fields a program does not know are carried through byte for byte.
///
/// Validates the whole line as JSON (RFC 8259): strings, escapes, numbers, literals,
/// nested arrays and objects (to a depth of 512). Never traps on any input.
public enum JSONObjectScanner {
    public struct Member {
        /// The decoded key.
        public let key: String
        /// The value's bytes, exactly as in the input.
        public let raw: ArraySlice<UInt8>
    }

    public enum Failure: Error, Equatable, Sendable {
        /// Not JSON; the byte offset of the problem.
        case syntax(offset: Int, reason: String)
        /// Valid JSON, but not an object.
        case notAnObject
    }

    static let maxDepth = 512

    /// The members of the object in `bytes`, in input order.
    public static func members(_ bytes: ArraySlice<UInt8>) throws -> [Member] {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        guard p.peek == UInt8(ascii: "{") else {
            _ = try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.end { throw Failure.syntax(offset: p.i - bytes.startIndex, reason: "extra data after the value") }
            throw Failure.notAnObject
        }
        p.i += 1
        var out: [Member] = []
        p.skipSpace()
        if p.peek == UInt8(ascii: "}") {
            p.i += 1
        } else {
            while true {
                p.skipSpace()
                let key = try p.string()
                p.skipSpace()
                try p.expect(UInt8(ascii: ":"))
                p.skipSpace()
                let start = p.i
                _ = try p.value(depth: 1)
                out.append(Member(key: key, raw: bytes[start..<p.i]))
                p.skipSpace()
                if p.peek == UInt8(ascii: ",") { p.i += 1; continue }
                try p.expect(UInt8(ascii: "}"))
                break
            }
        }
        p.skipSpace()
        if p.i < p.end { throw Failure.syntax(offset: p.i - bytes.startIndex, reason: "extra data after the object") }
        return out
    }

    /// A raw JSON value with every escaped lone surrogate (`\ud800` not in a pair)
    /// replaced by `\ufffd`: valid JSON that every parser reads. Other bytes are kept.
    public static func withoutLoneSurrogates(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func hex(_ i: Int) -> UInt32? {
            guard i + 4 <= raw.endIndex else { return nil }
            var v: UInt32 = 0
            for k in i..<(i + 4) {
                let c = raw[k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v << 4 | d
            }
            return v
        }
        // Fast path: no "\u" escape of a surrogate at all.
        var i = raw.startIndex
        var found = false
        while i + 5 < raw.endIndex {
            if raw[i] == 0x5C, raw[i + 1] == 0x75, let v = hex(i + 2), (0xD800...0xDFFF).contains(v) { found = true; break }
            i += raw[i] == 0x5C ? 2 : 1
        }
        if !found { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == 0x5C, i + 1 < raw.endIndex {
                if raw[i + 1] == 0x75, let v = hex(i + 2) {
                    if (0xD800...0xDBFF).contains(v),
                       i + 7 < raw.endIndex, raw[i + 6] == 0x5C, raw[i + 7] == 0x75, let w = hex(i + 8), (0xDC00...0xDFFF).contains(w) {
                        out += raw[i..<(i + 12)]
                        i += 12
                        continue
                    }
                    if (0xD800...0xDFFF).contains(v) {
                        out += Array("\\ufffd".utf8)
                        i += 6
                        continue
                    }
                }
                out += raw[i..<(i + 2)]
                i += 2
                continue
            }
            out.append(raw[i])
            i += 1
        }
        return out[...]
    }

    /// Decodes a raw JSON string value (with its quotes); nil when it is not a string.
    public static func decodeString(_ raw: ArraySlice<UInt8>) -> String? {
        decodeBytes(raw).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Decodes a raw JSON string value to its UTF-8 bytes (valid UTF-8 when the line
    /// was: escapes of lone surrogates become U+FFFD); nil when it is not a string.
    public static func decodeBytes(_ raw: ArraySlice<UInt8>) -> [UInt8]? {
        var p = Parser(bytes: raw)
        guard p.peek == UInt8(ascii: "\"") else { return nil }
        return try? p.stringBytes()
    }

    struct Parser {
        let bytes: ArraySlice<UInt8>
        var i: Int
        let end: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            i = bytes.startIndex
            end = bytes.endIndex
        }

        var peek: UInt8? { i < end ? bytes[i] : nil }

        func error(_ reason: String) -> Failure { .syntax(offset: i - bytes.startIndex, reason: reason) }

        mutating func skipSpace() {
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws {
            guard peek == c else { throw error("expected '\(Character(Unicode.Scalar(c)))'") }
            i += 1
        }

        mutating func value(depth: Int) throws -> Void {
            guard depth < JSONObjectScanner.maxDepth else { throw error("nested deeper than \(JSONObjectScanner.maxDepth)") }
            guard let c = peek else { throw error("unexpected end of line") }
            switch c {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "}") { i += 1; return }
                while true {
                    skipSpace()
                    try skipString()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { i += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws {
            for b in word.utf8 {
                guard peek == b else { throw error("invalid literal") }
                i += 1
            }
        }

        mutating func number() throws {
            let start = i
            if peek == UInt8(ascii: "-") { i += 1 }
            guard let d = peek, d >= 0x30 && d <= 0x39 else { throw error("invalid number") }
            if d == 0x30 { i += 1 } else { while let x = peek, x >= 0x30 && x <= 0x39 { i += 1 } }
            if peek == UInt8(ascii: ".") {
                i += 1
                guard let x = peek, x >= 0x30 && x <= 0x39 else { throw error("invalid number") }
                while let x = peek, x >= 0x30 && x <= 0x39 { i += 1 }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                guard let x = peek, x >= 0x30 && x <= 0x39 else { throw error("invalid number") }
                while let x = peek, x >= 0x30 && x <= 0x39 { i += 1 }
            }
            // RFC 8259's grammar allows 1e999, but strict readers (Foundation's among them)
            // reject a number beyond a Double's range, and output lines carry values as
            // written: such a line is refused here, with a reason.
            if i - start > 15 || bytes[start..<i].contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                if !(Double(text)?.isFinite ?? false) {
                    i = start
                    throw error("number out of range")
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let c = peek else { throw error("truncated \\u escape") }
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        /// A string; lone surrogate escapes decode to U+FFFD (a Swift String cannot hold them).
        mutating func string() throws -> String {
            String(decoding: try stringBytes(), as: UTF8.self)
        }

        /// The index of the first byte from `i` on that ends a run of plain string
        /// content: a quote, a backslash or a control character (`end` when none).
        func runEnd() -> Int {
            let offset = i - bytes.startIndex
            return bytes.withUnsafeBufferPointer { buffer in
                var k = offset
                let n = buffer.count
                // Eight bytes at a time while none of them is a quote, a backslash or a control
                // character (each test flags a byte that equals its pattern, or is below 0x20).
                if let base = buffer.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let highs: UInt64 = 0x8080_8080_8080_8080
                    while k + 8 <= n {
                        let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                        let quote = w ^ (ones &* 0x22)
                        let backslash = w ^ (ones &* 0x5C)
                        let flagged = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                        if flagged & highs != 0 { break }
                        k += 8
                    }
                }
                while k < n {
                    let c = buffer[k]
                    if c == 0x22 || c == 0x5C || c < 0x20 { break }
                    k += 1
                }
                return k + bytes.startIndex
            }
        }

        /// Checks a string and moves past it, decoding nothing.
        mutating func skipString() throws {
            try expect(UInt8(ascii: "\""))
            while true {
                i = runEnd()
                guard let c = peek else { throw error("unterminated string") }
                if c == UInt8(ascii: "\"") { i += 1; return }
                if c < 0x20 { throw error("control character in string") }
                i += 1
                guard let e = peek else { throw error("unterminated escape") }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"): _ = try hex4()
                default: throw error("invalid escape")
                }
            }
        }

        mutating func stringBytes() throws -> [UInt8] {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            var runStart = i
            while true {
                i = runEnd()
                guard let c = peek else { throw error("unterminated string") }
                if c == UInt8(ascii: "\"") {
                    out += bytes[runStart..<i]
                    i += 1
                    break
                }
                if c < 0x20 { throw error("control character in string") }
                if c == UInt8(ascii: "\\") {
                    out += bytes[runStart..<i]
                    i += 1
                    guard let e = peek else { throw error("unterminated escape") }
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var v = try hex4()
                        if v >= 0xD800 && v < 0xDC00 {
                            if i + 1 < end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                                let save = i
                                i += 2
                                let low = try hex4()
                                if low >= 0xDC00 && low < 0xE000 { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { v = 0xFFFD; i = save }
                            } else { v = 0xFFFD }
                        } else if v >= 0xDC00 && v < 0xE000 { v = 0xFFFD }
                        out += Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8)
                    default: throw error("invalid escape")
                    }
                    runStart = i
                    continue
                }
            }
            return out
        }
    }
}
