/// Tab-separated lexicons users already have.
enum TSVLayout: String, Sendable, CaseIterable {
    /// `id<TAB>type<TAB>lang<TAB>name`, one name a line (the layout of the benchmark lexicons).
    case plain
    /// JRC-Names: `id<TAB>type<TAB>lang<TAB>Name+With+Plus` (type P person, O organisation, else as written).
    case jrc
    /// GeoNames `cities15000.txt`: geonameid, name, asciiname, alternatenames (comma-separated),
    /// latitude, longitude, feature class, feature code, country code, cc2, admin1–4,
    /// population, elevation, dem, timezone, modification date.
    case geonames
}

struct TSVLexiconReader {
    let file: String
    let layout: TSVLayout

    func read(_ text: String) -> (entities: [Entity], diagnostics: [Diagnostic]) {
        var builder = EntityBuilder(file: file)
        var order: [String] = []
        var byID: [String: Entity] = [:]
        var lineNumber = 0
        for line in LexiconFiles.lines(text) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let at = SourceLocation(file: file, line: lineNumber, column: 1)
            switch layout {
            case .plain, .jrc:
                if lineNumber == 1, fields.first == "id" { continue } // header
                guard fields.count >= 4 else {
                    builder.error(.syntax, at, "expected 4 tab-separated fields (id, type, lang, name), found \(fields.count)")
                    continue
                }
                let rawID = layout == .jrc ? "jrc-\(fields[0])" : fields[0]
                guard let id = builder.checkID(Self.importedID(rawID), at: at) else { continue }
                let typeName = layout == .jrc ? Self.jrcType(fields[1]) : Self.typeAlias(fields[1])
                let column2 = SourceLocation(file: file, line: lineNumber, column: fields[0].unicodeScalars.count + 2)
                guard let type = builder.checkType(typeName, at: column2, id: id) else { continue }
                let lang = fields[2].isEmpty ? "und" : fields[2]
                let langAt = SourceLocation(file: file, line: lineNumber, column: fields[0].unicodeScalars.count + fields[1].unicodeScalars.count + 3)
                guard builder.checkLanguage(lang == "u" ? "und" : lang, at: langAt) else { continue }
                var name = fields[3]
                if layout == .jrc { name = name.replacingOccurrences(of: "+", with: " ") }
                guard builder.checkName(name, at: at, id: id) else { continue }
                let variant = NameVariant(name, language: lang == "u" ? "und" : lang, location: at)
                if byID[id] == nil {
                    order.append(id)
                    byID[id] = Entity(id: id, type: type, name: name, names: [variant],
                                      source: layout == .jrc ? "jrc-names" : "tsv", location: at)
                } else {
                    byID[id]!.names.append(variant)
                }
            case .geonames:
                guard fields.count >= 15 else {
                    builder.error(.syntax, at, "expected the 19 tab-separated GeoNames fields, found \(fields.count)")
                    continue
                }
                guard let geonameID = Int(fields[0]) else {
                    builder.error(.malformedField, at, "geonameid \"\(fields[0])\" is not a number")
                    continue
                }
                let id = "geonames-\(geonameID)"
                var names = [NameVariant(fields[1], language: "und", generated: true, location: at)]
                if !fields[2].isEmpty, fields[2] != fields[1] { names.append(NameVariant(fields[2], language: "und", generated: true, location: at)) }
                for alt in fields[3].split(separator: ",") where Self.keepsAlternateName(alt) {
                    names.append(NameVariant(String(alt), language: "und", generated: true, location: at))
                }
                if byID[id] != nil {
                    builder.error(.duplicateID, at, "duplicate geonameid \(geonameID)")
                    continue
                }
                order.append(id)
                byID[id] = Entity(id: id, type: .gpe, name: fields[1], names: Self.unique(names),
                                  country: fields[8].isEmpty ? nil : "iso3166-\(fields[8].lowercased())",
                                  population: Int(fields[14]), source: "geonames", location: at)
            }
        }
        return (order.compactMap { byID[$0] }, builder.diagnostics)
    }

    /// Ids as other tools write them (E0000001, Q159) made into Nomen ids: lowercase,
    /// anything outside [a-z0-9-] a hyphen.
    static func importedID(_ raw: String) -> String {
        String(raw.lowercased().map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" ? $0 : "-" })
    }

    /// Type names other tools use (PER, LOCATION) for Nomen's.
    static func typeAlias(_ t: String) -> String {
        switch t.uppercased() {
        case "PER", "PERS", "PERSON": return "PERSON"
        case "ORGANIZATION", "ORGANISATION", "ORG": return "ORG"
        case "LOCATION", "LOC": return "LOC"
        case "GPE": return "GPE"
        default: return t
        }
    }

    static func jrcType(_ t: String) -> String {
        switch t {
        case "P", "p": return "PERSON"
        case "O", "o": return "ORG"
        case "L", "l": return "GPE"
        default: return t
        }
    }

    /// GeoNames alternate names include airport codes, links and lowercase
    /// romanisations that read as ordinary words in running text: keep real names.
    static func keepsAlternateName(_ name: Substring) -> Bool {
        if name.unicodeScalars.count < 2 || name.unicodeScalars.count > 100 { return false }
        if name.contains("://") || name.allSatisfy(\.isNumber) { return false }
        if name.count <= 4, name.allSatisfy({ $0.isASCII && $0.isUppercase }) { return false }
        return true
    }

    static func unique(_ names: [NameVariant]) -> [NameVariant] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.text).inserted }
    }
}

/// spaCy EntityRuler patterns: `{"label": "GPE", "pattern": "Kabul", "id": "kabul"}`,
/// where a pattern is a string or a list of token dicts (`[{"LOWER": "new"}, {"LOWER": "york"}]`).
struct SpacyPatternReader {
    let file: String

    func read(_ text: String) -> (entities: [Entity], diagnostics: [Diagnostic]) {
        var builder = EntityBuilder(file: file)
        var order: [String] = []
        var byID: [String: Entity] = [:]
        var lineNumber = 0
        for line in LexiconFiles.lines(text) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let at = SourceLocation(file: file, line: lineNumber, column: 1)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                builder.error(.syntax, at, "not a JSON object")
                continue
            }
            guard let label = object["label"] as? String else {
                builder.error(.missingField, at, "pattern has no \"label\"")
                continue
            }
            var pattern: String?
            if let s = object["pattern"] as? String { pattern = s }
            else if let tokens = object["pattern"] as? [[String: Any]] {
                let words = tokens.compactMap { ($0["ORTH"] ?? $0["TEXT"] ?? $0["LOWER"]) as? String }
                if words.count == tokens.count { pattern = words.joined(separator: " ") }
            }
            guard let name = pattern else {
                builder.error(.malformedField, at, "pattern must be a string or a list of ORTH/TEXT/LOWER token dicts")
                continue
            }
            let rawID = (object["id"] as? String).map(TSVLexiconReader.importedID) ?? Self.slug(name)
            guard let id = builder.checkID(rawID, at: at) else { continue }
            guard let type = builder.checkType(EntityType.known.contains(label) ? label : "MISC", at: at, id: id) else { continue }
            guard builder.checkName(name, at: at, id: id) else { continue }
            let v = NameVariant(name, language: "und", location: at)
            if byID[id] == nil {
                order.append(id)
                byID[id] = Entity(id: id, type: type, name: name, names: [v], source: "spacy", location: at)
            } else {
                byID[id]!.names.append(v)
            }
        }
        return (order.compactMap { byID[$0] }, builder.diagnostics)
    }

    static func slug(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if out.last != "-" { out.append("-") }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}

import Foundation
