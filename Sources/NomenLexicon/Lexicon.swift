import Foundation
import NomenNormalization

/// A set of entities loaded from one or more lexicon files, with ids unique across
/// all of them and generated entities absorbed by the curated ones that claim them.
///
/// ```swift
/// let lexicon = try Lexicon.load(paths: ["Lexicons/curated", "Lexicons/generated/countries.jsonl"])
/// lexicon.entity(id: "kabul")?.names.count
/// ```
public struct Lexicon: Sendable {
    public private(set) var entities: [Entity]
    /// Warnings found while loading (errors make loading throw).
    public private(set) var diagnostics: [Diagnostic]
    private var indexByID: [String: Int]

    public init(entities: [Entity], diagnostics: [Diagnostic] = []) {
        self.entities = entities
        self.diagnostics = diagnostics
        indexByID = [:]
        indexByID.reserveCapacity(entities.count)
        for i in entities.indices where indexByID[entities[i].id] == nil { indexByID[entities[i].id] = i }
    }

    public func entity(id: String) -> Entity? { indexByID[id].map { entities[$0] } }

    public var nameCount: Int { entities.reduce(0) { $0 + $1.names.count } }

    /// Loads lexicon files and folders (recursively: `.yaml`, `.yml`, `.jsonl`, `.tsv`).
    ///
    /// All files are read and checked before failing, so the error lists every problem.
    /// Duplicate ids across files are errors naming both places. A curated entity's
    /// `same_as` absorbs generated entities: their names join it and they disappear.
    /// - Throws: ``LexiconError`` when any file has an error.
    /// - Complexity: O(total size of the files).
    public static func load(paths: [String], warnings: Bool = true) throws -> Lexicon {
        var diagnostics: [Diagnostic] = []
        var all: [Entity] = []
        for path in paths {
            for file in LexiconFiles.expand(path, diagnostics: &diagnostics) {
                let (entities, d) = LexiconFiles.read(file: file)
                if all.isEmpty { all = entities } else { all += entities }
                diagnostics += d
            }
        }
        let lexicon = assemble(all, diagnostics: &diagnostics, warnings: warnings)
        if diagnostics.contains(where: { $0.severity == .error }) { throw LexiconError(diagnostics) }
        return Lexicon(entities: lexicon, diagnostics: diagnostics)
    }

    /// Checks ids and references across entities, merges `same_as`, and (with
    /// `warnings`) adds the curator's warnings.
    static func assemble(_ input: [Entity], diagnostics: inout [Diagnostic], warnings: Bool) -> [Entity] {
        // Each id's first entity; the entities are not copied unless some id repeats.
        var firstAt: [String: Int] = [:]
        firstAt.reserveCapacity(input.count)
        var repeated = Set<Int>()
        for i in input.indices {
            if let previous = firstAt[input[i].id] {
                let where0 = input[previous].location.map { " (first at \($0))" } ?? ""
                diagnostics.append(Diagnostic(.error, .duplicateID, at: input[i].location ?? SourceLocation(file: "?", line: 1, column: 1),
                                              "duplicate id \"\(input[i].id)\"\(where0)"))
                repeated.insert(i)
            } else {
                firstAt[input[i].id] = i
            }
        }
        var entities = input
        if !repeated.isEmpty {
            entities = input.indices.filter { !repeated.contains($0) }.map { input[$0] }
            firstAt = Dictionary(uniqueKeysWithValues: entities.indices.map { (entities[$0].id, $0) })
        }
        if entities.count > LexiconLimits.maxEntities {
            diagnostics.append(Diagnostic(.error, .limitExceeded, at: SourceLocation(file: "lexicon", line: 1, column: 1),
                                          "\(entities.count) entities (limit \(LexiconLimits.maxEntities))"))
        }
        // same_as: the curated entity absorbs the generated one's names, except names
        // that another curated entity carries (iso-codes calls Afghanistan "Islamic
        // Republic of Afghanistan", which the curated lexicon keeps as an entity of its own).
        var absorbed = Set<Int>()
        let folder = Folder(.name)
        var curatedKeys: [String: Int] = [:]
        if entities.contains(where: { !$0.sameAs.isEmpty }) {
            for (i, e) in entities.enumerated() where e.isCurated {
                for v in e.names where !v.ambiguous && curatedKeys[folder.key(v.text)] == nil { curatedKeys[folder.key(v.text)] = i }
            }
        }
        for i in entities.indices where !entities[i].sameAs.isEmpty {
            for other in entities[i].sameAs {
                guard let j = firstAt[other], j != i else { continue }
                var seen = Set(entities[i].names.map { "\($0.language)\u{1}\($0.text)" })
                for var v in entities[j].names where seen.insert("\(v.language)\u{1}\(v.text)").inserted {
                    if let owner = curatedKeys[folder.key(v.text)], owner != i { continue }
                    v.generated = true
                    v.gazetteer = entities[j].isGazetteer
                    entities[i].names.append(v)
                }
                if entities[i].population == nil { entities[i].population = entities[j].population }
                absorbed.insert(j)
            }
        }
        // A generated entity's country names a generated country (iso3166-xx): point it
        // at the curated entity that absorbed that country.
        var redirect: [String: String] = [:]
        for i in entities.indices { for other in entities[i].sameAs { redirect[other] = entities[i].id } }
        for i in entities.indices {
            if let c = entities[i].country, let r = redirect[c] { entities[i].country = r }
        }
        for i in entities.indices where entities[i].isCurated {
            let e = entities[i]
            for ref in [e.country].compactMap({ $0 }) + e.context where firstAt[ref] == nil {
                diagnostics.append(Diagnostic(.error, .unknownReference, at: e.location ?? SourceLocation(file: "?", line: 1, column: 1),
                                              "entity \"\(e.id)\" refers to unknown id \"\(ref)\""))
            }
        }
        let result = absorbed.isEmpty ? entities : entities.indices.filter { !absorbed.contains($0) }.map { entities[$0] }
        if warnings { diagnostics += LexiconValidator.warnings(result) }
        return result
    }
}

