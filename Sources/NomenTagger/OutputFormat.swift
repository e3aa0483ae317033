import Foundation
import NomenLexicon
import NomenNormalization

/// The ways `nomen tag` writes its mentions.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// One JSON object: `{"entities": [...]}`.
    case json
    /// One JSON object a mention, a line each.
    case jsonl
    /// spaCy displaCy's manual format: `{"text", "ents": [{"start", "end", "label", "kb_id"}], "title"}`.
    case displacy
    /// CoNLL IOB2: a token a line (`token<TAB>B-GPE<TAB>russia`), a blank line between sentences.
    case conll
    /// brat standoff `.ann`: `T1<TAB>GPE 0 6<TAB>Russia` and `#1<TAB>AnnotatorNotes T1<TAB>russia`.
    case brat
    /// A self-contained HTML page with the mentions highlighted; everything escaped.
    case html
}

/// Writes mentions in an ``OutputFormat``, with offsets in an ``OffsetUnit``.
public struct MentionFormatter: Sendable {
    public let format: OutputFormat
    public let unit: OffsetUnit

    public init(format: OutputFormat, unit: OffsetUnit = .scalar) {
        self.format = format
        self.unit = unit
    }

    /// The JSON object of one mention, offsets converted by `map`.
    public static func json(_ m: Mention, map: OffsetMap?, unit: OffsetUnit) -> String {
        var out = JSONBuffer()
        appendJSON(m, map: map, unit: unit, to: &out)
        return out.string
    }

    /// Writes the JSON object of one mention into `out`.
    public static func appendJSON(_ m: Mention, map: OffsetMap?, unit: OffsetUnit, to out: inout JSONBuffer) {
        appendJSON(start: map?.offset(m.start, in: unit) ?? m.start, end: map?.offset(m.end, in: unit) ?? m.end,
                   score: m.score, match: m.match, hasHonorific: m.honorific != nil, to: &out) { field, out in
            switch field {
            case .text: out.quoted(m.text)
            case .id: out.quoted(m.id)
            case .type: out.quoted(m.type)
            case .name: out.quoted(m.name)
            case .honorific: out.quoted(m.honorific ?? "")
            }
        }
    }

    /// The string fields of a mention's JSON object.
    enum StringField { case text, id, type, name, honorific }

    /// Writes a mention's JSON object, its keys in their one order; `quoted` writes each
    /// string field's value, wherever its bytes come from (a ``Mention``'s Strings, or the
    /// lexicon's and the text's bytes).
    static func appendJSON(start: Int, end: Int, score: Double, match: MatchKind, hasHonorific: Bool,
                           to out: inout JSONBuffer, quoted: (StringField, inout JSONBuffer) -> Void) {
        out.raw("{\"start\":")
        out.int(start)
        out.raw(",\"end\":")
        out.int(end)
        out.raw(",\"text\":")
        quoted(.text, &out)
        out.raw(",\"id\":")
        quoted(.id, &out)
        out.raw(",\"type\":")
        quoted(.type, &out)
        out.raw(",\"name\":")
        quoted(.name, &out)
        out.raw(",\"score\":")
        out.score(score)
        out.raw(",\"match\":\"")
        out.raw(bytes: match.rawValue.utf8)
        out.raw("\"")
        if hasHonorific {
            out.raw(",\"honorific\":")
            quoted(.honorific, &out)
        }
        out.raw("}")
    }

    /// A score with at most three decimals and at least one ("1.0", "0.95", "0.875").
    static func number(_ d: Double) -> String {
        var out = JSONBuffer(capacity: 8)
        out.score(d)
        return out.string
    }

    /// The JSON array of mentions.
    public static func jsonArray(_ mentions: [Mention], text: String, unit: OffsetUnit) -> String {
        var out = JSONBuffer()
        appendJSONArray(mentions, text: text, unit: unit, to: &out)
        return out.string
    }

    /// Writes the JSON array of mentions into `out`.
    public static func appendJSONArray(_ mentions: [Mention], text: String, unit: OffsetUnit, to out: inout JSONBuffer) {
        let map = unit == .scalar ? nil : OffsetMap(text)
        out.raw("[")
        for (k, m) in mentions.enumerated() {
            if k > 0 { out.raw(",") }
            appendJSON(m, map: map, unit: unit, to: &out)
        }
        out.raw("]")
    }

    /// The whole output for one document.
    public func render(_ mentions: [Mention], text: String, title: String? = nil) -> String {
        let map = unit == .scalar ? nil : OffsetMap(text)
        func off(_ x: Int) -> Int { map?.offset(x, in: unit) ?? x }
        switch format {
        case .json:
            return "{\"entities\":[" + mentions.map { Self.json($0, map: map, unit: unit) }.joined(separator: ",") + "]}\n"
        case .jsonl:
            return mentions.map { Self.json($0, map: map, unit: unit) + "\n" }.joined()
        case .displacy:
            let ents = mentions.map { "{\"start\":\(off($0.start)),\"end\":\(off($0.end)),\"label\":\(JSONText.quote($0.type)),\"kb_id\":\(JSONText.quote($0.id))}" }
            return "{\"text\":\(JSONText.quote(text)),\"ents\":[\(ents.joined(separator: ","))],\"title\":\(title.map(JSONText.quote) ?? "null")}\n"
        case .conll:
            return conll(mentions, text: text)
        case .brat:
            return brat(mentions, text: text, off: off)
        case .html:
            return html(mentions, text: text, title: title ?? "Nomen")
        }
    }

