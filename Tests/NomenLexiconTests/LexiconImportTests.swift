import Foundation
import Testing
import NomenLexicon

/// The formats users already have, through `LexiconFiles.importFile`.
@Suite struct LexiconImportTests {
    static func names(_ e: Entity?) -> [String] { e?.names.map { "\($0.language):\($0.text)" } ?? [] }

    @Test func plainTSVGroupsLinesByID() throws {
        let entities = try LexiconFiles.importFile(Fixture.path("import/plain.tsv"), format: .tsv)
        #expect(entities.map(\.id) == ["kabul", "tass"])
        #expect(entities.map(\.type) == [.gpe, .org])
        #expect(entities.map(\.name) == ["Kabul", "TASS"])
        #expect(Self.names(entities.first) == ["en:Kabul", "ru:Кабул", "fa:کابل"])
        #expect(Self.names(entities.last) == ["en:TASS", "ru:ТАСС"])
        #expect(entities.allSatisfy { $0.source == "tsv" && !$0.isCurated })
        // Each name remembers its line.
        #expect(entities.first?.names[2].location?.line == 4)
    }

    @Test func jrcNamesTurnPlusIntoSpacesAndLettersIntoTypes() throws {
        let entities = try LexiconFiles.importFile(Fixture.path("import/jrc.tsv"), format: .jrc)
        #expect(entities.map(\.id) == ["jrc-1001", "jrc-2002"])
        #expect(entities.map(\.type) == [.person, .org])
        #expect(entities.first?.name == "Zamir Kabulov")
        #expect(Self.names(entities.first) == ["en:Zamir Kabulov", "ru:Замир Кабулов", "de:Samir Kabulow"])
        #expect(Self.names(entities.last) == ["en:Haqqani Network"])
        #expect(entities.allSatisfy { $0.source == "jrc-names" })
    }

    @Test func geonamesReadsTheNineteenColumnLayout() throws {
        let entities = try LexiconFiles.importFile(Fixture.path("import/geonames.txt"), format: .geonames)
        #expect(entities.map(\.id) == ["geonames-1138958", "geonames-1140026"])
        let kabul = try #require(entities.first)
        #expect(kabul.type == .gpe)
        #expect(kabul.name == "Kabul")
        #expect(kabul.population == 3_043_532)
        #expect(kabul.country == "iso3166-af")
        #expect(kabul.source == "geonames")
        // The airport code KBL is dropped; names are unique; all are generated and of unknown language.
        #expect(kabul.names.map(\.text) == ["Kabul", "Cabool", "Caboul", "Kabol", "Kaboul", "Кабул", "کابل"])
        #expect(kabul.names.allSatisfy { $0.generated && $0.language == "und" })
        let herat = try #require(entities.last)
        #expect(herat.name == "Herāt")
        #expect(herat.names.map(\.text) == ["Herāt", "Herat", "Hérat", "Герат", "هرات"])
        #expect(herat.population == 272_806)
    }

    @Test func spacyPatternsAsStringsAndTokenLists() throws {
        let entities = try LexiconFiles.importFile(Fixture.path("import/spacy.jsonl"), format: .spacy)
        #expect(entities.map(\.id) == ["kabul", "haqqani-network", "zamir-kabulov"])
        #expect(entities.map(\.type) == [.gpe, .org, .person])
        // Two patterns with the same id make one entity; token lists join with spaces;
        // a pattern without an id gets one from its text.
        #expect(entities[0].names.map(\.text) == ["Kabul", "kabul city"])
        #expect(entities[1].names.map(\.text) == ["Haqqani Network"])
        #expect(entities[2].name == "Zamir Kabulov")
        #expect(entities.allSatisfy { $0.source == "spacy" })
    }

    @Test func spacyPatternProblemsAreReportedByLine() throws {
        let file = try Fixture.temporaryFile("patterns.jsonl", """
        {"label": "GPE", "pattern": "Kabul", "id": "kabul"}
        {"pattern": "Herat", "id": "herat"}
        {"label": "GPE", "pattern": [{"SHAPE": "Xxxxx"}], "id": "shape"}
        not json

        """)
        do {
            _ = try LexiconFiles.importFile(file, format: .spacy)
            Issue.record("expected errors")
        } catch let e as LexiconError {
            #expect(e.errors.map(\.code) == [.missingField, .malformedField, .syntax])
            #expect(e.errors.map(\.location.line) == [2, 3, 4])
        }
    }

