import Testing
@testable import NomenTagger

/// The letters that tell a document's language within its script, which decide the home
/// country an ambiguous place name is read in: the scanner gathers them as it reads.
@Suite struct TelltaleLettersTests {
    private static let gate = LanguageGate(try! InflectionRules.shipped())

    private static func letters(_ text: String) -> Tagger.TelltaleLetters {
        let scanner = TokenScanner()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { text in gate.twoByte.withUnsafeBufferPointer { scanner.scan(text, letterTable: $0.baseAddress) } }
        return Tagger.TelltaleLetters(rawValue: UInt8(truncatingIfNeeded: scanner.letterBits >> LanguageGate.telltaleShift))
    }

    @Test func findsTheLettersOfALanguage() {
        let cases: [(String, Tagger.TelltaleLetters)] = [
            ("Київ і Харків", .ukrainian),
            ("Москва и Киев", []),
            ("د پښتو ژبه", .pashto),
            ("پاکستان کے شہر", [.urdu, .persoArabic]),
            ("سفیر در کابل", .persoArabic),
            ("سفير في كابل", []),
            ("İstanbul'da toplantı", .turkish),
            ("Die Straße in München", .german),
            ("Kabul, 中文 and 😀", []),
        ]
        for (text, expected) in cases { #expect(Self.letters(text) == expected, "\(text)") }
    }

    /// A gated language past the gate's limit would have its rules apply to every document
    /// (Urdu's run-in postpositions to Persian text).
    @Test func everyShippedGateFits() throws {
        let rules = try InflectionRules.shipped()
        let gated = Set(rules.gateLetters.keys).union(rules.gateWords.keys)
        #expect(gated.count <= LanguageGate.maxLanguages, "\(gated.sorted())")
    }

    @Test func gathersLettersOfSeveralLanguages() {
        #expect(Self.letters("Київ, München") == [.ukrainian, .german])
    }

    @Test func theyLeaveTheGatedLanguagesAlone() {
        // A Turkish letter is no gated language's: the languages found are those of the letters alone.
        let scanner = TokenScanner()
        let bytes = Array("İstanbul".utf8)
        bytes.withUnsafeBufferPointer { text in Self.gate.twoByte.withUnsafeBufferPointer { scanner.scan(text, letterTable: $0.baseAddress) } }
        let languages = bytes.withUnsafeBufferPointer { text in
            Self.gate.languages(letterBits: scanner.letterBits, in: text, tokens: scanner.tokens, folded: scanner.folded)
        }
        #expect(languages >> LanguageGate.telltaleShift == 0)
    }
}
