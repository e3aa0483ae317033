import Foundation
import NomenNormalization

/// A way to write one script in another: an ICU system transform
/// (`Russian-Latin/BGN`, `Any-Latin; Latin-ASCII`) or one of the project's rule files
/// (`nomen:russian-latin-press-de`).
public struct TransliterationScheme: Hashable, Sendable, CustomStringConvertible {
    /// The ICU ID, or `nomen:` and the rule file's name.
    public let id: String

    public init(_ id: String) { self.id = id }

    public var description: String { id }

    /// Whether this scheme is one of the project's rule files.
    public var isRuleFile: Bool { id.hasPrefix("nomen:") }

    /// The default scheme to Latin for a language (BCP 47 primary subtag), if one is known.
    ///
    /// | language | scheme |
    /// |---|---|
    /// | ru, uk, be, bg, mk, sr, kk, ky, tg, mn | `<Language>-Latin/BGN` |
    /// | ar, ur | `Arabic-Latin` |
    /// | fa | `Persian-Latin/BGN; Any-Latin` (BGN leaves some letters) |
    /// | ps | `Pashto-Latin/BGN; Any-Latin` |
    /// | el | `Greek-Latin/UNGEGN` |
    /// | hy, ka | `Armenian-Latin/BGN`, `Georgian-Latin/BGN` |
    /// | zh | `Han-Latin` |
    /// | ja | `Any-Latin` |
    /// | ko | `Hangul-Latin` |
    /// | hi, mr, ne | `Devanagari-Latin` |
    /// | bn, as | `nomen:bengali-latin` (Bengali-Latin, ং read as ng) |
    /// | he | `Hebrew-Latin/BGN` |
    /// | others | nil (use ``latin(for:)`` to choose by script) |
    public static func defaultToLatin(language: String) -> TransliterationScheme? {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        switch primary {
        case "ru": return .init("Russian-Latin/BGN")
        case "uk": return .init("Ukrainian-Latin/BGN")
        case "be": return .init("Belarusian-Latin/BGN")
        case "bg": return .init("Bulgarian-Latin/BGN")
        case "mk": return .init("Macedonian-Latin/BGN")
        case "sr": return .init("Serbian-Latin/BGN")
        case "kk": return .init("Kazakh-Latin/BGN")
        case "ky": return .init("Kirghiz-Latin/BGN")
        case "tg": return .init("Cyrillic-Latin")
        case "mn": return .init("Mongolian-Latin/BGN")
        case "ar", "ur", "ug", "ku", "sd": return .init("Arabic-Latin")
        case "fa", "prs": return .init("Persian-Latin/BGN; Any-Latin")
        case "ps": return .init("Pashto-Latin/BGN; Any-Latin")
        case "el": return .init("Greek-Latin/UNGEGN")
        case "hy": return .init("Armenian-Latin/BGN")
        case "ka": return .init("Georgian-Latin/BGN")
        case "zh": return .init("Han-Latin")
        case "ja": return .init("Any-Latin")
        case "ko": return .init("Hangul-Latin")
        case "hi", "mr", "ne": return .init("Devanagari-Latin")
        case "bn", "as": return .bengaliLatin
        case "he": return .init("Hebrew-Latin/BGN")
        case "th": return .init("Thai-Latin")
        default: return nil
        }
    }

    /// The scheme to Latin for text in `script` when its language is unknown.
    public static func latin(for script: Script) -> TransliterationScheme {
        switch script {
        case .cyrillic: return .init("Russian-Latin/BGN")
        // Persian BGN renders the consonants as Afghan and Iranian names are romanised
        // (ذ ض ظ → z), and reads Arabic-language letters too.
        case .arabic: return .init("Persian-Latin/BGN; Any-Latin")
        case .han: return .init("Han-Latin")
        case .greek: return .init("Greek-Latin/UNGEGN")
        case .bengali: return .bengaliLatin
        default: return .init("Any-Latin")
        }
    }

    /// Schemes that write Russian names in Latin letters, each as a press or a
    /// standard does: for variant generation.
    public static let russianRomanizations: [(name: String, scheme: TransliterationScheme)] = [
        ("BGN/PCGN", .init("Russian-Latin/BGN")),
        ("ISO 9", .init("Cyrillic-Latin")),
        ("ICAO passport", .init("nomen:russian-latin-icao")),
        ("English press", .init("nomen:russian-latin-press-en")),
        ("German press", .init("nomen:russian-latin-press-de")),
        ("French press", .init("nomen:russian-latin-press-fr")),
    ]

    /// Bengali script to Latin: ICU's Bengali-Latin with the anusvara read as ng (the rule file
    /// `bengali-latin`), for Bengali names and queries alike.
    public static let bengaliLatin = TransliterationScheme("nomen:bengali-latin")

    /// Reverse schemes from Latin, for variant generation.
    public static let latinToCyrillic = TransliterationScheme("nomen:latin-cyrillic-ru")
    public static let latinToArabic = TransliterationScheme("nomen:latin-arabic")
    /// Traditional → Simplified Chinese.
    public static let traditionalToSimplified = TransliterationScheme("Traditional-Simplified")
}
