import Testing
import Foundation
import NomenNormalization
import NomenTransliteration

@Suite struct TransliteratorTests {
    /// Names from each language, with what the scheme must give.
    @Test(arguments: [
        ("Russian-Latin/BGN", "Андрей Руденко", "Andrey Rudenko"),
        ("Russian-Latin/BGN", "Замир Кабулов", "Zamir Kabulov"),
        ("Ukrainian-Latin/BGN", "Київ", "Kyyiv"),
        ("nomen:russian-latin-press-en", "Сергей Лавров", "Sergey Lavrov"),
        ("nomen:russian-latin-press-en", "Дмитрий Песков", "Dmitry Peskov"),
        ("nomen:russian-latin-press-de", "Сергей Лавров", "Sergej Lawrow"),
        ("nomen:russian-latin-press-de", "Мария Захарова", "Marija Sacharowa"),
        ("nomen:russian-latin-press-fr", "Сергей Лавров", "Sergueï Lavrov"),
        ("nomen:russian-latin-icao", "Мария Захарова", "Mariia Zakharova"),
        ("Traditional-Simplified", "塔利班與俄羅斯", "塔利班与俄罗斯"),
        ("Any-Latin; Latin-ASCII", "Ankara’da Türkiye", "Ankara'da Turkiye"),
        // Bengali's anusvara is the velar nasal, which ICU writes ṁ (śilaṁ, read as m).
        ("nomen:bengali-latin", "শিলং", "śilang"),
        ("nomen:bengali-latin", "রংপুর", "rangpura"),
        ("nomen:bengali-latin", "বাংলাদেশ", "bānglādēśa"),
    ])
    func transliteratesNames(_ scheme: String, _ input: String, _ expected: String) throws {
        let t = try Transliterator(.init(scheme))
        #expect(t.transliterate(input) == expected)
    }

    /// Arabic-script and Han schemes give a Latin form (an abjad loses vowels, so only the script is checked).
    @Test(arguments: [("fa", "گل حسن"), ("ar", "طالبان"), ("ps", "ذبیح الله مجاهد"), ("ur", "کابل"), ("zh", "喀布尔"), ("el", "Αθήνα"), ("ko", "서울")])
    func defaultSchemesGiveLatin(_ language: String, _ input: String) throws {
        let scheme = try #require(TransliterationScheme.defaultToLatin(language: language))
        let out = try Transliterator(scheme).transliterate(input)
        let latin = Folder(.name).key(out).unicodeScalars.filter { $0.properties.isAlphabetic }
        #expect(!latin.isEmpty)
        #expect(latin.allSatisfy { Script.of($0) == .latin }, "\(language): \(out)")
    }

    @Test func bengaliScriptReadsTheAnusvaraAsNg() {
        #expect(TransliterationScheme.latin(for: Script.of("শিলং")) == .init("nomen:bengali-latin"))
        #expect(TransliterationScheme.defaultToLatin(language: "bn") == .init("nomen:bengali-latin"))
    }

    @Test func unknownSchemeIsAnError() {
        #expect(throws: TransliterationError.self) { try Transliterator(.init("Klingon-Latin")) }
        #expect(throws: TransliterationError.self) { try Transliterator(.init("nomen:no-such-file")) }
    }

    @Test func ruleCompileErrorsCarryLineAndColumn() {
        let rules = "# comment\na > b ;\nc > d ;\ne > [ ;\n"
        do {
            _ = try RuleFiles.compile(rules, id: "broken")
            Issue.record("expected a compile error")
        } catch let e as ICUTransliterator.RuleError {
            #expect(e.line == 4)
            #expect(e.column >= 1)
        } catch { Issue.record("\(error)") }
    }

    @Test func shippedRuleFilesAllCompile() throws {
        #expect(RuleFiles.names.count >= 6)
        for name in RuleFiles.names {
            _ = try Transliterator(.init("nomen:\(name)"))
        }
    }

    @Test func concurrentUseGivesIdenticalResults() async throws {
        let t = try Transliterator(.init("Russian-Latin/BGN"))
        let names = ["Замир Кабулов", "Андрей Руденко", "Сергей Лавров", "Мария Захарова", "Дмитрий Жирнов", "Москва"]
        let expected = names.map { t.transliterate($0) }
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<16 {
                group.addTask { (0..<50).flatMap { _ in names.map { t.transliterate($0) } } }
            }
            for try await result in group {
                #expect(result == Array((0..<50).map { _ in expected }.joined()))
            }
        }
    }
}