/// Finding and reading lexicon files.
public enum LexiconFiles {
    /// The lines of a file's text: split at each line feed, the carriage return before it
    /// dropped (a file saved on Windows). Not `split(separator: "\n")`: "\r\n" is one
    /// Character, which "\n" is not, so a CRLF file would be one line. Line `k` of the
    /// file is element `k - 1`; empty lines are kept.
    public static func lines(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    /// The extensions read from folders.
    public static let extensions: Set<String> = ["yaml", "yml", "jsonl", "tsv"]

    static func expand(_ path: String, diagnostics: inout [Diagnostic]) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            diagnostics.append(Diagnostic(.error, .unreadable, at: SourceLocation(file: path, line: 1, column: 1), "no such file or folder"))
            return []
        }
        guard isDir.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let rel = walker.nextObject() as? String {
            let ext = (rel as NSString).pathExtension.lowercased()
            let name = (rel as NSString).lastPathComponent
            // honorifics.yaml is the matcher's list, not a lexicon of entities.
            if extensions.contains(ext), name != "honorifics.yaml", !name.hasPrefix(".") {
                files.append((path as NSString).appendingPathComponent(rel))
            }
        }
        return files.sorted()
    }

    /// Reads one file in the format its extension names.
    static func read(file: String, layout: TSVLayout = .plain) -> ([Entity], [Diagnostic]) {
        let text: String
        switch readText(file) {
        case .success(let t): text = t
        case .failure(let d): return ([], [d])
        }
        switch (file as NSString).pathExtension.lowercased() {
        case "yaml", "yml":
            var reader = YAMLLexiconReader(file: file)
            let r = reader.read(text)
            return (r.entities, r.diagnostics)
        case "jsonl", "json":
            let r = JSONLLexiconReader(file: file).read(text)
            return (r.entities, r.diagnostics)
        case "tsv", "txt":
            let r = TSVLexiconReader(file: file, layout: layout).read(text)
            return (r.entities, r.diagnostics)
        default:
            return ([], [Diagnostic(.error, .unreadable, at: SourceLocation(file: file, line: 1, column: 1),
                                    "unknown lexicon format (expected .yaml, .jsonl or .tsv)")])
        }
    }

    /// A file's text, or a diagnostic: missing, unreadable, too large, or not UTF-8.
    public static func readText(_ file: String) -> Result<String, Diagnostic> {
        let at = SourceLocation(file: file, line: 1, column: 1)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else {
            return .failure(Diagnostic(.error, .unreadable, at: at, "no such file"))
        }
        if isDir.boolValue { return .failure(Diagnostic(.error, .unreadable, at: at, "is a folder, expected a file")) }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            return .failure(Diagnostic(.error, .unreadable, at: at, "cannot open (permission denied?)"))
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size > LexiconLimits.maxFileBytes {
            return .failure(Diagnostic(.error, .limitExceeded, at: at, "file of \(size) bytes (limit \(LexiconLimits.maxFileBytes))"))
        }
        guard let data = try? handle.readToEnd() ?? Data() else {
            return .failure(Diagnostic(.error, .unreadable, at: at, "cannot read"))
        }
        do {
            return .success(try UTF8Validation.decode(data))
        } catch let e as InvalidUTF8 {
            return .failure(Diagnostic(.error, .invalidUTF8, at: SourceLocation(file: file, line: e.line, column: e.column),
                                       "invalid UTF-8 at byte offset \(e.byteOffset)"))
        } catch {
            return .failure(Diagnostic(.error, .unreadable, at: at, "\(error)"))
        }
    }

    /// Imports a file in a format users already have.
    /// - Throws: ``LexiconError`` with every problem found.
    public static func importFile(_ file: String, format: ImportFormat) throws -> [Entity] {
        let text: String
        switch readText(file) {
        case .success(let t): text = t
        case .failure(let d): throw LexiconError([d])
        }
        let (entities, diagnostics): ([Entity], [Diagnostic])
        switch format {
        case .spacy: (entities, diagnostics) = SpacyPatternReader(file: file).read(text)
        case .jrc: (entities, diagnostics) = TSVLexiconReader(file: file, layout: .jrc).read(text)
        case .geonames: (entities, diagnostics) = TSVLexiconReader(file: file, layout: .geonames).read(text)
        case .tsv: (entities, diagnostics) = TSVLexiconReader(file: file, layout: .plain).read(text)
        case .jsonl: (entities, diagnostics) = JSONLLexiconReader(file: file).read(text)
        case .yaml:
            var r = YAMLLexiconReader(file: file)
            (entities, diagnostics) = r.read(text)
        }
        var all = diagnostics
        let checked = Lexicon.assemble(entities, diagnostics: &all, warnings: false)
        if all.contains(where: { $0.severity == .error }) { throw LexiconError(all) }
        return checked
    }

    public enum ImportFormat: String, Sendable, CaseIterable {
        case spacy, jrc, geonames, tsv, jsonl, yaml
    }
}
