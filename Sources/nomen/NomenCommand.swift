import ArgumentParser
import Foundation
import Nomen

@main
struct NomenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nomen",
        abstract: "Find names in multilingual text and link them to canonical entities.",
        discussion: """
        Offsets are Unicode scalar offsets (what Python's str indexes), end exclusive, unless --offsets says otherwise.
        Exit status: 0 success, 64 usage error, 65 bad input data (invalid UTF-8, malformed lexicon or JSONL),
        66 input file missing, 1 anything else. Errors go to stderr as path:line:column: error: message.
        """,
        version: "nomen 0.1.0 (ICU \(ICU.version))",
        subcommands: [
            TagCommand.self, LookupCommand.self, AnnotateCommand.self, LexiconCommand.self, VariantsCommand.self,
            EvaluateCommand.self, NormalizeCommand.self, TranslitCommand.self, SegmentCommand.self,
        ]
    )
}
