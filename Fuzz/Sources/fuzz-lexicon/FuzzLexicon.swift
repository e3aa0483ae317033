import Foundation
import FuzzSupport
import Nomen

/// The lexicon readers and the compiled index reader, on any bytes.
///
/// Lexicons: the bytes are written as `.yaml`, `.jsonl` and `.tsv` files, loaded with
/// `Lexicon.load` and imported in each import format. Loading throws a `LexiconError`
/// with at least one error, each naming the file and a line inside it, or returns a
/// lexicon with unique ids, which compiles, survives a write and read of its index
/// unchanged, and tags its own names in bounds.
///
/// Index: the bytes are read with `NomenIndex.read(file:)` as they are (a checksum and
/// version guard the file: almost everything is rejected), and again with the header
/// repaired (magic, version, length and checksum set to fit), so the section readers and
/// the consistency checks behind the checksum see arbitrary data. Reading throws
/// `BinaryArchive.FormatError` or gives an index that tags and looks up without trapping.
@main
enum FuzzLexicon {
    static let expectedVersion = CompiledLexicon.formatVersion &* 100 &+ MatcherIndex.formatVersion
    static let headerSize = 32

    static let probes = [
        "Zamir Kabulov met Taliban officials in Kabul, Russia said.",
        "Замир Кабулов заявил, что Россия признала Исламский Эмират Афганистан.",
        "قال ضمير كابولوف إن روسيا اعترفت بالإمارة الإسلامية في أفغانستان.",
        "扎米尔·卡布洛夫说，俄罗斯承认塔利班政府。",
    ]

    static func main() {
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzLexicon.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = input
        for ext in ["yaml", "jsonl", "tsv"] { checkLoad(bytes, ext: ext) }
        checkImports(bytes)
        checkIndex(bytes, repairHeader: false)
        checkIndex(bytes, repairHeader: true)
        return 0
    }

    // MARK: Lexicon files

    static func checkLoad(_ bytes: [UInt8], ext: String) {
        let path = Fuzz.writeTemporary(bytes, name: "lexicon.\(ext)")
        do {
            let lexicon = try Lexicon.load(paths: [path])
            checkLexicon(lexicon, bytes: bytes, path: path)
        } catch let error as LexiconError {
            checkError(error, bytes: bytes, path: path)
        } catch {
            Fuzz.fail("Lexicon.load(\(ext)) threw \(type(of: error)) \(error), not a LexiconError")
        }
    }

    static func checkImports(_ bytes: [UInt8]) {
        for format in LexiconFiles.ImportFormat.allCases {
            let ext = format == .spacy ? "jsonl" : format == .jrc || format == .geonames ? "tsv" : format.rawValue
            let path = Fuzz.writeTemporary(bytes, name: "import.\(ext)")
            do {
                let entities = try LexiconFiles.importFile(path, format: format)
                Fuzz.check(Set(entities.map(\.id)).count == entities.count, "import \(format): duplicate ids")
            } catch let error as LexiconError {
                checkError(error, bytes: bytes, path: path)
            } catch {
                Fuzz.fail("importFile(\(format)) threw \(type(of: error)) \(error), not a LexiconError")
            }
        }
    }

    static func checkError(_ error: LexiconError, bytes: [UInt8], path: String) {
        Fuzz.check(!error.errors.isEmpty, "LexiconError without errors: \(error.diagnostics)")
        let lines = lineCount(bytes)
        for d in error.diagnostics {
            Fuzz.check(d.location.file == path || d.location.file == "lexicon", "diagnostic names \(d.location.file), not \(path): \(d)")
            Fuzz.check(d.location.line >= 1 && d.location.line <= lines + 1 && d.location.column >= 1,
                       "diagnostic at line \(d.location.line) column \(d.location.column) of a file of \(lines) lines: \(d)")
            Fuzz.check(!d.message.isEmpty, "empty diagnostic message at \(d.location)")
        }
    }

