import NomenLexicon
import NomenNormalization
import NomenTransliteration

/// Generates spellings of an entity's names in other scripts and romanisation schemes,
/// for curators to review (never added to a lexicon automatically).
public enum VariantGenerator {
    public struct Variant: Sendable, Hashable {
        public let text: String
        public let script: String
        public let language: String
        public let scheme: String
        public let source: String
    }

    public static func variants(of entity: Entity) -> [Variant] {
        var out: [Variant] = []
        var seen = Set(entity.names.map(\.text))
        func add(_ text: String, _ language: String, _ scheme: String, _ source: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, seen.insert(t).inserted else { return }
            out.append(Variant(text: t, script: Script.of(t).shortName, language: language, scheme: scheme, source: source))
        }
        let russian = entity.names.filter { $0.language == "ru" }
        for name in russian {
            for (label, scheme) in TransliterationScheme.russianRomanizations {
                guard let t = try? Transliterator(scheme) else { continue }
                let language = label.contains("German") ? "de" : label.contains("French") ? "fr" : "en"
                add(t.transliterate(name.text), language, "\(label) (\(scheme.id))", name.text)
            }
        }
        let latin = entity.names.filter { Script.of($0.text) == .latin && ($0.language == "en" || $0.language == "und") }
        for name in latin.prefix(3) {
            if !entity.names.contains(where: { Script.of($0.text) == .cyrillic }), let t = try? Transliterator(.latinToCyrillic) {
                add(t.transliterate(name.text.lowercased()), "ru", "Latin → Cyrillic (nomen:latin-cyrillic-ru)", name.text)
            }
            if let t = try? Transliterator(.latinToArabic) {
                add(t.transliterate(name.text.lowercased()), "ar", "Latin → Arabic script (nomen:latin-arabic)", name.text)
            }
        }
        for name in entity.names where Script.of(name.text) != .latin && Script.of(name.text) != .cyrillic {
            guard let scheme = TransliterationScheme.defaultToLatin(language: name.language), let t = try? Transliterator(scheme) else { continue }
            add(t.transliterate(name.text), "und", scheme.id, name.text)
        }
        return out
    }
}
