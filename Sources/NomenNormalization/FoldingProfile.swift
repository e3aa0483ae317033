/// What a fold does to text, as a set of steps. Named profiles bundle the steps that
/// make names comparable; every step is applied per character cluster, so a folded
/// text always maps back to exact spans of the original (see ``FoldedText``).
public struct FoldingOptions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// NFKC with case folding (`NFKC_Casefold`): compatibility forms, case, and
    /// default-ignorable characters (ZWNJ, ZWJ, soft hyphen) removed.
    public static let caseFold = FoldingOptions(rawValue: 1 << 0)
    /// Remove diacritics from Latin, Greek and Cyrillic letters (é → e, ё → е, keeping
    /// й) and Arabic-script harakat and hamza marks (أ → ا); remove tatweel.
    public static let stripDiacritics = FoldingOptions(rawValue: 1 << 1)
    /// Unify Arabic-script letter variants across Arabic, Persian, Urdu and Pashto
    /// (ی ې ۍ ى ے → ي, ک ڪ → ك, ګ → گ, ہ ھ ە → ه, ٱ → ا, Eastern digits → ASCII).
    public static let unifyArabicLetters = FoldingOptions(rawValue: 1 << 2)
    /// Also fold teh marbuta into heh (ة → ه), as Persian writes Arabic loans.
    public static let tehMarbutaToHeh = FoldingOptions(rawValue: 1 << 3)
    /// Traditional → Simplified Chinese, character by character.
    public static let simplifyHan = FoldingOptions(rawValue: 1 << 4)
    /// Quotes, apostrophes, dashes and spaces to their ASCII forms; zero-width
    /// characters removed.
    public static let foldPunctuation = FoldingOptions(rawValue: 1 << 5)
    /// Dotless ı and other Turkic and Latin letter variants without a decomposition
    /// (ı → i, ø → o, đ → d, ł → l, æ → ae, œ → oe, þ → th).
    public static let foldLatinLetters = FoldingOptions(rawValue: 1 << 6)
}

/// A named folding profile.
///
/// | profile | what it does |
/// |---|---|
/// | `display` | NFC, punctuation and spaces folded: for showing and comparing text |
/// | `name` | every step: the key under which names are compared (the default) |
/// | `nameStrict` | as `name`, but keeps ة distinct from ه |
/// | `caseless` | NFKC_Casefold and punctuation only: case-insensitive, diacritics kept |
public struct FoldingProfile: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let options: FoldingOptions

    public init(name: String, options: FoldingOptions) {
        self.name = name
        self.options = options
    }

    public static let display = FoldingProfile(name: "display", options: [.foldPunctuation])
    public static let caseless = FoldingProfile(name: "caseless", options: [.caseFold, .foldPunctuation])
    public static let nameStrict = FoldingProfile(
        name: "name-strict",
        options: [.caseFold, .stripDiacritics, .unifyArabicLetters, .simplifyHan, .foldPunctuation, .foldLatinLetters]
    )
    public static let name = FoldingProfile(name: "name", options: nameStrict.options.union(.tehMarbutaToHeh))

    /// Every named profile.
    public static let all: [FoldingProfile] = [.display, .caseless, .name, .nameStrict]

    /// The profile with this name, if there is one.
    public static func named(_ name: String) -> FoldingProfile? { all.first { $0.name == name } }

    public var description: String { name }
}
