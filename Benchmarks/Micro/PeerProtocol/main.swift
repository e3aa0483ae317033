// Nomen measured the way ../shared/bench/anchors.py measures the peer taggers
// (`worker_tagger`), so the two figures compare like with like:
//
//   load   reading the compiled index and making the tagger (the peers: reading the
//          lexicon TSV and building their automaton);
//   tag    `Tagger.tag(_:)` over every document's text, already in memory, collecting
//          (document, start, end) of each mention (the peers: their `tag(texts)`, which
//          collects the same triples into a list). Reading and parsing corpus.jsonl is
//          outside both timers, and nothing is written out;
//   score  the spans against gold.tsv rows below N, as anchors.py scores the peers.
//
// MB/s is UTF-8 bytes of document text per second of `tag`, the peers' unit. Nomen's
// full pipeline runs (segmentation, folding, inflection and clitic readings, partial
// names, fuzzy names, disambiguation): the CLI's default options.
//
//   swift run -c release --package-path Benchmarks/Micro PeerProtocol INDEX DATA_DIR N
//
// prints one JSON object (Benchmarks/compare.sh records it; report.py shows it).
import Foundation
import Nomen

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PeerProtocol: \(message)\n".utf8))
    exit(1)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // kilobytes on Linux
}

let arguments = CommandLine.arguments
guard arguments.count == 4 else { fail("usage: PeerProtocol INDEX DATA_DIR N (N: 10k, 100k or 1m)") }
let (indexFile, dataDirectory, size) = (arguments[1], arguments[2], arguments[3].lowercased())
let rows: Int
switch size.last {
case "k": rows = (Int(size.dropLast()) ?? 0) * 1_000
case "m": rows = (Int(size.dropLast()) ?? 0) * 1_000_000
default: rows = Int(size) ?? 0
}
guard rows > 0 else { fail("bad lexicon size \(size)") }

// Load, timed.
var clock = ContinuousClock.now
let index: NomenIndex
do { index = try NomenIndex.read(file: indexFile) } catch { fail("\(indexFile): \(error)") }
let tagger = Tagger(index: index)
let loadSeconds = (ContinuousClock.now - clock).seconds
let rssAfterLoad = peakRSSMegabytes()

// The corpus, read and parsed outside the timers (as anchors.py's read_corpus).
let corpusFile = dataDirectory + "/corpus.jsonl"
guard let corpus = FileManager.default.contents(atPath: corpusFile) else { fail("cannot read \(corpusFile)") }
var ids: [String] = []
var texts: [String] = []
for line in corpus.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let id = object["id"] as? String, let text = object["text"] as? String else { fail("\(corpusFile): a line is not {\"id\", \"text\"}") }
    ids.append(id)
    texts.append(text)
}
let textBytes = texts.reduce(0) { $0 + $1.utf8.count }

// Tag, timed: every text, every mention's span kept. In a function, on locals: a loop
// over top-level variables (globals) would pay for dynamic exclusivity checks.
struct Span: Hashable { let doc: Int, start: Int, end: Int }
func tagAll(_ texts: [String], with tagger: Tagger) -> (spans: [Span], seconds: Double) {
    var found: [Span] = []
    found.reserveCapacity(texts.count * 16)
    let start = ContinuousClock.now
    for (d, text) in texts.enumerated() {
        for m in tagger.tag(text) { found.append(Span(doc: d, start: m.start, end: m.end)) }
    }
    return (found, (ContinuousClock.now - start).seconds)
}
let (found, tagSeconds) = tagAll(texts, with: tagger)
let rssPeak = peakRSSMegabytes()

// Score, as anchors.py does: spans (document, start, end) against gold rows below N.
let goldFile = dataDirectory + "/gold.tsv"
guard let goldText = try? String(contentsOfFile: goldFile, encoding: .utf8) else { fail("cannot read \(goldFile)") }
let docIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
var gold = Set<Span>()
for line in goldText.split(separator: "\n") {
    let f = line.split(separator: "\t", omittingEmptySubsequences: false)
    guard f.count >= 6, let d = docIndex[String(f[0])], let s = Int(f[1]), let e = Int(f[2]), let row = Int(f[3]) else {
        fail("\(goldFile): bad line \(line.prefix(80))")
    }
    if row < rows { gold.insert(Span(doc: d, start: s, end: e)) }
}
let unique = Set(found)
let truePositives = unique.intersection(gold).count

func rounded(_ x: Double, _ places: Int) -> Double {
    let p = pow(10, Double(places))
    return (x * p).rounded() / p
}
let result: [String: Any] = [
    "tool": "nomen", "protocol": "anchors.py worker_tagger", "n": size, "status": "ok",
    "load_s": rounded(loadSeconds, 3), "tag_s": rounded(tagSeconds, 3),
    "text_bytes": textBytes, "docs": texts.count, "mentions": found.count, "unique_spans": unique.count,
    "gold": gold.count, "tp": truePositives,
    "recall": rounded(Double(truePositives) / Double(max(1, gold.count)), 4),
    "precision": rounded(Double(truePositives) / Double(max(1, unique.count)), 4),
    "mbps": rounded(Double(textBytes) / 1e6 / tagSeconds, 3),
    "mbps_incl_load": rounded(Double(textBytes) / 1e6 / (tagSeconds + loadSeconds), 3),
    "rss_after_load_mb": rounded(rssAfterLoad, 1), "rss_peak_mb": rounded(rssPeak, 1),
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))

extension Duration {
    var seconds: Double {
        let (s, a) = components
        return Double(s) + Double(a) / 1e18
    }
}
