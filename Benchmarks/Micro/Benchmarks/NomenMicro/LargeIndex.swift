import Foundation
import Nomen

/// The generated bench data of `Benchmarks/compare.sh` (`../shared/bench/gen_corpus.py`),
/// when a run has left it: `$NOMEN_BENCH_DATA` (default `/tmp/bench-data`) holds
/// `corpus.jsonl`, `gold.tsv` and `manifest.json`; `$NOMEN_BENCH_INDEX` (default
/// `/tmp/nomen-bench/lexicon_1m.nomenidx`) is a compiled `lexicon_N.nomenidx`.
enum LargeIndex {
    static let environment = ProcessInfo.processInfo.environment
    static let dataDirectory = environment["NOMEN_BENCH_DATA"] ?? "/tmp/bench-data"
    static let indexFile = environment["NOMEN_BENCH_INDEX"] ?? "/tmp/nomen-bench/lexicon_1m.nomenidx"

    /// The lexicon size in the index's name (`10k`, `100k`, `1m`), which keys the
    /// manifest's counts and the gold rows that size holds.
    static let size: String? = {
        let name = (indexFile as NSString).lastPathComponent
        guard name.hasPrefix("lexicon_"), name.hasSuffix(".nomenidx") else { return nil }
        return String(name.dropFirst("lexicon_".count).dropLast(".nomenidx".count))
    }()

    static let rows: [String: Int] = ["10k": 10_000, "100k": 100_000, "1m": 1_000_000]

    /// Why the large-index benchmarks cannot run, or nil when they can.
    static let missing: String? = {
        let fm = FileManager.default
        for file in [indexFile, dataDirectory + "/corpus.jsonl", dataDirectory + "/gold.tsv", dataDirectory + "/manifest.json"]
        where !fm.fileExists(atPath: file) {
            return "\(file) is missing (run Benchmarks/compare.sh with SIZES=1m, or set NOMEN_BENCH_INDEX and NOMEN_BENCH_DATA)"
        }
        guard let size, rows[size] != nil else { return "\(indexFile): expected a name lexicon_{10k,100k,1m}.nomenidx" }
        // An index of an older format is left by an older build: say so, and skip. The
        // index read here is released at once (unmapped), so it does not count in the
        // resident memory of the benchmarks that do not use it.
        do { _ = try NomenIndex.read(file: indexFile) } catch { return "\(indexFile): \(error)" }
        return nil
    }()

    /// The manifest's entity count for this size.
    static let expectedEntities: Int = {
        let file = dataDirectory + "/manifest.json"
        let data = must("reading \(file)") { try Data(contentsOf: URL(fileURLWithPath: file)) }
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let lexicon = (json?["lexicon"] as? [String: Any])?[size ?? ""] as? [String: Any]
        guard let entities = lexicon?["entities"] as? Int else { fatalError("\(file): no lexicon.\(size ?? "?").entities") }
        return entities
    }()

    /// The first documents of the bench corpus, about `sliceBytes` of text.
    static let sliceBytes = 1_000_000
    static let slice: [(id: String, text: String)] = {
        let file = dataDirectory + "/corpus.jsonl"
        guard let handle = FileHandle(forReadingAtPath: file) else { fatalError("cannot open \(file)") }
        defer { try? handle.close() }
        // Documents are at most a few KB: the first 4 MB hold far more than the slice.
        let head = handle.readData(ofLength: 4 * sliceBytes)
        var docs: [(id: String, text: String)] = []
        var bytes = 0
        for line in head.split(separator: UInt8(ascii: "\n")) where bytes < sliceBytes {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = o["id"] as? String, let text = o["text"] as? String else { break }
            docs.append((id, text))
            bytes += text.utf8.count
        }
        expect(bytes >= sliceBytes, "\(file): only \(bytes) bytes of text in the first \(docs.count) documents")
        return docs
    }()

    static let sliceTextBytes = slice.reduce(0) { $0 + $1.text.utf8.count }

    /// The gold mentions of the slice that lexicon N holds: "doc start end id" (scalar
    /// offsets, ids lower-cased as the importer writes them).
    static let sliceGold: Set<String> = {
        let file = dataDirectory + "/gold.tsv"
        let text = must("reading \(file)") { try String(contentsOfFile: file, encoding: .utf8) }
        let docs = Set(slice.map(\.id))
        let limit = rows[size ?? ""] ?? 0
        var gold = Set<String>()
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard f.count >= 5, docs.contains(String(f[0])), let row = Int(f[3]), row < limit else { continue }
            gold.insert("\(f[0]) \(f[1]) \(f[2]) \(f[4].lowercased())")
        }
        expect(gold.count > 1_000, "\(file): only \(gold.count) gold mentions in the slice")
        return gold
    }()

    static let index: NomenIndex = must("reading \(indexFile)") { try NomenIndex.read(file: indexFile) }
    static let tagger = Tagger(index: index)
}
