import ArgumentParser
import Foundation
import Nomen

/// `--lexicon PATH`, shared by the commands that need lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A lexicon file or folder (.yaml, .jsonl, .tsv) or a compiled .nomenidx; repeatable. Default: the shipped lexicons (Lexicons/DEFAULT).",
        valueName: "path"))
    var paths: [String] = []

    @Flag(name: .customLong("quiet"), help: "No progress messages on stderr.")
    var quiet = false

    /// The compiled index of the chosen lexicons (from the cache when fresh).
    func index() throws -> NomenIndex {
        let chosen: [String]
        if paths.isEmpty {
            do { chosen = try LexiconStore.defaultPaths() } catch {
                throw fail("nomen", "\(error)", status: ExitStatus.noInput)
            }
        } else {
            chosen = paths
        }
        do {
            return try LexiconStore.index(for: chosen) { message in
                if !quiet { printError("nomen: \(message)") }
            }
        } catch let e as LexiconError {
            throw report(e)
        } catch let e as BinaryArchive.FormatError {
            throw fail(chosen.first ?? "index", e.message, status: ExitStatus.dataError)
        } catch {
            throw fail("nomen", "\(error)", status: ExitStatus.failure)
        }
    }
}
