/// An entity type, in OntoNotes/spaCy names: PERSON, ORG, GPE, LOC, NORP, FAC,
/// EVENT, PRODUCT, LAW, WORK_OF_ART, LANGUAGE, MISC.
public struct EntityType: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let name: String

    /// - Returns: nil when the name is not a known type.
    public init?(_ name: String) {
        guard Self.known.contains(name) else { return nil }
        self.name = name
    }

    private init(unchecked name: String) { self.name = name }

    public static let known: Set<String> = [
        "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE", "MISC",
    ]
    public static let person = EntityType(unchecked: "PERSON")
    public static let org = EntityType(unchecked: "ORG")
    public static let gpe = EntityType(unchecked: "GPE")
    public static let loc = EntityType(unchecked: "LOC")
    public static let norp = EntityType(unchecked: "NORP")
    public static let misc = EntityType(unchecked: "MISC")

    public var description: String { name }
    public static func < (a: EntityType, b: EntityType) -> Bool { a.name < b.name }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard Self.known.contains(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown type \(s)"))
        }
        name = s
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}
