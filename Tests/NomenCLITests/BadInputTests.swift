import Foundation
import Testing
import NomenTestSupport

/// The bad-input battery of `nomen tag` and `nomen lookup`, end to end: broken encodings,
/// UTF-16, byte order marks, empty input, huge documents and tokens, NUL bytes, missing,
/// misplaced and unreadable files. Each gives its documented exit status (0, 65, 66) and at
/// most one `path:line:column: error: …` or `path: error: …` line on stderr, never a crash
/// or a stack trace. (`nomen annotate`'s bad lines are in AnnotateCLITests.)
@Suite struct BadInputTests {
    // MARK: Helpers

    /// Runs nomen once the test process's index cache is warm, so stderr holds only diagnostics.
    static func nomen(_ arguments: [String], stdin: [UInt8] = []) throws -> CLI.Result {
        _ = AnnotateCLITests.warmCache
        return try CLI.run(arguments, stdin: stdin)
    }

    static func write(_ bytes: [UInt8], name: String = "doc.txt") throws -> URL {
        let url = CLI.temporaryDirectory("nomen-bad-input").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func utf16(_ s: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in s.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    static func entities(_ stdout: String) -> [[String: Any]]? {
        let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return object?["entities"] as? [[String: Any]]
    }

    static func spans(_ entities: [[String: Any]]?) -> [String]? {
        entities?.map { "\($0["id"] as? String ?? "?")@\($0["start"] as? Int ?? -1)-\($0["end"] as? Int ?? -1)" }
    }

    /// Signs of a crash rather than a diagnostic.
    static let crashMarks = ["Fatal error", "Stack dump", "stack trace", "Backtrace", "Illegal instruction", "Segmentation fault",
                             "Current stack", "0x0000", "Thread 0 crashed", "at /"]

    /// Expects a failure with `status` and exactly one stderr line: `place: error: …`, where
    /// `place` is `path`, or `path:line:column` when `line` is given (and `column`, when given).
    static func expectDiagnostic(_ stderr: String, _ status: Int32, got: Int32, path: String, line: Int? = nil, column: Int? = nil,
                                 mentioning words: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got == status, "exit \(got), expected \(status): \(stderr)", sourceLocation: sourceLocation)
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "one stderr line: \(stderr.debugDescription)", sourceLocation: sourceLocation)
        let first = String(lines.first ?? "")
        var prefix = path
        if let line { prefix += ":\(line):" + (column.map { "\($0)" } ?? "") }
        #expect(first.hasPrefix(prefix), "\(first.debugDescription) should start with \(prefix.debugDescription)", sourceLocation: sourceLocation)
        // path: error: … or path:L:C: error: …
        let rest = first.dropFirst(prefix.count)
        let shape = rest.range(of: line == nil ? #"^(:\d+:\d+)?: error: "# : #"^\d*:? ?error: "#, options: .regularExpression) != nil
        #expect(shape, "not `place: error: message`: \(first.debugDescription)", sourceLocation: sourceLocation)
        for w in words { #expect(first.localizedCaseInsensitiveContains(w), "\(first) should mention \(w)", sourceLocation: sourceLocation) }
        for mark in crashMarks { #expect(!stderr.contains(mark), "looks like a crash: \(stderr)", sourceLocation: sourceLocation) }
    }

    // MARK: tag: encodings

    /// A broken inflection rules file (in `$NOMEN_DATA_DIR`) is named with its line; the
    /// tagging goes on without inflection rather than failing.
    @Test func aBrokenRulesFileIsNamedWithItsLine() throws {
        let shipped = CLI.executable.deletingLastPathComponent().appendingPathComponent("Nomen_NomenTagger.resources/Inflection")
        let data = CLI.temporaryDirectory("nomen-data")
        let rules = data.appendingPathComponent("Inflection")
        try FileManager.default.copyItem(at: shipped, to: rules)
        try "script: latin\nsufix s >\n".write(to: rules.appendingPathComponent("xx.rules"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["tag", "-", "--format", "jsonl"], stdin: Array("Kabul".utf8), environment: ["NOMEN_DATA_DIR": data.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("xx.rules:2:1: error"), "\(r.stderr)")
        #expect(r.stdout.contains("\"kabul\""))
    }

    @Test func invalidUTF8InAFile() throws {
        let file = try Self.write(Array("Kabul\nKabul Mos".utf8) + [0xFF] + Array("cow\n".utf8))
        let r = try Self.nomen(["tag", file.path])
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: file.path, line: 2, column: 10, mentioning: ["UTF-8"])
        #expect(r.stdout.isEmpty, "no half output: \(r.stdout)")
    }

    @Test func invalidUTF8OnStandardInput() throws {
        let r = try Self.nomen(["tag", "-"], stdin: Array("Kabul\n".utf8) + [0xC3, 0x28] + Array(" Moscow\n".utf8))
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: "<stdin>", line: 2, column: 1, mentioning: ["UTF-8"])
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func utf16IsRefusedWithACure(_ bigEndian: Bool, _ bom: Bool) throws {
        // Without a byte order mark, ASCII text in UTF-16 is valid UTF-8 full of NULs (and
        // Cyrillic or Arabic in UTF-16 is valid UTF-8 of control characters): tagging it would
        // silently find nothing. It must be refused like UTF-16 with a mark.
        let bytes = Self.utf16("Zamir Kabulov arrived in Moscow.\n", bigEndian: bigEndian, bom: bom)
        let file = try Self.write(bytes, name: "utf16.txt")
        let r = try Self.nomen(["tag", file.path])
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: file.path, mentioning: ["UTF-16"])
        #expect(r.stdout.isEmpty, "\(r.stdout)")
    }

    @Test func aUTF8ByteOrderMarkIsAccepted() throws {
        let file = try Self.write([0xEF, 0xBB, 0xBF] + Array("Kabul and Moscow".utf8))
        let r = try Self.nomen(["tag", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        // The mark is not text: offsets count from the first character after it.
        #expect(Self.spans(Self.entities(r.stdout)) == ["kabul@0-5", "moscow@10-16"], "\(r.stdout)")
    }

    @Test func anEmptyFileHasNoEntities() throws {
        let file = try Self.write([])
        let r = try Self.nomen(["tag", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(Self.entities(r.stdout)?.isEmpty == true, "\(r.stdout)")
        let stdin = try Self.nomen(["tag", "-"])
        #expect(stdin.status == 0 && Self.entities(stdin.stdout)?.isEmpty == true, "\(stdin.stdout)\(stdin.stderr)")
    }

    @Test func nulAndOtherControlBytesSeparateWords() throws {
        let file = try Self.write(Array("Kabul\u{0}Moscow \u{0}\u{1}\u{1B} Taliban\u{0}".utf8))
        for format in ["json", "jsonl", "html", "brat", "conll", "displacy"] {
            let r = try Self.nomen(["tag", file.path, "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(format): \(r.stderr)")
            // A NUL is not a word: no format writes one (CoNLL would list it as a token).
            #expect(!r.stdoutBytes.contains(0), "\(format): a raw NUL in the output: \(r.stdout.debugDescription.prefix(200))")
        }
        let r = try Self.nomen(["tag", file.path])
        // Each control character is one scalar: Taliban starts after "\0\u{1}\u{1B} ".
        #expect(Self.spans(Self.entities(r.stdout)) == ["kabul@0-5", "moscow@6-12", "taliban@17-24"], "\(r.stdout)")
    }

    // MARK: tag: size

    /// Runs nomen with stdout into a file, killing it after `seconds`.
    static func runBounded(_ arguments: [String], stdin: URL? = nil, seconds: Double) throws -> (status: Int32?, stdout: URL, stderr: String) {
        _ = AnnotateCLITests.warmCache
        let dir = CLI.temporaryDirectory("nomen-bad-input")
        let out = dir.appendingPathComponent("stdout")
        let err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NOMEN_CACHE_DIR"] = CLI.cacheDirectory.path
        process.environment = env
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        var status: Int32?
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } else {
            status = process.terminationStatus
        }
        return (status, out, String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self))
    }

    #if DEBUG
    /// 100 MB takes minutes and gigabytes in a debug build; 20 MB shows the same.
    static let bigDocumentBytes = 20_000_000
    #else
    static let bigDocumentBytes = 100_000_000
    #endif

    @Test func aHugeSingleLineDocumentIsTagged() throws {
        // News-like filler with a sentence of names every 16 KB, and no newline anywhere.
        let filler = "the delegation discussed trade, security and humanitarian aid at length; "
        var block = "Zamir Kabulov met the Taliban in Kabul. "
        while block.utf8.count < 16_000 { block += filler }
        let blocks = Self.bigDocumentBytes / block.utf8.count
        let url = CLI.temporaryDirectory("nomen-bad-input").appendingPathComponent("huge.txt")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let chunk = Data(String(repeating: block, count: 64).utf8)
        for _ in 0..<(blocks / 64) { handle.write(chunk) }
        try handle.close()
        let written = blocks / 64 * 64
        let scalarsPerBlock = block.unicodeScalars.count

        let r = try Self.runBounded(["tag", url.path], seconds: 120)
        try #require(r.status != nil, "tagging a \(written * block.utf8.count / 1_000_000) MB document took over 120 s")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let data = try #require(FileManager.default.contents(atPath: r.stdout.path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entities = try #require(object?["entities"] as? [[String: Any]], "not JSON")
        // Every block's three names, to the very end of the document.
        #expect(entities.count == 3 * written, "\(entities.count) mentions for \(written) blocks")
        let last = entities.last?["start"] as? Int ?? 0
        #expect(last > (written - 1) * scalarsPerBlock, "the last block was not tagged")
        try? FileManager.default.removeItem(at: url)
    }

    @Test func taggingTimeGrowsLinearlyWithMentions() throws {
        // 400 KB of nothing but names: about 22,000 mentions. Tagging is linear in the
        // document, so this takes a second or two even in a debug build; a pass that compares
        // every mention with every other takes minutes.
        let file = try Self.write(Array(String(repeating: "Kabul and Moscow. ", count: 22_000).utf8))
        let r = try Self.runBounded(["tag", file.path, "--format", "jsonl"], seconds: 30)
        try #require(r.status != nil, "tagging 22,000 mentions took over 30 s: quadratic in the number of mentions?")
        #expect(r.status == 0, "\(r.stderr)")
        let out = String(decoding: FileManager.default.contents(atPath: r.stdout.path) ?? Data(), as: UTF8.self)
        #expect(out.split(separator: "\n").count == 44_000)

        // 22,000 sentences that start with a name the document also writes in lower case, and
        // as many inflected ones: each is checked against the document once, not against each other.
        let mixed = try Self.write(Array(String(repeating: "Kabul and kabul. Москве и Кабулом. ", count: 22_000).utf8))
        let m = try Self.runBounded(["tag", mixed.path, "--format", "jsonl"], seconds: 30)
        try #require(m.status != nil, "tagging 44,000 sentence-initial names took over 30 s: quadratic in the number of mentions?")
        #expect(m.status == 0, "\(m.stderr)")
        let lines = String(decoding: FileManager.default.contents(atPath: m.stdout.path) ?? Data(), as: UTF8.self).split(separator: "\n")
        // Kabul is an ordinary word here (kabul); Москве is read as Moscow (the document names it
        // again and again), Кабулом as Kabul.
        #expect(lines.count == 44_000, "\(lines.prefix(3))")
    }

    @Test(arguments: ["a", "Кабулов", "كابل", "中"])
    func aOneMegabyteTokenBetweenNames(_ piece: String) throws {
        let token = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
        let text = "Kabul " + token + " Moscow"
        let file = try Self.write(Array(text.utf8))
        let r = try Self.runBounded(["tag", file.path], seconds: 60)
        try #require(r.status != nil, "a 1 MB token of \(piece) took over 60 s")
        #expect(r.status == 0, "\(r.stderr)")
        let out = String(decoding: FileManager.default.contents(atPath: r.stdout.path) ?? Data(), as: UTF8.self)
        let n = token.unicodeScalars.count
        #expect(Self.spans(Self.entities(out)) == ["kabul@0-5", "moscow@\(n + 7)-\(n + 13)"])
    }

    @Test func aDocumentOverMaxDocBytesIsRefused() throws {
        let file = try Self.write(Array(String(repeating: "Kabul ", count: 100).utf8))
        let r = try Self.nomen(["tag", file.path, "--max-doc-bytes", "100"])
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: file.path, mentioning: ["600", "100"])
        #expect(r.stdout.isEmpty)
    }

    // MARK: tag: files

    @Test func aMissingFile() throws {
        let path = CLI.temporaryDirectory("nomen-bad-input").appendingPathComponent("missing.txt").path
        let r = try Self.nomen(["tag", path])
        Self.expectDiagnostic(r.stderr, 66, got: r.status, path: path)
        #expect(r.stdout.isEmpty)
    }

    @Test func aFolderWhereAFileWasExpected() throws {
        let path = CLI.temporaryDirectory("nomen-bad-input").path
        let r = try Self.nomen(["tag", path])
        Self.expectDiagnostic(r.stderr, 66, got: r.status, path: path, mentioning: ["folder"])
        #expect(r.stdout.isEmpty)
    }

    @Test(.disabled(if: getuid() == 0, "root reads a file whatever its permissions"))
    func anUnreadableFile() throws {
        let file = try Self.write(Array("Kabul".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path) }
        let r = try Self.nomen(["tag", file.path])
        Self.expectDiagnostic(r.stderr, 66, got: r.status, path: file.path)
        #expect(r.stdout.isEmpty)
    }

    // MARK: lookup

    static func lookupLines(_ stdout: String) -> [[String: Any]?] {
        stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Lines ended by CRLF are lines: `normalize -` folds each on its own line ("\r\n" is one
    /// Character, so splitting at the Character "\n" had folded the input as one line).
    @Test func normalizeReadsCRLFLinesAsLines() throws {
        let r = try Self.nomen(["normalize", "-"], stdin: Array("Kabul\r\nКабул\r\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "kabul\nкабул\n")
    }

    @Test func lookupInvalidUTF8OnStandardInput() throws {
        let r = try Self.nomen(["lookup", "--limit", "1"], stdin: Array("Kabuloff\n".utf8) + [0xFF] + Array("Moscow\nTaliban\n".utf8))
        // Every name a line, in order, the bad one too; then exit 65 with its place.
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: "<stdin>", line: 2, column: 1, mentioning: ["UTF-8"])
        let lines = Self.lookupLines(r.stdout)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0 != nil }, "\(r.stdout)")
        #expect(lines.first??["query"] as? String == "Kabuloff")
        #expect(lines.last??["query"] as? String == "Taliban")
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func lookupRefusesUTF16(_ bigEndian: Bool, _ bom: Bool) throws {
        let r = try Self.nomen(["lookup"], stdin: Self.utf16("Kabuloff\nTaliban\n", bigEndian: bigEndian, bom: bom))
        Self.expectDiagnostic(r.stderr, 65, got: r.status, path: "<stdin>", mentioning: ["UTF-16"])
    }

    @Test func lookupSkipsAUTF8ByteOrderMark() throws {
        let r = try Self.nomen(["lookup", "--limit", "1"], stdin: [0xEF, 0xBB, 0xBF] + Array("Taliban\nMoscow\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = Self.lookupLines(r.stdout)
        #expect(lines.map { $0?["query"] as? String } == ["Taliban", "Moscow"], "the mark is not part of the first name: \(r.stdout)")
        let first = (lines.first??["candidates"] as? [[String: Any]])?.first
        #expect(first?["id"] as? String == "taliban")
    }

    @Test func lookupWithEmptyInputPrintsNothing() throws {
        let r = try Self.nomen(["lookup"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty, "\(r.stdout)\(r.stderr)")
    }

    @Test func lookupWithNULBytes() throws {
        let r = try Self.nomen(["lookup", "--limit", "1"], stdin: Array("Tali\u{0}ban\n\u{0}\nMoscow\n".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = Self.lookupLines(r.stdout)
        #expect(lines.count == 3 && lines.allSatisfy { $0 != nil }, "one JSON object a line: \(r.stdout)")
        #expect(lines.first??["query"] as? String == "Tali\u{0}ban")
        #expect(!r.stdoutBytes.contains(0), "a raw NUL in JSON output")
    }

    @Test(arguments: ["Kabulov", "Kabulov "])
    func lookupOfAOneMegabyteName(_ piece: String) throws {
        // One name a megabyte long (one word, or 130,000 words): answered or refused quickly,
        // and the next name still answered.
        let name = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
        let file = try Self.write(Array((name + "\nTaliban\n").utf8), name: "names.txt")
        let r = try Self.runBounded(["lookup", "--limit", "1"], stdin: file, seconds: 30)
        try #require(r.status != nil, "looking up a 1 MB name took over 30 s")
        #expect(r.status == 0 || r.status == 65, "\(r.stderr)")
        if r.status == 65 {
            Self.expectDiagnostic(r.stderr, 65, got: 65, path: "<stdin>", line: 1)
        }
        let out = String(decoding: FileManager.default.contents(atPath: r.stdout.path) ?? Data(), as: UTF8.self)
        let lines = Self.lookupLines(out)
        #expect(lines.count == 2 && lines.allSatisfy { $0 != nil }, "one JSON object a line")
        let last = (lines.last??["candidates"] as? [[String: Any]])?.first
        #expect(last?["id"] as? String == "taliban")
    }
}
