import Foundation
import Testing
import NomenLexicon

/// One expected diagnostic: its code, and the text after `file:` (`line:column: severity: message`).
struct ExpectedDiagnostic: CustomStringConvertible, Sendable {
    let code: String
    let line: Int
    let column: Int
    let severity: String
    let message: String

    init(_ code: Diagnostic.Code, _ line: Int, _ column: Int, _ message: String, severity: String = "error") {
        self.code = code.name
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    func rendered(file: String) -> String { "\(file):\(line):\(column): \(severity): \(message)" }
    var description: String { "\(code) \(line):\(column)" }
}

/// The YAML reader's diagnostics, one fixture per error code, each position checked by hand
/// against the fixture (lines and columns are 1-based; columns count Unicode scalars).
@Suite struct YAMLLexiconReaderTests {
    static let knownTypes = "EVENT, FAC, GPE, LANGUAGE, LAW, LOC, MISC, NORP, ORG, PERSON, PRODUCT, WORK_OF_ART"

    static let cases: [(String, [ExpectedDiagnostic])] = [
        ("broken/syntax.yaml", [
            // line 5 `    name: Kabul: the capital`: the second ": " is at column 16.
            ExpectedDiagnostic(.syntax, 5, 16, "YAML syntax: mapping values are not allowed in this context"),
        ]),
        ("broken/invalid-utf8.yaml", [
            // line 7 `      en: [Kab\xFFl]`: 11 bytes before "[", the bad byte is the 15th; byte 135 of the file.
            ExpectedDiagnostic(.invalidUTF8, 7, 15, "invalid UTF-8 at byte offset 135"),
        ]),
        ("broken/missing-field.yaml", [
            ExpectedDiagnostic(.missingField, 4, 5, "entity has no \"id\""),
            ExpectedDiagnostic(.missingField, 8, 5, "entity \"kandahar\" has no \"type\""),
            ExpectedDiagnostic(.missingField, 10, 5, "entity \"herat\" has no \"name\""),
            ExpectedDiagnostic(.missingField, 19, 11, "a name given as a mapping needs \"name\" (in entity \"mazar-i-sharif\")"),
        ]),
        ("broken/malformed-field.yaml", [
            ExpectedDiagnostic(.malformedField, 6, 12, "\"names\" of \"kabul\" must map language tags to lists of names"),
            ExpectedDiagnostic(.malformedField, 10, 17, "\"population\" of \"kandahar\" must be a non-negative integer"),
            ExpectedDiagnostic(.malformedField, 14, 15, "malformed wikidata id \"12345\" (expected Q followed by digits)"),
            ExpectedDiagnostic(.malformedField, 19, 37, "\"ambiguous\" must be true or false"),
            ExpectedDiagnostic(.malformedField, 19, 67, "\"case\" must be exact or natural"),
            ExpectedDiagnostic(.malformedField, 20, 5, "each entity must be a mapping with id, type, name and names"),
        ]),
        ("broken/invalid-id.yaml", [
            ExpectedDiagnostic(.invalidID, 3, 9, "malformed id \"Zamir_Kabulov\": use lowercase letters, digits and hyphens ([a-z0-9-]+)"),
            ExpectedDiagnostic(.invalidID, 6, 9, "malformed id \"\": use lowercase letters, digits and hyphens ([a-z0-9-]+)"),
        ]),
        ("broken/unknown-type.yaml", [
            ExpectedDiagnostic(.unknownType, 4, 11, "unknown type \"PERSN\" (known: \(knownTypes))"),
        ]),
        ("broken/malformed-language-tag.yaml", [
            ExpectedDiagnostic(.malformedLanguageTag, 7, 7, "malformed language tag \"english\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)"),
            ExpectedDiagnostic(.malformedLanguageTag, 8, 7, "malformed language tag \"ru_RU\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)"),
        ]),
        ("broken/empty-name.yaml", [
            ExpectedDiagnostic(.emptyName, 5, 11, "empty name in entity \"tass\""),
            ExpectedDiagnostic(.emptyName, 10, 25, "empty name in entity \"ria-novosti\""),
        ]),
        ("broken/unknown-reference.yaml", [
            ExpectedDiagnostic(.unknownReference, 3, 5, "entity \"kabul\" refers to unknown id \"taliban\""),
        ]),
        ("broken/three-errors.yaml", [
            ExpectedDiagnostic(.invalidID, 3, 9, "malformed id \"Kabul\": use lowercase letters, digits and hyphens ([a-z0-9-]+)"),
            ExpectedDiagnostic(.unknownType, 7, 11, "unknown type \"CITY\" (known: \(knownTypes))"),
            ExpectedDiagnostic(.malformedLanguageTag, 13, 7, "malformed language tag \"zh-\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)"),
        ]),
        ("broken/errors.jsonl", [
            ExpectedDiagnostic(.syntax, 2, 1, "not a JSON object"),
            ExpectedDiagnostic(.unknownType, 3, 1, "unknown type \"AGENCY\" (known: \(knownTypes))"),
            ExpectedDiagnostic(.malformedLanguageTag, 4, 1, "malformed language tag \"en_GB\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)"),
        ]),
        ("broken/errors.tsv", [
            ExpectedDiagnostic(.syntax, 3, 1, "expected 4 tab-separated fields (id, type, lang, name), found 3"),
            // `tass<TAB>AGENCY`: the type starts at column 6.
            ExpectedDiagnostic(.unknownType, 4, 6, "unknown type \"AGENCY\" (known: \(knownTypes))"),
        ]),
        ("warnings/script-mismatch.yaml", [
            // `      ru: [Замир Кабулов, Zamir Kabulov]`: 13 scalars of Cyrillic from column 12, then ", ".
            ExpectedDiagnostic(.scriptMismatch, 8, 27, "name \"Zamir Kabulov\" of \"zamir-kabulov\" is in Latin script, unusual for language \"ru\"", severity: "warning"),
        ]),
        ("warnings/empty-after-normalization.yaml", [
            ExpectedDiagnostic(.emptyAfterNormalization, 7, 18, "name \"—\" of \"tass\" normalises to nothing", severity: "warning"),
        ]),
        ("warnings/breaking-punctuation.yaml", [
            // `      fr: [Washington, "Washington, D.C."]`: the quoted name opens at column 24.
            ExpectedDiagnostic(.breakingPunctuation, 8, 24,
                               "name \"Washington, D.C.\" of \"washington\" has \",\", which ends a name in running text: the tagger never finds it",
                               severity: "warning"),
            // `      de: [Janata Dal (United Party)]`: two words in brackets; one (line 14) is the name's.
            ExpectedDiagnostic(.breakingPunctuation, 15, 12,
                               "name \"Janata Dal (United Party)\" of \"janata-dal-united\" has \"(\", which ends a name in running text: the tagger never finds it",
                               severity: "warning"),
        ]),
        ("warnings/dash-before-cased-word.yaml", [
            // `      en: [China-Pakistan Economic Corridor, China–Pakistan Economic Corridor]`: the second name at column 46.
            ExpectedDiagnostic(.breakingPunctuation, 9, 46,
                               "name \"China–Pakistan Economic Corridor\" of \"cpec\" has \"–\" before a word with case, which ends a name in running text: the tagger never finds it (write a hyphen)",
                               severity: "warning"),
            // `      ru: [Сила Сибири-2, Сила Сибири — 2]`: a dash beside a space, before a digit.
            ExpectedDiagnostic(.breakingPunctuation, 15, 27,
                               "name \"Сила Сибири — 2\" of \"power-of-siberia-2\" has \"—\" beside a space, which ends a name in running text: the tagger never finds it",
                               severity: "warning"),
        ]),
        ("warnings/unknown-field.yaml", [
            ExpectedDiagnostic(.unknownField, 6, 5, "unknown field \"nickname\" (kept out of the index)", severity: "warning"),
        ]),
    ]

