import Foundation
import Testing
import NomenTestSupport

/// `nomen annotate` end to end, against the built binary: every input line gives exactly
/// one output line, in input order, with the right error records and exit status; folders,
/// gzip and standard input; `--jobs`; `--output` written whole or not at all; `--resume`
/// after an interrupted or killed run; stderr; and the Spark example of `examples/spark/`.
@Suite struct AnnotateCLITests {
    // MARK: Inputs

    /// What one line of `mixed` must give.
    enum Expected {
        /// A tagged document: its id as JSON text, the entity ids in order, and fields that
        /// must appear in the output line byte for byte.
        case entities(id: String, [String], carried: [String] = [])
        /// An error record: its id as JSON text ("null" when the line could not be parsed), and code.
        case error(id: String, code: String)
    }

    /// The `--max-doc-bytes` the mixed input is annotated with: every line but the oversized one is under it.
    static let maxDocBytes = 300

    /// Good and bad lines of every kind, each with what it must give. `line` numbers are the
    /// 1-based positions in this list.
    static let mixed: [(bytes: [UInt8], expected: Expected)] = [
        (Array(#"{"id":"a","text":"Russia recognised the Taliban.","src":{"x":[1, 2]},"tags":["a", "b"]}"#.utf8),
         .entities(id: #""a""#, ["russia", "taliban"], carried: [#""src":{"x":[1, 2]}"#, #""tags":["a", "b"]"#])),
        (Array("{bad json".utf8), .error(id: "null", code: "invalid-json")),
        (Array(#"{"id":"b"}"#.utf8), .error(id: #""b""#, code: "missing-text")),
        (Array(#"{"id":"c","text":5}"#.utf8), .error(id: #""c""#, code: "invalid-text")),
        // Invalid UTF-8 inside the string: the line cannot be trusted, so its id is not read.
        (Array(#"{"id":"d","text":"caf"#.utf8) + [0xC3] + Array(#" Kabul"}"#.utf8), .error(id: "null", code: "invalid-utf8")),
        (Array(#"{"id":"e","text":""}"#.utf8), .error(id: #""e""#, code: "empty-document")),
        ([], .error(id: "null", code: "empty-line")),
        // An escaped NUL is a character like any other; a number is carried as written (1.50, not 1.5).
        (Array(#"{"id":"f","text":"a\u0000b Moscow","n":1.50}"#.utf8), .entities(id: #""f""#, ["moscow"], carried: [#""n":1.50"#])),
        // A raw control character inside a JSON string is not JSON.
        (Array(#"{"id":"g","text":"raw"#.utf8) + [0x01] + Array(#"ctl Kabul"}"#.utf8), .error(id: "null", code: "invalid-json")),
        (Array(#"{"id":7,"text":"Замир Кабулов прибыл в Кабул."}"#.utf8), .entities(id: "7", ["zamir-kabulov", "kabul"])),
        (Array((#"{"id":"big","text":""# + String(repeating: "Moscow ", count: 60) + #""}"#).utf8),
         .error(id: "null", code: "document-too-large")),
        (Array("[1,2]".utf8), .error(id: "null", code: "not-an-object")),
        (Array(#"{"id":"crlf","text":"Kabul"}"#.utf8) + [0x0D], .entities(id: #""crlf""#, ["kabul"])),
        (Array(#"{"id":"u","text":"\u041c\u043e\u0441\u043a\u0432\u0430 and \ud83d\ude00 Kabul"}"#.utf8),
         .entities(id: #""u""#, ["moscow", "kabul"])),
        // The last line is cut short and has no newline.
        (Array(#"{"id":"h","text":"Kab"#.utf8), .error(id: "null", code: "invalid-json")),
    ]

    /// `mixed` as a file's bytes: lines joined by newlines, no newline after the last one.
    static var mixedBytes: [UInt8] {
        Array(mixed.map(\.bytes).joined(separator: [0x0A]))
    }

    /// A corpus of `count` small multilingual documents, with a bad line now and then.
    static func corpus(_ count: Int, badEvery: Int = 0) -> [UInt8] {
        let texts = [
            "Zamir Kabulov met the Taliban in Kabul.",
            "Москва признала талибов, сообщил Замир Кабулов.",
            "طالبان في كابل والدوحة",
            "Taliban'a göre Kabil'de toplantı yapıldı.",
            "Die Taliban und Afghanistans Nachbarn trafen sich in Moskau.",
            "No names here at all.",
        ]
        var out: [UInt8] = []
        for i in 0..<count {
            if badEvery > 0, i % badEvery == badEvery - 1 {
                out += Array((i % 2 == 0 ? #"{"id":"broken-\#(i)","text":"#: #"{"id":"no-text-\#(i)"}"#).utf8)
            } else {
                let text = texts[i % texts.count] + " (\(i))"
                out += Array(#"{"id":"doc-\#(i)","n":\#(i),"text":\#(quote(text))}"#.utf8)
            }
            out.append(0x0A)
        }
        return out
    }

    /// A JSON string literal for `s` (the tests' own encoder, independent of the tool's).
    static func quote(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    // MARK: Helpers

    /// Fills the test process's compiled-index cache once, so no test sees "compiling …" on stderr.
    static let warmCache: Void = { _ = try? CLI.run(["lexicon", "compile"]) }()

    static func folder() -> URL { CLI.temporaryDirectory("nomen-annotate") }

    static func write(_ bytes: [UInt8], _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    static func read(_ url: URL) -> [UInt8]? {
        FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The lines of an output, which must end with a newline.
    static func lines(_ bytes: [UInt8]) -> [String] {
        guard !bytes.isEmpty else { return [] }
        #expect(bytes.last == 0x0A, "output does not end with a newline")
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// nil when `got == want`, else where they first differ, by line.
    static func difference(_ got: [UInt8], _ want: [UInt8]) -> String? {
        if got == want { return nil }
        func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
            var parts = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if bytes.last == 0x0A { parts.removeLast() }
            return parts
        }
        let a = split(got)
        let b = split(want)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(decoding: a[i], as: UTF8.self) : "<none>"
            let y = i < b.count ? String(decoding: b[i], as: UTF8.self) : "<none>"
            if x != y { return "\(a.count) lines for \(b.count); line \(i + 1) is\n  \(x.prefix(300))\ninstead of\n  \(y.prefix(300))" }
        }
        return "\(got.count) bytes for \(want.count)"
    }

    static func object(_ line: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    /// An `id` as JSON text: `"a"`, `7` or `null`.
    static func idText(_ object: [String: Any]) -> String? {
        switch object["id"] {
        case let s as String: return quote(s)
        case is NSNull: return "null"
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    /// Checks an annotate output against `expected`, line by line.
    static func check(_ stdout: [UInt8], against expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        let out = lines(stdout)
        #expect(out.count == expected.count, "\(out.count) output lines for \(expected.count) input lines", sourceLocation: sourceLocation)
        for (n, (line, want)) in zip(out, expected).enumerated() {
            guard let obj = object(line) else {
                Issue.record("output line \(n + 1) is not a JSON object: \(line)", sourceLocation: sourceLocation)
                continue
            }
            switch want {
            case .entities(let id, let ids, let carried):
                #expect(idText(obj) == id, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                #expect(obj["error"] == nil, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                let entities = (obj["entities"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(entities == ids, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                for field in carried {
                    #expect(line.contains(field), "line \(n + 1) lost \(field): \(line)", sourceLocation: sourceLocation)
                }
            case .error(let id, let code):
                #expect(idText(obj) == id, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                let error = obj["error"] as? [String: Any]
                #expect(error?["code"] as? String == code, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                #expect((error?["line"] as? NSNumber)?.intValue == n + 1, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                #expect((error?["message"] as? String)?.isEmpty == false, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
                #expect(obj["entities"] == nil, "line \(n + 1): \(line)", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: One line per line

    @Test func mixedLinesGiveOneLineEachInOrderAndExit65() throws {
        _ = Self.warmCache
        let file = Self.folder().appendingPathComponent("mixed.jsonl")
        try Self.write(Self.mixedBytes, file)
        let r = try CLI.run(["annotate", file.path, "--max-doc-bytes", "\(Self.maxDocBytes)", "--quiet"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        Self.check(r.stdoutBytes, against: Self.mixed.map(\.expected))
        // Offsets count Unicode scalars: the escaped NUL is one, the escaped emoji (a surrogate pair) is one.
        let out = Self.lines(r.stdoutBytes)
        let nul = Self.object(out[7])?["entities"] as? [[String: Any]]
        #expect(nul?.first?["start"] as? Int == 4 && nul?.first?["end"] as? Int == 10, "\(out[7])")
        let escaped = (Self.object(out[13])?["entities"] as? [[String: Any]])?.map { [$0["start"] as? Int, $0["end"] as? Int] }
        #expect(escaped == [[0, 6], [13, 18]], "\(out[13])")
    }

    @Test func allGoodInputExitsZero() throws {
        let input = Self.corpus(40)
        let r = try CLI.run(["annotate", "-", "--quiet"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let out = Self.lines(r.stdoutBytes)
        #expect(out.count == 40)
        for (i, line) in out.enumerated() {
            let obj = Self.object(line)
            #expect(obj?["id"] as? String == "doc-\(i)", "\(line)")
            #expect(obj?["n"] as? Int == i, "\(line)")
            #expect(obj?["entities"] is [Any], "\(line)")
            #expect(obj?["text"] == nil, "the text is not echoed: \(line)")
        }
        let first = Self.object(out[0])?["entities"] as? [[String: Any]]
        #expect(first?.compactMap { $0["id"] as? String } == ["zamir-kabulov", "taliban", "kabul"])
    }

    @Test(arguments: [["--jobs", "2"], ["--jobs", "5"]])
    func jobsDoNotChangeTheOutput(_ jobs: [String]) throws {
        // More lines than one batch holds, so batches finish out of order on several threads.
        let input = Self.corpus(700, badEvery: 50)
        let one = try CLI.run(["annotate", "-", "--quiet", "--jobs", "1"], stdin: input)
        let many = try CLI.run(["annotate", "-", "--quiet"] + jobs, stdin: input)
        #expect(one.status == 65 && many.status == 65, "\(one.stderr)\(many.stderr)")
        #expect(Self.difference(many.stdoutBytes, one.stdoutBytes) == nil)
        let out = Self.lines(many.stdoutBytes)
        #expect(out.count == 700)
        for (i, line) in out.enumerated() {
            let obj = Self.object(line)
            if i % 50 == 49 {
                #expect((obj?["error"] as? [String: Any])?["line"] as? Int == i + 1, "\(line)")
            } else {
                #expect(obj?["id"] as? String == "doc-\(i)", "\(line)")
            }
        }
        let mixed = try CLI.run(["annotate", "-", "--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"] + jobs, stdin: Self.mixedBytes)
        Self.check(mixed.stdoutBytes, against: Self.mixed.map(\.expected))
    }

    @Test func aLineLongerThanTheReadBufferIsOneErrorAndTheRestGoesOn() throws {
        // 2 MB: spans several 1 MB reads, so it is counted without being held whole.
        let huge = #"{"id":"huge","text":""# + String(repeating: "Moscow ", count: 300_000) + #""}"#
        let input = Array(#"{"id":"a","text":"Kabul"}"#.utf8) + [0x0A] + Array(huge.utf8) + [0x0A] + Array(#"{"id":"c","text":"Kabul"}"#.utf8) + [0x0A]
        let r = try CLI.run(["annotate", "-", "--quiet", "--max-doc-bytes", "100000"], stdin: input)
        #expect(r.status == 65, "\(r.stderr)")
        Self.check(r.stdoutBytes, against: [.entities(id: #""a""#, ["kabul"]), .error(id: "null", code: "document-too-large"),
                                            .entities(id: #""c""#, ["kabul"])])
        let message = ((Self.object(Self.lines(r.stdoutBytes)[1])?["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(message.contains("\(huge.utf8.count)"), "the size of the line, in bytes: \(message)")
    }

    @Test func aUTF8ByteOrderMarkBeforeTheFirstLineIsSkipped() throws {
        // Windows tools write one; the first document must not be lost to it.
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"id":"a","text":"Kabul"}"#.utf8) + [0x0A]
        let r = try CLI.run(["annotate", "-", "--quiet"], stdin: input)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        Self.check(r.stdoutBytes, against: [.entities(id: #""a""#, ["kabul"])])
    }

    // MARK: Inputs of every kind

    @Test func aFolderOfTextFiles() throws {
        let dir = Self.folder()
        let files: [(String, [UInt8])] = [
            ("z.txt", Array("Kabul".utf8)),
            ("a/1.txt", Array("Замир Кабулов прибыл в Москву.".utf8)),
            ("b/c/2.txt", Array("Taliban".utf8)),
            ("b.txt", Array("Russia".utf8)),
            ("b/notes.md", Array("Moscow".utf8)),     // not .txt: not a document
            ("empty.txt", []),
            ("bad.txt", Array("bad".utf8) + [0xFF]),
        ]
        for (name, bytes) in files { try Self.write(bytes, dir.appendingPathComponent(name)) }
        let r = try CLI.run(["annotate", dir.path, "--quiet"])
        #expect(r.status == 65, "\(r.stderr)")
        // Sorted by relative path, byte by byte ("b.txt" < "b/c/2.txt": '.' < '/').
        Self.check(r.stdoutBytes, against: [
            .entities(id: #""a/1.txt""#, ["zamir-kabulov", "moscow"]),
            .entities(id: #""b.txt""#, ["russia"]),
            .entities(id: #""b/c/2.txt""#, ["taliban"]),
            .error(id: #""bad.txt""#, code: "invalid-utf8"),
            .error(id: #""empty.txt""#, code: "empty-document"),
            .entities(id: #""z.txt""#, ["kabul"]),
        ])
        let first = Self.object(Self.lines(r.stdoutBytes).first ?? "")?["entities"] as? [[String: Any]]
        #expect(first?.map { [$0["start"] as? Int, $0["end"] as? Int] } == [[0, 13], [23, 29]])
        let good = Self.folder()
        try Self.write(Array("Kabul".utf8), good.appendingPathComponent("x/one.txt"))
        let ok = try CLI.run(["annotate", good.path, "--quiet"])
        #expect(ok.status == 0, "\(ok.stderr)")
        Self.check(ok.stdoutBytes, against: [.entities(id: #""x/one.txt""#, ["kabul"])])
    }

    @Test func gzipInputGivesWhatThePlainFileGives() throws {
        let dir = Self.folder()
        let plain = dir.appendingPathComponent("mixed.jsonl")
        try Self.write(Self.mixedBytes, plain)
        let gz = try CLI.run(["-c", "gzip -c mixed.jsonl > mixed.jsonl.gz && test -s mixed.jsonl.gz"], currentDirectory: dir, program: URL(fileURLWithPath: "/bin/sh"))
        try #require(gz.status == 0, "gzip failed: \(gz.stderr)")
        let a = try CLI.run(["annotate", plain.path, "--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"])
        let b = try CLI.run(["annotate", dir.appendingPathComponent("mixed.jsonl.gz").path, "--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"])
        #expect(b.status == 65, "\(b.stderr)")
        #expect(b.stderr.isEmpty, "\(b.stderr)")
        #expect(Self.difference(b.stdoutBytes, a.stdoutBytes) == nil)
        Self.check(b.stdoutBytes, against: Self.mixed.map(\.expected))
    }

    @Test func aDamagedGzipKeepsWhatCameBeforeAndSaysWhere() throws {
        let dir = Self.folder()
        try Self.write(Self.corpus(2000), dir.appendingPathComponent("c.jsonl"))
        let gz = try CLI.run(["-c", "gzip -c c.jsonl > c.jsonl.gz"], currentDirectory: dir, program: URL(fileURLWithPath: "/bin/sh"))
        try #require(gz.status == 0, "gzip failed: \(gz.stderr)")
        let whole = try #require(Self.read(dir.appendingPathComponent("c.jsonl.gz")))
        let cut = dir.appendingPathComponent("cut.jsonl.gz")
        try Self.write(Array(whole.prefix(whole.count / 2)), cut)
        let r = try CLI.run(["annotate", cut.path, "--quiet"])
        #expect(r.status == 65, "\(r.stderr)")
        let out = Self.lines(r.stdoutBytes)
        #expect(!out.isEmpty && out.count < 2000, "\(out.count) lines")
        // Every line before the damage, in order; the line the damage cut short is an error record.
        for (i, line) in out.dropLast().enumerated() { #expect(Self.object(line)?["id"] as? String == "doc-\(i)", "\(line)") }
        if let last = out.last.flatMap(Self.object), last["id"] as? String != "doc-\(out.count - 1)" {
            let error = last["error"] as? [String: Any]
            #expect(error?["code"] as? String == "invalid-json" && error?["line"] as? Int == out.count, "\(last)")
        }
        let errors = r.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors.first?.hasPrefix("\(cut.path): error: ") == true, "\(r.stderr)")
    }

    @Test func standardInputGivesWhatTheFileGives() throws {
        let file = Self.folder().appendingPathComponent("mixed.jsonl")
        try Self.write(Self.mixedBytes, file)
        let args = ["--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"]
        let fromFile = try CLI.run(["annotate", file.path] + args)
        let dash = try CLI.run(["annotate", "-"] + args, stdin: Self.mixedBytes)
        let none = try CLI.run(["annotate"] + args, stdin: Self.mixedBytes)
        #expect(dash.status == 65 && none.status == 65, "\(dash.stderr)\(none.stderr)")
        #expect(Self.difference(dash.stdoutBytes, fromFile.stdoutBytes) == nil)
        #expect(Self.difference(none.stdoutBytes, fromFile.stdoutBytes) == nil)
    }

    @Test func severalInputsAreAnnotatedInTheOrderGiven() throws {
        let dir = Self.folder()
        try Self.write(Array(#"{"id":"one","text":"Kabul"}"#.utf8) + [0x0A], dir.appendingPathComponent("1.jsonl"))
        try Self.write(Array(#"{"id":"two","text":"Moscow"}"#.utf8) + [0x0A], dir.appendingPathComponent("2.jsonl"))
        let r = try CLI.run(["annotate", dir.appendingPathComponent("2.jsonl").path, dir.appendingPathComponent("1.jsonl").path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        Self.check(r.stdoutBytes, against: [.entities(id: #""two""#, ["moscow"]), .entities(id: #""one""#, ["kabul"])])
    }

    // MARK: --output and --resume

    @Test func outputIsWrittenWhole() throws {
        let dir = Self.folder()
        let file = dir.appendingPathComponent("mixed.jsonl")
        try Self.write(Self.mixedBytes, file)
        let reference = try CLI.run(["annotate", file.path, "--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"])
        let out = dir.appendingPathComponent("out.jsonl")
        // A stale output of an earlier run is replaced, not appended to.
        try Self.write(Array("stale\n".utf8), out)
        let r = try CLI.run(["annotate", file.path, "--output", out.path, "--quiet", "--max-doc-bytes", "\(Self.maxDocBytes)"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.isEmpty, "data goes to --output only: \(r.stdout)")
        #expect(Self.difference(Self.read(out) ?? [], reference.stdoutBytes) == nil)
        #expect(!Self.exists(dir.appendingPathComponent("out.jsonl.partial")))
    }

    /// A run interrupted after `k` lines: its `.partial` holds the first `k` lines of the
    /// complete output and the start of the next one.
    static func interrupted(_ full: [UInt8], after k: Int) -> [UInt8] {
        var kept: [UInt8] = []
        var seen = 0
        var i = 0
        while seen < k, i < full.count {
            kept.append(full[i])
            if full[i] == 0x0A { seen += 1 }
            i += 1
        }
        // Half of the next line, as a write cut off by the kill.
        var next = i
        while next < full.count, full[next] != 0x0A { next += 1 }
        kept += full[i..<(i + (next - i) / 2)]
        return kept
    }

    static func resumeCheck(_ input: [UInt8], extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = folder()
        let file = dir.appendingPathComponent("in.jsonl")
        try write(input, file)
        let reference = try CLI.run(["annotate", file.path, "--quiet"] + extra)
        let full = reference.stdoutBytes
        let count = lines(full).count
        for k in 0...count {
            let out = dir.appendingPathComponent("out-\(k).jsonl")
            try write(interrupted(full, after: k), URL(fileURLWithPath: out.path + ".partial"))
            let r = try CLI.run(["annotate", file.path, "--output", out.path, "--resume", "--quiet"] + extra)
            let got = read(out) ?? []
            let diff = difference(got, full)
            #expect(diff == nil, "resumed after \(k) of \(count) lines: \(diff ?? "")", sourceLocation: sourceLocation)
            #expect(r.status == 0 || r.status == 65, "resumed after \(k) of \(count) lines: \(r.stderr)", sourceLocation: sourceLocation)
            #expect(!exists(URL(fileURLWithPath: out.path + ".partial")), sourceLocation: sourceLocation)
        }
    }

    @Test func resumeAfterAnInterruptionGivesTheUninterruptedOutput() throws {
        try Self.resumeCheck(Self.corpus(12, badEvery: 4))
    }

    @Test func resumeKeepsEveryKindOfErrorRecordOnce() throws {
        // Error records without an id (invalid UTF-8, an oversized line) are known by their line.
        try Self.resumeCheck(Self.mixedBytes + [0x0A], extra: ["--max-doc-bytes", "\(Self.maxDocBytes)"])
    }

    @Test func resumeKeepsDocumentsWithoutAnIDOnce() throws {
        let input = Array(#"{"text":"Kabul"}"#.utf8) + [0x0A] + Array(#"{"id":"b","text":"Moscow"}"#.utf8) + [0x0A]
            + Array(#"{"text":"Taliban"}"#.utf8) + [0x0A]
        try Self.resumeCheck(input)
    }

    @Test func resumeKeepsDocumentsThatShareAnID() throws {
        // Ids are not always unique in scraped corpora; the second "a" must not be skipped
        // because the first one was written.
        let input = Array(#"{"id":"a","text":"Kabul"}"#.utf8) + [0x0A] + Array(#"{"id":"a","text":"Moscow"}"#.utf8) + [0x0A]
            + Array(#"{"id":"b","text":"Taliban"}"#.utf8) + [0x0A]
        try Self.resumeCheck(input)
    }

    @Test func aResumedRunExitsAsTheUninterruptedRunWould() throws {
        // Killed after its last line was written, before the rename: the resumed run has
        // nothing left to annotate, but the output it completes holds error records, and a
        // script that checks the status after a resume must see them.
        let dir = Self.folder()
        let file = dir.appendingPathComponent("in.jsonl")
        try Self.write(Self.corpus(12, badEvery: 4), file)
        let reference = try CLI.run(["annotate", file.path, "--quiet"])
        #expect(reference.status == 65)
        let out = dir.appendingPathComponent("out.jsonl")
        try Self.write(reference.stdoutBytes, URL(fileURLWithPath: out.path + ".partial"))
        let r = try CLI.run(["annotate", file.path, "--output", out.path, "--resume", "--quiet"])
        #expect(Self.difference(Self.read(out) ?? [], reference.stdoutBytes) == nil)
        #expect(r.status == 65, "the output holds 3 error records, yet the resumed run exits \(r.status)")
    }

    @Test func resumeOfACompleteOutputChangesNothing() throws {
        let dir = Self.folder()
        let file = dir.appendingPathComponent("in.jsonl")
        try Self.write(Self.corpus(30), file)
        let out = dir.appendingPathComponent("out.jsonl")
        let first = try CLI.run(["annotate", file.path, "--output", out.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = Self.read(out)
        let again = try CLI.run(["annotate", file.path, "--output", out.path, "--resume"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.read(out) == before)
        #expect(again.stderr.contains("30 skipped"), "\(again.stderr)")
    }

    @Test func resumeAfterARunKilledMidway() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("corpus.jsonl")
        try Self.write(Self.corpus(20_000, badEvery: 997), file)
        let reference = dir.appendingPathComponent("reference.jsonl")
        let whole = try CLI.run(["annotate", file.path, "--output", reference.path, "--quiet", "--jobs", "2"])
        #expect(whole.status == 65, "\(whole.stderr)")
        let full = try #require(Self.read(reference))
        #expect(Self.lines(full).count == 20_000)

        let out = dir.appendingPathComponent("out.jsonl")
        let partial = URL(fileURLWithPath: out.path + ".partial")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["annotate", file.path, "--output", out.path, "--quiet", "--jobs", "1"]
        process.currentDirectoryURL = CLI.repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NOMEN_CACHE_DIR"] = CLI.cacheDirectory.path
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some, but not all, of the output is written.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int) ?? 0
            if size > 64 << 10 { break }
            usleep(2000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(wasRunning && process.terminationReason == .uncaughtSignal, "the run ended before it could be killed; make the corpus larger")

        #expect(!Self.exists(out), "a killed run must not leave a file that looks whole")
        let left = try #require(Self.read(partial))
        #expect(left.count > 0 && left.count < full.count)
        #expect(Array(full.prefix(left.count)) == left, "the partial output is a prefix of the complete one")

        let resumed = try CLI.run(["annotate", file.path, "--output", out.path, "--resume", "--quiet", "--jobs", "2"])
        #expect(resumed.status == 65, "\(resumed.stderr)")
        #expect(!Self.exists(partial))
        let got = try #require(Self.read(out))
        #expect(got.count == full.count)
        #expect(Self.difference(got, full) == nil, "the resumed output differs from an uninterrupted run's")
    }

    // MARK: stderr

    @Test func quietPrintsNothingOnSuccess() throws {
        _ = Self.warmCache
        let r = try CLI.run(["annotate", "-", "--quiet"], stdin: Self.corpus(10))
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func withoutATerminalThereIsNoProgressLineButASummary() throws {
        _ = Self.warmCache
        let r = try CLI.run(["annotate", "-"], stdin: Self.corpus(300, badEvery: 100))
        #expect(r.status == 65)
        #expect(!r.stderr.contains("\r") && !r.stderr.contains("\u{1B}"), "no progress line when stderr is a pipe: \(r.stderr.debugDescription)")
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "one line, ending with a newline: \(r.stderr.debugDescription)")
        let summary = String(lines.first ?? "")
        #expect(summary.hasPrefix("nomen: "), "\(summary)")
        #expect(summary.contains("300 documents") && summary.contains("3 failed"), "\(summary)")
    }

    @Test(arguments: [
        (["--jobs", "0"], Int32(64)),
        (["--resume"], Int32(64)),
        (["--max-doc-bytes", "0"], Int32(64)),
        (["--output"], Int32(64)),
    ])
    func usageErrors(_ args: [String], _ status: Int32) throws {
        let r = try CLI.run(["annotate", "-"] + args, stdin: Self.corpus(1))
        #expect(r.status == status, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("rror"), "\(r.stderr)")
    }

    @Test func aMissingInputExits66BeforeWritingAnything() throws {
        let dir = Self.folder()
        let out = dir.appendingPathComponent("out.jsonl")
        let missing = dir.appendingPathComponent("missing.jsonl").path
        let r = try CLI.run(["annotate", missing, "--output", out.path])
        #expect(r.status == 66, "\(r.stderr)")
        #expect(r.stderr == "\(missing): error: no such file or folder\n")
        #expect(!Self.exists(out) && !Self.exists(URL(fileURLWithPath: out.path + ".partial")))
    }

    // MARK: The Spark example

    /// Whether `python3 -c "import pyspark"` and `java -version` both work here.
    static let sparkAvailable: Bool = {
        let python = try? CLI.run(["python3", "-c", "import pyspark"], program: URL(fileURLWithPath: "/usr/bin/env"))
        let java = try? CLI.run(["java", "-version"], program: URL(fileURLWithPath: "/usr/bin/env"))
        return python?.status == 0 && java?.status == 0
    }()

    @Test(.enabled(if: AnnotateCLITests.sparkAvailable, "needs pyspark (pip install pyspark) and Java 17+ (java -version); skipped"),
          .timeLimit(.minutes(3)))
    func sparkExampleGivesWhatAnnotateGives() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("corpus.jsonl")
        try Self.write(Self.corpus(600, badEvery: 37), input)
        // The cluster recipe: a compiled index passed with --lexicon.
        let index = dir.appendingPathComponent("lexicons.nomenidx")
        let compiled = try CLI.run(["lexicon", "compile", "--output", index.path])
        try #require(compiled.status == 0, "\(compiled.stderr)")
        let direct = try CLI.run(["annotate", input.path, "--lexicon", index.path, "--quiet"])
        #expect(direct.status == 65, "\(direct.stderr)")

        let outDir = dir.appendingPathComponent("spark-out")
        let script = CLI.repositoryRoot.appendingPathComponent("examples/spark/annotate_spark.py")
        let spark = try CLI.run(["python3", script.path, input.path, outDir.path, "--nomen", CLI.executable.path, "--lexicon", index.path,
                                 "--partitions", "3", "--master", "local[2]", "--cache-dir", CLI.cacheDirectory.path],
                                currentDirectory: dir, program: URL(fileURLWithPath: "/usr/bin/env"))
        try #require(spark.status == 0, "the Spark example failed:\n\(spark.stderr)")
        let parts = try FileManager.default.contentsOfDirectory(atPath: outDir.path).filter { $0.hasPrefix("part-") }.sorted()
        #expect(parts.count >= 3, "\(parts)")
        // Part files in name order are the input's partitions in order: the output is the same, line for line.
        var joined: [UInt8] = []
        for p in parts { joined += Self.read(outDir.appendingPathComponent(p)) ?? [] }
        #expect(Self.lines(joined).count == 600)
        let diff = Self.difference(joined, direct.stdoutBytes)
        #expect(diff == nil, "Spark's output differs from nomen annotate's: \(diff ?? "")")
    }
}

