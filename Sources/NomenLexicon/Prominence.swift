/// How widely an entity is written about, as far as its lexicon can tell: the number of
/// languages its names are written in. Curators and Wikidata alike list an entity in the
/// languages whose press writes about it (Wikidata's sitelink count is the usual measure of
/// prominence), so the count tells a foreign minister from a namesake official.
///
/// It decides only between persons who share a part of their names: a surname alone
/// (Muttaqi, Akhundzada, Yaqoob) names the one written in so many more languages than
/// every other carrier that the press means them by it.
public enum Prominence {
    /// Languages the dominant entity is written in at least.
    public static let dominantLanguages = 8
    /// How many times as many languages as each other entity the dominant one has.
    public static let dominantRatio = 4

    /// The languages `entity`'s names are written in, how many (at most 255). The canonical
    /// name alone, of no language, counts for none.
    public static func languages(_ entity: Entity) -> UInt8 {
        UInt8(min(255, Set(entity.names.map(\.language)).subtracting(["und"]).count))
    }

    /// Of several entities that share a part of their names, the one whose part it is alone:
    /// written in at least ``dominantLanguages`` languages and ``dominantRatio`` times as
    /// many as each other; nil when none is.
    public static func dominant(_ entities: some Collection<Int>, languages: (Int) -> Int) -> Int? {
        guard entities.count > 1 else { return entities.first }
        let counts = entities.map { ($0, languages($0)) }.sorted { $0.1 > $1.1 }
        let (top, most) = counts[0]
        guard most >= dominantLanguages, counts.dropFirst().allSatisfy({ $0.1 * dominantRatio <= most }) else { return nil }
        return top
    }
}