    @Test func geonamesRowWithTooFewColumnsIsASyntaxError() throws {
        let file = try Fixture.temporaryFile("short.txt", "1138958\tKabul\tKabul\n")
        do {
            _ = try LexiconFiles.importFile(file, format: .geonames)
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.errors.map(\.description) == ["\(file):1:1: error: expected the 19 tab-separated GeoNames fields, found 3"])
        }
    }

    @Test func importOfAMissingFileIsUnreadable() {
        do {
            _ = try LexiconFiles.importFile(Fixture.path("import/none.tsv"), format: .tsv)
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.isMissingFile)
        } catch { Issue.record("\(error)") }
    }

    @Test func jsonlReadsNamesAsStringsOrObjects() throws {
        let file = try Fixture.temporaryFile("lexicon.jsonl", """
        {"id": "united-nations", "type": "ORG", "name": "United Nations", "names": {"en": ["United Nations", {"name": "UN", "case": "exact"}], "ru": ["ООН"]}, "wikidata": "Q1065"}
        {"id": "supreme-court-of-russia", "type": "ORG", "name": "Supreme Court of Russia", "names": {"en": [{"name": "Supreme Court", "ambiguous": true}]}, "context": ["united-nations"]}

        """)
        let lexicon = try Lexicon.load(paths: [file])
        let un = try #require(lexicon.entity(id: "united-nations"))
        #expect(un.names.map(\.text) == ["United Nations", "UN", "ООН"])
        #expect(un.names.first { $0.text == "UN" }?.caseRule == .exact)
        #expect(un.wikidata == "Q1065")
        #expect(un.location == Location(file: file, line: 1, column: 1))
        let court = try #require(lexicon.entity(id: "supreme-court-of-russia"))
        #expect(court.names.first?.ambiguous == true)
        #expect(court.context == ["united-nations"])
        #expect(court.location?.line == 2)
    }

    /// A file of more than 20,000 lines is read in two halves on two threads: its entities
    /// and its errors are in the order of its lines, each error at its own line.
    @Test func aLargeJSONLFileIsReadInOrderWithEachErrorAtItsLine() throws {
        let count = 20_500
        var lines: [String] = []
        for k in 1...count {
            switch k {
            case 3: lines.append("{\"id\": \"broken\", ")
            case 9_000: lines.append("")
            case 15_000: lines.append("{\"id\": \"e\(k)\", \"type\": \"GPE\"}")
            default: lines.append("{\"id\": \"e\(k)\", \"type\": \"GPE\", \"name\": \"Place \(k)\"}")
            }
        }
        let file = try Fixture.temporaryFile("large.jsonl", lines.joined(separator: "\n") + "\n")
        do {
            _ = try Lexicon.load(paths: [file])
            Issue.record("expected errors")
        } catch let e as LexiconError {
            #expect(e.errors.map(\.location.line) == [3, 15_000], "\(e.errors.prefix(3))")
            #expect(e.errors.map(\.location.file) == [file, file])
        }
        // The same file mended: every entity, in order, at its line.
        lines[2] = "{\"id\": \"e3\", \"type\": \"GPE\", \"name\": \"Place 3\"}"
        lines[14_999] = "{\"id\": \"e15000\", \"type\": \"GPE\", \"name\": \"Place 15000\"}"
        let mended = try Fixture.temporaryFile("large-mended.jsonl", lines.joined(separator: "\n") + "\n")
        let lexicon = try Lexicon.load(paths: [mended])
        #expect(lexicon.entities.count == count - 1)
        let misplaced = lexicon.entities.filter { "e\($0.location?.line ?? 0)" != $0.id }.map(\.id)
        #expect(misplaced.isEmpty, "\(misplaced.prefix(5))")
        #expect(zip(lexicon.entities, lexicon.entities.dropFirst()).allSatisfy { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) })
    }

    /// Lines ended by CRLF (a file saved on Windows) are lines: "\r\n" is one Character, so a
    /// split at the Character "\n" would have read the file as one line.
    /// The same for a TSV file (a spreadsheet's export on Windows): each line a name, at its line.
    @Test func tsvWithCRLFLineEndingsReadsEachLine() throws {
        let plain = try String(contentsOfFile: Fixture.path("import/plain.tsv"), encoding: .utf8)
        let file = try Fixture.temporaryFile("crlf.tsv", plain.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).contains(0x0D))
        let entities = try LexiconFiles.importFile(file, format: .tsv)
        #expect(entities.map(\.id) == ["kabul", "tass"])
        #expect(Self.names(entities.first) == ["en:Kabul", "ru:Кабул", "fa:کابل"])
        #expect(entities.first?.names[2].location?.line == 4)
    }

    @Test func jsonlWithCRLFLineEndingsReadsEachLine() throws {
        let file = try Fixture.temporaryFile("crlf.jsonl", bytes: Array("""
        {"id": "kabul", "type": "GPE", "name": "Kabul", "names": {"ps": ["کابل"]}}\r
        {"id": "herat", "type": "GPE", "name": "Herat"}\r

        """.utf8))
        let lexicon = try Lexicon.load(paths: [file])
        #expect(lexicon.entities.map(\.id) == ["kabul", "herat"])
        #expect(lexicon.entity(id: "kabul")?.names.map(\.text) == ["کابل"])
        #expect(lexicon.entity(id: "herat")?.location?.line == 2)
    }
}
