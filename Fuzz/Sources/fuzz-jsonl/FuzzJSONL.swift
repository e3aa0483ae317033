import Foundation
import FuzzSupport
import Nomen

/// The JSONL reader of `nomen annotate`, on any bytes as one line.
///
/// Properties:
/// - `JSONObjectScanner.members` throws or returns, never traps; when it accepts
///   valid UTF-8, Foundation's JSON parser accepts them too, as an object with the same keys,
///   and `decodeString` of every string member equals Foundation's decoding;
/// - `DocumentProcessor.process(jsonLine:)` returns exactly one line (no line break)
///   of valid JSON: an object with the input's `id` and either `entities` (an array)
///   or `error` (an object with `code`, `message` and the given `line`), `error` exactly
///   when `failed`.
@main
enum FuzzJSONL {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let processor: DocumentProcessor = {
        let mini = root.appendingPathComponent("Tests/Fixtures/lexicons/good/mini.yaml").path
        do {
            let tagger = Tagger(index: try LexiconStore.compile(paths: [mini]))
            return DocumentProcessor(tagger: tagger, unit: .utf16, maxDocumentBytes: 1 << 16)
        } catch {
            Fuzz.fail("cannot compile \(mini): \(error)")
        }
    }()

    static let lineNumber = 17

    static func main() {
        _ = processor
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzJSONL.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = input
        checkScanner(bytes)
        checkProcessor(bytes)
        return 0
    }

    static func checkScanner(_ bytes: [UInt8]) {
        let members: [JSONObjectScanner.Member]
        do {
            members = try JSONObjectScanner.members(bytes[...])
        } catch is JSONObjectScanner.Failure {
            return
        } catch {
            Fuzz.fail("members threw \(error), not a JSONObjectScanner.Failure")
        }
        // The scanner leaves UTF-8 validation to its caller (DocumentProcessor checks the
        // line first); Foundation rejects invalid UTF-8, so compare on valid lines only.
        guard let line = String(validating: bytes, as: UTF8.self) else { return }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            // RFC 8259's grammar allows an escaped lone surrogate ("\ud800"), which the
            // scanner accepts and Foundation rejects: not a disagreement about syntax.
            if hasSurrogateEscape(bytes) { return }
            Fuzz.fail("the scanner accepts \(Fuzz.show(line)) as an object, Foundation does not")
        }
        Fuzz.check(Set(members.map(\.key)) == Set(object.keys),
                   "keys \(members.map(\.key)) from the scanner, \(Array(object.keys)) from Foundation, for \(Fuzz.show(line))")
        // With duplicate keys Foundation keeps one of them; compare values only for unique keys.
        var counts: [String: Int] = [:]
        for m in members { counts[m.key, default: 0] += 1 }
        for m in members where counts[m.key] == 1 {
            let decoded = JSONObjectScanner.decodeString(m.raw)
            if let expected = object[m.key] as? String {
                Fuzz.check(decoded == expected, "member \(Fuzz.show(m.key)) decodes to \(decoded.map { Fuzz.show($0) } ?? "nil"), Foundation says \(Fuzz.show(expected))")
            } else {
                Fuzz.check(decoded == nil, "member \(Fuzz.show(m.key)) is not a string for Foundation, but decodeString gave \(Fuzz.show(decoded ?? ""))")
            }
        }
    }

    /// Whether the bytes hold a `\uD800`…`\uDFFF` escape (a surrogate, paired or not).
    static func hasSurrogateEscape(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for i in 0..<(bytes.count - 3) where bytes[i] == UInt8(ascii: "\\") && (bytes[i + 1] | 0x20) == UInt8(ascii: "u")
            && (bytes[i + 2] | 0x20) == UInt8(ascii: "d") && "89abcdef".utf8.contains(bytes[i + 3] | 0x20) {
            return true
        }
        return false
    }

    static func checkProcessor(_ bytes: [UInt8]) {
        let result = processor.process(jsonLine: bytes[...], line: lineNumber)
        let out = result.line
        Fuzz.check(!out.utf8.contains(0x0A) && !out.utf8.contains(0x0D),
                   "output is not one line: \(Fuzz.show(out)) for \(Fuzz.show(String(decoding: bytes, as: UTF8.self)))")
        guard let object = (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any] else {
            Fuzz.fail("output is not a JSON object: \(Fuzz.show(out)) for \(Fuzz.show(String(decoding: bytes, as: UTF8.self)))")
        }
        Fuzz.check(object.keys.contains("id"), "output has no id: \(Fuzz.show(out))")
        if result.failed {
            guard let error = object["error"] as? [String: Any] else { Fuzz.fail("failed, but no error object: \(Fuzz.show(out))") }
            Fuzz.check(error["code"] is String && error["message"] is String && (error["line"] as? Int) == lineNumber,
                       "malformed error object: \(Fuzz.show(out))")
            Fuzz.check(object["entities"] == nil && result.mentions == 0, "failed with entities: \(Fuzz.show(out))")
        } else {
            guard let entities = object["entities"] as? [Any] else { Fuzz.fail("succeeded, but no entities array: \(Fuzz.show(out))") }
            Fuzz.check(entities.count == result.mentions, "\(entities.count) entities written, \(result.mentions) counted")
            Fuzz.check(object["error"] == nil || (try? JSONObjectScanner.members(bytes[...]))?.contains { $0.key == "error" } == true,
                       "succeeded with an error member it did not carry through: \(Fuzz.show(out))")
        }
    }
}