    private func conll(_ mentions: [Mention], text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var labels = [String](repeating: "O", count: scalars.count + 1)
        var ids = [String](repeating: "", count: scalars.count + 1)
        var begins = [Bool](repeating: false, count: scalars.count + 1)
        for m in mentions {
            for k in m.start..<min(m.end, scalars.count) {
                labels[k] = m.type
                ids[k] = m.id
            }
            if m.start < begins.count { begins[m.start] = true }
        }
        var out = ""
        var i = 0
        var lastLabel = "O"
        var lastID = ""
        while i < scalars.count {
            let s = scalars[i]
            // Control characters (NUL, BEL …) separate tokens like spaces and are never printed.
            if s.properties.isWhitespace || s.properties.generalCategory == .control || s.properties.generalCategory == .format {
                // Whitespace inside a mention continues it (I-); a mention starts only where `begins` says.
                if s == "\n" && i + 1 < scalars.count && scalars[i + 1] == "\n" && !out.hasSuffix("\n\n") && !out.isEmpty { out += "\n" }
                i += 1
                continue
            }
            var j = i + 1
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                while j < scalars.count, (scalars[j].properties.isAlphabetic || scalars[j].properties.numericType != nil || scalars[j].properties.generalCategory == .nonspacingMark || scalars[j].value == 0x200C), labels[j] == labels[i], !begins[j] {
                    j += 1
                }
            }
            let token = String(String.UnicodeScalarView(scalars[i..<j]))
            let label = labels[i]
            var tag = "O"
            if label != "O" {
                tag = (begins[i] || lastLabel != label || lastID != ids[i]) ? "B-\(label)" : "I-\(label)"
            }
            out += "\(token)\t\(tag)\t\(ids[i].isEmpty ? "_" : ids[i])\n"
            lastLabel = label
            lastID = ids[i]
            if [".", "!", "?", "。", "؟", "۔"].contains(String(s)) && label == "O" { out += "\n" }
            i = j
        }
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    private func brat(_ mentions: [Mention], text: String, off: (Int) -> Int) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (k, m) in mentions.enumerated() {
            // A span never holds a newline in brat: split it into fragments at line breaks.
            var fragments: [(Int, Int)] = []
            var start = m.start
            for p in m.start..<min(m.end, scalars.count) where scalars[p] == "\n" || scalars[p] == "\r" {
                if p > start { fragments.append((start, p)) }
                start = p + 1
            }
            if m.end > start { fragments.append((start, m.end)) }
            let spans = fragments.map { "\(off($0.0)) \(off($0.1))" }.joined(separator: ";")
            let shown = fragments.map { String(String.UnicodeScalarView(scalars[$0.0..<$0.1])) }.joined(separator: " ")
                .replacingOccurrences(of: "\t", with: " ")
            out += "T\(k + 1)\t\(m.type) \(spans)\t\(shown)\n"
            out += "#\(k + 1)\tAnnotatorNotes T\(k + 1)\t\(m.id.replacingOccurrences(of: "\t", with: " "))\n"
        }
        return out
    }

    /// Escapes text for HTML: every character that could open markup or an attribute.
    public static func escapeHTML(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "&#xFFFD;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private func html(_ mentions: [Mention], text: String, title: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var body = ""
        var pos = 0
        let colors = ["PERSON": "#fde68a", "ORG": "#bfdbfe", "GPE": "#bbf7d0", "LOC": "#ddd6fe", "NORP": "#fbcfe8", "FAC": "#fed7aa"]
        for m in mentions.sorted(by: { $0.start < $1.start }) where m.start >= pos && m.end <= scalars.count {
            body += Self.escapeHTML(String(String.UnicodeScalarView(scalars[pos..<m.start])))
            let color = colors[m.type] ?? "#e5e7eb"
            let tip = "\(m.name) (\(m.id)) · \(m.match.rawValue) \(Self.number(m.score))"
            body += "<mark style=\"background:\(color)\" title=\"\(Self.escapeHTML(tip))\" data-id=\"\(Self.escapeHTML(m.id))\">"
            body += Self.escapeHTML(String(String.UnicodeScalarView(scalars[m.start..<m.end])))
            body += "<span class=\"t\">\(Self.escapeHTML(m.type))</span></mark>"
            pos = m.end
        }
        body += Self.escapeHTML(String(String.UnicodeScalarView(scalars[pos...])))
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(Self.escapeHTML(title))</title>
        <style>body{font:16px/1.7 system-ui,sans-serif;max-width:50em;margin:2em auto;white-space:pre-wrap;unicode-bidi:plaintext}
        mark{border-radius:.3em;padding:0 .2em}.t{font-size:.65em;font-weight:bold;margin-left:.3em;opacity:.7}</style></head>
        <body dir="auto">\(body)</body></html>

        """
    }
}
