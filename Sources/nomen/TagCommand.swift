import ArgumentParser
import Foundation
import Nomen

extension OutputFormat: ExpressibleByArgument {}
extension OffsetUnit: ExpressibleByArgument {}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag a document with the entities of the lexicons.",
        discussion: """
        Prints every mention with its offsets, canonical id, type, name, score and how it matched
        (exact, normalized, inflected, partial, fuzzy). Example:
          nomen tag seeds/russia-recognizes-islamic-emirate.txt --format jsonl
        """
    )

    @Argument(help: "The document (UTF-8 text), or - for standard input.")
    var file: String = "-"

    @OptionGroup var lexicons: LexiconOptions

    @Option(help: "Output format: json, jsonl, displacy, conll, brat, html.")
    var format: OutputFormat = .json

    @Option(help: "Offset unit: scalar, utf16, utf8.")
    var offsets: OffsetUnit = .scalar

    @Flag(help: "Report every name found, nested and overlapping ones too.")
    var overlapping = false

    @Flag(name: .customLong("no-partial"), help: "Do not link surname-only and given-name-only mentions.")
    var noPartial = false

    @Flag(name: .customLong("no-fuzzy"), help: "Do not link name-like spans the lexicons lack through the matcher.")
    var noFuzzy = false

    @Flag(help: "Also report demonyms (Russian, الروسية) as NORP mentions of their country.")
    var demonyms = false

    @Option(name: .customLong("max-doc-bytes"), help: "Refuse documents larger than this.")
    var maxDocBytes: Int = Limits.maxDocumentBytes

    func run() throws {
        let text = try readInput(file, limit: maxDocBytes)
        let index = try lexicons.index()
        var options = TaggerOptions()
        options.overlapping = overlapping
        options.partialNames = !noPartial
        options.fuzzy = !noFuzzy
        options.demonyms = demonyms
        let tagger = Tagger(index: index, options: options)
        lexicons.checkDataFiles(tagger)
        let mentions = tagger.tag(text)
        let title = file == "-" ? nil : (file as NSString).lastPathComponent
        Output.shared.write(MentionFormatter(format: format, unit: offsets).render(mentions, text: text, title: title))
        Output.shared.flush()
    }
}
