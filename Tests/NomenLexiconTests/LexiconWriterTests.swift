import Foundation
import Testing
import NomenLexicon
import NomenTestSupport

/// Writing a lexicon and reading it back gives the same entities, in both formats.
@Suite struct LexiconWriterTests {
    /// Names that need quoting in YAML: indicators, YAML 1.1 booleans and nulls, numbers,
    /// quotes, backslashes, padding, line breaks and tabs, a ZWNJ, right-to-left text.
    static let trickyNames = [
        "Kabul: the capital", "yes", "No", "null", "~", "123", "1e3", "0x1F", "- dash", "#hash", "O'Neil",
        "say \"hi\"", "back\\slash", " padded ", "[bracket]", "{brace}", "a, b", "*star", "&amp", "!bang", "|pipe",
        ">gt", "%pct", "@at", "`tick", "?q", "line\nbreak", "tab\there", "سراج‌الدین", "塔利班", "Кабулов",
        "e\u{301}", "true", "-", "a #b", "a: b", "\u{2028}sep",
    ]

    static var entities: [Entity] {
        [
            Entity(id: "sample-person", type: .person, name: "Sample Person",
                   names: [
                       NameVariant("Sample Person", language: "en"),
                       NameVariant("Образец", language: "ru"),
                       NameVariant("SP", language: "en", caseRule: .exact),
                       NameVariant("Person", language: "en", ambiguous: true),
                       NameVariant("Both", language: "de", ambiguous: true, caseRule: .exact),
                   ],
                   wikidata: "Q123", description: "A person: made up, for \"tests\"", country: "sample-place",
                   context: ["sample-place", "sample-org"]),
            Entity(id: "sample-place", type: .gpe, name: "Sample Place",
                   names: trickyNames.map { NameVariant($0, language: "en") }, sameAs: ["iso3166-xx", "geonames-1"],
                   population: 12345),
            Entity(id: "sample-org", type: .org, name: "yes", names: [NameVariant("Org", language: "zh-Hant")],
                   source: "geonames"),
            Entity(id: "sample-generated", type: .gpe, name: "Generated",
                   names: [NameVariant("Generated", language: "und", generated: true),
                           NameVariant("Curated", language: "en")],
                   source: "curated"),
            Entity(id: "0", type: EntityType("WORK_OF_ART")!, name: "Zero", names: []),
        ]
    }

    static func roundTrip(_ format: LexiconFiles.ImportFormat, _ entities: [Entity]) throws -> [Entity] {
        let text = format == .yaml ? LexiconWriter.yaml(entities) : LexiconWriter.jsonl(entities)
        let file = try Fixture.temporaryFile("round-trip.\(format.rawValue)", text)
        return try LexiconFiles.importFile(file, format: format)
    }

    @Test(arguments: [LexiconFiles.ImportFormat.yaml, .jsonl])
    func roundTripKeepsEveryEntityAndName(_ format: LexiconFiles.ImportFormat) throws {
        let written = Self.entities.filter { $0.id != "sample-generated" }
        let read = try Self.roundTrip(format, written)
        #expect(read.map { EntitySnapshot($0).byLanguage } == written.map { EntitySnapshot($0).byLanguage })
    }

    /// A name's `generated` flag (names a curated entity absorbed from GeoNames or iso-codes)
    /// changes how the tagger treats it, and both readers accept it: the writers must keep it.
    @Test(arguments: [LexiconFiles.ImportFormat.yaml, .jsonl])
    func roundTripKeepsTheGeneratedFlag(_ format: LexiconFiles.ImportFormat) throws {
        let written = Self.entities.filter { $0.id == "sample-generated" }
        let read = try Self.roundTrip(format, written)
        #expect(read.map { EntitySnapshot($0).byLanguage } == written.map { EntitySnapshot($0).byLanguage })
    }

    /// Control characters are legal in a name read from JSONL; YAML allows them only escaped
    /// in a double-quoted scalar (and reads a raw U+0085 as a line break).
    @Test(arguments: [LexiconFiles.ImportFormat.yaml, .jsonl], ["bell\u{7}", "soh\u{1}x", "del\u{7F}", "next\u{85}line", "esc\u{1B}[0m"])
    func roundTripKeepsControlCharacters(_ format: LexiconFiles.ImportFormat, _ name: String) throws {
        let written = [Entity(id: "controls", type: .misc, name: "Controls", names: [NameVariant(name, language: "en")])]
        let read = try Self.roundTrip(format, written)
        #expect(read.map { EntitySnapshot($0).byLanguage } == written.map { EntitySnapshot($0).byLanguage })
    }

    @Test func roundTripOfTheShippedCuratedLexicon() throws {
        let curated = CLI.repositoryRoot.appendingPathComponent("Lexicons/curated").path
        let lexicon = try Lexicon.load(paths: [curated], warnings: false)
        #expect(lexicon.entities.count >= 150)
        for format in [LexiconFiles.ImportFormat.yaml, .jsonl] {
            let read = try Self.roundTrip(format, lexicon.entities)
            let got = read.map { EntitySnapshot($0).byLanguage }
            let want = lexicon.entities.map { EntitySnapshot($0).byLanguage }
            #expect(got.count == want.count, "\(format)")
            for (g, w) in zip(got, want) where g != w {
                Issue.record("\(format): \(w.id) reads back as \(g), written as \(w)")
            }
        }
    }

    @Test func jsonlIsOneObjectALineInAStableKeyOrder() {
        let line = LexiconWriter.jsonObject(Entity(id: "kabul", type: .gpe, name: "Kabul",
                                                   names: [NameVariant("Kabul", language: "en"), NameVariant("UN", language: "en", caseRule: .exact),
                                                           NameVariant("کابل", language: "fa")],
                                                   population: 3_043_532))
        #expect(line == #"{"id":"kabul","type":"GPE","name":"Kabul","population":3043532,"names":{"en":["Kabul",{"name":"UN","case":"exact"}],"fa":["کابل"]}}"#)
        #expect(LexiconWriter.jsonl([Self.entities[0], Self.entities[2]]).split(separator: "\n").count == 2)
    }

    @Test func jsonQuotingEscapesControlsAndSeparators() {
        #expect(JSONText.quote("a\"b\\c\nd\te\u{1}\u{2028}") == #""a\"b\\c\nd\te\u0001\u2028""#)
        #expect(JSONText.quote("Кабул") == "\"Кабул\"")
        // C1 controls, DEL, U+2029 and the BOM escaped; other letters of the same lead bytes kept.
        #expect(JSONText.quote("x\u{85}y\u{FEFF}z\u{2029}\u{7F}ru→Latin ·\u{FEFE}") == #""x\u0085y\ufeffz\u2029\u007fru→Latin ·\#u{FEFE}""#)
    }
}
