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
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` quoted, as ``quote(_:)`` returns it, to UTF-8 output being built.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, to: &out) }
    }

    /// Appends valid UTF-8 as a JSON string, copying runs that need no escape whole.
    /// Escaped: `"`, the backslash, the C0 controls (`\n`, `\r`, `\t` or `\u00xx`), DEL,
    /// the C1 controls, the BOM, and U+2028/U+2029, so the output is valid JSON, valid
    /// YAML and safe as one line of JSONL.
    public static func append(_ s: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        var runStart = 0
        var i = 0
        let n = s.count
        func raw(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        while i < n {
            let b = s[i]
            // Most bytes need no escape: only these may start one.
            if !(b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF) {
                i += 1
                continue
            }
            var escape: StaticString? = nil
            var width = 1
            var code: UInt32? = nil
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x00..<0x20, 0x7F: code = UInt32(b)
            case 0xC2 where i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F:
                code = UInt32(s[i + 1]); width = 2
            case 0xE2 where i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9):
                code = s[i + 2] == 0xA8 ? 0x2028 : 0x2029; width = 3
            case 0xEF where i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF:
                code = 0xFEFF; width = 3
            default:
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i]))
            if let escape {
                raw(escape)
            } else if let code {
                raw("\\u")
                let hex: StaticString = "0123456789abcdef"
                for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex.utf8Start[Int((code >> UInt32(shift)) & 0xF)]) }
            }
            i += width
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<n]))
        bytes.append(0x22)
    }
}

/// JSON written straight into UTF-8 bytes: no intermediate Strings, no formatting calls.
public struct JSONBuffer {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends ASCII text as it is.
    @inline(__always)
    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes as they are (already JSON).
    @inline(__always)
    public mutating func raw<C: Collection<UInt8>>(bytes b: C) {
        bytes.append(contentsOf: b)
    }

    @inline(__always)
    public mutating func raw(_ b: UInt8) { bytes.append(b) }

    /// Appends a decimal integer.
    public mutating func int(_ v: Int) {
        if v < 0 {
            bytes.append(0x2D)
            if v == .min { raw("9223372036854775808"); return }
            int(-v)
            return
        }
        if v < 10 { bytes.append(0x30 + UInt8(v)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var x = v
        withUnsafeMutableBytes(of: &digits) { d in
            while x > 0 {
                d[n] = 0x30 + UInt8(x % 10)
                x /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                bytes.append(d[n])
            }
        }
    }

    /// Appends a score with at most three decimals and at least one ("1.0", "0.95", "0.875").
    public mutating func score(_ d: Double) {
        guard d.isFinite, d >= 0, d < 1_000_000 else {
            bytes.append(contentsOf: (d.isFinite ? String(d) : "0.0").utf8)
            return
        }
        let thousandths = Int((d * 1000).rounded())
        int(thousandths / 1000)
        bytes.append(0x2E)
        var fraction = thousandths % 1000
        var width = 3
        while width > 1 && fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        // Leading zeros of the fraction (0.05 → "05").
        var scale = 1
        for _ in 1..<width { scale *= 10 }
        while scale > 1 && fraction < scale {
            bytes.append(0x30)
            scale /= 10
        }
        int(fraction)
    }

    /// Appends a JSON string.
    public mutating func quoted(_ s: String) {
        var s = s
        s.withUTF8 { quoted(utf8: $0) }
    }

    /// Appends valid UTF-8 as a JSON string (escaped as ``JSONText/append(_:to:)`` says).
    public mutating func quoted(utf8 s: UnsafeBufferPointer<UInt8>) {
        JSONText.append(s, to: &bytes)
    }
}
