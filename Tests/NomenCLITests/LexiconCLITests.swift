import Foundation
import Testing
import Nomen
import NomenTestSupport

/// `nomen lexicon …` and `--lexicon` end to end, against the built binary: exit codes,
/// exact diagnostics on stderr, and never a stack trace.
@Suite struct LexiconCLITests {
    static let fixtures = "Tests/Fixtures/lexicons"
    static let knownTypes = "EVENT, FAC, GPE, LANGUAGE, LAW, LOC, MISC, NORP, ORG, PERSON, PRODUCT, WORK_OF_ART"

    /// The exit status is one of the documented ones (a signal's number shows up as the
    /// status too), and stderr carries no crash report or backtrace.
    static func expectNoCrash(_ r: CLI.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect([0, 1, 64, 65, 66].contains(r.status), "status \(r.status)", sourceLocation: sourceLocation)
        for marker in ["Fatal error", "Backtrac", "Signal", "crashed", "Thread 0"] {
            #expect(!r.stderr.contains(marker), "stack trace on stderr: \(r.stderr.prefix(400))", sourceLocation: sourceLocation)
        }
    }

    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    // MARK: lint

    @Test func lintOfTheShippedLexiconsIsClean() throws {
        let r = try CLI.run(["lexicon", "lint"])
        #expect(r.status == 0, "\(r.stderr.suffix(2000))")
        Self.expectNoCrash(r)
        let summary = try #require(Self.lines(r.stderr).last)
        #expect(summary.hasPrefix("nomen: ") && summary.contains(" 0 errors"), "\(summary)")
        #expect(!r.stderr.contains(": error: "))
    }

    /// Every broken fixture: exit 65, and exactly these diagnostics (file:line:column, as
    /// given on the command line), then the summary line.
    static let broken: [(String, [String])] = [
        ("broken/syntax.yaml", ["5:16: error: YAML syntax: mapping values are not allowed in this context"]),
        ("broken/invalid-utf8.yaml", ["7:15: error: invalid UTF-8 at byte offset 135"]),
        ("broken/missing-field.yaml", [
            "4:5: error: entity has no \"id\"",
            "8:5: error: entity \"kandahar\" has no \"type\"",
            "10:5: error: entity \"herat\" has no \"name\"",
            "19:11: error: a name given as a mapping needs \"name\" (in entity \"mazar-i-sharif\")",
        ]),
        ("broken/malformed-field.yaml", [
            "6:12: error: \"names\" of \"kabul\" must map language tags to lists of names",
            "10:17: error: \"population\" of \"kandahar\" must be a non-negative integer",
            "14:15: error: malformed wikidata id \"12345\" (expected Q followed by digits)",
            "19:37: error: \"ambiguous\" must be true or false",
            "19:67: error: \"case\" must be exact or natural",
            "20:5: error: each entity must be a mapping with id, type, name and names",
        ]),
        ("broken/invalid-id.yaml", [
            "3:9: error: malformed id \"Zamir_Kabulov\": use lowercase letters, digits and hyphens ([a-z0-9-]+)",
            "6:9: error: malformed id \"\": use lowercase letters, digits and hyphens ([a-z0-9-]+)",
        ]),
        ("broken/unknown-type.yaml", ["4:11: error: unknown type \"PERSN\" (known: \(knownTypes))"]),
        ("broken/malformed-language-tag.yaml", [
            "7:7: error: malformed language tag \"english\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)",
            "8:7: error: malformed language tag \"ru_RU\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)",
        ]),
        ("broken/empty-name.yaml", [
            "5:11: error: empty name in entity \"tass\"",
            "10:25: error: empty name in entity \"ria-novosti\"",
        ]),
        ("broken/unknown-reference.yaml", ["3:5: error: entity \"kabul\" refers to unknown id \"taliban\""]),
        ("broken/three-errors.yaml", [
            "3:9: error: malformed id \"Kabul\": use lowercase letters, digits and hyphens ([a-z0-9-]+)",
            "7:11: error: unknown type \"CITY\" (known: \(knownTypes))",
            "13:7: error: malformed language tag \"zh-\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)",
        ]),
        ("broken/errors.jsonl", [
            "2:1: error: not a JSON object",
            "3:1: error: unknown type \"AGENCY\" (known: \(knownTypes))",
            "4:1: error: malformed language tag \"en_GB\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)",
        ]),
        ("broken/errors.tsv", [
            "3:1: error: expected 4 tab-separated fields (id, type, lang, name), found 3",
            "4:6: error: unknown type \"AGENCY\" (known: \(knownTypes))",
        ]),
    ]

