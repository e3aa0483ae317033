import NomenNormalization

/// BCP 47 language tags as lexicons use them: `en`, `fa-AF`, `zh-Hant`, `sr-Latn`,
/// `und` (undetermined, for names of unknown language).
public enum LanguageTag {
    /// Whether `tag` is a well-formed tag: a 2–3 letter language, then optional
    /// script (4 letters), region (2 letters or 3 digits) and variants (5–8 alphanumerics).
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(\.isASCIILetter) else { return false }
        var stage = 0 // 0 after language, 1 after script, 2 after region
        for part in parts.dropFirst() {
            if stage < 1, part.count == 4, part.allSatisfy(\.isASCIILetter) { stage = 1; continue }
            if stage < 2, (part.count == 2 && part.allSatisfy(\.isASCIILetter)) || (part.count == 3 && part.allSatisfy(\.isASCIIDigit)) {
                stage = 2; continue
            }
            if (5...8).contains(part.count) && part.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) { stage = 3; continue }
            if part.count == 4, part.first?.isASCIIDigit == true, part.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit }) { stage = 3; continue }
            return false
        }
        return true
    }

    /// The primary language subtag, lowercased ("fa" for "fa-AF").
    public static func primary(_ tag: String) -> String {
        String(tag.split(separator: "-").first ?? "").lowercased()
    }

    /// The scripts names in this language are normally written in, or nil when unknown
    /// (then any script is fine).
    public static func expectedScripts(_ tag: String) -> Set<Script>? {
        let parts = tag.split(separator: "-")
        if let explicit = parts.dropFirst().first(where: { $0.count == 4 }) {
            switch explicit.lowercased() {
            case "latn": return [.latin]
            case "cyrl": return [.cyrillic]
            case "arab": return [.arabic]
            case "hans", "hant", "hani": return [.han]
            default: return nil
            }
        }
        switch primary(tag) {
        case "en", "de", "fr", "tr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "no", "nb", "fi",
             "ro", "hu", "hr", "sl", "lt", "lv", "et", "id", "ms", "vi", "sq", "ca", "eu", "ga", "is", "tk", "so", "sw":
            return [.latin]
        case "uz", "az", "kk", "ky", "sr", "bs", "tt", "ba":
            return [.latin, .cyrillic, .arabic]
        case "ru", "uk", "be", "bg", "mk", "tg", "mn", "os", "ce", "cv":
            return [.cyrillic]
        case "ar", "fa", "prs", "ps", "ur", "ug", "sd", "ckb", "pnb":
            return [.arabic]
        case "ku": return [.latin, .arabic, .cyrillic]
        case "zh", "yue": return [.han]
        case "ja": return [.han, .hiragana, .katakana]
        case "ko": return [.hangul, .han]
        case "el": return [.greek]
        case "he", "yi": return [.hebrew]
        case "hi", "mr", "ne", "sa": return [.devanagari]
        case "th": return [.thai]
        default: return nil
        }
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}
