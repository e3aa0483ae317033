import Foundation
import Nomen

/// The data every benchmark reads, loaded once per process (a global `let` is initialised
/// on first use, so a benchmark pays only for what it touches, and before it is timed:
/// each benchmark's `setup` touches its fixtures).
enum Fixtures {
    /// The repository root: `$NOMEN_REPO`, else four folders above this file
    /// (`Benchmarks/Micro/Benchmarks/NomenMicro/`), never the current folder.
    static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["NOMEN_REPO"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url
    }()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    // MARK: Texts

    /// The seed article with its gold mentions.
    static let seed: GoldDocument = {
        let gold = path("seeds/russia-recognizes-islamic-emirate.gold.json")
        let docs = must("reading \(gold)") { try GoldDocument.load(gold) }
        expect(docs.count == 1 && docs[0].text != nil, "\(gold): expected one document with its text")
        return docs[0]
    }()

    /// The gold passages of `Tests/Corpus/*.jsonl`, ten languages.
    static let corpus: [GoldDocument] = {
        let dir = path("Tests/Corpus")
        let files = must("listing \(dir)") { try FileManager.default.contentsOfDirectory(atPath: dir) }
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        expect(files.count == 10, "\(dir): expected 10 languages, found \(files.count) files")
        let docs = files.flatMap { f in must("reading \(dir)/\(f)") { try GoldDocument.load("\(dir)/\(f)") } }
        // Every non-empty line is a document: the loader must not have dropped any.
        let lines = files.reduce(0) { n, f in
            n + (must(f) { try String(contentsOfFile: "\(dir)/\(f)", encoding: .utf8) }
                .split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count)
        }
        expect(docs.count == lines && docs.allSatisfy { $0.text != nil }, "\(dir): \(lines) lines but \(docs.count) documents with text")
        return docs
    }()

    static let corpusTexts: [String] = corpus.map { $0.text ?? "" }
    static let corpusBytes = corpusTexts.reduce(0) { $0 + $1.utf8.count }
    static let corpusScalars = corpusTexts.reduce(0) { $0 + $1.unicodeScalars.count }

    /// The Chinese passages, for word segmentation.
    static let chineseTexts: [String] = corpus.filter { $0.language == "zh" }.map { $0.text ?? "" }
    static let chineseBytes = chineseTexts.reduce(0) { $0 + $1.utf8.count }

    // MARK: Lookup queries

    struct Query {
        let text: String
        /// The entity that must come first, or nil for a distractor (`-`, `!id`).
        let expected: String?
    }

    /// `Tests/LookupEval/queries.tsv`, header skipped.
    static let queries: [Query] = {
        let file = path("Tests/LookupEval/queries.tsv")
        let text = must("reading \(file)") { try String(contentsOfFile: file, encoding: .utf8) }
        var rows: [Query] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where n > 0 && !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            expect(f.count >= 4, "\(file):\(n + 1): expected query, expected, script, kind")
            let expected = f[1] == "-" || f[1].hasPrefix("!") ? nil : String(f[1])
            rows.append(Query(text: String(f[0]), expected: expected))
        }
        expect(rows.count > 1_000, "\(file): only \(rows.count) queries")
        return rows
    }()

    // MARK: The shipped lexicons

    /// Where compiled indexes are kept between runs: `$NOMEN_CACHE_DIR`, else a folder in
    /// the temporary directory (not the user's cache).
    static let cacheDirectory: String = {
        if let env = ProcessInfo.processInfo.environment["NOMEN_CACHE_DIR"], !env.isEmpty { return env }
        let dir = NSTemporaryDirectory() + "nomen-micro-cache"
        setenv("NOMEN_CACHE_DIR", dir, 1)
        return dir
    }()

    /// `Lexicons/DEFAULT` compiled (or taken from the cache while its sources are unchanged)
    /// and written to `defaultIndexFile`.
    static let defaultIndexFile: String = {
        setenv("NOMEN_LEXICONS", path("Lexicons"), 1)
        let paths = must("finding Lexicons/DEFAULT") { try LexiconStore.defaultPaths() }
        expect(paths.allSatisfy { $0.hasPrefix(root.path) }, "the default lexicons were not found under \(root.path): \(paths)")
        _ = cacheDirectory
        let index = must("compiling \(paths)") { try LexiconStore.index(for: paths) }
        let file = cacheDirectory + "/micro-default.nomenidx"
        must("writing \(file)") { try index.write(to: file) }
        defaultCounts = (index.tagger.entityCount, index.tagger.nameCount)
        return file
    }()

    /// Entities and names of the default index as compiled, before it went through a file.
    nonisolated(unsafe) static var defaultCounts = (entities: 0, names: 0)

    /// The default index as the CLI reads it: mapped from the file.
    static let defaultIndex: NomenIndex = must("reading \(defaultIndexFile)") { try NomenIndex.read(file: defaultIndexFile) }

    /// The tagger with the CLI's default options.
    static let tagger = Tagger(index: defaultIndex)
}

/// Stops the benchmark run with a message when a check fails, so a benchmark that computes
/// the wrong thing fails instead of looking fast.
func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("NomenMicro: check failed: \(message())\n".utf8))
        fatalError("NomenMicro: check failed: \(message())")
    }
}

/// The value of `body`, or a stop naming what was being done.
func must<T>(_ doing: @autoclosure () -> String, _ body: () throws -> T) -> T {
    do { return try body() } catch {
        fatalError("NomenMicro: \(doing()): \(error)")
    }
}
