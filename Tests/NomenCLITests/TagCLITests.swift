import Foundation
import Testing
import NomenTestSupport

/// `nomen tag` end to end: input from a file and from stdin, every format and offset
/// unit, and each kind of bad input with its exit status and message.
@Suite struct TagCLITests {
    /// Emoji (two UTF-16 units, four UTF-8 bytes) and Cyrillic (two UTF-8 bytes) before names.
    static let text = "😀 Делегация прибыла в Москву. 🇷🇺 Russia and the Taliban met in Kabul.\n"

    /// (name, scalar start, scalar end), located in `text` independently of the tool.
    static let expectedNames = ["Москву", "Russia", "Taliban", "Kabul"]

    static func offsets(of name: String, in text: String, unit: String) -> (Int, Int) {
        let range = text.range(of: name)!
        switch unit {
        case "utf16": return (text.utf16.distance(from: text.startIndex, to: range.lowerBound),
                              text.utf16.distance(from: text.startIndex, to: range.upperBound))
        case "utf8": return (text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                             text.utf8.distance(from: text.startIndex, to: range.upperBound))
        default: return (text.unicodeScalars.distance(from: text.startIndex, to: range.lowerBound),
                         text.unicodeScalars.distance(from: text.startIndex, to: range.upperBound))
        }
    }

