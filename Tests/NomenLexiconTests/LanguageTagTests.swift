import Testing
import NomenLexicon
import NomenNormalization

@Suite struct LanguageTagTests {
    /// Language (2–3 letters), then optional script (4 letters), region (2 letters or 3
    /// digits) and variants (5–8 alphanumerics, or 4 starting with a digit). Tags are
    /// case-insensitive (BCP 47 §2.1.1).
    @Test(arguments: [
        "en", "ru", "fa-AF", "zh-Hant", "zh-Hans-CN", "zh-Hant-TW", "sr-Latn", "tt-Latn", "und", "ckb", "prs",
        "pt-BR", "es-419", "de-CH-1996", "sl-rozaj", "sl-rozaj-biske", "ca-valencia", "EN", "en-gb", "zh-hant",
    ])
    func acceptsWellFormedTags(_ tag: String) {
        #expect(LanguageTag.isWellFormed(tag))
    }

    /// Underscores (POSIX locales), empty subtags, full language names, two scripts or two
    /// regions, non-ASCII letters, digits in the language, and private-use or extension
    /// subtags (lexicons take plain tags only).
    @Test(arguments: [
        "", "e", "english", "en_US", "ru_RU", "en-", "-en", "zh-", "en--US", "12", "e1", "en-US-", "zh-Hant-Hans",
        "en-US-GB", "en-USA1", "ру", "en-ÜS", "en US", " en", "en-x-twain", "en-u-ca-gregory", "x-private",
        "en-123456789",
    ])
    func rejectsMalformedTags(_ tag: String) {
        #expect(!LanguageTag.isWellFormed(tag))
    }

    @Test(arguments: [("fa-AF", "fa"), ("zh-Hant", "zh"), ("EN", "en"), ("und", "und"), ("pt-BR", "pt")])
    func primarySubtag(_ tag: String, _ primary: String) {
        #expect(LanguageTag.primary(tag) == primary)
    }

    @Test func expectedScriptsFollowTheLanguageOrAnExplicitScript() {
        #expect(LanguageTag.expectedScripts("ru") == [.cyrillic])
        #expect(LanguageTag.expectedScripts("fa-AF") == [.arabic])
        #expect(LanguageTag.expectedScripts("zh-Hant") == [.han])
        #expect(LanguageTag.expectedScripts("sr-Latn") == [.latin])
        #expect(LanguageTag.expectedScripts("en")?.contains(.latin) == true)
        #expect(LanguageTag.expectedScripts("uz")?.isSuperset(of: [.latin, .cyrillic]) == true)
        // Unknown languages accept any script.
        #expect(LanguageTag.expectedScripts("und") == nil)
    }
}
