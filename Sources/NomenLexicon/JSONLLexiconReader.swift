import Foundation
import NomenNormalization

/// Reads and writes lexicons as JSON Lines, one entity a line:
/// `{"id": "kabul", "type": "GPE", "name": "Kabul", "names": {"en": ["Kabul"], "ps": ["کابل"]}, "population": 3043532}`.
/// A name may be an object `{"name": "US", "case": "exact"}` or `{"name": "Supreme Court", "ambiguous": true}`.
struct JSONLLexiconReader {
    let file: String

    func read(_ text: String) -> (entities: [Entity], diagnostics: [Diagnostic]) {
        let lines = LexiconFiles.lines(text)
        let half = lines.count / 2
        // A large file is read in two halves, the second on a thread of its own; each
        // half's entities and diagnostics are in the order of its lines, and the first
        // half's come first. Not a file of more lines than the limit of entities, which
        // counts the whole file's (nor a small file, not worth a thread).
        if half < 10_000 || lines.count > LexiconLimits.maxEntities { return read(lines[...]) }
        let (first, second) = bothAtOnce({ read(lines[..<half]) }, { read(lines[half...]) })
        return (first.entities + second.entities, first.diagnostics + second.diagnostics)
    }

    /// Reads some lines of the file: line `k` of `lines` is the file's line `k + 1`.
    private func read(_ lines: ArraySlice<Substring>) -> (entities: [Entity], diagnostics: [Diagnostic]) {
        var builder = EntityBuilder(file: file)
        var entities: [Entity] = []
        for (index, line) in zip(lines.indices, lines) {
            let lineNumber = index + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let at = SourceLocation(file: file, line: lineNumber, column: 1)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                builder.error(.syntax, at, "not a JSON object")
                continue
            }
            if entities.count >= LexiconLimits.maxEntities {
                builder.error(.limitExceeded, at, "more than \(LexiconLimits.maxEntities) entities")
                break
            }
            guard let id = builder.checkID(object["id"].map { ($0 as? String) ?? "\($0)" }, at: at) else { continue }
            let type = builder.checkType(object["type"] as? String, at: at, id: id)
            var name = object["name"] as? String
            if name == nil { builder.error(.missingField, at, "entity \"\(id)\" has no \"name\"") }
            else if !builder.checkName(name!, at: at, id: id) { name = nil }
            var variants: [NameVariant] = []
            if let names = object["names"] {
                guard let byLanguage = names as? [String: Any] else {
                    builder.error(.malformedField, at, "\"names\" of \"\(id)\" must map language tags to lists of names")
                    continue
                }
                for lang in byLanguage.keys.sorted() {
                    guard builder.checkLanguage(lang, at: at) else { continue }
                    let list = (byLanguage[lang] as? [Any]) ?? [byLanguage[lang] as Any]
                    for item in list {
                        if let s = item as? String {
                            if builder.checkName(s, at: at, id: id) { variants.append(NameVariant(s, language: lang, location: at)) }
                        } else if let m = item as? [String: Any], let s = m["name"] as? String {
                            guard builder.checkName(s, at: at, id: id) else { continue }
                            variants.append(NameVariant(
                                s, language: lang, ambiguous: (m["ambiguous"] as? Bool) ?? false,
                                caseRule: (m["case"] as? String) == "exact" ? .exact : .natural,
                                generated: (m["generated"] as? Bool) ?? false, location: at))
                        } else {
                            builder.error(.malformedField, at, "a name must be a string or an object with \"name\" (in \"\(id)\")")
                        }
                    }
                }
            }
            if variants.count > LexiconLimits.maxNamesPerEntity {
                builder.error(.limitExceeded, at, "entity \"\(id)\" has \(variants.count) names (limit \(LexiconLimits.maxNamesPerEntity))")
                continue
            }
            var demonyms: [NameVariant] = []
            if let d = object["demonyms"] as? [String: Any] {
                for lang in d.keys.sorted() {
                    for item in (d[lang] as? [String]) ?? [] where builder.checkLanguage(lang, at: at) {
                        demonyms.append(NameVariant(item, language: lang, location: at))
                    }
                }
            }
            guard let type, let name else { continue }
            var entity = Entity(
                id: id, type: type, name: name, names: variants,
                wikidata: object["wikidata"] as? String, description: object["description"] as? String,
                country: object["country"] as? String,
                context: (object["context"] as? [String]) ?? [], sameAs: (object["same_as"] as? [String]) ?? [],
                population: (object["population"] as? NSNumber)?.intValue,
                source: (object["source"] as? String) ?? "curated", location: at)
            entity.demonyms = demonyms
            entities.append(entity)
        }
        return (entities, builder.diagnostics)
    }
}
