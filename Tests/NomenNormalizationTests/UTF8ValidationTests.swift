import Testing
import NomenNormalization

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x61, 0xFF, 0x62], 1),
        ([0xD0, 0x9A, 0xD0], 2),                 // truncated Cyrillic letter
        ([0xED, 0xA0, 0x80], 0),                 // encoded surrogate
        ([0xC0, 0xAF], 0),                       // overlong
        ([0x0A, 0x0A, 0xF5, 0x80, 0x80, 0x80], 2), // beyond U+10FFFF
    ] as [([UInt8], Int)])
    func rejectsInvalidBytesAtTheirOffset(_ bytes: [UInt8], _ offset: Int) {
        #expect(throws: InvalidUTF8.self) { try UTF8Validation.decode(bytes) }
        #expect(UTF8Validation.firstInvalidByte(bytes) == offset)
    }

    @Test func acceptsValidTextAndDropsABOM() throws {
        #expect(try UTF8Validation.decode(Array("\u{FEFF}Кабул 😀".utf8)) == "Кабул 😀")
        #expect(UTF8Validation.firstInvalidByte(Array("ضمیر کابلوف".utf8)) == nil)
    }

    /// The first invalid byte by the RFC 3629 table, one byte at a time: the reference.
    static func referenceFirstInvalid(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            let (need, lo, hi): (Int, UInt8, UInt8)
            switch c {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: (need, lo, hi) = (1, 0x80, 0xBF)
            case 0xE0: (need, lo, hi) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE, 0xEF: (need, lo, hi) = (2, 0x80, 0xBF)
            case 0xED: (need, lo, hi) = (2, 0x80, 0x9F)
            case 0xF0: (need, lo, hi) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (need, lo, hi) = (3, 0x80, 0xBF)
            case 0xF4: (need, lo, hi) = (3, 0x80, 0x8F)
            default: return i
            }
            for k in 1...need {
                guard i + k < b.count else { return i }
                let (l, h) = k == 1 ? (lo, hi) : (UInt8(0x80), UInt8(0xBF))
                if b[i + k] < l || b[i + k] > h { return i }
            }
            i += need + 1
        }
        return nil
    }

    @Test func agreesWithTheByteByByteTableOnTwoByteText() {
        // Mostly Cyrillic, Arabic and ASCII letters, eight bytes at a time on the fast path, a
        // few longer sequences between them, with a fault planted at every offset: an overlong
        // lead (C0, C1), a stray continuation, a lead without its continuation, an ASCII byte
        // inside a letter, a lead of a longer sequence, a surrogate's lead, a truncated end.
        var rng = SystemRandomNumberGenerator()
        let letters: [[UInt8]] = ["к", "а", "б", "ل", "ر", "é", "Ж", "ی", "k", "a", "b", "中", "😀"].map { Array($0.utf8) }
        for _ in 0..<400 {
            var b: [UInt8] = []
            for _ in 0..<Int.random(in: 1...24, using: &rng) {
                b += Bool.random(using: &rng) && Int.random(in: 0..<6, using: &rng) == 0 ? [0x20] : letters.randomElement(using: &rng)!
            }
            #expect(UTF8Validation.firstInvalidByte(b) == Self.referenceFirstInvalid(b))
            for at in 0..<b.count {
                for fault: UInt8 in [0xC0, 0xC1, 0x80, 0xBF, 0xD0, 0x41, 0xF5, 0xE4, 0xED, 0xF0] {
                    var bad = b
                    bad[at] = fault
                    #expect(UTF8Validation.firstInvalidByte(bad) == Self.referenceFirstInvalid(bad), "\(bad)")
                }
            }
            #expect(UTF8Validation.firstInvalidByte(Array(b.dropLast())) == Self.referenceFirstInvalid(Array(b.dropLast())))
        }
    }

    @Test func namesLineAndColumn() {
        do {
            _ = try UTF8Validation.decode([0x61, 0x0A, 0x62, 0x63, 0xFF])
            Issue.record("expected an error")
        } catch let e as InvalidUTF8 {
            #expect(e.line == 2 && e.column == 3 && e.byteOffset == 4)
        } catch { Issue.record("\(error)") }
    }
}