    /// Lines as YAML counts them (LF, CR, CR LF, and YAML 1.1's NEL, LS and PS each end
    /// one), so an upper bound for any reader's line numbers.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        for (i, s) in text.enumerated() {
            switch s.value {
            case 0x0A, 0x85, 0x2028, 0x2029: lines += 1
            case 0x0D where i + 1 == text.count || text[i + 1] != "\n": lines += 1
            default: break
            }
        }
        return lines
    }

    static func checkLexicon(_ lexicon: Lexicon, bytes: [UInt8], path: String) {
        let ids = lexicon.entities.map(\.id)
        Fuzz.check(Set(ids).count == ids.count, "loaded lexicon has duplicate ids: \(ids)")
        let built = NomenIndex.build(lexicon, honorifics: .empty)
        Fuzz.check(built.tagger.entityCount == lexicon.entities.count,
                   "\(lexicon.entities.count) entities compiled to \(built.tagger.entityCount)")
        let indexPath = "\(Fuzz.temporaryDirectory)/roundtrip.nomenidx"
        let reread: NomenIndex
        do {
            try built.write(to: indexPath)
            reread = try NomenIndex.read(file: indexPath)
        } catch {
            Fuzz.fail("a compiled index does not read back: \(error)")
        }
        Fuzz.check(reread.tagger.entityCount == built.tagger.entityCount && reread.tagger.nameCount == built.tagger.nameCount
                   && reread.tagger.tokenCount == built.tagger.tokenCount, "the index read back differs in size")
        // The lexicon's own names, one a line, then the probes: both taggers must agree.
        let names = lexicon.entities.prefix(20).flatMap { $0.names.prefix(4).map(\.text) }
        let text = (names + probes).joined(separator: "\n")
        let a = Tagger(index: built).tag(text)
        let b = Tagger(index: reread).tag(text)
        Fuzz.check(a == b, "the index read back tags differently: \(a.map(\.id)) vs \(b.map(\.id))")
        checkMentions(a, text: text)
    }

    // MARK: Compiled index

    static func checkIndex(_ input: [UInt8], repairHeader: Bool) {
        var bytes = input
        if repairHeader {
            guard bytes.count >= headerSize else { return }
            bytes.replaceSubrange(0..<8, with: BinaryArchive.magic)
            put(expectedVersion, at: 8, in: &bytes)
            put(UInt64(bytes.count - headerSize), at: 16, in: &bytes)
            put(Checksum.of(Array(bytes[8..<24]) + bytes[headerSize...]), at: 24, in: &bytes)
        }
        let path = Fuzz.writeTemporary(bytes, name: "index.nomenidx")
        let index: NomenIndex
        do {
            index = try NomenIndex.read(file: path)
        } catch is BinaryArchive.FormatError {
            return
        } catch {
            Fuzz.fail("NomenIndex.read threw \(type(of: error)) \(error), not a BinaryArchive.FormatError")
        }
        let tagger = Tagger(index: index)
        for probe in probes { checkMentions(tagger.tag(probe), text: probe) }
        let matcher = NameMatcher(index: index.matcher)
        for name in ["Kabulov", "Кабулову", "طالبان", "Taliban", String(decoding: input.prefix(48), as: UTF8.self)] {
            for c in matcher.lookup(name, limit: 5) {
                Fuzz.check(c.entity >= 0 && c.entity < index.tagger.entityCount, "lookup(\(Fuzz.show(name))) gave entity \(c.entity)")
            }
        }
    }

    static func put<I: FixedWidthInteger>(_ value: I, at offset: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (k, b) in raw.enumerated() { bytes[offset + k] = b }
        }
    }

    static func checkMentions(_ mentions: [Mention], text: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for m in mentions {
            Fuzz.check(m.start >= previousEnd && m.start < m.end && m.end <= scalars.count,
                       "mention \(m.start)..<\(m.end) \(m.id) out of order or outside 0..<\(scalars.count)")
            Fuzz.check(m.text == String(String.UnicodeScalarView(scalars[m.start..<m.end])), "mention text is not its span: \(Fuzz.show(m.text))")
            previousEnd = m.end
        }
    }
}
