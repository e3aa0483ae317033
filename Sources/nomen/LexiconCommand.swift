import ArgumentParser
import Foundation
import Nomen

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check, describe, import and compile lexicons.",
        subcommands: [Lint.self, Stats.self, Show.self, Import.self, Compile.self]
    )

    enum Format: String, ExpressibleByArgument { case text, json }

    /// The paths given, or the default lexicons.
    static func paths(_ given: [String]) throws -> [String] {
        if !given.isEmpty { return given }
        do { return try LexiconStore.defaultPaths() } catch { throw fail("nomen", "\(error)", status: ExitStatus.noInput) }
    }

    static func load(_ paths: [String]) throws -> Lexicon {
        do { return try Lexicon.load(paths: paths) } catch let e as LexiconError { throw report(e) }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check lexicons: every error and warning as file:line:column (exit 0 clean, 65 errors).")

        @Argument(help: "Lexicon files or folders (default: the shipped lexicons).")
        var paths: [String] = []

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let chosen = try LexiconCommand.paths(paths)
            do {
                let lexicon = try Lexicon.load(paths: chosen)
                for d in lexicon.diagnostics { printError(d.description) }
                let warnings = lexicon.diagnostics.count
                printError("nomen: \(lexicon.entities.count) entities, \(lexicon.nameCount) names, 0 errors, \(warnings) warnings")
                if strict && warnings > 0 { throw ExitCode(ExitStatus.dataError) }
            } catch let e as LexiconError {
                for d in e.diagnostics { printError(d.description) }
                printError("nomen: \(e.errors.count) errors, \(e.diagnostics.count - e.errors.count) warnings")
                throw ExitCode(e.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count entities and names by type, language and script.")

        @Argument(help: "Lexicon files or folders (default: the shipped lexicons).")
        var paths: [String] = []

        @Option(help: "text or json.")
        var format: Format = .text

        func run() throws {
            let lexicon = try LexiconCommand.load(try LexiconCommand.paths(paths))
            var byType: [String: Int] = [:]
            var byLanguage: [String: Int] = [:]
            var byScript: [String: Int] = [:]
            var bySource: [String: Int] = [:]
            for e in lexicon.entities {
                byType[e.type.name, default: 0] += 1
                bySource[e.source, default: 0] += 1
                for v in e.names {
                    byLanguage[v.language, default: 0] += 1
                    byScript[Script.of(v.text).shortName, default: 0] += 1
                }
            }
            if format == .json {
                func obj(_ d: [String: Int]) -> String {
                    "{" + d.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"
                }
                Output.shared.write("{\"entities\":\(lexicon.entities.count),\"curated\":\(bySource["curated"] ?? 0),\"names\":\(lexicon.nameCount),"
                    + "\"by_type\":\(obj(byType)),\"by_source\":\(obj(bySource)),\"by_language\":\(obj(byLanguage)),\"by_script\":\(obj(byScript)),"
                    + "\"scripts\":\(byScript.count),\"languages\":\(byLanguage.count)}\n")
            } else {
                var out = "entities: \(lexicon.entities.count) (curated \(bySource["curated"] ?? 0))\nnames: \(lexicon.nameCount)\n"
                out += "by type: " + byType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
                out += "by source: " + bySource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
                out += "by script (\(byScript.count)): " + byScript.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
                out += "by language (\(byLanguage.count)): " + byLanguage.sorted { $0.value > $1.value }.prefix(40).map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
                Output.shared.write(out)
            }
            Output.shared.flush()
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an entity with all its names and their scripts.")

        @Argument(help: "The entity id.")
        var id: String

        @Option(name: .customLong("lexicon"), help: "Lexicon files or folders (default: the shipped lexicons).")
        var paths: [String] = []

        @Option(help: "text or json.")
        var format: Format = .text

        func run() throws {
            let lexicon = try LexiconCommand.load(try LexiconCommand.paths(paths))
            guard let e = lexicon.entity(id: id) else {
                throw fail("nomen lexicon show", "no entity \"\(id)\"", status: ExitStatus.dataError)
            }
            if format == .json {
                let names = e.names.map { v in
                    "{\"name\":\(JSONText.quote(v.text)),\"language\":\(JSONText.quote(v.language)),\"script\":\(JSONText.quote(Script.of(v.text).shortName))"
                        + (v.ambiguous ? ",\"ambiguous\":true" : "") + (v.caseRule == .exact ? ",\"case\":\"exact\"" : "")
                        + (v.generated ? ",\"generated\":true" : "") + "}"
                }
                var fields = ["\"id\":\(JSONText.quote(e.id))", "\"type\":\(JSONText.quote(e.type.name))", "\"name\":\(JSONText.quote(e.name))"]
                if let w = e.wikidata { fields.append("\"wikidata\":\(JSONText.quote(w))") }
                if let d = e.description { fields.append("\"description\":\(JSONText.quote(d))") }
                if let c = e.country { fields.append("\"country\":\(JSONText.quote(c))") }
                if let l = e.location { fields.append("\"defined_at\":\(JSONText.quote(l.description))") }
                fields.append("\"names\":[\(names.joined(separator: ","))]")
                Output.shared.write("{\(fields.joined(separator: ","))}\n")
            } else {
                var out = "\(e.id)  \(e.type.name)  \(e.name)\n"
                if let d = e.description { out += "  \(d)\n" }
                if let l = e.location { out += "  defined at \(l)\n" }
                for v in e.names {
                    out += "  \(v.language)\t\(Script.of(v.text).shortName)\t\(v.text)\(v.ambiguous ? "\t(ambiguous)" : "")\(v.generated ? "\t(generated)" : "")\n"
                }
                Output.shared.write(out)
            }
            Output.shared.flush()
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a lexicon users already have into Nomen's format.",
            discussion: """
            Formats: spacy (EntityRuler pattern JSONL with id), jrc (JRC-Names TSV id, type, lang, Name+With+Plus),
            geonames (cities15000.txt layout), tsv (id, type, lang, name). Output: .yaml or .jsonl by its extension.
              nomen lexicon import --from tsv /tmp/bench-data/lexicon_10k.tsv --output /tmp/lex10k.jsonl
            """
        )

        @Option(name: .customLong("from"), help: "spacy, jrc, geonames, tsv.")
        var from: String

        @Argument(help: "The file to import.")
        var input: String

        @Option(help: "Where to write (.yaml or .jsonl; - for standard output as JSONL).")
        var output: String

        func validate() throws {
            guard LexiconFiles.ImportFormat(rawValue: from) != nil else {
                throw ValidationError("unknown format \"\(from)\" (spacy, jrc, geonames, tsv)")
            }
        }

        func run() throws {
            let entities: [Entity]
            do { entities = try LexiconFiles.importFile(input, format: LexiconFiles.ImportFormat(rawValue: from)!) }
            catch let e as LexiconError { throw report(e) }
            let body = output.hasSuffix(".yaml") || output.hasSuffix(".yml") ? LexiconWriter.yaml(entities) : LexiconWriter.jsonl(entities)
            if output == "-" {
                Output.shared.write(body)
                Output.shared.flush()
            } else {
                do { try body.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw fail(output, "cannot write: \(error.localizedDescription)", status: ExitStatus.failure)
                }
            }
            printError("nomen: imported \(entities.count) entities, \(entities.reduce(0) { $0 + $1.names.count }) names")
        }
    }

    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile lexicons into a binary index that loads in a fraction of the time.",
            discussion: """
            Without --output, refreshes the cached index that tag, lookup and annotate use (rebuilt
            automatically anyway when a source is newer). With --output, writes a standalone .nomenidx
            to pass as --lexicon, e.g. to ship to cluster executors.
            """
        )

        @Argument(help: "Lexicon files or folders (default: the shipped lexicons).")
        var paths: [String] = []

        @Option(help: "Write the index here (.nomenidx).")
        var output: String?

        func run() throws {
            let chosen = try LexiconCommand.paths(paths)
            let start = Date()
            let index: NomenIndex
            do {
                if let output {
                    index = try LexiconStore.compile(paths: chosen)
                    try index.write(to: output)
                } else {
                    index = try LexiconStore.index(for: chosen)
                }
            } catch let e as LexiconError {
                throw report(e)
            } catch {
                throw fail(output ?? "nomen", "\(error)", status: ExitStatus.failure)
            }
            printError(String(format: "nomen: %d entities, %d names, %d tokens compiled in %.2f s%@", index.tagger.entityCount,
                              index.tagger.nameCount, index.tagger.tokenCount, Date().timeIntervalSince(start),
                              output.map { " → \($0)" } ?? ""))
        }
    }
}
