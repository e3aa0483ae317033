import ArgumentParser
import Foundation
import Nomen

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Fold text by a normalisation profile, as names are compared.",
        discussion: """
        Profiles: name (default: case, diacritics, Arabic-script letters, ё, Traditional Chinese, punctuation),
        name-strict (keeps ة), caseless, display. Each line of the input is folded on its own.
          nomen normalize "الإمارة الإسلاميّة"    →  الاماره الاسلاميه
        """
    )

    @Argument(help: "Text to fold, or - to read standard input.")
    var text: String

    @Option(help: "Folding profile: name, name-strict, caseless, display.")
    var profile: String = "name"

    @Flag(help: "Also print the source span (scalar offsets) of each folded character.")
    var map = false

    func validate() throws {
        guard FoldingProfile.named(profile) != nil else {
            throw ValidationError("unknown profile \"\(profile)\" (name, name-strict, caseless, display)")
        }
    }

    func run() throws {
        let input = text == "-" ? try readInput("-") : text
        let folder = Folder(FoldingProfile.named(profile)!)
        var lines = LexiconFiles.lines(input)
        if text == "-", lines.last == "" { lines.removeLast() }
        for line in lines {
            let folded = folder.fold(line)
            Output.shared.write(folded.text + "\n")
            if map {
                let pairs = folded.scalars.indices.map { "\(folded.sourceStarts[$0])-\(folded.sourceEnds[$0])" }
                Output.shared.write(pairs.joined(separator: " ") + "\n")
            }
        }
        Output.shared.flush()
    }
}

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate names by a scheme or a language's default scheme to Latin.",
        discussion: """
          nomen translit --scheme Russian-Latin/BGN "Андрей Руденко"   →  Andrey Rudenko
          nomen translit --from fa "گل حسن"
          nomen translit --scheme nomen:russian-latin-press-de "Мария Захарова"   →  Marija Sacharowa
        Schemes: any ICU transform ID (nomen translit --list) or nomen:<rule file>.
        """
    )

    @Argument(help: "Text to transliterate, or - to read standard input (one name a line).")
    var text: String?

    @Option(help: "An ICU transform ID (Russian-Latin/BGN, Any-Latin; Latin-ASCII) or nomen:<rule file>.")
    var scheme: String?

    @Option(name: .customLong("from"), help: "A language (BCP 47): use its default scheme to Latin.")
    var language: String?

    @Flag(help: "List the available schemes.")
    var list = false

    func validate() throws {
        if list { return }
        if text == nil { throw ValidationError("give a TEXT to transliterate (or - for standard input)") }
        if scheme != nil && language != nil { throw ValidationError("give --scheme or --from, not both") }
        if let language, TransliterationScheme.defaultToLatin(language: language) == nil {
            throw ValidationError("no default scheme for language \"\(language)\"; give --scheme")
        }
    }

    func run() throws {
        if list {
            for name in RuleFiles.names { Output.shared.write("nomen:\(name)\n") }
            for id in ICUTransliterator.availableIDs.sorted() { Output.shared.write(id + "\n") }
            Output.shared.flush()
            return
        }
        let chosen: TransliterationScheme
        if let scheme { chosen = TransliterationScheme(scheme) }
        else if let language { chosen = TransliterationScheme.defaultToLatin(language: language)! }
        else { chosen = TransliterationScheme("Any-Latin") }
        let t: Transliterator
        do { t = try Transliterator(chosen) } catch {
            throw fail("nomen translit", "\(error)", status: ExitStatus.usage)
        }
        let input = text == "-" ? try readInput("-") : text!
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        if text == "-", lines.last == "" { lines.removeLast() }
        for line in lines { Output.shared.write(t.transliterate(String(line)) + "\n") }
        Output.shared.flush()
    }
}

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into words with ICU (dictionaries for Chinese, Japanese, Thai).",
        discussion: "Prints one word a line: start, end (scalar offsets), kind and the word."
    )

    @Argument(help: "Text, or - for standard input.")
    var text: String

    func run() throws {
        let input = text == "-" ? try readInput("-") : text
        let segmenter: WordSegmenter
        do { segmenter = try WordSegmenter() } catch { throw fail("nomen segment", "\(error)", status: ExitStatus.failure) }
        for w in segmenter.words(in: input) {
            Output.shared.write("\(w.range.lowerBound)\t\(w.range.upperBound)\t\(w.kind.rawValue)\t\(w.text)\n")
        }
        Output.shared.flush()
    }
}
