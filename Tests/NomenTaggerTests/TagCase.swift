import Testing
import NomenTagger
import NomenTestSupport

/// One expected mention of a case table: the text as it must appear in the span, the
/// entity id, and optionally how it must have matched and the honorific it must carry.
///
/// Offsets are not written by hand: the span is the first occurrence of `text` in the
/// input at or after the end of the previous expected mention, so the table states the
/// exact Unicode-scalar span without counting letters (and the counting cannot be wrong).
struct Mentioned: Sendable {
    let text: String
    let id: String
    let match: MatchKind?
    let honorific: String?

    init(_ text: String, _ id: String, _ match: MatchKind? = nil, honorific: String? = nil) {
        self.text = text
        self.id = id
        self.match = match
        self.honorific = honorific
    }
}

/// A span of the tagger's output reduced to what the tables compare.
struct TaggedSpan: Equatable, CustomStringConvertible {
    var start: Int
    var end: Int
    var text: String
    var id: String

    var description: String { "[\(start), \(end)) \"\(text)\" → \(id)" }
}

/// An input sentence and every mention the tagger must report in it, nothing more.
struct TagCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: [Mentioned]
    let note: String

    init(_ text: String, _ expected: [Mentioned] = [], note: String = "") {
        self.text = text
        self.expected = expected
        self.note = note
    }

    var testDescription: String { note.isEmpty ? text : "\(note): \(text)" }

    /// The expected spans, located in the text; nil when the table itself is wrong.
    func spans() -> [TaggedSpan]? {
        let hay = Array(text.unicodeScalars)
        var from = 0
        var out: [TaggedSpan] = []
        for e in expected {
            let needle = Array(e.text.unicodeScalars)
            guard !needle.isEmpty, hay.count >= needle.count else { return nil }
            // A whole word first (Khan, not the Khan of Khans), else anywhere (Han text).
            func isLetter(_ k: Int) -> Bool { k >= 0 && k < hay.count && hay[k].properties.isAlphabetic }
            func find(wholeWord: Bool) -> Int? {
                var i = from
                while i + needle.count <= hay.count {
                    if Array(hay[i..<(i + needle.count)]) == needle && (!wholeWord || (!isLetter(i - 1) && !isLetter(i + needle.count))) { return i }
                    i += 1
                }
                return nil
            }
            guard let start = find(wholeWord: true) ?? find(wholeWord: false) else { return nil }
            out.append(TaggedSpan(start: start, end: start + needle.count, text: e.text, id: e.id))
            from = start + needle.count
        }
        return out
    }
}

/// Tags `c.text` with the shipped lexicons and checks the mentions against the table:
/// the same spans, texts and ids in the same order, and the match kind and honorific
/// where the table names them (an unnamed honorific must be absent).
func expectTagging(_ c: TagCase, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let expected = c.spans() else {
        Issue.record("table error: an expected text is not in \"\(c.text)\"", sourceLocation: sourceLocation)
        return
    }
    let mentions = SharedIndex.tagger.tag(c.text)
    let actual = mentions.map { TaggedSpan(start: $0.start, end: $0.end, text: $0.text, id: $0.id) }
    #expect(actual == expected, "input: \(c.text)\nexpected: \(expected)\nactual:   \(actual)", sourceLocation: sourceLocation)
    guard actual == expected else { return }
    for (e, m) in zip(c.expected, mentions) {
        if let kind = e.match {
            #expect(m.match == kind, "\(c.text): \"\(m.text)\" matched \(m.match.rawValue), expected \(kind.rawValue)",
                    sourceLocation: sourceLocation)
        }
        #expect(m.honorific == e.honorific,
                "\(c.text): \"\(m.text)\" honorific \(m.honorific ?? "nil"), expected \(e.honorific ?? "nil")",
                sourceLocation: sourceLocation)
    }
}
