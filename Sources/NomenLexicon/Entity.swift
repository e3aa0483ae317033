/// One spelling of an entity's name, in one language.
public struct NameVariant: Hashable, Sendable {
    /// How a variant's letter case must appear in text for it to match.
    public enum CaseRule: String, Hashable, Sendable {
        /// The default: capitals in the variant must be capitals in the text (or the
        /// text is all capitals, as datelines are); lowercase letters match either case.
        case natural
        /// The text must have exactly this case (acronyms that are also words: US, IS).
        case exact
    }

    public var text: String
    /// BCP 47 language tag (`und` when unknown).
    public var language: String
    /// A generic or shared alias, linked only when the document's context supports it
    /// (Supreme Court, Foreign Ministry).
    public var ambiguous: Bool
    public var caseRule: CaseRule
    /// Made by a script or a scheme rather than curated by hand.
    public var generated: Bool
    /// Taken from a gazetteer of many alternate names (GeoNames), some of them ordinary
    /// words somewhere: the tagger takes it neither at a sentence's start nor inflected.
    public var gazetteer: Bool = false
    public var location: SourceLocation?

    public init(_ text: String, language: String, ambiguous: Bool = false, caseRule: CaseRule = .natural,
                generated: Bool = false, location: SourceLocation? = nil) {
        self.text = text
        self.language = language
        self.ambiguous = ambiguous
        self.caseRule = caseRule
        self.generated = generated
        self.location = location
    }

    public static func == (a: NameVariant, b: NameVariant) -> Bool {
        a.text == b.text && a.language == b.language && a.ambiguous == b.ambiguous && a.caseRule == b.caseRule
    }

    public func hash(into h: inout Hasher) {
        h.combine(text)
        h.combine(language)
    }
}

/// A canonical entity of a lexicon: what every mention links to.
public struct Entity: Hashable, Sendable {
    /// `[a-z0-9-]+`, unique across all loaded lexicons.
    public var id: String
    public var type: EntityType
    /// The canonical display name.
    public var name: String
    public var names: [NameVariant]
    /// Adjective and nationality forms (Russian, российский, الروسية): context for
    /// resolving ambiguous names next to them, never mentions of their own.
    public var demonyms: [NameVariant] = []
    public var wikidata: String?
    public var description: String?
    /// The id of the country (a GPE) the entity belongs to.
    public var country: String?
    /// Ids whose mention in a document supports this entity's ambiguous names.
    public var context: [String]
    /// Ids of generated entities this one absorbs (countries, GeoNames cities).
    public var sameAs: [String]
    /// Population, for places: the prior when several places share a name.
    public var population: Int?
    /// Where the entity came from: `curated`, `iso-codes`, `geonames`, an import.
    public var source: String
    public var location: SourceLocation?

    public init(id: String, type: EntityType, name: String, names: [NameVariant] = [], wikidata: String? = nil,
                description: String? = nil, country: String? = nil, context: [String] = [], sameAs: [String] = [],
                population: Int? = nil, source: String = "curated", location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.names = names
        self.wikidata = wikidata
        self.description = description
        self.country = country
        self.context = context
        self.sameAs = sameAs
        self.population = population
        self.source = source
        self.location = location
    }

    /// Whether a curator wrote it (rather than a generator or an import).
    public var isCurated: Bool { source == "curated" }

    /// Whether a generator made it from public data (GeoNames, iso-codes), so the tagger
    /// is stricter with its short names. Lexicons a user imports (TSV, spaCy, JRC-Names)
    /// are not generated.
    public var isGenerated: Bool { source == "geonames" || source == "iso-codes" }

    /// Whether it comes from GeoNames, whose alternate names include ordinary words of
    /// many languages: its names are taken neither at a sentence's start nor inflected.
    /// iso-codes' country names, in the languages the generator keeps, are not such.
    public var isGazetteer: Bool { source == "geonames" }

    /// Every variant, with the canonical name first when the variants lack it. A curator
    /// who marked every listed name ambiguous meant the canonical one too: else it would
    /// link alone, and lend its surname to every capitalised word that spells it (Sharafuddin
    /// Muslim's to "a Muslim region", Abdul Ahad Talib's to "a Talib fighter").
    public var allNames: [NameVariant] {
        if names.contains(where: { $0.text == name }) { return names }
        let ambiguous = !names.isEmpty && names.allSatisfy(\.ambiguous)
        return [NameVariant(name, language: "und", ambiguous: ambiguous)] + names
    }

    /// Whether `id` is a well-formed entity id.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 200 && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
