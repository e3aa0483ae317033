import ArgumentParser
import Foundation
import Nomen

struct VariantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variants",
        abstract: "Generate likely spellings of an entity in other scripts and romanisations, for curators.",
        discussion: """
        Russian names go through BGN/PCGN, ISO 9, ICAO, and the English, German and French press
        conventions; Latin names through the reverse schemes to Cyrillic and Arabic script. Every
        line is marked generated: review before adding to a lexicon.
          nomen variants maria-zakharova --script Latn
        """
    )

    @Argument(help: "The entity id.")
    var id: String

    @Option(help: "Only this script (ISO 15924: Latn, Cyrl, Arab).")
    var script: String?

    @Option(name: .customLong("lang"), help: "Only this target language (en, de, fr, ru, ar, fa).")
    var language: String?

    @Option(name: .customLong("lexicon"), help: "Lexicon files or folders (default: the shipped lexicons).")
    var paths: [String] = []

    @Option(help: "text or json.")
    var format: LexiconCommand.Format = .text

    func run() throws {
        let lexicon = try LexiconCommand.load(try LexiconCommand.paths(paths))
        guard let entity = lexicon.entity(id: id) else {
            throw fail("nomen variants", "no entity \"\(id)\"", status: ExitStatus.dataError)
        }
        let variants = VariantGenerator.variants(of: entity)
            .filter { script == nil || $0.script.lowercased() == script!.lowercased() }
            .filter { language == nil || $0.language == language! }
        if format == .json {
            let items = variants.map {
                "{\"name\":\(JSONText.quote($0.text)),\"script\":\"\($0.script)\",\"language\":\"\($0.language)\",\"scheme\":\(JSONText.quote($0.scheme)),\"from\":\(JSONText.quote($0.source)),\"generated\":true}"
            }
            Output.shared.write("{\"id\":\(JSONText.quote(entity.id)),\"variants\":[\(items.joined(separator: ","))]}\n")
        } else {
            for v in variants {
                Output.shared.write("\(v.language)\t\(v.script)\t\(v.text)\t(generated: \(v.scheme) from \"\(v.source)\")\n")
            }
        }
        Output.shared.flush()
    }
}
