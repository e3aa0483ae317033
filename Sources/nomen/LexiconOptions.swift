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

    /// Warns when the data files shipped beside the executable are missing: without them
    /// inflected and clitic forms (Кабулову, لروسيا) go untagged.
    /// A rules file that cannot be read is named with its line, not taken for missing files.
    func checkDataFiles(_ tagger: Tagger) {
        guard tagger.rules.count == 0 && !quiet else { return }
        do {
            _ = try InflectionRules.shipped()
            printError("nomen: warning: inflection rules not found; inflected forms will not be tagged (ship the *.resources folders beside nomen, or set NOMEN_DATA_DIR)")
        } catch {
            printError("nomen: warning: inflection rules could not be read; inflected forms will not be tagged:\n\(error)")
        }
    }

    /// The compiled index of the chosen lexicons (from the cache when fresh).
    /// - Parameter residentMatcher: for commands that look names up (see ``NomenIndex/read(file:residentMatcher:)``).
    func index(residentMatcher: Bool = false) throws -> NomenIndex {
        let chosen: [String]
        if paths.isEmpty {
            do { chosen = try LexiconStore.defaultPaths() } catch {
                throw fail("nomen", "\(error)", status: ExitStatus.noInput)
            }
        } else {
            chosen = paths
        }
        do {
            return try LexiconStore.index(for: chosen, residentMatcher: residentMatcher) { message in
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
