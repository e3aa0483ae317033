import NomenLexicon
import NomenNormalization

/// Turns one input record of `nomen annotate` into its output line: a JSONL document
/// (`{"id", "text", ...}`) or a plain text file, into `{"id", ..., "entities": [...]}`
/// or `{"id", "error": {"code", "message", "line"}}`. Never throws: every input gives
/// exactly one line.
public struct DocumentProcessor: Sendable {
    public let tagger: Tagger
    public let unit: OffsetUnit
    public let maxDocumentBytes: Int

    public init(tagger: Tagger, unit: OffsetUnit = .scalar, maxDocumentBytes: Int) {
        self.tagger = tagger
        self.unit = unit
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// The outcome for one record.
    public struct Result: Sendable {
        /// The output line's UTF-8, without its newline.
        public let bytes: [UInt8]
        public let mentions: Int
        public let failed: Bool

        /// The output line.
        public var line: String { String(decoding: bytes, as: UTF8.self) }

        public init(line: String, mentions: Int, failed: Bool) {
            self.init(bytes: Array(line.utf8), mentions: mentions, failed: failed)
        }

        public init(bytes: [UInt8], mentions: Int, failed: Bool) {
            self.bytes = bytes
            self.mentions = mentions
            self.failed = failed
        }
    }

    static func errorLine(id: String, code: String, message: String, line: Int) -> String {
        "{\"id\":\(id),\"error\":{\"code\":\"\(code)\",\"message\":\(JSONText.quote(message)),\"line\":\(line)}}"
    }

    /// A raw input value as it goes to the output: the same bytes, but for escaped lone
    /// surrogates (→ `\ufffd`) and line breaks between tokens (→ spaces: a raw CR or LF in
    /// valid JSON can only be whitespace, and the output must stay one line).
    static func carried(_ raw: ArraySlice<UInt8>) -> String {
        var out = JSONBuffer()
        appendCarried(raw, to: &out)
        return out.string
    }

    /// Writes a raw input value as ``carried(_:)`` describes.
    static func appendCarried(_ raw: ArraySlice<UInt8>, to out: inout JSONBuffer) {
        let clean = JSONObjectScanner.withoutLoneSurrogates(raw)
        if !clean.contains(0x0A) && !clean.contains(0x0D) {
            out.raw(bytes: clean)
        } else {
            out.raw(bytes: clean.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
        }
    }

    /// Processes one JSONL line (without its newline).
    public func process(jsonLine bytes: ArraySlice<UInt8>, line: Int) -> Result {
        if bytes.count > maxDocumentBytes {
            return Result(line: Self.errorLine(id: "null", code: "document-too-large",
                                               message: "line of \(bytes.count) bytes is over the limit of \(maxDocumentBytes) bytes (--max-doc-bytes)", line: line),
                          mentions: 0, failed: true)
        }
        if let bad = bytes.withUnsafeBufferPointer({ UTF8Validation.firstInvalidByte($0) }) {
            return Result(line: Self.errorLine(id: "null", code: "invalid-utf8", message: "invalid UTF-8 at byte \(bad + 1) of the line", line: line),
                          mentions: 0, failed: true)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            return Result(line: Self.errorLine(id: "null", code: "empty-line", message: "blank line, expected a JSON object", line: line),
                          mentions: 0, failed: true)
        }
        let members: [JSONObjectScanner.Member]
        do {
            members = try JSONObjectScanner.members(bytes)
        } catch JSONObjectScanner.Failure.syntax(let offset, let reason) {
            return Result(line: Self.errorLine(id: "null", code: "invalid-json", message: "malformed JSON at byte \(offset + 1): \(reason)", line: line),
                          mentions: 0, failed: true)
        } catch {
            return Result(line: Self.errorLine(id: "null", code: "not-an-object", message: "the line is JSON but not an object", line: line),
                          mentions: 0, failed: true)
        }
        // Raw values are carried byte for byte, but for escaped lone surrogates, which not every
        // JSON reader accepts: they become U+FFFD.
        let idMember = members.first { $0.key == "id" }
        let idRaw = idMember.map { Self.carried($0.raw) } ?? "null"
        guard let textMember = members.first(where: { $0.key == "text" }) else {
            return Result(line: Self.errorLine(id: idRaw, code: "missing-text", message: "no \"text\" field", line: line), mentions: 0, failed: true)
        }
        guard let text = JSONObjectScanner.decodeBytes(textMember.raw) else {
            return Result(line: Self.errorLine(id: idRaw, code: "invalid-text", message: "\"text\" is not a string", line: line), mentions: 0, failed: true)
        }
        if text.isEmpty {
            return Result(line: Self.errorLine(id: idRaw, code: "empty-document", message: "\"text\" is empty", line: line), mentions: 0, failed: true)
        }
        var out = JSONBuffer(capacity: 1024)
        out.raw("{\"id\":")
        if let idMember { Self.appendCarried(idMember.raw, to: &out) } else { out.raw("null") }
        for m in members where m.key != "id" && m.key != "text" && m.key != "entities" {
            out.raw(",")
            out.quoted(m.key)
            out.raw(":")
            Self.appendCarried(m.raw, to: &out)
        }
        out.raw(",\"entities\":")
        // The line was valid UTF-8, so the decoded text is too: tag its bytes directly.
        let count: Int
        if unit == .scalar {
            count = text.withUnsafeBufferPointer { tagger.appendJSON(validUTF8: $0, to: &out) }
        } else {
            let mentions = text.withUnsafeBufferPointer { tagger.tag(validUTF8: $0) }
            MentionFormatter.appendJSONArray(mentions, text: String(decoding: text, as: UTF8.self), unit: unit, to: &out)
            count = mentions.count
        }
        out.raw("}")
        return Result(bytes: out.bytes, mentions: count, failed: false)
    }

    /// Processes one text file's bytes; `id` is its path relative to the input folder.
    public func process(textFile bytes: [UInt8], id: String, line: Int) -> Result {
        let idJSON = JSONText.quote(id)
        if bytes.count > maxDocumentBytes {
            return Result(line: Self.errorLine(id: idJSON, code: "document-too-large", message: "file of \(bytes.count) bytes is over the limit of \(maxDocumentBytes) bytes", line: line), mentions: 0, failed: true)
        }
        let text: String
        do { text = try UTF8Validation.decode(bytes) } catch let e as InvalidUTF8 {
            return Result(line: Self.errorLine(id: idJSON, code: "invalid-utf8", message: "invalid UTF-8 at byte offset \(e.byteOffset)", line: line), mentions: 0, failed: true)
        } catch {
            return Result(line: Self.errorLine(id: idJSON, code: "invalid-utf8", message: "\(error)", line: line), mentions: 0, failed: true)
        }
        if text.isEmpty {
            return Result(line: Self.errorLine(id: idJSON, code: "empty-document", message: "the file is empty", line: line), mentions: 0, failed: true)
        }
        let mentions = tagger.tag(text)
        return Result(line: "{\"id\":\(idJSON),\"entities\":" + MentionFormatter.jsonArray(mentions, text: text, unit: unit) + "}",
                      mentions: mentions.count, failed: false)
    }
}