    @Test(arguments: cases)
    func reportsEveryProblemAtItsPlace(_ fixture: String, _ expected: [ExpectedDiagnostic]) {
        let file = Fixture.path(fixture)
        let (lexicon, diagnostics) = Fixture.load([file])
        #expect(diagnostics.map(\.description) == expected.map { $0.rendered(file: file) })
        #expect(diagnostics.map(\.code.name) == expected.map(\.code))
        #expect(diagnostics.allSatisfy { $0.location.file == file })
        // Errors make loading fail; warnings alone do not.
        let hasErrors = expected.contains { $0.severity == "error" }
        #expect((lexicon == nil) == hasErrors)
    }

    @Test func collectsAllProblemsOfAFileBeforeFailing() throws {
        let file = Fixture.path("broken/three-errors.yaml")
        do {
            _ = try Lexicon.load(paths: [file])
            Issue.record("expected three errors")
        } catch let e as LexiconError {
            #expect(e.errors.count == 3)
            #expect(Set(e.errors.map(\.location.line)) == [3, 7, 13])
            #expect(!e.isMissingFile)
            // The error's text is every error, one a line.
            #expect(e.description.split(separator: "\n").count == 3)
        }
    }

    @Test func duplicateIDAcrossTwoFilesNamesBothPlaces() {
        let a = Fixture.path("broken/duplicate-id/a.yaml")
        let b = Fixture.path("broken/duplicate-id/b.yaml")
        for paths in [[a, b], [Fixture.path("broken/duplicate-id")]] {
            let (lexicon, diagnostics) = Fixture.load(paths)
            #expect(lexicon == nil)
            #expect(diagnostics.map(\.description) == ["\(b):6:5: error: duplicate id \"taliban\" (first at \(a):3:5)"])
            #expect(diagnostics.map(\.code) == [.duplicateID])
        }
    }