    @Test(arguments: broken)
    func lintOfABrokenFixturePrintsItsDiagnostics(_ fixture: String, _ expected: [String]) throws {
        let path = "\(Self.fixtures)/\(fixture)"
        let r = try CLI.run(["lexicon", "lint", path])
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(r.stdout.isEmpty)
        let want = expected.map { "\(path):\($0)" } + ["nomen: \(expected.count) errors, 0 warnings"]
        #expect(Self.lines(r.stderr) == want)
    }

    @Test func lintNamesBothPlacesOfADuplicateID() throws {
        let dir = "\(Self.fixtures)/broken/duplicate-id"
        let r = try CLI.run(["lexicon", "lint", dir])
        #expect(r.status == 65)
        #expect(Self.lines(r.stderr) == [
            "\(dir)/b.yaml:6:5: error: duplicate id \"taliban\" (first at \(dir)/a.yaml:3:5)",
            "nomen: 1 errors, 0 warnings",
        ])
        // The same two files named one by one.
        let files = try CLI.run(["lexicon", "lint", "\(dir)/a.yaml", "\(dir)/b.yaml"])
        #expect(files.status == 65)
        #expect(Self.lines(files.stderr).first == "\(dir)/b.yaml:6:5: error: duplicate id \"taliban\" (first at \(dir)/a.yaml:3:5)")
    }

    static let warnings: [(String, String)] = [
        ("warnings/script-mismatch.yaml",
         "8:27: warning: name \"Zamir Kabulov\" of \"zamir-kabulov\" is in Latin script, unusual for language \"ru\""),
        ("warnings/empty-after-normalization.yaml", "7:18: warning: name \"—\" of \"tass\" normalises to nothing"),
        ("warnings/unknown-field.yaml", "6:5: warning: unknown field \"nickname\" (kept out of the index)"),
        ("warnings/shared-name.yaml",
         "12:28: warning: name \"KABUL\" of \"kabul-province\" is also a name of \"kabul\" (at \(fixtures)/warnings/shared-name.yaml:7:12): mark it ambiguous or remove one"),
    ]

    /// Warnings print but pass; `--strict` makes them fail.
    @Test(arguments: warnings)
    func lintPrintsWarningsAndPasses(_ fixture: String, _ expected: String) throws {
        let path = "\(Self.fixtures)/\(fixture)"
        let r = try CLI.run(["lexicon", "lint", path])
        #expect(r.status == 0)
        #expect(Self.lines(r.stderr).first == "\(path):\(expected)")
        #expect(Self.lines(r.stderr).last?.hasSuffix(" 0 errors, 1 warnings") == true)
        let strict = try CLI.run(["lexicon", "lint", "--strict", path])
        #expect(strict.status == 65)
        #expect(Self.lines(strict.stderr).first == "\(path):\(expected)")
    }

    @Test func lintOfAMissingPathExits66() throws {
        let path = "\(Self.fixtures)/no-such-lexicon.yaml"
        let r = try CLI.run(["lexicon", "lint", path])
        #expect(r.status == 66)
        Self.expectNoCrash(r)
        #expect(Self.lines(r.stderr).first == "\(path):1:1: error: no such file or folder")
    }

    /// 10^9 names from 19 kB of nested aliases: rejected at the node limit.
    @Test func lintOfABillionLaughsStopsAtTheLimit() throws {
        let path = "\(Self.fixtures)/broken/billion-laughs.yaml"
        let r = try CLI.run(["lexicon", "lint", path])
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(Self.lines(r.stderr).contains("\(path):1:1: error: more than 100000 YAML nodes once aliases are expanded (100k allowed for a file of this size)"))
        let classic = try CLI.run(["lexicon", "lint", "\(Self.fixtures)/broken/billion-laughs-classic.yaml"])
        #expect(classic.status == 65)
        Self.expectNoCrash(classic)
    }

    /// 10,000 nested lists (20 kB) must be a diagnostic, not a stack overflow.
    @Test func lintOfDeeplyNestedYAMLIsAnErrorNotACrash() throws {
        let path = "\(Self.fixtures)/broken/deep-nesting.yaml"
        let r = try CLI.run(["lexicon", "lint", path])
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(Self.lines(r.stderr).first?.hasPrefix("\(path):") == true, "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains(": error: "))
    }

    /// `tag --lexicon` reports a broken lexicon like lint does.
    @Test func tagWithABrokenLexiconExits65WithTheDiagnostic() throws {
        let path = "\(Self.fixtures)/broken/syntax.yaml"
        let r = try CLI.run(["tag", "--lexicon", path, "-"], input: "Kabul")
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(r.stdout.isEmpty)
        #expect(Self.lines(r.stderr).contains("\(path):5:16: error: YAML syntax: mapping values are not allowed in this context"))
        let missing = try CLI.run(["tag", "--lexicon", "\(Self.fixtures)/none.yaml", "-"], input: "Kabul")
        #expect(missing.status == 66)
    }

    // MARK: stats and show

    @Test func statsShowsTheCuratedLexiconAndItsScripts() throws {
        let r = try CLI.run(["lexicon", "stats", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let curated = try #require(stats["curated"] as? Int)
        #expect(curated >= 150)
        let byScript = try #require(stats["by_script"] as? [String: Int])
        #expect(byScript.filter { $0.value > 0 }.count >= 10, "\(byScript)")
        #expect(Set(byScript.keys).isSuperset(of: ["Latn", "Cyrl", "Arab", "Hani"]))
        #expect((stats["scripts"] as? Int) == byScript.count)
        let byType = try #require(stats["by_type"] as? [String: Int])
        #expect(byType.values.reduce(0, +) == stats["entities"] as? Int)
        #expect((byType["PERSON"] ?? 0) > 0 && (byType["ORG"] ?? 0) > 0 && (byType["GPE"] ?? 0) > 0)
        let byLanguage = try #require(stats["by_language"] as? [String: Int])
        #expect(byLanguage.values.reduce(0, +) == stats["names"] as? Int)
    }

    @Test func statsOfAFixtureCountsItsEntities() throws {
        let r = try CLI.run(["lexicon", "stats", "\(Self.fixtures)/good/mini.yaml", "--format", "json"])
        #expect(r.status == 0)
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(stats["entities"] as? Int == 3)
        #expect(stats["curated"] as? Int == 3)
        #expect(stats["names"] as? Int == 10)
        #expect(stats["by_type"] as? [String: Int] == ["GPE": 1, "ORG": 1, "PERSON": 1])
        #expect(stats["by_script"] as? [String: Int] == ["Latn": 6, "Cyrl": 2, "Arab": 1, "Hani": 1])
    }

    @Test func showListsZamirKabulovInFourScripts() throws {
        let r = try CLI.run(["lexicon", "show", "zamir-kabulov", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let entity = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(entity["id"] as? String == "zamir-kabulov")
        #expect(entity["type"] as? String == "PERSON")
        #expect(entity["name"] as? String == "Zamir Kabulov")
        let names = try #require(entity["names"] as? [[String: Any]])
        let scripts = Set(names.compactMap { $0["script"] as? String })
        #expect(scripts.isSuperset(of: ["Latn", "Cyrl", "Arab", "Hani"]), "\(scripts)")
        #expect(names.contains { $0["name"] as? String == "Замир Кабулов" && $0["language"] as? String == "ru" && $0["script"] as? String == "Cyrl" })
        #expect((entity["defined_at"] as? String)?.contains("Lexicons/curated/") == true)
    }

    @Test func showOfAnUnknownIDFailsWithOneLine() throws {
        let r = try CLI.run(["lexicon", "show", "no-such-entity", "--lexicon", "\(Self.fixtures)/good/mini.yaml"])
        #expect(r.status != 0)
        Self.expectNoCrash(r)
        #expect(Self.lines(r.stderr).count == 1)
        #expect(r.stderr.contains("no-such-entity"))
    }

    // MARK: import

    static let imports: [(String, String, String, [String])] = [
        // format, input, text to tag, ids it must find
        ("tsv", "import/plain.tsv", "TASS reported from Kabul; ТАСС сообщает из Кабула.", ["tass", "kabul"]),
        ("jrc", "import/jrc.tsv", "Zamir Kabulov met the Haqqani Network. Замир Кабулов.", ["jrc-1001", "jrc-2002"]),
        ("geonames", "import/geonames.txt", "From Kabul to Herat, and in Кабул.", ["geonames-1138958", "geonames-1140026"]),
        ("spacy", "import/spacy.jsonl", "Zamir Kabulov visited Kabul and met the Haqqani Network.", ["zamir-kabulov", "kabul", "haqqani-network"]),
    ]

    @Test(arguments: imports)
    func importWritesALexiconThatLoadsBack(_ format: String, _ input: String, _ text: String, _ ids: [String]) throws {
        let dir = CLI.temporaryDirectory("nomen-import")
        for ext in ["jsonl", "yaml"] {
            let out = dir.appendingPathComponent("\(format).\(ext)").path
            let r = try CLI.run(["lexicon", "import", "--from", format, "\(Self.fixtures)/\(input)", "--output", out])
            #expect(r.status == 0, "\(r.stderr)")
            Self.expectNoCrash(r)
            #expect(FileManager.default.fileExists(atPath: out))
            let lint = try CLI.run(["lexicon", "lint", out])
            #expect(lint.status == 0, "\(ext): \(lint.stderr)")
            let tag = try CLI.run(["tag", "--lexicon", out, "--format", "jsonl", "-"], input: text)
            #expect(tag.status == 0, "\(tag.stderr)")
            let found = Set(Self.lines(tag.stdout).compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            })
            #expect(found == Set(ids), "\(format) → \(ext)")
        }
    }

    @Test func importToStandardOutputIsJSONL() throws {
        let r = try CLI.run(["lexicon", "import", "--from", "tsv", "\(Self.fixtures)/import/plain.tsv", "--output", "-"])
        #expect(r.status == 0)
        #expect(Self.lines(r.stdout) == [
            #"{"id":"kabul","type":"GPE","name":"Kabul","source":"tsv","names":{"en":["Kabul"],"ru":["Кабул"],"fa":["کابل"]}}"#,
            #"{"id":"tass","type":"ORG","name":"TASS","source":"tsv","names":{"en":["TASS"],"ru":["ТАСС"]}}"#,
        ])
        #expect(Self.lines(r.stderr) == ["nomen: imported 2 entities, 5 names"])
    }

    @Test func importOfABrokenOrMissingFileFails() throws {
        let path = "\(Self.fixtures)/broken/errors.tsv"
        let out = CLI.temporaryDirectory("nomen-import").appendingPathComponent("out.jsonl").path
        let r = try CLI.run(["lexicon", "import", "--from", "tsv", path, "--output", out])
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(Self.lines(r.stderr).first == "\(path):3:1: error: expected 4 tab-separated fields (id, type, lang, name), found 3")
        #expect(!FileManager.default.fileExists(atPath: out))
        let missing = try CLI.run(["lexicon", "import", "--from", "jrc", "\(Self.fixtures)/none.tsv", "--output", out])
        #expect(missing.status == 66)
        let badFormat = try CLI.run(["lexicon", "import", "--from", "csv", "\(Self.fixtures)/import/plain.tsv", "--output", out])
        #expect(badFormat.status == 64)
    }

    // MARK: compile and compiled indexes

    static let sample = "Замир Кабулов прибыл в Россию. Zamir Kabulov said the Supreme Court of Russia agreed."

    /// Compiles good/mini.yaml into a fresh folder; returns the index's path.
    static func compileMini() throws -> String {
        let out = CLI.temporaryDirectory("nomen-compile").appendingPathComponent("mini.nomenidx").path
        let r = try CLI.run(["lexicon", "compile", "\(fixtures)/good", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        // Ten names as written and two compiled forms: ضمیرکابلوف, the Persian name fused, and
        // 卡布洛夫, the surname of the Chinese name.
        #expect(r.stderr.hasPrefix("nomen: 3 entities, 12 names"), "\(r.stderr)")
        return out
    }

    @Test func compiledIndexTagsLikeItsSources() throws {
        let index = try Self.compileMini()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        #expect(Array(bytes.prefix(8)) == BinaryArchive.magic)
        let fromIndex = try CLI.run(["tag", "--lexicon", index, "-"], input: Self.sample)
        #expect(fromIndex.status == 0, "\(fromIndex.stderr)")
        let fromYAML = try CLI.run(["tag", "--lexicon", "\(Self.fixtures)/good", "--quiet", "-"], input: Self.sample)
        #expect(fromIndex.stdout == fromYAML.stdout)
        let out = try #require(try JSONSerialization.jsonObject(with: Data(fromIndex.stdout.utf8)) as? [String: Any])
        let entities = try #require(out["entities"] as? [[String: Any]])
        let spans = entities.map { "\($0["start"] as? Int ?? -1)-\($0["end"] as? Int ?? -1):\($0["id"] as? String ?? "")" }
        // Замир Кабулов 0–13; Россию 23–29; Zamir Kabulov 31–44; Supreme Court of Russia 54–77.
        #expect(spans == ["0-13:zamir-kabulov", "23-29:russia", "31-44:zamir-kabulov", "54-77:supreme-court-of-russia"])
    }

    /// Two processes compiling the same sources write the same bytes (each process hashes
    /// with its own seed, so nothing may depend on a dictionary's order).
    @Test func compilingTwiceGivesTheSameIndex() throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try Self.compileMini()))
        let second = try Data(contentsOf: URL(fileURLWithPath: try Self.compileMini()))
        #expect(first.count > 0)
        #expect(first == second)
    }

    /// A cached index is reused by the nomen that compiled it and rebuilt by another build
    /// of nomen (here the same program under another name), which may compile differently.
    @Test func anotherBuildOfNomenRebuildsTheCachedIndex() throws {
        let cache = CLI.temporaryDirectory("nomen-cache").path
        let env = ["NOMEN_CACHE_DIR": cache]
        let other = CLI.executable.deletingLastPathComponent().appendingPathComponent("nomen-other-build-\(getpid())")
        try? FileManager.default.removeItem(at: other)
        try FileManager.default.linkItem(at: CLI.executable, to: other)
        defer { try? FileManager.default.removeItem(at: other) }
        func tag(_ program: URL) throws -> CLI.Result {
            try CLI.run(["tag", "--lexicon", "\(Self.fixtures)/good", "-"], stdin: Array(Self.sample.utf8), environment: env, program: program)
        }
        let first = try tag(CLI.executable)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("compiling"))
        let again = try tag(CLI.executable)
        #expect(!again.stderr.contains("compiling"), "\(again.stderr)")
        #expect(again.stdout == first.stdout)
        let rebuilt = try tag(other)
        #expect(rebuilt.stderr.contains("compiling"), "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == first.stdout)
    }

    /// A damaged index given as --lexicon: exit 65 and one line naming the file.
    @Test(arguments: ["truncated", "flipped", "version", "magic", "empty"])
    func damagedIndexExits65WithOneLine(_ damage: String) throws {
        let index = try Self.compileMini()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: index)))
        switch damage {
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "flipped": bytes[bytes.count / 2] ^= 0x01
        case "version": bytes[8] ^= 0x01
        case "magic": bytes[0] = UInt8(ascii: "X")
        default: bytes = []
        }
        let damaged = URL(fileURLWithPath: index).deletingLastPathComponent().appendingPathComponent("\(damage).nomenidx").path
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let r = try CLI.run(["tag", "--lexicon", damaged, "-"], input: Self.sample)
        #expect(r.status == 65)
        Self.expectNoCrash(r)
        #expect(r.stdout.isEmpty)
        let lines = Self.lines(r.stderr)
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.hasPrefix("\(damaged): error: ") == true, "\(r.stderr)")
        let word = ["truncated": "truncated", "flipped": "checksum", "version": "version", "magic": "magic", "empty": "magic"][damage]!
        #expect(r.stderr.contains(word))
    }

    /// A missing index file is a missing input (66), like a missing lexicon.
    @Test func missingIndexExits66() throws {
        let path = "\(Self.fixtures)/none.nomenidx"
        let r = try CLI.run(["tag", "--lexicon", path, "-"], input: Self.sample)
        #expect(r.status == 66, "\(r.stderr)")
        #expect(Self.lines(r.stderr).count == 1)
    }

    /// Sections of a compiled index as (name, absolute range), read from its directory.
    static func sections(_ bytes: [UInt8]) -> [(String, Range<Int>)] {
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let count = (0..<4).reduce(0) { $0 | Int(bytes[12 + $1]) << (8 * $1) }
        let payload = 32 + count * 40
        return (0..<count).map { i in
            let at = 32 + i * 40
            let name = String(decoding: bytes[at..<(at + 24)].prefix { $0 != 0 }, as: UTF8.self)
            let start = payload + u64(at + 24)
            return (name, start..<(start + u64(at + 32)))
        }
    }

    /// Writes `bytes` with the checksum recomputed, as a buggy or hostile writer would.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let sum = Checksum.of(bytes[32...])
        for k in 0..<8 { out[24 + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k))) }
        return out
    }

    /// A file that passes the checksum but whose sections are inconsistent (a writer's bug,
    /// or a file from elsewhere) is rejected with exit 65 or read, never a crash.
    @Test func inconsistentIndexWithAValidChecksumNeverCrashes() throws {
        let index = try Self.compileMini()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: index)))
        let dir = URL(fileURLWithPath: index).deletingLastPathComponent()
        var variants: [(String, [UInt8])] = []
        for (name, range) in Self.sections(bytes) where !range.isEmpty {
            var ones = bytes
            for k in range.prefix(8) { ones[k] = 0xFF }
            variants.append(("\(name) starts with 0xFF", Self.resealed(ones)))
            var flipped = bytes
            flipped[range.lowerBound + range.count / 2] ^= 0x80
            variants.append(("\(name) has a flipped middle byte", Self.resealed(flipped)))
        }
        // A directory entry whose offset is the largest UInt64.
        var far = bytes
        for k in 0..<8 { far[32 + 24 + k] = 0xFF }
        variants.append(("first section at offset 2^64-1", Self.resealed(far)))
        #expect(variants.count > 100)

        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: variants.count) { i in
            let (what, data) = variants[i]
            let path = dir.appendingPathComponent("variant-\(i).nomenidx").path
            do {
                try Data(data).write(to: URL(fileURLWithPath: path))
                let r = try CLI.run(["tag", "--lexicon", path, "-"], input: Self.sample)
                if (r.status != 0 && r.status != 65) || r.stderr.contains("Fatal error") || r.stderr.contains("Backtrac") {
                    failures.add("\(what): status \(r.status), \(r.stderr.split(separator: "\n").first ?? "")")
                }
            } catch {
                failures.add("\(what): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.sorted().joined(separator: "\n"))")
    }
}

/// Failures collected from concurrent runs.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
