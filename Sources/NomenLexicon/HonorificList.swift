import Yams

/// Honorifics and titles that come before names (Mawlawi, Mullah, Sheikh, Haji …)
/// and name particles (al-, bin, ud-din), in every script: read from
/// `Lexicons/curated/honorifics.yaml`. The matcher ignores honorifics for identity
/// and reports them; the tagger includes them in a person's mention span.
public struct HonorificList: Sendable {
    public struct Entry: Sendable, Hashable {
        /// The honorific's key, e.g. `mawlawi`.
        public let key: String
        /// Its spellings, by language.
        public let forms: [NameVariant]
        /// Where it stands: before the name (most) or after it (Sahib, Akhund); for a particle,
        /// after the word it completes (a suffix: ullah, ud-din).
        public let follows: Bool
        /// Also an ordinary part of names (Sheikh, Hafiz): not stripped when it is the only given name.
        public let alsoName: Bool
        /// A courtesy title (Mr., Dr., آقای): ignored by the matcher, left out of mention spans.
        public var courtesy: Bool = false
    }

    public let honorifics: [Entry]
    public let particles: [Entry]

    public init(honorifics: [Entry], particles: [Entry]) {
        self.honorifics = honorifics
        self.particles = particles
    }

    public static let empty = HonorificList(honorifics: [], particles: [])

    /// Reads the YAML list.
    /// - Throws: ``LexiconError`` with file:line:column diagnostics.
    public static func load(file: String) throws -> HonorificList {
        let text: String
        switch LexiconFiles.readText(file) {
        case .success(let t): text = t
        case .failure(let d): throw LexiconError([d])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            var at = SourceLocation(file: file, line: 1, column: 1)
            switch e {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                at = SourceLocation(file: file, line: mark.line, column: mark.column)
            default: break
            }
            throw LexiconError([Diagnostic(.error, .syntax, at: at, "YAML syntax: \(e)")])
        } catch {
            throw LexiconError([Diagnostic(.error, .syntax, at: SourceLocation(file: file, line: 1, column: 1), "YAML syntax: \(error)")])
        }
        guard case .mapping(let top)? = root else {
            throw LexiconError([Diagnostic(.error, .malformedField, at: SourceLocation(file: file, line: 1, column: 1),
                                           "expected a mapping with \"honorifics\" and \"particles\"")])
        }
        var problems: [Diagnostic] = []
        func entries(_ key: String) -> [Entry] {
            guard case .sequence(let seq)? = top[key] else { return [] }
            return seq.compactMap { node -> Entry? in
                guard case .mapping(let m) = node, let k = m["key"]?.string, case .mapping(let forms)? = m["forms"] else {
                    problems.append(Diagnostic(.error, .missingField, at: SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1),
                                               "each \(key == "honorifics" ? "honorific" : "particle") needs \"key\" and a \"forms\" mapping of language tags to spellings"))
                    return nil
                }
                var variants: [NameVariant] = []
                for (lang, list) in forms {
                    let items: [Node]
                    if case .sequence(let s) = list { items = Array(s) } else { items = [list] }
                    for item in items { if let t = item.string { variants.append(NameVariant(t, language: lang.string ?? "und")) } }
                }
                return Entry(key: k, forms: variants, follows: m["position"]?.string == "after" || m["position"]?.string == "suffix",
                             alsoName: m["also_name"]?.string == "true", courtesy: m["courtesy"]?.string == "true")
            }
        }
        let list = HonorificList(honorifics: entries("honorifics"), particles: entries("particles"))
        if !problems.isEmpty { throw LexiconError(problems) }
        return list
    }
}
