import ArgumentParser
import Foundation
import Nomen

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score tagging against gold annotations, or lookup against an evaluation set.",
        discussion: """
        Tagging: P/R/F1 overall, per entity type and per language, with every miss and false alarm.
        The gold file is the seed's JSON layout or JSONL (one {"id", "lang", "text", "entities"} a line);
        without PRED the gold documents are tagged now.
          nomen evaluate --gold seeds/russia-recognizes-islamic-emirate.gold.json
          nomen evaluate --gold Tests/Corpus/ru.jsonl
        Lookup: top-1 accuracy per script and per kind, and distractor rejection.
          nomen evaluate --lookup Tests/LookupEval/queries.tsv
        """
    )

    @Option(help: "Gold annotations (.json or .jsonl); repeatable.")
    var gold: [String] = []

    @Argument(help: "Predicted annotations in the same layout (default: tag the gold documents now).")
    var predicted: String?

    @Option(help: "A lookup evaluation set (query, expected, script, kind, note; TSV).")
    var lookup: String?

    @Option(name: .customLong("min-f1"), help: "Exit 1 when F1 (or lookup accuracy) is below this.")
    var minF1: Double?

    @Flag(help: "Print only the summary, not each miss and false alarm.")
    var summary = false

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if gold.isEmpty && lookup == nil { throw ValidationError("give --gold FILE or --lookup FILE") }
    }

    func run() throws {
        let index = try lexicons.index(residentMatcher: lookup != nil)
        var failed = false
        if !gold.isEmpty {
            let tagger = Tagger(index: index)
            var evaluation = Evaluation()
            var predictedDocs: [String: GoldDocument] = [:]
            if let predicted {
                do { for d in try GoldDocument.load(predicted) { predictedDocs[d.id] = d } } catch {
                    throw fail(predicted, "\(error)", status: ExitStatus.dataError)
                }
            }
            for path in gold {
                let docs: [GoldDocument]
                do { docs = try GoldDocument.load(path) } catch let e as EvaluationError {
                    printError(e.message)
                    throw ExitCode(FileManager.default.fileExists(atPath: path) ? ExitStatus.dataError : ExitStatus.noInput)
                }
                for doc in docs {
                    let preds: [(start: Int, end: Int, id: String, type: String, text: String)]
                    if predicted != nil {
                        preds = (predictedDocs[doc.id]?.entities ?? []).map { ($0.start, $0.end, $0.id, $0.type, $0.text) }
                    } else {
                        guard let text = doc.text else {
                            throw fail(path, "document \(doc.id) has no text to tag; give PRED", status: ExitStatus.dataError)
                        }
                        preds = tagger.tag(text).map { ($0.start, $0.end, $0.id, $0.type, $0.text) }
                    }
                    evaluation.add(gold: doc, predicted: preds)
                }
            }
            Output.shared.write(evaluation.report(showErrors: !summary))
            if let minF1, evaluation.overall.f1 < minF1 { failed = true }
        }
        if let lookup {
            let result = try LookupEvaluation.run(file: lookup, index: index)
            Output.shared.write(result.report(showErrors: !summary))
            if let minF1, result.accuracy < minF1 { failed = true }
        }
        Output.shared.flush()
        if failed { throw ExitCode(ExitStatus.failure) }
    }
}

/// Top-1 accuracy of `lookup` on an evaluation set, per script and per kind.
struct LookupEvaluation {
    struct Tally {
        var right = 0
        var total = 0
        var rate: Double { total == 0 ? 1 : Double(right) / Double(total) }
    }

    var byScript: [String: Tally] = [:]
    var byKind: [String: Tally] = [:]
    var byType: [String: Tally] = [:]
    var positives = Tally()
    var distractors = Tally()
    var errors: [String] = []
    var accuracy: Double { Double(positives.right + distractors.right) / Double(max(1, positives.total + distractors.total)) }

    static func run(file: String, index: NomenIndex) throws -> LookupEvaluation {
        let text = try readInput(file)
        let matcher = NameMatcher(index: index.matcher)
        var result = LookupEvaluation()
        for (n, line) in LexiconFiles.lines(text).enumerated() {
            if n == 0 || line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else {
                throw fail("\(file):\(n + 1):1", "expected query, expected, script, kind", status: ExitStatus.dataError)
            }
            let (query, expected, script, kind) = (f[0], f[1], f[2], f[3])
            let candidates = matcher.lookup(query, limit: 5)
            let top = candidates.first
            let topID = top.map { index.tagger.entityID($0.entity) }
            var right: Bool
            if expected == "-" {
                right = !(candidates.contains { $0.isMatch })
            } else if expected.hasPrefix("!") {
                let forbidden = String(expected.dropFirst())
                right = !candidates.contains { $0.isMatch && index.tagger.entityID($0.entity) == forbidden }
            } else {
                right = top?.isMatch == true && topID == expected
            }
            let isDistractor = expected == "-" || expected.hasPrefix("!")
            if isDistractor { result.distractors.total += 1; if right { result.distractors.right += 1 } }
            else {
                result.positives.total += 1
                if right { result.positives.right += 1 }
                if let e = index.tagger.entityIndex(id: expected) {
                    let type = index.tagger.entityType(e)
                    result.byType[type, default: Tally()].total += 1
                    if right { result.byType[type, default: Tally()].right += 1 }
                }
            }
            result.byScript[script, default: Tally()].total += 1
            result.byKind[kind, default: Tally()].total += 1
            if right {
                result.byScript[script, default: Tally()].right += 1
                result.byKind[kind, default: Tally()].right += 1
            } else {
                let got = top.map { "\(index.tagger.entityID($0.entity)) \(String(format: "%.3f", $0.score))\($0.isMatch ? "" : " (no match)")" } ?? "nothing"
                result.errors.append("\(file):\(n + 1): \(kind) \(script) \"\(query)\": expected \(expected), got \(got)")
            }
        }
        return result
    }

    func report(showErrors: Bool) -> String {
        var lines: [String] = showErrors ? errors : []
        if showErrors && !errors.isEmpty { lines.append("") }
        func row(_ k: String, _ t: Tally) -> String { String(format: "  %-16@ %.3f  (%d/%d)", k as NSString, t.rate, t.right, t.total) }
        lines.append("by script:"); lines += byScript.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        lines.append("by kind:"); lines += byKind.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        lines.append("positives by entity type:"); lines += byType.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        lines.append(String(format: "top-1 accuracy %.3f (%d/%d); distractors rejected %.3f (%d/%d); overall %.3f",
                            positives.rate, positives.right, positives.total, distractors.rate, distractors.right, distractors.total, accuracy))
        return lines.joined(separator: "\n") + "\n"
    }
}
