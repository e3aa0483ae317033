import Foundation

/// Writes entities as YAML (the curated format) or JSON Lines.
public enum LexiconWriter {
    /// One JSON object a line, names grouped by language.
    public static func jsonl(_ entities: [Entity]) -> String {
        var out = ""
        for e in entities {
            out += jsonObject(e) + "\n"
        }
        return out
    }

    /// The JSON object of one entity (keys in a stable order).
    public static func jsonObject(_ e: Entity) -> String {
        var fields: [String] = [
            "\"id\":\(JSONText.quote(e.id))", "\"type\":\(JSONText.quote(e.type.name))", "\"name\":\(JSONText.quote(e.name))",
        ]
        if let w = e.wikidata { fields.append("\"wikidata\":\(JSONText.quote(w))") }
        if let d = e.description { fields.append("\"description\":\(JSONText.quote(d))") }
        if let c = e.country { fields.append("\"country\":\(JSONText.quote(c))") }
        if !e.context.isEmpty { fields.append("\"context\":[\(e.context.map(JSONText.quote).joined(separator: ","))]") }
        if !e.sameAs.isEmpty { fields.append("\"same_as\":[\(e.sameAs.map(JSONText.quote).joined(separator: ","))]") }
        if let p = e.population { fields.append("\"population\":\(p)") }
        if e.source != "curated" { fields.append("\"source\":\(JSONText.quote(e.source))") }
        var byLanguage: [(String, [String])] = []
        for v in e.names {
            let item: String
            if v.ambiguous || v.caseRule == .exact || v.generated {
                var parts = ["\"name\":\(JSONText.quote(v.text))"]
                if v.ambiguous { parts.append("\"ambiguous\":true") }
                if v.caseRule == .exact { parts.append("\"case\":\"exact\"") }
                if v.generated { parts.append("\"generated\":true") }
                item = "{\(parts.joined(separator: ","))}"
            } else {
                item = JSONText.quote(v.text)
            }
            if let i = byLanguage.firstIndex(where: { $0.0 == v.language }) { byLanguage[i].1.append(item) } else { byLanguage.append((v.language, [item])) }
        }
        if !e.demonyms.isEmpty {
            var groups: [(String, [String])] = []
            for v in e.demonyms {
                if let i = groups.firstIndex(where: { $0.0 == v.language }) { groups[i].1.append(JSONText.quote(v.text)) } else { groups.append((v.language, [JSONText.quote(v.text)])) }
            }
            fields.append("\"demonyms\":{\(groups.map { "\(JSONText.quote($0.0)):[\($0.1.joined(separator: ","))]" }.joined(separator: ","))}")
        }
        fields.append("\"names\":{\(byLanguage.map { "\(JSONText.quote($0.0)):[\($0.1.joined(separator: ","))]" }.joined(separator: ","))}")
        return "{\(fields.joined(separator: ","))}"
    }

    /// The curated YAML format.
    public static func yaml(_ entities: [Entity]) -> String {
        var out = "entities:\n"
        for e in entities {
            out += "  - id: \(e.id)\n    type: \(e.type.name)\n    name: \(yamlScalar(e.name))\n"
            if let w = e.wikidata { out += "    wikidata: \(w)\n" }
            if let d = e.description { out += "    description: \(yamlScalar(d))\n" }
            if let c = e.country { out += "    country: \(c)\n" }
            if !e.context.isEmpty { out += "    context: [\(e.context.joined(separator: ", "))]\n" }
            if !e.sameAs.isEmpty { out += "    same_as: [\(e.sameAs.joined(separator: ", "))]\n" }
            if let p = e.population { out += "    population: \(p)\n" }
            if e.source != "curated" { out += "    source: \(yamlScalar(e.source))\n" }
            if !e.demonyms.isEmpty {
                out += "    demonyms:\n"
                var seen: [String] = []
                for v in e.demonyms where !seen.contains(v.language) { seen.append(v.language) }
                for lang in seen {
                    out += "      \(lang): [\(e.demonyms.filter { $0.language == lang }.map { yamlScalar($0.text) }.joined(separator: ", "))]\n"
                }
            }
            var languages: [String] = []
            for v in e.names where !languages.contains(v.language) { languages.append(v.language) }
            if !languages.isEmpty { out += "    names:\n" }
            for lang in languages {
                let items = e.names.filter { $0.language == lang }.map { v -> String in
                    if v.ambiguous || v.caseRule == .exact || v.generated {
                        var parts = ["name: \(yamlScalar(v.text))"]
                        if v.ambiguous { parts.append("ambiguous: true") }
                        if v.caseRule == .exact { parts.append("case: exact") }
                        if v.generated { parts.append("generated: true") }
                        return "{\(parts.joined(separator: ", "))}"
                    }
                    return yamlScalar(v.text)
                }
                out += "      \(lang): [\(items.joined(separator: ", "))]\n"
            }
        }
        return out
    }