    @Test func sharedNameWarningListsBothIDs() throws {
        let file = Fixture.path("warnings/shared-name.yaml")
        let lexicon = try Lexicon.load(paths: [file])
        // "KABUL" (line 12) folds like "Kabul" of kabul (line 7); the German "Kabul" is marked
        // ambiguous, so it is not reported.
        #expect(lexicon.diagnostics.map(\.description) == [
            "\(file):12:28: warning: name \"KABUL\" of \"kabul-province\" is also a name of \"kabul\" (at \(file):7:12): mark it ambiguous or remove one",
        ])
        #expect(lexicon.diagnostics.map(\.code) == [.sharedName])
        #expect(lexicon.entities.map(\.id) == ["kabul", "kabul-province"])
    }

    /// An apostrophe or # inside a plain scalar (d'investissement, C#) opens no quote and no
    /// comment: the nesting check before parsing must not lose count of the flow brackets.
    @Test func apostrophesInPlainScalarsAreNotQuotes() throws {
        let entries = (0..<40).map { k in
            "  - {id: bank-\(k), type: ORG, name: Bank \(k), names: {fr: [Banque européenne d'investissement \(k), C# \(k)]}}"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nomen-apostrophes-\(getpid()).yaml").path
        try ("entities:\n" + entries.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lexicon = try Lexicon.load(paths: [path])
        #expect(lexicon.entities.count == 40)
        #expect(lexicon.entity(id: "bank-39")?.names.map(\.text) == ["Banque européenne d'investissement 39", "C# 39"])
    }

    @Test func warningsCanBeTurnedOff() throws {
        let lexicon = try Lexicon.load(paths: [Fixture.path("warnings/script-mismatch.yaml")], warnings: false)
        #expect(lexicon.diagnostics.isEmpty)
        #expect(lexicon.entity(id: "zamir-kabulov")?.names.count == 3)
    }

    @Test func missingFileIsUnreadableNotBadData() {
        let file = Fixture.path("broken/no-such-file.yaml")
        do {
            _ = try Lexicon.load(paths: [file])
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.isMissingFile)
            #expect(e.errors.map(\.code) == [.unreadable])
            #expect(e.errors.first?.location == Location(file: file, line: 1, column: 1))
        } catch { Issue.record("\(error)") }
    }

    /// Nested aliases that the reader expands (a thousand entities, each with a thousand
    /// languages of a thousand names: 10^9 names from 19 kB) stop at the node budget,
    /// with one diagnostic (how fast is measured by the benchmarks, not asserted here).
    @Test func billionLaughsFailsQuicklyWithLimitExceeded() {
        let file = Fixture.path("broken/billion-laughs.yaml")
        let diagnostics = Fixture.load([file]).diagnostics
        #expect(diagnostics.contains { $0.code == .limitExceeded && $0.severity == .error })
        // The budget scales with the file: 4 nodes a byte, at least 100,000.
        #expect(diagnostics.filter { $0.code == .limitExceeded }.map(\.description) == [
            "\(file):1:1: error: more than 100000 YAML nodes once aliases are expanded (100k allowed for a file of this size)"
        ])
    }

    /// The classic document (nine levels of lists of aliases) is rejected: the reader
    /// never expands a list of lists, so it reports the malformed entities and stops.
    @Test func classicBillionLaughsFails() {
        let file = Fixture.path("broken/billion-laughs-classic.yaml")
        let result = Fixture.load([file])
        #expect(result.lexicon == nil)
        #expect(result.diagnostics.contains { $0.severity == .error })
        #expect(result.diagnostics.count <= 100)
    }

    /// Columns count Unicode scalars (SourceLocation's contract), also for a bad byte that
    /// follows non-ASCII text: `      ru: [Кабул\xFF]` has the bad byte in column 17 (in bytes: 22).
    @Test func invalidUTF8ColumnCountsScalars() throws {
        var bytes = Array("entities:\n  - id: kabul\n    type: GPE\n    name: Kabul\n    names:\n      ru: [Кабул".utf8)
        bytes += [0xFF]
        bytes += Array("]\n".utf8)
        let file = try Fixture.temporaryFile("cyrillic-invalid.yaml", bytes: bytes)
        let (_, diagnostics) = Fixture.load([file])
        #expect(diagnostics.map(\.code) == [.invalidUTF8])
        #expect(diagnostics.first?.location == Location(file: file, line: 6, column: 17))
    }

    @Test func readsEveryFieldOfAValidEntity() throws {
        let file = Fixture.path("good/mini.yaml")
        let lexicon = try Lexicon.load(paths: [file])
        #expect(lexicon.diagnostics.isEmpty, "\(lexicon.diagnostics)")
        #expect(lexicon.entities.map(\.id) == ["zamir-kabulov", "russia", "supreme-court-of-russia"])
        let kabulov = try #require(lexicon.entity(id: "zamir-kabulov"))
        #expect(kabulov.type == .person)
        #expect(kabulov.name == "Zamir Kabulov")
        #expect(kabulov.description == "Russian presidential envoy for Afghanistan")
        #expect(kabulov.country == "russia")
        #expect(kabulov.context == ["russia"])
        #expect(kabulov.isCurated)
        #expect(kabulov.location == Location(file: file, line: 3, column: 5))
        #expect(kabulov.names.map { "\($0.language):\($0.text)" } == [
            "en:Zamir Kabulov", "ru:Замир Кабулов", "fa:ضمیر کابلوف", "zh:扎米尔·卡布洛夫",
        ])
        #expect(kabulov.names[1].location == Location(file: file, line: 11, column: 12))
        let russia = try #require(lexicon.entity(id: "russia"))
        let rf = try #require(russia.names.first { $0.text == "RF" })
        #expect(rf.caseRule == .exact && !rf.ambiguous)
        let court = try #require(lexicon.entity(id: "supreme-court-of-russia"))
        let short = try #require(court.names.first { $0.text == "Supreme Court" })
        #expect(short.ambiguous && short.caseRule == .natural)
        #expect(lexicon.nameCount == 4 + 4 + 2)
    }

    /// An empty file and a file of comments are empty lexicons, not errors.
    @Test(arguments: ["", "# nothing yet\n"])
    func emptyFileIsAnEmptyLexicon(_ text: String) throws {
        let file = try Fixture.temporaryFile("empty.yaml", text)
        let lexicon = try Lexicon.load(paths: [file])
        #expect(lexicon.entities.isEmpty)
    }

    @Test func topLevelMustHoldAnEntitiesList() throws {
        let noList = try Fixture.temporaryFile("no-list.yaml", "people:\n  - id: x\n")
        #expect(Fixture.load([noList]).diagnostics.map(\.description) == ["\(noList):1:1: error: no \"entities\" list"])
        let notAList = try Fixture.temporaryFile("not-a-list.yaml", "entities:\n  id: x\n")
        #expect(Fixture.load([notAList]).diagnostics.map(\.description) == ["\(notAList):2:3: error: \"entities\" must be a list"])
        let scalar = try Fixture.temporaryFile("scalar.yaml", "just text\n")
        #expect(Fixture.load([scalar]).diagnostics.map(\.code) == [.malformedField])
    }

    @Test func overlongNameIsLimitExceeded() throws {
        let long = String(repeating: "a", count: LexiconLimits.maxNameLength + 1)
        let file = try Fixture.temporaryFile("long.yaml", "entities:\n  - id: x\n    type: MISC\n    name: X\n    names:\n      en: [\(long)]\n")
        let (lexicon, diagnostics) = Fixture.load([file])
        #expect(lexicon == nil)
        #expect(diagnostics.map(\.description) == [
            "\(file):6:12: error: name longer than \(LexiconLimits.maxNameLength) characters in entity \"x\"",
        ])
        #expect(diagnostics.map(\.code) == [.limitExceeded])
    }
}
