import Foundation
import NomenLexicon

/// A gold annotation, as `../shared/tools/score.py` reads it.
public struct GoldEntity: Sendable {
    public var start: Int
    public var end: Int
    public var id: String
    public var type: String
    public var text: String
    /// Neither missed when absent nor wrong when predicted with its id.
    public var optional: Bool
    /// Other spans accepted for the same mention.
    public var alternatives: [(Int, Int)]

    func accepts(_ start: Int, _ end: Int) -> Bool {
        (self.start == start && self.end == end) || alternatives.contains { $0.0 == start && $0.1 == end }
    }
}

/// A gold document: its text (when known), language and entities.
public struct GoldDocument: Sendable {
    public var id: String
    public var language: String
    public var text: String?
    public var entities: [GoldEntity]

    /// Reads a gold file: one JSON object (`{"document", "entities"}`, the seed's layout;
    /// its text is read from `document` beside the file) or JSONL, one document a line
    /// (`{"id", "lang", "text", "entities"}`).
    public static func load(_ path: String) throws -> [GoldDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(message: "\(path):1:1: error: cannot read gold file")
        }
        let text = String(decoding: data, as: UTF8.self)
        if path.hasSuffix(".jsonl") {
            var docs: [GoldDocument] = []
            for (n, line) in LexiconFiles.lines(text).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let o = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                    throw EvaluationError(message: "\(path):\(n + 1):1: error: not a JSON object")
                }
                docs.append(parse(o, fallbackID: "\(n + 1)", text: o["text"] as? String))
            }
            return docs
        }
        guard let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw EvaluationError(message: "\(path):1:1: error: not a JSON object")
        }
        var docText = o["text"] as? String
        if docText == nil, let name = o["document"] as? String {
            let url = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name)
            docText = (try? String(contentsOf: url, encoding: .utf8))
        }
        return [parse(o, fallbackID: (o["document"] as? String) ?? path, text: docText)]
    }

    static func parse(_ o: [String: Any], fallbackID: String, text: String?) -> GoldDocument {
        let ents = (o["entities"] as? [[String: Any]] ?? []).map { e -> GoldEntity in
            GoldEntity(start: (e["start"] as? Int) ?? 0, end: (e["end"] as? Int) ?? 0, id: (e["id"] as? String) ?? "",
                       type: (e["type"] as? String) ?? "?", text: (e["text"] as? String) ?? "",
                       optional: (e["optional"] as? Bool) ?? false,
                       alternatives: ((e["alternatives"] as? [[Int]]) ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
        }
        let id = o["id"].map { "\($0)" } ?? fallbackID
        return GoldDocument(id: id, language: (o["lang"] as? String) ?? "und", text: text, entities: ents)
    }
}

public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Precision, recall and F1 of predicted mentions against gold ones, overall, by
/// entity type and by language, with every miss and false alarm listed.
///
/// A prediction is right when a gold mention has the same id and the same span (or
/// one of its alternatives); optional gold mentions count neither way.
public struct Evaluation: Sendable {
    public struct Counts: Sendable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public var overall = Counts()
    public var byType: [String: Counts] = [:]
    public var byLanguage: [String: Counts] = [:]
    public var errors: [String] = []

    public init() {}

    public mutating func add(gold doc: GoldDocument, predicted: [(start: Int, end: Int, id: String, type: String, text: String)]) {
        var used = Set<Int>()
        for p in predicted {
            var hit: Int?
            for (k, g) in doc.entities.enumerated() where !used.contains(k) && g.id == p.id && g.accepts(p.start, p.end) {
                hit = k
                break
            }
            guard let k = hit else {
                // A prediction of an optional gold mention's id on a span overlapping it is not an error.
                if doc.entities.contains(where: { $0.optional && $0.id == p.id && $0.start < p.end && p.start < $0.end }) { continue }
                bump(\.falsePositives, type: p.type, language: doc.language)
                errors.append("\(doc.id): false alarm \(p.start)-\(p.end) \"\(p.text)\" -> \(p.id)")
                continue
            }
            used.insert(k)
            if !doc.entities[k].optional { bump(\.truePositives, type: doc.entities[k].type, language: doc.language) }
        }
        for (k, g) in doc.entities.enumerated() where !used.contains(k) && !g.optional {
            bump(\.falseNegatives, type: g.type, language: doc.language)
            errors.append("\(doc.id): missed \(g.start)-\(g.end) \"\(g.text)\" -> \(g.id)")
        }
    }

    private mutating func bump(_ field: WritableKeyPath<Counts, Int>, type: String, language: String) {
        overall[keyPath: field] += 1
        byType[type, default: Counts()][keyPath: field] += 1
        byLanguage[language, default: Counts()][keyPath: field] += 1
    }

    /// A table of P/R/F1 rows.
    public func report(showErrors: Bool = true) -> String {
        func row(_ name: String, _ c: Counts) -> String {
            String(format: "%-10@ P=%.3f R=%.3f F1=%.3f  (tp %d, fp %d, fn %d)", name as NSString, c.precision, c.recall, c.f1,
                   c.truePositives, c.falsePositives, c.falseNegatives)
        }
        var lines: [String] = []
        if showErrors { lines += errors }
        if !errors.isEmpty && showErrors { lines.append("") }
        lines.append("by type:")
        for (t, c) in byType.sorted(by: { $0.key < $1.key }) { lines.append("  " + row(t, c)) }
        lines.append("by language:")
        for (l, c) in byLanguage.sorted(by: { $0.key < $1.key }) { lines.append("  " + row(l, c)) }
        lines.append(String(format: "P=%.3f R=%.3f F1=%.3f", overall.precision, overall.recall, overall.f1))
        return lines.joined(separator: "\n") + "\n"
    }
}