    /// A YAML flow scalar: plain when safe, else double-quoted with escapes.
    static func yamlScalar(_ s: String) -> String {
        let special: Set<Character> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "?", "-"]
        let control = s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF }
        let needsQuotes = control || s.isEmpty || s.first!.isWhitespace || s.last!.isWhitespace || s.contains(where: { special.contains($0) || $0.isNewline || $0 == "\t" })
            || ["true", "false", "yes", "no", "null", "~"].contains(s.lowercased()) || Double(s) != nil
        return needsQuotes ? JSONText.quote(s) : s
    }
}

/// JSON string quoting that is valid for any input: control characters, NUL and
/// lone surrogates cannot occur in a Swift String, and every control is escaped.
public enum JSONText {
    public static func quote(_ s: String) -> String {
        // Most strings need no escape: check the bytes and copy the string whole.
        var bytes = s
        if bytes.withUTF8({ !$0.contains(where: needsEscape) }) { return "\"" + s + "\"" }
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` quoted, as ``quote(_:)`` returns it, to UTF-8 output being built.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, to: &out) }
    }

    /// Bytes that may start an escape: C0 controls, `"`, `\`, DEL, and the lead bytes of
    /// C1 controls (C2), U+2028 and U+2029 (E2) and the BOM (EF).
    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF
    }

    /// Appends `utf8` (valid UTF-8) quoted, copying runs that need no escape whole: C0
    /// and C1 controls, DEL, U+2028, U+2029 and the BOM are escaped (valid JSON and valid
    /// YAML). Valid UTF-8 has the bytes after a lead byte.
    static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var run = 0
        func escape(at i: Int, _ sequence: UInt8...) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            out.append(0x5C)
            out.append(contentsOf: sequence)
        }
        func hex(_ value: UInt32) -> [UInt8] {
            let digits = Array("0123456789abcdef".utf8)
            return [0x75] + stride(from: 12, through: 0, by: -4).map { digits[Int((value >> UInt32($0)) & 0xF)] }
        }
        var i = 0
        while i < utf8.count {
            let c = utf8[i]
            if !needsEscape(c) {
                i += 1
                continue
            }
            var width = 1
            switch c {
            case 0x22: escape(at: i, 0x22)
            case 0x5C: escape(at: i, 0x5C)
            case 0x0A: escape(at: i, 0x6E)
            case 0x0D: escape(at: i, 0x72)
            case 0x09: escape(at: i, 0x74)
            case 0..<0x20, 0x7F: escape(at: i); out += hex(UInt32(c))
            case 0xC2 where (0x80...0x9F).contains(utf8[i + 1]):
                escape(at: i); out += hex(UInt32(utf8[i + 1]))
                width = 2
            case 0xE2 where utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escape(at: i); out += hex(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                width = 3
            case 0xEF where utf8[i + 1] == 0xBB && utf8[i + 2] == 0xBF:
                escape(at: i); out += hex(0xFEFF)
                width = 3
            default:
                i += 1
                continue
            }
            i += width
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        out.append(0x22)
    }
}
