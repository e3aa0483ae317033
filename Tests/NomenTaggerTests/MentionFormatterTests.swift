import Foundation
import Testing
import NomenNormalization
import NomenTagger
import NomenTestSupport

/// Every output format of `nomen tag`, on mentions written out by hand so that the
/// formatter is checked on its own, and on the tagger's output for the same text.
@Suite struct MentionFormatterTests {
    /// A person, a place after markup, and a name broken over two lines.
    static let text = "Zamir Kabulov met <script>alert(1)</script> in Moscow.\nIslamic\nEmirate of Afghanistan"

    static let mentions: [Mention] = [
        Mention(start: 0, end: 13, text: "Zamir Kabulov", entity: 0, id: "zamir-kabulov", type: "PERSON", name: "Zamir Kabulov",
                score: 1, match: .exact),
        Mention(start: 47, end: 53, text: "Moscow", entity: 1, id: "moscow", type: "GPE", name: "Moscow", score: 1, match: .exact),
        Mention(start: 55, end: 85, text: "Islamic\nEmirate of Afghanistan", entity: 2, id: "islamic-emirate-of-afghanistan",
                type: "GPE", name: "Islamic Emirate of Afghanistan", score: 1, match: .normalized),
    ]

    static func render(_ format: OutputFormat, unit: OffsetUnit = .scalar, _ mentions: [Mention] = mentions,
                       text: String = text, title: String? = nil) -> String {
        MentionFormatter(format: format, unit: unit).render(mentions, text: text, title: title)
    }

