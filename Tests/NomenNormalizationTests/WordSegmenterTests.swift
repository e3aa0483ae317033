import Testing
import NomenNormalization

@Suite struct WordSegmenterTests {
    @Test func segmentsChineseWithTheDictionary() throws {
        let words = try WordSegmenter().words(in: "塔利班政府宣布，俄罗斯承认阿富汗。").map(\.text)
        #expect(words.contains("政府"))
        #expect(words.contains("俄罗斯"))
        #expect(!words.contains("，"))
    }

    @Test func segmentsSpacedScriptsAndKeepsOffsets() throws {
        let text = "Кабулов заявил: «Признали»."
        let words = try WordSegmenter().words(in: text)
        #expect(words.map(\.text) == ["Кабулов", "заявил", "Признали"])
        let scalars = Array(text.unicodeScalars)
        for w in words {
            #expect(String(String.UnicodeScalarView(scalars[w.range])) == w.text)
        }
    }
}