    static func write(_ bytes: [UInt8], name: String = "doc.txt") throws -> URL {
        let url = CLI.temporaryDirectory("nomen-tag").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func entities(_ stdout: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return try #require(object?["entities"] as? [[String: Any]], "not {\"entities\": [...]}: \(stdout)")
    }

    @Test func tagsAFile() throws {
        let file = try Self.write(Array(Self.text.utf8))
        let r = try CLI.run(["tag", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let entities = try Self.entities(r.stdout)
        #expect(entities.map { $0["text"] as? String } == Self.expectedNames)
        #expect(entities.map { $0["id"] as? String } == ["moscow", "russia", "taliban", "kabul"])
        for e in entities {
            for key in ["start", "end", "text", "id", "type", "name", "score", "match"] {
                #expect(e[key] != nil, "\(key) missing in \(e)")
            }
        }
        #expect(entities.first?["match"] as? String == "inflected")
        #expect(entities.first?["name"] as? String == "Moscow")
        #expect(entities.first?["type"] as? String == "GPE")
    }

    @Test func tagsStandardInputTheSameAsAFile() throws {
        let file = try Self.write(Array(Self.text.utf8))
        let fromFile = try CLI.run(["tag", file.path])
        let dash = try CLI.run(["tag", "-"], input: Self.text)
        let none = try CLI.run(["tag"], input: Self.text)
        #expect(dash.status == 0 && none.status == 0, "\(dash.stderr)\(none.stderr)")
        #expect(dash.stdout == fromFile.stdout)
        #expect(none.stdout == fromFile.stdout)
    }

    @Test(arguments: ["scalar", "utf16", "utf8"]) func offsetUnits(_ unit: String) throws {
        let r = try CLI.run(["tag", "-", "--offsets", unit], input: Self.text)
        #expect(r.status == 0, "\(r.stderr)")
        let entities = try Self.entities(r.stdout)
        #expect(entities.count == Self.expectedNames.count)
        for (e, name) in zip(entities, Self.expectedNames) {
            let (start, end) = Self.offsets(of: name, in: Self.text, unit: unit)
            #expect(e["start"] as? Int == start, "\(name) start in \(unit)")
            #expect(e["end"] as? Int == end, "\(name) end in \(unit)")
        }
    }

    @Test func offsetUnitsAgreeInEveryFormatWithOffsets() throws {
        for format in ["jsonl", "displacy", "brat"] {
            for unit in ["utf16", "utf8"] {
                let r = try CLI.run(["tag", "-", "--format", format, "--offsets", unit], input: Self.text)
                #expect(r.status == 0, "\(format) \(unit): \(r.stderr)")
                let (start, end) = Self.offsets(of: "Russia", in: Self.text, unit: unit)
                switch format {
                case "brat": #expect(r.stdout.contains("GPE \(start) \(end)\tRussia"), "\(unit): \(r.stdout)")
                default: #expect(r.stdout.contains("\"start\":\(start),\"end\":\(end),"), "\(format) \(unit): \(r.stdout)")
                }
            }
        }
    }

    @Test func jsonl() throws {
        let r = try CLI.run(["tag", "-", "--format", "jsonl"], input: Self.text)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let ids = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        #expect(ids == ["moscow", "russia", "taliban", "kabul"])
    }

    @Test func displacy() throws {
        let file = try Self.write(Array(Self.text.utf8), name: "story.txt")
        let r = try CLI.run(["tag", file.path, "--format", "displacy"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["text"] as? String == Self.text)
        #expect(object["title"] as? String == "story.txt")
        let ents = try #require(object["ents"] as? [[String: Any]])
        #expect(ents.map { $0["kb_id"] as? String } == ["moscow", "russia", "taliban", "kabul"])
        #expect(ents.map { $0["label"] as? String } == ["GPE", "GPE", "ORG", "GPE"])
    }

    @Test func conll() throws {
        let r = try CLI.run(["tag", "-", "--format", "conll"], input: "Zamir Kabulov arrived in Moscow.")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.allSatisfy { $0.count == 3 }, "\(r.stdout)")
        #expect(rows.first == ["Zamir", "B-PERSON", "zamir-kabulov"])
        #expect(rows.dropFirst().first == ["Kabulov", "I-PERSON", "zamir-kabulov"])
        #expect(rows.contains(["Moscow", "B-GPE", "moscow"]))
        #expect(rows.contains(["arrived", "O", "_"]))
    }

    @Test func brat() throws {
        let r = try CLI.run(["tag", "-", "--format", "brat"], input: "Russia and the\nIslamic\nEmirate of Afghanistan")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            T1\tGPE 0 6\tRussia
            #1\tAnnotatorNotes T1\trussia
            T2\tGPE 15 22;23 45\tIslamic Emirate of Afghanistan
            #2\tAnnotatorNotes T2\tislamic-emirate-of-afghanistan

            """)
    }

    @Test func html() throws {
        let r = try CLI.run(["tag", "-", "--format", "html"], input: "<script>alert('Kabul')</script> Russia & <b>Taliban</b>")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!r.stdout.contains("<script"))
        #expect(!r.stdout.contains("<b>"))
        #expect(r.stdout.contains("&lt;script&gt;"))
        #expect(r.stdout.contains("&amp;"))
        #expect(r.stdout.contains("data-id=\"russia\""))
        #expect(r.stdout.contains("data-id=\"taliban\""))
    }

    @Test func invalidUTF8InAFile() throws {
        // "Russia\n" is 7 bytes; on line 2, "ab" then 0xFF at byte offset 9, column 3.
        let file = try Self.write(Array("Russia\nab".utf8) + [0xFF] + Array("cd Moscow\n".utf8))
        let r = try CLI.run(["tag", file.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file.path):2:3: error: invalid UTF-8 at byte offset 9"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack"))
    }

    @Test func invalidUTF8OnStandardInput() throws {
        // A truncated two-byte sequence at the end: Ж is D0 96, the second D0 lacks its continuation.
        // Columns count Unicode scalars (Ж, x, then the bad byte: column 3); the offset counts bytes.
        let r = try CLI.run(["tag", "-"], stdin: Array("Жx".utf8) + [0xD0])
        #expect(r.status == 65)
        #expect(r.stderr.contains(":1:3: error: invalid UTF-8 at byte offset 3"), "\(r.stderr)")
    }

    @Test func missingFile() throws {
        let r = try CLI.run(["tag", "/nonexistent/nomen/story.txt"])
        #expect(r.status == 66)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("/nonexistent/nomen/story.txt"), "\(r.stderr)")
        #expect(r.stderr.contains("error:"))
    }

    @Test func folderInsteadOfAFile() throws {
        let dir = CLI.temporaryDirectory("nomen-tag-dir")
        let r = try CLI.run(["tag", dir.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("\(dir.path)") && r.stderr.contains("error:"), "\(r.stderr)")
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF]]) func utf16WithByteOrderMark(_ bom: [UInt8]) throws {
        let units = Array("Russia".utf16)
        let body = units.flatMap { bom[0] == 0xFF ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let file = try Self.write(bom + body)
        let r = try CLI.run(["tag", file.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file.path):1:1: error:"), "\(r.stderr)")
        #expect(r.stderr.contains("UTF-16"))
    }

    @Test func emptyFile() throws {
        let file = try Self.write([])
        let r = try CLI.run(["tag", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "{\"entities\":[]}\n")
        let stdin = try CLI.run(["tag", "-"], stdin: [])
        #expect(stdin.status == 0)
        #expect(stdin.stdout == "{\"entities\":[]}\n")
    }

    @Test func utf8ByteOrderMarkIsNotPartOfTheText() throws {
        let file = try Self.write([0xEF, 0xBB, 0xBF] + Array("Russia".utf8))
        let r = try CLI.run(["tag", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let entities = try Self.entities(r.stdout)
        #expect(entities.first?["id"] as? String == "russia")
        // Whether the BOM counts as a character is the tool's choice; the mention is Russia either way.
        #expect(entities.first?["text"] as? String == "Russia")
    }

    @Test(arguments: [["--format", "xml"], ["--offsets", "bytes"], ["--no-such-flag"]])
    func usageErrors(_ extra: [String]) throws {
        let r = try CLI.run(["tag", "-"] + extra, input: "Russia")
        #expect(r.status == 64, "\(extra): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Error"), "\(r.stderr)")
    }
}
