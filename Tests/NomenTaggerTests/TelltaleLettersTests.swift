import Testing
@testable import NomenTagger

/// The letters that tell a document's language within its script, which decide the home
/// country an ambiguous place name is read in.
@Suite struct TelltaleLettersTests {
    private static func letters(_ text: String) -> Tagger.TelltaleLetters {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { Tagger.telltaleLetters($0[...]) }
    }

    @Test func findsTheLettersOfALanguage() {
        let cases: [(String, Tagger.TelltaleLetters)] = [
            ("Київ і Харків", .ukrainian),
            ("Москва и Киев", []),
            ("د پښتو ژبه", .pashto),
            ("پاکستان کے شہر", .urdu),
            ("İstanbul'da toplantı", .turkish),
            ("Die Straße in München", .german),
            ("Kabul, 中文 and 😀", []),
        ]
        for (text, expected) in cases { #expect(Self.letters(text) == expected, "\(text)") }
    }

    @Test func gathersLettersOfSeveralLanguages() {
        #expect(Self.letters("Київ, München") == [.ukrainian, .german])
    }
}
