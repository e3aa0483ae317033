import Testing
@testable import NomenTagger

/// The scanner reads runs of ASCII letters and digits eight bytes at a time: its tokens,
/// folded keys and case shapes agree with a byte-by-byte reading of the same text, for
/// words of every length around the eight-byte steps and at the very end of the text.
@Suite struct ScannerASCIITests {
    struct Expected: Equatable, CustomStringConvertible {
        var byteStart: Int32, byteEnd: Int32, folded: String, letters: UInt16, shape: UInt8
        var description: String { "\(byteStart)..<\(byteEnd) \(folded) letters \(letters) shape \(shape)" }
    }

    /// Maximal runs of [A-Za-z0-9], lower-cased, with their case shape, worked out byte by byte.
    static func reference(_ text: [UInt8]) -> [Expected] {
        var out: [Expected] = []
        var i = 0
        func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        while i < text.count {
            guard alnum(text[i]) else { i += 1; continue }
            var j = i
            var folded = ""
            var uppers = 0, lowers = 0
            var shape = CaseShape()
            while j < text.count, alnum(text[j]) {
                let b = text[j]
                if b >= 0x41 && b <= 0x5A {
                    if uppers + lowers == 0 { shape.insert(.firstUpper) }
                    uppers += 1
                } else if b >= 0x61 && b <= 0x7A {
                    lowers += 1
                }
                folded.append(Character(Unicode.Scalar(b >= 0x41 && b <= 0x5A ? b + 32 : b)))
                j += 1
            }
            if uppers + lowers > 0 { shape.insert(.cased) }
            if uppers > 0 && lowers == 0 && uppers >= 2 { shape.insert(.allUpper) }
            if lowers > 0 { shape.insert(.hasLower) }
            out.append(Expected(byteStart: Int32(i), byteEnd: Int32(j), folded: folded, letters: UInt16(uppers + lowers), shape: shape.rawValue))
            i = j
        }
        return out
    }

    static func scanned(_ text: [UInt8]) -> [Expected] {
        let scanner = TokenScanner()
        return text.withUnsafeBufferPointer { buffer in
            scanner.scan(buffer)
            return scanner.tokens.map { t in
                let key = UnsafeBufferPointer(rebasing: scanner.folded[Int(t.foldStart)..<Int(t.foldEnd)])
                return Expected(byteStart: t.byteStart, byteEnd: t.byteEnd, folded: String(decoding: key, as: UTF8.self),
                                letters: t.letters, shape: t.shape.subtracting(.zwnj).rawValue)
            }
        }
    }

    @Test func wordsOfEveryLengthReadAsByteByByte() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("abcxyzABCXYZ0189".utf8)
        // Bytes next to the ranges' bounds, so an off-by-one in a range test shows.
        let separators = Array(" .,-'/:@[`{\n\t".utf8)
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                if Bool.random(using: &rng) { text.append(separators.randomElement(using: &rng)!) }
                for _ in 0..<Int.random(in: 1...26, using: &rng) { text.append(letters.randomElement(using: &rng)!) }
                text.append(separators.randomElement(using: &rng)!)
            }
            // Half the texts end inside a word.
            if Bool.random(using: &rng) { text.removeLast() }
            #expect(Self.scanned(text) == Self.reference(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func aLongWordAndItsCase() {
        let text = Array("HINDUKUSHMOUNTAINS Hindukushmountains hINDUKUSH 2025Kabul".utf8)
        #expect(Self.scanned(text) == Self.reference(text))
        #expect(Self.scanned(text).map(\.folded) == ["hindukushmountains", "hindukushmountains", "hindukush", "2025kabul"])
    }

    /// An apostrophe between Cyrillic letters is a sign of the Ukrainian word, which its key
    /// leaves out: мін'юст, мінʼюст, мін’юст and мінюст are one key, the word's span whole.
    /// Elsewhere an apostrophe still ends the word (Taliban'a, a quoted 'Київ').
    @Test func apostropheInsideACyrillicWordIsPartOfIt() {
        let key = Self.scanned(Array("мінюст".utf8)).map(\.folded)
        #expect(key.count == 1)
        for written in ["мін'юст", "мінʼюст", "мін’юст"] {
            let bytes = Array(written.utf8)
            #expect(Self.scanned(bytes).map(\.folded) == key, "\(written)")
            #expect(Self.scanned(bytes).first?.byteEnd == Int32(bytes.count), "\(written)")
        }
        #expect(Self.scanned(Array("Taliban'a".utf8)).count == 2)
        #expect(Self.scanned(Array("'Київ' і Львів".utf8)).count == 3)
        #expect(Self.scanned(Array("Київ'2025".utf8)).count == 2)
    }
}
