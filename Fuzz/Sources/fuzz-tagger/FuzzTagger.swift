import Foundation
import FuzzSupport
import Nomen

/// The tagger, over the curated lexicons (compiled once per process), on any bytes.
///
/// Properties:
/// - `tag(utf8:)` never traps, on valid and invalid UTF-8;
/// - mentions are sorted, non-overlapping, non-empty and inside the text (scalar
///   offsets into the text as repaired, invalid sequences → U+FFFD);
/// - each mention's `text` is exactly its span, and its `id` is its entity's;
/// - tagging the bytes and then the repaired `String` give the same mentions (tagging
///   is deterministic: no dependence on earlier documents or on hashing order);
/// - every output format keeps its syntax for any text: `json` and `displacy` parse (and
///   displacy's `text` is the input), each `jsonl` line parses, the `html` page has no
///   markup but its own, `brat` has two tab-separated lines of three fields a mention,
///   and `conll` has three fields a line and one `B-` a mention.
@main
enum FuzzTagger {
    static let lexicons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lexicons/curated").path

    static let tagger: Tagger = {
        do {
            return Tagger(index: try LexiconStore.compile(paths: [lexicons]))
        } catch {
            Fuzz.fail("cannot compile \(lexicons): \(error)")
        }
    }()

    static func main() {
        _ = tagger
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzTagger.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = input
        let text = String(decoding: bytes, as: UTF8.self)
        let mentions = bytes.withUnsafeBufferPointer { tagger.tag(utf8: $0) }
        check(mentions, text: text)
        let again = tagger.tag(text)
        // The same text twice (the entry points share all the work after decoding): the
        // mentions must not depend on what was tagged before or on hashing order.
        Fuzz.check(again == mentions,
                   "the same text tagged twice gives different mentions: tag(utf8:) found \(mentions.map { "\($0.start)..<\($0.end) \($0.id)" }), then tag(_:) found \(again.map { "\($0.start)..<\($0.end) \($0.id)" }) in \(Fuzz.show(text))")
        checkFormats(mentions, text: text)
        return 0
    }

    /// Markup of the HTML page around an empty document, and per mention (`<mark>`, `<span>` and their ends).
    static let htmlTemplateTags = count(MentionFormatter(format: .html).render([], text: ""), "<")
    static let htmlTagsPerMention = 4

    static func count(_ s: String, _ c: Character) -> Int {
        let b = c.asciiValue!
        return s.utf8.reduce(0) { $0 + ($1 == b ? 1 : 0) }
    }

    static func lines(_ s: String) -> [Substring] {
        // Split on LF bytes: a String's "\n" Character test would miss CR LF pairs.
        s.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).map { Substring($0) }
    }

    static func parses(_ s: some StringProtocol) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(s.utf8))
    }

    static func checkFormats(_ mentions: [Mention], text: String) {
        for unit in OffsetUnit.allCases {
            let json = MentionFormatter(format: .json, unit: unit).render(mentions, text: text)
            guard let object = parses(json) as? [String: Any], let entities = object["entities"] as? [[String: Any]] else {
                Fuzz.fail("json output (\(unit)) does not parse: \(Fuzz.show(json))")
            }
            Fuzz.check(entities.count == mentions.count, "json output has \(entities.count) entities for \(mentions.count) mentions")
            for (e, m) in zip(entities, mentions) {
                Fuzz.check(e["text"] as? String == m.text && e["id"] as? String == m.id,
                           "json entity \(e) does not carry mention \(Fuzz.show(m.text)) \(m.id)")
            }
        }
        let jsonl = MentionFormatter(format: .jsonl).render(mentions, text: text)
        let jsonlLines = lines(jsonl)
        Fuzz.check(jsonlLines.count == mentions.count && jsonlLines.allSatisfy { parses($0) is [String: Any] },
                   "jsonl output is not one object a line: \(Fuzz.show(jsonl))")

        let displacy = MentionFormatter(format: .displacy).render(mentions, text: text, title: text)
        guard let d = parses(displacy) as? [String: Any], let ents = d["ents"] as? [Any] else {
            Fuzz.fail("displacy output does not parse: \(Fuzz.show(displacy))")
        }
        Fuzz.check(d["text"] as? String == text && d["title"] as? String == text && ents.count == mentions.count,
                   "displacy output does not carry the text: \(Fuzz.show(displacy))")

        let html = MentionFormatter(format: .html).render(mentions, text: text, title: text)
        Fuzz.check(count(html, "<") == htmlTemplateTags + htmlTagsPerMention * mentions.count,
                   "html output has markup from the text: \(Fuzz.show(html, limit: 2000))")

        let brat = MentionFormatter(format: .brat).render(mentions, text: text)
        let bratLines = lines(brat)
        Fuzz.check(bratLines.count == 2 * mentions.count, "brat output has \(bratLines.count) lines for \(mentions.count) mentions: \(Fuzz.show(brat))")
        for l in bratLines {
            Fuzz.check(l.utf8.split(separator: 0x09, omittingEmptySubsequences: false).count == 3 && !l.utf8.contains(0x0D),
                       "brat line is not three tab-separated fields: \(Fuzz.show(String(l)))")
        }

        let conll = MentionFormatter(format: .conll).render(mentions, text: text)
        var begins = 0
        for l in lines(conll) {
            let fields = l.utf8.split(separator: 0x09, omittingEmptySubsequences: false)
            Fuzz.check(fields.count == 3 && !fields[0].isEmpty && !l.utf8.contains(0x0D),
                       "conll line is not three tab-separated fields: \(Fuzz.show(String(l)))")
            if fields.count == 3, fields[1].starts(with: "B-".utf8) { begins += 1 }
        }
        Fuzz.check(begins == mentions.count, "conll output has \(begins) B- tags for \(mentions.count) mentions: \(Fuzz.show(conll))")
    }

    static func check(_ mentions: [Mention], text: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for m in mentions {
            Fuzz.check(m.start >= 0 && m.start < m.end && m.end <= scalars.count,
                       "mention \(m.start)..<\(m.end) \(m.id) is empty or outside 0..<\(scalars.count) in \(Fuzz.show(text))")
            Fuzz.check(m.start >= previousEnd,
                       "mention \(m.start)..<\(m.end) \(m.id) starts before the previous one ends (\(previousEnd)) in \(Fuzz.show(text))")
            let span = String(String.UnicodeScalarView(scalars[m.start..<m.end]))
            Fuzz.check(m.text == span, "mention \(m.start)..<\(m.end) \(m.id) has text \(Fuzz.show(m.text)), its span is \(Fuzz.show(span))")
            Fuzz.check(m.entity >= 0 && m.entity < tagger.lexicon.entityCount && tagger.lexicon.entityID(m.entity) == m.id,
                       "mention \(m.id) has entity index \(m.entity)")
            Fuzz.check(!m.id.isEmpty && m.score > 0 && m.score <= 1, "mention \(m.start)..<\(m.end) has id \(Fuzz.show(m.id)) and score \(m.score)")
            previousEnd = m.end
        }
    }
}
