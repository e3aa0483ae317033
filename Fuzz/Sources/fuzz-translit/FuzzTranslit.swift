import FuzzSupport
import Nomen

/// Transliteration (ICU system transforms and the project's rule files, through the
/// per-thread caches) and the matcher's Latin keys, on short inputs.
///
/// Inputs are cut to 64 bytes: ICU transliteration runs at a few MB/s and the point is
/// odd scalars and rule edges, not length.
///
/// Properties:
/// - transliterating never traps, and the same input gives the same output (the
///   second call is served by the cache, which must hold what was computed);
/// - `NameKeys.latinTokens` gives non-empty tokens of ASCII letters and digits, and each
///   token's skeleton is non-empty; `skeleton` of any string never traps.
@main
enum FuzzTranslit {
    static let maxBytes = 64

    static let transliterators: [Transliterator] = [
        "Russian-Latin/BGN", "Arabic-Latin", "Persian-Latin/BGN; Any-Latin", "Pashto-Latin/BGN; Any-Latin",
        "Han-Latin", "Traditional-Simplified", "Any-Latin; Latin-ASCII",
        "nomen:latin-cyrillic-ru", "nomen:latin-arabic", "nomen:russian-latin-press-de", "nomen:russian-latin-icao",
    ].map { id in
        do { return try Transliterator(TransliterationScheme(id)) } catch { Fuzz.fail("scheme \(id) does not load: \(error)") }
    }

    static let languages = ["und", "ru", "ar", "fa", "ps", "zh", "en"]

    static func main() {
        _ = transliterators
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzTranslit.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = Array(input.prefix(maxBytes))
        let text = String(decoding: bytes, as: UTF8.self)
        for t in transliterators {
            let first = t.transliterate(text)
            let second = t.transliterate(text)
            Fuzz.check(first == second, "\(t.scheme): \(Fuzz.show(text)) gave \(Fuzz.show(first)), then \(Fuzz.show(second))")
        }
        let language = languages[bytes.count % languages.count]
        let form = NameKeys.latinTokens(text, language: language)
        for token in form.tokens {
            Fuzz.check(!token.isEmpty && token.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) },
                       "latinTokens(\(Fuzz.show(text)), \(language)) gave token \(Fuzz.show(token))")
            Fuzz.check(!NameKeys.skeleton(token).isEmpty, "skeleton of \(Fuzz.show(token)) is empty")
        }
        _ = NameKeys.skeleton(text)
        return 0
    }
}
