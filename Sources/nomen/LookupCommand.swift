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
        let index = try lexicons.index(residentMatcher: true)
        let matcher = NameMatcher(index: index.matcher)
        if let name {
            let candidates = matcher.lookup(name, limit: limit)
            switch format ?? .text {
            case .text: Output.shared.write(text(name, candidates, index))
            case .json, .jsonl: Output.shared.write(bytes: json(name, candidates, index))
            }
            Output.shared.flush()
            return
        }
        var failed = false
        let reader = LineReader(fd: 0)
        var lineNumber = 0
        while let raw = reader.next() {
            lineNumber += 1
            var bytes = raw
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if lineNumber == 1 {
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
                if LineReader.looksLikeUTF16(raw) {
                    throw fail("<stdin>:1:1", "input is UTF-16; convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8", status: ExitStatus.dataError)
                }
            }
            // A line that is not UTF-8 is still answered (repaired), and reported.
            if let bad = UTF8Validation.firstInvalidByte(Array(bytes)) {
                let column = bytes.prefix(bad).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                printError("<stdin>:\(lineNumber):\(column): error: invalid UTF-8 at byte \(bad + 1) of the line")
                failed = true
            }
            let query = String(decoding: bytes, as: UTF8.self)
            let candidates = matcher.lookup(query, limit: limit)
            if format == .text { Output.shared.write(text(query, candidates, index)) }
            else { Output.shared.write(bytes: json(query, candidates, index)) }
            Output.shared.flush()
        }
        if failed { throw ExitCode(ExitStatus.dataError) }
    }

    /// One answer as a line of JSON, in UTF-8.
    func json(_ query: String, _ candidates: [MatchCandidate], _ index: NomenIndex) -> [UInt8] {
        // Bytes appended to one buffer: string concatenation, and interpolating a Double or
        // a Bool (whose conformances are looked up at run time), cost more than the lookup.
        var out: [UInt8] = []
        out.reserveCapacity(2_048)
        func raw(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        raw("{\"query\":")
        JSONText.quote(query, into: &out)
        raw(",\"candidates\":[")
        for (k, c) in candidates.enumerated() {
            raw(k == 0 ? "{\"id\":" : ",{\"id\":")
            JSONText.quote(index.tagger.entityID(c.entity), into: &out)
            raw(",\"name\":")
            JSONText.quote(index.tagger.entityName(c.entity), into: &out)
            raw(",\"type\":")
            JSONText.quote(index.tagger.entityType(c.entity), into: &out)
            raw(",\"score\":")
            out.append(contentsOf: c.score.description.utf8)
            raw(c.isMatch ? ",\"match\":true,\"variant\":" : ",\"match\":false,\"variant\":")
            JSONText.quote(c.variant, into: &out)
            raw(",\"explanation\":")
            JSONText.quote(c.explanation, into: &out)
            raw("}")
        }
        raw("]}\n")
        return out
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

/// Reads standard input a line at a time as bytes (no repair, no assumption of UTF-8).
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var done = false

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline, or nil at the end.
    func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            if done {
                if start < buffer.count {
                    let line = buffer[start...]
                    start = buffer.count
                    return line
                }
                return nil
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 1 << 16) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { done = true } else { buffer += chunk[0..<n] }
        }
    }

    /// A byte order mark of UTF-16, or NUL in every other byte of the start: UTF-16 text.
    static func looksLikeUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes.prefix(200))
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return true }
        guard b.count >= 4 else { return false }
        let even = stride(from: 0, to: b.count, by: 2).filter { b[$0] == 0 }.count
        let odd = stride(from: 1, to: b.count, by: 2).filter { b[$0] == 0 }.count
        let half = b.count / 2
        return even * 10 >= half * 8 || odd * 10 >= half * 8
    }
}
