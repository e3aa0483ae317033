import ArgumentParser
import Foundation
import Nomen

struct LookupCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case text, json, jsonl }

    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Rank the entities a name may denote, in any script or romanisation.",
        discussion: """
        With a NAME, prints its candidates; with none, reads one name a line from standard input
        and writes one JSON object a line, in order.
          nomen lookup "Zamir Kabuloff"
          printf 'Moulvi Gul Hasan\\nزمیر کابلوف\\n' | nomen lookup
        """
    )

    @Argument(help: "The name to look up; omit to read names from standard input.")
    var name: String?

    @Option(help: "Most candidates to list.")
    var limit: Int = 5

    @Option(help: "Output format: text, json, jsonl (default: text for a NAME, jsonl for standard input).")
    var format: Format?

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let index = try lexicons.index()
        let matcher = NameMatcher(index: index.matcher)
        if let name {
            let candidates = matcher.lookup(name, limit: limit)
            switch format ?? .text {
            case .text: Output.shared.write(text(name, candidates, index))
            case .json, .jsonl: Output.shared.write(json(name, candidates, index) + "\n")
            }
            Output.shared.flush()
            return
        }
        var lineNumber = 0
        var failed = false
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            let query = line.hasSuffix("\r") ? String(line.dropLast()) : line
            let candidates = matcher.lookup(query, limit: limit)
            if format == .text { Output.shared.write(text(query, candidates, index)) }
            else { Output.shared.write(json(query, candidates, index) + "\n") }
            if query.unicodeScalars.contains("\u{FFFD}") {
                printError("<stdin>:\(lineNumber):1: warning: line has invalid UTF-8 (replaced)")
                failed = true
            }
            Output.shared.flush()
        }
        if failed { throw ExitCode(ExitStatus.dataError) }
    }

    func json(_ query: String, _ candidates: [MatchCandidate], _ index: NomenIndex) -> String {
        let items = candidates.map { c in
            "{\"id\":\(JSONText.quote(index.tagger.entityID(c.entity))),\"name\":\(JSONText.quote(index.tagger.entityName(c.entity))),"
                + "\"type\":\(JSONText.quote(index.tagger.entityType(c.entity))),\"score\":\(c.score),\"match\":\(c.isMatch),"
                + "\"variant\":\(JSONText.quote(c.variant)),\"explanation\":\(JSONText.quote(c.explanation))}"
        }
        return "{\"query\":\(JSONText.quote(query)),\"candidates\":[\(items.joined(separator: ","))]}"
    }

    func text(_ query: String, _ candidates: [MatchCandidate], _ index: NomenIndex) -> String {
        if candidates.isEmpty { return "\(query): no candidates\n" }
        var out = "\(query)\n"
        for c in candidates {
            out += String(format: "  %@ %.3f  %@ (%@, %@)\n      %@\n", c.isMatch ? "✓" : "·", c.score,
                          index.tagger.entityID(c.entity), index.tagger.entityName(c.entity), index.tagger.entityType(c.entity), c.explanation)
        }
        return out
    }
}
