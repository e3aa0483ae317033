/// What lies between a token and the one before it.
public struct GapFlags: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let space = GapFlags(rawValue: 1 << 0)
    public static let newline = GapFlags(rawValue: 1 << 1)
    /// Two or more line breaks: a paragraph boundary.
    public static let paragraph = GapFlags(rawValue: 1 << 2)
    public static let apostrophe = GapFlags(rawValue: 1 << 3)
    public static let hyphen = GapFlags(rawValue: 1 << 4)
    public static let period = GapFlags(rawValue: 1 << 5)
    /// Punctuation that no name spans: , ; : ( ) [ ] | dashes and the like.
    public static let breaker = GapFlags(rawValue: 1 << 6)
    /// A sentence ends in the gap (. ! ? followed by a space, or the text starts).
    public static let sentenceStart = GapFlags(rawValue: 1 << 7)
    /// Quotation marks (names such as движение «Талибан» span them).
    public static let quote = GapFlags(rawValue: 1 << 8)
    /// Nothing at all: the previous token touches this one (Han characters).
    public static let none = GapFlags(rawValue: 1 << 9)
    /// A name-internal middle dot (古尔·哈桑).
    public static let middleDot = GapFlags(rawValue: 1 << 10)
    /// A slash, which a name may span (RFE/RL).
    public static let slash = GapFlags(rawValue: 1 << 11)
    /// An en or em dash: a hyphen where nothing else is in the gap (開伯爾—普什圖省), else a
    /// breaker (Kabul — the capital).
    public static let dash = GapFlags(rawValue: 1 << 12)
}

/// Letter-case shape of a token in the text.
public struct CaseShape: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Its script has case at all.
    public static let cased = CaseShape(rawValue: 1 << 0)
    public static let firstUpper = CaseShape(rawValue: 1 << 1)
    /// Every cased letter is a capital (and there are at least two letters).
    public static let allUpper = CaseShape(rawValue: 1 << 2)
    public static let hasLower = CaseShape(rawValue: 1 << 3)
    /// A zero-width non-joiner inside the word (Persian suffixes: کابل‌ها).
    public static let zwnj = CaseShape(rawValue: 1 << 4)
}

/// A broad script class per token, for rule selection.
public enum ScriptClass: UInt8, Sendable {
    case other = 0, latin, cyrillic, arabic, han, greek, hebrew, devanagari, hangul, kana, thai, bengali

    /// How many classes there are (raw values 0 to count − 1).
    static let count = 12

    init(icuCode: Int32) {
        switch icuCode {
        case 25: self = .latin
        case 8: self = .cyrillic
        case 2: self = .arabic
        case 17: self = .han
        case 14: self = .greek
        case 19: self = .hebrew
        case 10: self = .devanagari
        case 18: self = .hangul
        case 20, 22: self = .kana
        case 38: self = .thai
        case 4: self = .bengali
        default: self = .other
        }
    }

    /// Scripts whose words are single characters for matching (no spaces between words).
    var isCharacterTokenized: Bool { self == .han || self == .kana }
}

/// A document's tokens, in the scanner's buffer (see ``TokenScanner/tokens``).
typealias Tokens = UnsafeMutableBufferPointer<Token>

/// One token of a document: a word (or one Han character) with its offsets in the
/// three units, its folded key in the scanner's buffer and its vocabulary id.
struct Token {
    /// What the word is to the lexicon (from the tagger's word memo): its vocabulary id,
    /// inflected readings, partial-name bits and first automaton steps. First, so that
    /// its copy from the memo is aligned.
    var facts = WordFacts()
    var byteStart: Int32
    var byteEnd: Int32
    var scalarStart: Int32
    var scalarEnd: Int32
    /// The folded key: `foldStart..<foldEnd` in ``TokenScanner/folded``.
    var foldStart: Int32
    var foldEnd: Int32
    var gap: GapFlags
    var shape: CaseShape
    /// Letters in the token (marks and joiners not counted).
    var letters: UInt16 = 0
    /// A sentence-initial function word (Later, Позже): never taken for a given name.
    var isFunctionWord = false
    /// One of the exact words (exact-words.txt) as written: it matches a name only where the
    /// name writes it the same way.
    var isExactWord = false
    var script: ScriptClass

    /// The vocabulary id of the word as written, or -1.
    var id: Int32 { facts.id }
    /// Which readings have partial-name entries (see ``WordFacts/partialMask``).
    var partialMask: UInt8 { facts.partialMask }
    /// Readings that take the Arabic article off (see ``WordFacts/articleMask``).
    var articleMask: UInt8 { facts.articleMask }
    /// Readings that some name has after its first word (see ``WordFacts/continuesMask``).
    var continuesMask: UInt8 { facts.continuesMask }

    /// Whether some name starts with a reading of this token.
    var startsName: Bool { facts.startsName }

    /// The automaton's state after reading `v` from the start (see ``WordFacts/starts``).
    @inline(__always)
    func start(_ v: Int) -> Int32 { facts.start(v) }

    /// Reading 0 is the word as written, 1 to 3 its inflected readings (Кабуловым →
    /// кабулов, لروسيا → روسيا), with the scalars at the token's start and end that a
    /// mention through them leaves out. A word can have both: России is a word of
    /// "МИД России" and the genitive of Россия.
    @inline(__always)
    func reading(_ v: Int) -> (id: Int32, trimStart: Int32, trimEnd: Int32) { facts.reading(v) }

    /// Whether the token has any reading.
    var isKnown: Bool { facts.isKnown }
}
