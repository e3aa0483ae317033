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

    @Test func namesLineAndColumn() {
        do {
            _ = try UTF8Validation.decode([0x61, 0x0A, 0x62, 0x63, 0xFF])
            Issue.record("expected an error")
        } catch let e as InvalidUTF8 {
            #expect(e.line == 2 && e.column == 3 && e.byteOffset == 4)
        } catch { Issue.record("\(error)") }
    }
}
