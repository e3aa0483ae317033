import Yams

/// Reads the curated YAML format:
///
/// ```yaml
/// entities:
///   - id: zamir-kabulov
///     type: PERSON
///     name: Zamir Kabulov
///     names:
///       en: [Zamir Kabulov]
///       ru: [Замир Кабулов]
///       en: [{name: Supreme Court, ambiguous: true}, {name: US, case: exact}]
/// ```
struct YAMLLexiconReader {
    static let knownFields: Set<String> = [
        "id", "type", "name", "names", "demonyms", "wikidata", "description", "country", "context", "same_as", "population", "source",
    ]

    let file: String
    private var builder: EntityBuilder
    private var visited = 0
    private var budget = LexiconLimits.maxYAMLNodes
    private var exhausted = false

    init(file: String) {
        self.file = file
        builder = EntityBuilder(file: file)
    }

    mutating func read(_ text: String) -> (entities: [Entity], diagnostics: [Diagnostic]) {
        // Aliases can make a small file expand without bound ("billion laughs"): a
        // document may visit at most a few nodes per byte of its text.
        budget = min(LexiconLimits.maxYAMLNodes, max(100_000, 4 * text.utf8.count))
        // The YAML parser recurses per nesting level: refuse deep nesting before parsing.
        if let (line, column) = Self.tooDeep(text, limit: LexiconLimits.maxYAMLDepth) {
            builder.error(.limitExceeded, SourceLocation(file: file, line: line, column: column),
                          "YAML nested deeper than \(LexiconLimits.maxYAMLDepth) levels")
            return ([], builder.diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            builder.error(.syntax, location(of: e), "YAML syntax: \(Self.problem(of: e))")
            return ([], builder.diagnostics)
        } catch {
            builder.error(.syntax, SourceLocation(file: file, line: 1, column: 1), "YAML syntax: \(error)")
            return ([], builder.diagnostics)
        }
        guard let root else { return ([], []) }
        guard case .mapping(let top) = root else {
            builder.error(.malformedField, loc(root), "expected a mapping with an \"entities\" list at the top")
            return ([], builder.diagnostics)
        }
        guard let list = top["entities"] else {
            builder.error(.missingField, loc(root), "no \"entities\" list")
            return ([], builder.diagnostics)
        }
        guard case .sequence(let items) = list else {
            builder.error(.malformedField, loc(list), "\"entities\" must be a list")
            return ([], builder.diagnostics)
        }
        var entities: [Entity] = []
        for item in items {
            if !count(1) { break }
            if let e = entity(item) { entities.append(e) }
        }
        return (entities, builder.diagnostics)
    }

    /// Counts visited nodes; false (with a diagnostic, once) past the budget.
    private mutating func count(_ n: Int) -> Bool {
        if exhausted { return false }
        visited += n
        if visited > budget {
            exhausted = true
            builder.error(.limitExceeded, SourceLocation(file: file, line: 1, column: 1),
                          "more than \(budget) YAML nodes once aliases are expanded (\(budget / 1000)k allowed for a file of this size)")
            return false
        }
        return true
    }

    /// The place where nesting first exceeds `limit` levels: flow brackets outside
    /// quotes and comments, and block indentation (two spaces a level).
    static func tooDeep(_ text: String, limit: Int) -> (Int, Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8 = 0
        var comment = false
        var lineStart = true
        var indent = 0
        // The byte before, a space at a line's start: a quote opens a scalar, and # a comment,
        // only after a space or a flow indicator (d'investissement and C# are plain text).
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            defer { previous = b }
            if b == 0x0A {
                line += 1; column = 0; comment = false; lineStart = true; indent = 0
                if quote == 0x27 { quote = 0 }
                continue
            }
            if b & 0xC0 != 0x80 { column += 1 }
            if lineStart {
                if b == 0x20 { indent += 1; continue }
                lineStart = false
                if indent / 2 > limit * 2 { return (line, column) }
            }
            if comment { continue }
            if quote != 0 {
                if b == quote { quote = 0 }
                continue
            }
            let separated = previous == 0x20 || previous == 0x09 || previous == 0x0A || previous == 0x5B || previous == 0x7B || previous == 0x2C
            switch b {
            case 0x22, 0x27 where separated: quote = b
            case 0x23 where previous == 0x20 || previous == 0x09 || previous == 0x0A: comment = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > limit { return (line, column) }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private func loc(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private func location(of error: YamlError) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line, column: mark.column)
        case .reader(_, let offset, _, _):
            return SourceLocation(file: file, line: 1, column: (offset ?? 0) + 1)
        default:
            return SourceLocation(file: file, line: 1, column: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            if let context { return "\(problem) \(context.text)" }
            return problem
        case .reader(let problem, _, _, _): return problem
        default: return "\(error)"
        }
    }

    private func scalar(_ node: Node?) -> String? {
        if case .scalar(let s)? = node { return s.string }
        return nil
    }

    private mutating func stringList(_ node: Node, field: String, id: String) -> [String] {
        switch node {
        case .scalar(let s): return [s.string]
        case .sequence(let seq):
            var out: [String] = []
            for item in seq {
                if !count(1) { break }
                if let s = scalar(item) { out.append(s) } else {
                    builder.error(.malformedField, loc(item), "\"\(field)\" of \"\(id)\" must list ids (strings)")
                }
            }
            return out
        default:
            builder.error(.malformedField, loc(node), "\"\(field)\" of \"\(id)\" must be a list of strings")
            return []
        }
    }

    private mutating func entity(_ node: Node) -> Entity? {
        if exhausted { return nil }
        let at = loc(node)
        guard case .mapping(let map) = node else {
            builder.error(.malformedField, at, "each entity must be a mapping with id, type, name and names")
            return nil
        }
        for (key, _) in map {
            if !count(1) { return nil }
            let k = key.string ?? ""
            if !Self.knownFields.contains(k) {
                builder.warning(.unknownField, loc(key), "unknown field \"\(k)\" (kept out of the index)")
            }
        }
        let idNode = map["id"]
        guard let id = builder.checkID(idNode.flatMap { scalar($0) } ?? (idNode == nil ? nil : ""), at: idNode.map(loc) ?? at) else {
            return nil
        }
        let typeNode = map["type"]
        let type = builder.checkType(scalar(typeNode), at: typeNode.map(loc) ?? at, id: id)
        let nameNode = map["name"]
        var name = scalar(nameNode)
        if name == nil {
            builder.error(.missingField, nameNode.map(loc) ?? at, "entity \"\(id)\" has no \"name\"")
        } else if let n = name, !builder.checkName(n, at: loc(nameNode!), id: id) {
            name = nil
        }
        var names: [NameVariant] = []
        if let namesNode = map["names"] {
            names = variants(namesNode, id: id)
        }
        if exhausted { return nil }
        if names.count > LexiconLimits.maxNamesPerEntity {
            builder.error(.limitExceeded, at, "entity \"\(id)\" has \(names.count) names (limit \(LexiconLimits.maxNamesPerEntity))")
            return nil
        }
        var population: Int?
        if let p = map["population"] {
            if let v = scalar(p).flatMap({ Int($0) }), v >= 0 { population = v } else {
                builder.error(.malformedField, loc(p), "\"population\" of \"\(id)\" must be a non-negative integer")
            }
        }
        if let w = map["wikidata"], let q = scalar(w), !Self.isWikidataID(q) {
            builder.error(.malformedField, loc(w), "malformed wikidata id \"\(q)\" (expected Q followed by digits)")
        }
        let demonyms = map["demonyms"].map { variants($0, id: id) } ?? []
        guard let type, let name else { return nil }
        var entity = Entity(
            id: id, type: type, name: name, names: names,
            wikidata: scalar(map["wikidata"]), description: scalar(map["description"]),
            country: scalar(map["country"]),
            context: map["context"].map { stringList($0, field: "context", id: id) } ?? [],
            sameAs: map["same_as"].map { stringList($0, field: "same_as", id: id) } ?? [],
            population: population, source: scalar(map["source"]) ?? "curated", location: at
        )
        entity.demonyms = demonyms
        return entity
    }

    static func isWikidataID(_ s: String) -> Bool {
        s.count >= 2 && s.first == "Q" && s.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    private mutating func variants(_ node: Node, id: String) -> [NameVariant] {
        guard case .mapping(let byLanguage) = node else {
            builder.error(.malformedField, loc(node), "\"names\" of \"\(id)\" must map language tags to lists of names")
            return []
        }
        var out: [NameVariant] = []
        for (langNode, listNode) in byLanguage {
            if !count(1) { break }
            let lang = langNode.string ?? ""
            guard builder.checkLanguage(lang, at: loc(langNode)) else { continue }
            let items: [Node]
            switch listNode {
            case .sequence(let seq): items = Array(seq)
            case .scalar, .mapping: items = [listNode]
            default: items = []
            }
            for item in items {
                if !count(1) { break }
                if let v = variant(item, language: lang, id: id) { out.append(v) }
            }
        }
        return out
    }

    private mutating func variant(_ node: Node, language: String, id: String) -> NameVariant? {
        let at = loc(node)
        switch node {
        case .scalar(let s):
            guard builder.checkName(s.string, at: at, id: id) else { return nil }
            return NameVariant(s.string, language: language, location: at)
        case .mapping(let m):
            guard let text = scalar(m["name"]) else {
                builder.error(.missingField, at, "a name given as a mapping needs \"name\" (in entity \"\(id)\")")
                return nil
            }
            guard builder.checkName(text, at: at, id: id) else { return nil }
            var v = NameVariant(text, language: language, location: at)
            if let a = m["ambiguous"] {
                switch scalar(a) {
                case "true", "yes": v.ambiguous = true
                case "false", "no": v.ambiguous = false
                default: builder.error(.malformedField, loc(a), "\"ambiguous\" must be true or false")
                }
            }
            if let c = m["case"] {
                switch scalar(c) {
                case "exact": v.caseRule = .exact
                case "natural": v.caseRule = .natural
                default: builder.error(.malformedField, loc(c), "\"case\" must be exact or natural")
                }
            }
            if let g = m["generated"], scalar(g) == "true" { v.generated = true }
            return v
        default:
            builder.error(.malformedField, at, "a name must be a string or a mapping with \"name\"")
            return nil
        }
    }
}