    static func jsonObject(_ s: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any])
    }

    @Test func theTaggerFindsWhatTheseTestsFormat() {
        let found = SharedIndex.tagger.tag(Self.text).map { "\($0.start) \($0.end) \($0.id)" }
        #expect(found == Self.mentions.map { "\($0.start) \($0.end) \($0.id)" })
    }

    @Test func json() throws {
        let out = Self.render(.json)
        #expect(out.hasSuffix("}\n"))
        #expect(out.split(separator: "\n").count == 1, "one object on one line")
        let entities = try #require(try Self.jsonObject(out)["entities"] as? [[String: Any]])
        #expect(entities.count == 3)
        let first = try #require(entities.first)
        #expect(first["start"] as? Int == 0)
        #expect(first["end"] as? Int == 13)
        #expect(first["text"] as? String == "Zamir Kabulov")
        #expect(first["id"] as? String == "zamir-kabulov")
        #expect(first["type"] as? String == "PERSON")
        #expect(first["name"] as? String == "Zamir Kabulov")
        #expect(first["score"] as? Double == 1.0)
        #expect(first["match"] as? String == "exact")
        #expect(first["honorific"] == nil)
        #expect(entities[2]["text"] as? String == "Islamic\nEmirate of Afghanistan", "a newline inside a name survives JSON")
        #expect(entities[2]["match"] as? String == "normalized")
    }

    @Test func jsonHonorificAndEmpty() throws {
        let m = Mention(start: 0, end: 17, text: "Mawlawi Gul Hasan", entity: 0, id: "gul-hasan", type: "PERSON", name: "Gul Hasan",
                        score: 0.9, match: .exact, honorific: "mawlawi")
        let entities = try #require(try Self.jsonObject(Self.render(.json, [m], text: "Mawlawi Gul Hasan"))["entities"] as? [[String: Any]])
        #expect(entities.first?["honorific"] as? String == "mawlawi")
        #expect(entities.first?["score"] as? Double == 0.9)
        #expect(Self.render(.json, [], text: "") == "{\"entities\":[]}\n")
        #expect(Self.render(.jsonl, [], text: "") == "")
    }

    @Test func jsonEscapesQuotesBackslashesAndControls() throws {
        let text = "\"R\\u\u{1}\" Russia"
        let m = Mention(start: 0, end: 6, text: "\"R\\u\u{1}\"", entity: 0, id: "x", type: "GPE", name: "a \"b\"", score: 1, match: .exact)
        let entities = try #require(try Self.jsonObject(Self.render(.json, [m], text: text))["entities"] as? [[String: Any]])
        #expect(entities.first?["text"] as? String == "\"R\\u\u{1}\"")
        #expect(entities.first?["name"] as? String == "a \"b\"")
    }

    @Test func jsonl() throws {
        let out = Self.render(.jsonl)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "", "three lines, each ending in a newline")
        let objects = try lines.dropLast().map { try Self.jsonObject(String($0)) }
        #expect(objects.map { $0["id"] as? String } == ["zamir-kabulov", "moscow", "islamic-emirate-of-afghanistan"])
        #expect(objects.map { $0["start"] as? Int } == [0, 47, 55])
        // The same objects as the json format's array.
        let array = try #require(try Self.jsonObject(Self.render(.json))["entities"] as? [[String: Any]])
        #expect(array.map { NSDictionary(dictionary: $0) } == objects.map { NSDictionary(dictionary: $0) })
    }

    @Test func displacy() throws {
        let out = try Self.jsonObject(Self.render(.displacy))
        #expect(out["text"] as? String == Self.text)
        #expect(out["title"] is NSNull)
        let ents = try #require(out["ents"] as? [[String: Any]])
        #expect(ents.map { $0["start"] as? Int } == [0, 47, 55])
        #expect(ents.map { $0["end"] as? Int } == [13, 53, 85])
        #expect(ents.map { $0["label"] as? String } == ["PERSON", "GPE", "GPE"])
        #expect(ents.map { $0["kb_id"] as? String } == ["zamir-kabulov", "moscow", "islamic-emirate-of-afghanistan"])
        let titled = try Self.jsonObject(Self.render(.displacy, title: "a.txt"))
        #expect(titled["title"] as? String == "a.txt")
    }

    /// (token, tag, id) rows of CoNLL output; nil rows for blank lines.
    static func conllRows(_ out: String) -> [(String, String, String)?] {
        out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            if line.isEmpty { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return f.count == 3 ? (f[0], f[1], f[2]) : ("<bad line: \(line)>", "", "")
        }
    }

    @Test func conllIOB2() throws {
        let rows = Self.conllRows(Self.render(.conll))
        let named = rows.compactMap { $0 }.filter { $0.1 != "O" }.map { "\($0.0) \($0.1) \($0.2)" }
        #expect(named == [
            "Zamir B-PERSON zamir-kabulov", "Kabulov I-PERSON zamir-kabulov",
            "Moscow B-GPE moscow",
            "Islamic B-GPE islamic-emirate-of-afghanistan", "Emirate I-GPE islamic-emirate-of-afghanistan",
            "of I-GPE islamic-emirate-of-afghanistan", "Afghanistan I-GPE islamic-emirate-of-afghanistan",
        ])
        #expect(rows.contains { $0?.0 == "met" && $0?.1 == "O" && $0?.2 == "_" })
        #expect(rows.allSatisfy { $0 == nil || !$0!.0.hasPrefix("<bad line") }, "every row has three tab-separated columns")
        #expect(rows.contains { $0 == nil }, "a blank line after the sentence that ends with Moscow.")
    }

    @Test func conllAdjacentMentionsEachBegin() {
        let text = "Kabul Moscow"
        let ms = [
            Mention(start: 0, end: 5, text: "Kabul", entity: 0, id: "kabul", type: "GPE", name: "Kabul", score: 1, match: .exact),
            Mention(start: 6, end: 12, text: "Moscow", entity: 1, id: "moscow", type: "GPE", name: "Moscow", score: 1, match: .exact),
        ]
        let rows = Self.conllRows(Self.render(.conll, ms, text: text)).compactMap { $0 }.map { "\($0.0) \($0.1) \($0.2)" }
        #expect(rows == ["Kabul B-GPE kabul", "Moscow B-GPE moscow"])
    }

    /// IOB2 on the tagger's own output for a multilingual text: an I- tag continues the
    /// entity of the row before it, and every mention's first token is a B- row.
    @Test func conllIsValidIOB2OnTaggedText() {
        let text = "Zamir Kabulov arrived in Moscow. Замир Кабулов прибыл в Москву. Islamic Emirate of Afghanistan. ذبیح‌الله مجاهد گفت."
        let mentions = SharedIndex.tagger.tag(text)
        #expect(mentions.count >= 6)
        let rows = Self.conllRows(Self.render(.conll, mentions, text: text))
        var previous: (String, String, String)?
        for row in rows {
            if let r = row, r.1.hasPrefix("I-") {
                #expect(previous != nil && previous!.1.dropFirst(2) == r.1.dropFirst(2) && previous!.2 == r.2,
                        "\(r) continues \(String(describing: previous))")
            }
            previous = row
        }
        let begins = rows.compactMap { $0 }.filter { $0.1.hasPrefix("B-") }.count
        #expect(begins == mentions.count)
    }

    @Test func brat() {
        let lines = Self.render(.brat).split(separator: "\n").map(String.init)
        #expect(lines == [
            "T1\tPERSON 0 13\tZamir Kabulov", "#1\tAnnotatorNotes T1\tzamir-kabulov",
            "T2\tGPE 47 53\tMoscow", "#2\tAnnotatorNotes T2\tmoscow",
            "T3\tGPE 55 62;63 85\tIslamic Emirate of Afghanistan", "#3\tAnnotatorNotes T3\tislamic-emirate-of-afghanistan",
        ])
    }

    @Test func html() {
        let out = Self.render(.html, title: "<img src=x onerror=alert(1)>")
        #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!out.contains("<script"), "no markup from the input")
        #expect(!out.contains("<img"), "the title is escaped")
        #expect(out.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(out.components(separatedBy: "<mark").count - 1 == 3)
        #expect(out.contains("data-id=\"zamir-kabulov\""))
        #expect(out.hasPrefix("<!DOCTYPE html>"))
        #expect(out.contains("<meta charset=\"utf-8\">"))
    }

    @Test func htmlEscapesAttributesAndMentionText() {
        let text = "a\"b'c&d<e>"
        let m = Mention(start: 0, end: 10, text: text, entity: 0, id: "x\"><script>", type: "ORG", name: "\"'<>&",
                        score: 1, match: .exact)
        let out = Self.render(.html, [m], text: text)
        #expect(!out.contains("<script"))
        #expect(out.contains("a&quot;b&#39;c&amp;d&lt;e&gt;"))
        #expect(!out.contains("x\">"))
    }

    /// Offsets in UTF-16 and UTF-8 units are those of the same characters.
    @Test(arguments: OutputFormat.allCases) func offsetUnits(_ format: OutputFormat) throws {
        let text = "😀 Москва, «Кабулов» и Russia"
        let ms = [
            Mention(start: 2, end: 8, text: "Москва", entity: 0, id: "moscow", type: "GPE", name: "Moscow", score: 1, match: .exact),
            Mention(start: 22, end: 28, text: "Russia", entity: 1, id: "russia", type: "GPE", name: "Russia", score: 1, match: .exact),
        ]
        let expected: [OffsetUnit: [(Int, Int)]] = [.scalar: [(2, 8), (22, 28)], .utf16: [(3, 9), (23, 29)], .utf8: [(5, 17), (41, 47)]]
        for unit in OffsetUnit.allCases {
            let out = Self.render(format, unit: unit, ms, text: text)
            let want = expected[unit]!
            switch format {
            case .json, .jsonl, .displacy:
                let objects: [[String: Any]]
                if format == .jsonl {
                    objects = try out.split(separator: "\n").map { try Self.jsonObject(String($0)) }
                } else {
                    let top = try Self.jsonObject(out)
                    objects = try #require((top["entities"] ?? top["ents"]) as? [[String: Any]])
                }
                #expect(objects.map { $0["start"] as? Int } == want.map { $0.0 }, "\(format) \(unit)")
                #expect(objects.map { $0["end"] as? Int } == want.map { $0.1 }, "\(format) \(unit)")
            case .brat:
                #expect(out.contains("GPE \(want[0].0) \(want[0].1)\tМосква"), "\(unit): \(out)")
                #expect(out.contains("GPE \(want[1].0) \(want[1].1)\tRussia"), "\(unit): \(out)")
            case .conll, .html:
                // No offsets in these: the unit changes nothing.
                #expect(out == Self.render(format, unit: .scalar, ms, text: text))
            }
        }
    }
}
