/// How a mention was found.
public enum MatchKind: String, Sendable, Codable, CaseIterable {
    /// The text is a lexicon name exactly.
    case exact
    /// The text equals a lexicon name once folded (case, diacritics, letter variants), or
    /// once a middle initial or a person's middle name is left out (Sergey V. Lavrov, Asif Zardari).
    case normalized
    /// A word of the name is inflected or carries a clitic (Кабуловым, لروسيا, Afghanistans).
    case inflected
    /// A surname or given name alone, after a full mention or unambiguous in the lexicon.
    case partial
    /// A name not in the lexicon that the matcher links above its threshold.
    case fuzzy
}

/// One entity mention in a document. Offsets are Unicode scalar offsets, end exclusive.
///
/// The span covers the name as written: a fused inflectional ending (Кабуловым,
/// Afghanistans) and an honorific before a person's name (Mawlawi Gul Hasan) are
/// inside it; a proclitic (the و of والصين), an apostrophe suffix (Taliban'a,
/// Russia’s), an elided article (l’Afghanistan), a suffix after a zero-width
/// non-joiner and the rest of a hyphenated compound (Taliban-led) are not.
public struct Mention: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
    /// Index of the entity in the ``CompiledLexicon``.
    public var entity: Int
    public var id: String
    public var type: String
    public var name: String
    public var score: Double
    public var match: MatchKind
    /// The honorific key when the span starts with one (`mawlawi`).
    public var honorific: String?

    public init(start: Int, end: Int, text: String, entity: Int, id: String, type: String, name: String,
                score: Double, match: MatchKind, honorific: String? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.entity = entity
        self.id = id
        self.type = type
        self.name = name
        self.score = score
        self.match = match
        self.honorific = honorific
    }
}
