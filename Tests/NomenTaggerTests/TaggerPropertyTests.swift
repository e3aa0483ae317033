import Foundation
import Testing
import NomenLexicon
import NomenNormalization
import NomenTagger
import NomenTestSupport

/// Properties of every tagging, on random text and on random mixes of real lexicon
/// names with filler: spans sorted, non-overlapping, in bounds, their text the
/// substring they cover, identical in the three offset units; no input crashes; a
/// document is tagged the same alone and among many.
@Suite struct TaggerPropertyTests {
    /// Curated names that the tagger must find wherever they stand between neutral words:
    /// not ambiguous, not exact-case.
    static let plantableNames: [(text: String, id: String)] = {
        let folder = CLI.repositoryRoot.appendingPathComponent("Lexicons/curated").path
        guard let lexicon = try? Lexicon.load(paths: [folder], warnings: false) else { return [] }
        // A one-word name that another language marks ambiguous (Urdu تاپی) is ambiguous in
        // any text of the script (see CompiledLexicon.ambiguousFlags): not planted either.
        // Compared folded, as the tagger compares them: Arabic and Persian letter forms are one
        // (Urdu کوہستان, Arabic كوهستان), and names in ة are also compiled in ه (القاعدة, القاعده).
        let fold = Folder(.name)
        let ambiguousElsewhere = Set(lexicon.entities.flatMap { $0.allNames.filter(\.ambiguous).flatMap {
            [fold.key($0.text), fold.key($0.text.replacingOccurrences(of: "\u{0629}", with: "\u{0647}"))] } })
        var out: [(String, String)] = []
        for e in lexicon.entities {
            for n in e.allNames where !n.ambiguous && !ambiguousElsewhere.contains(fold.key(n.text)) && n.caseRule == .natural && !n.generated {
                out.append((n.text, e.id))
            }
        }
        return out.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    }()

    /// The curated folder loads on its own (its ids refer to none of the generated
    /// lexicons), and gives the names planted below.
    @Test func theCuratedLexiconLoadsAlone() throws {
        let folder = CLI.repositoryRoot.appendingPathComponent("Lexicons/curated").path
        _ = try Lexicon.load(paths: [folder], warnings: false)
        #expect(Self.plantableNames.count > 1000)
    }

    /// Neutral fillers between planted names: punctuation and function words of several
    /// languages that are no part of any name.
    static let fillers = [" ", " and ", ". ", ", ", " — ", " (", ") ", "; ", " и ", " و ", " 和 ", " und ", " ve ", "\n", " «", "» ",
                          " 😀 ", "\u{200C} ", " \u{0301}", "\t", " \"", "\" "]

    /// Checks the invariants of one tagging and returns a description of the first broken one.
    static func violations(_ text: String, _ mentions: [Mention]) -> [String] {
        var out: [String] = []
        let scalars = Array(text.unicodeScalars)
        let map = OffsetMap(text)
        let u16 = Array(text.utf16)
        let u8 = Array(text.utf8)
        var previousEnd = 0
        for (k, m) in mentions.enumerated() {
            guard m.start >= 0, m.start < m.end, m.end <= scalars.count else {
                out.append("mention \(k) [\(m.start), \(m.end)) out of bounds (\(scalars.count) scalars)")
                continue
            }
            if m.start < previousEnd { out.append("mention \(k) [\(m.start), \(m.end)) overlaps or is before the previous one ending at \(previousEnd)") }
            previousEnd = max(previousEnd, m.end)
            let covered = String(String.UnicodeScalarView(scalars[m.start..<m.end]))
            if covered != m.text || !covered.unicodeScalars.elementsEqual(m.text.unicodeScalars) {
                out.append("mention \(k) text \(m.text.debugDescription) != covered \(covered.debugDescription)")
            }
            // UTF-16 and UTF-8 offsets cover the same characters.
            let (a16, b16) = (map.offset(m.start, in: .utf16), map.offset(m.end, in: .utf16))
            let (a8, b8) = (map.offset(m.start, in: .utf8), map.offset(m.end, in: .utf8))
            if String(decoding: u16[a16..<b16], as: UTF16.self) != covered { out.append("mention \(k): utf16 [\(a16), \(b16)) is not its text") }
            if String(decoding: u8[a8..<b8], as: UTF8.self) != covered { out.append("mention \(k): utf8 [\(a8), \(b8)) is not its text") }
        }
        return out
    }

    /// The offsets the formatter prints in each unit, from its JSON array.
    static func printedOffsets(_ mentions: [Mention], text: String, unit: OffsetUnit) -> [[Int]] {
        let json = MentionFormatter.jsonArray(mentions, text: text, unit: unit)
        guard let array = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else { return [[-1]] }
        return array.map { [$0["start"] as? Int ?? -1, $0["end"] as? Int ?? -1] }
    }

    static func checkUnits(_ text: String, _ mentions: [Mention], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        let scalar = printedOffsets(mentions, text: text, unit: .scalar)
        let utf16 = printedOffsets(mentions, text: text, unit: .utf16)
        let utf8 = printedOffsets(mentions, text: text, unit: .utf8)
        #expect(scalar == mentions.map { [$0.start, $0.end] }, sourceLocation: sourceLocation)
        // Computed independently of OffsetMap: the encoded length of the prefix, summed
        // from each character encoded alone.
        var sum16 = [0]
        var sum8 = [0]
        for c in scalars {
            sum16.append(sum16.last! + String(c).utf16.count)
            sum8.append(sum8.last! + String(c).utf8.count)
        }
        func prefix16(_ i: Int) -> Int { sum16[i] }
        func prefix8(_ i: Int) -> Int { sum8[i] }
        #expect(utf16 == mentions.map { [prefix16($0.start), prefix16($0.end)] }, "utf16 offsets of \(text.debugDescription)",
                sourceLocation: sourceLocation)
        #expect(utf8 == mentions.map { [prefix8($0.start), prefix8($0.end)] }, "utf8 offsets of \(text.debugDescription)",
                sourceLocation: sourceLocation)
    }

    @Test func theLexiconHasNamesToPlant() {
        #expect(Self.plantableNames.count > 500)
    }

    @Test func randomTextKeepsTheInvariants() {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        for round in 0..<400 {
            let text = RandomText.string(using: &rng, length: Int.random(in: 0..<120, using: &rng))
            let mentions = SharedIndex.tagger.tag(text)
            let broken = Self.violations(text, mentions)
            #expect(broken.isEmpty, "round \(round), text \(text.debugDescription): \(broken)")
            if !mentions.isEmpty { Self.checkUnits(text, mentions) }
        }
    }

    /// Random letters of many scripts, joiners and marks are noise: neither a lexicon name
    /// nor near enough to one for a fuzzy link. (Fixed seed: the same strings every run.)
    @Test func randomNoiseIsNotTagged() {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        var found: [String] = []
        for _ in 0..<400 {
            let text = RandomText.string(using: &rng, length: Int.random(in: 0..<120, using: &rng))
            for m in SharedIndex.tagger.tag(text) {
                found.append("\(m.text.debugDescription) → \(m.id) (\(m.match.rawValue) \(m.score))")
            }
        }
        #expect(found.isEmpty, "tagged in random noise:\n\(found.joined(separator: "\n"))")
    }

    /// Strings built to break a scanner: lone combining marks and joiners at the start and
    /// end, NUL, zero-width characters around names, isolated regional indicators, BOM.
    @Test(arguments: [
        "\u{0301}", "\u{0301}Russia", "Russia\u{0301}", "\u{0}", "Russia\u{0}Moscow", "\u{200C}", "\u{200C}روسیه\u{200C}",
        "\u{200D}Kabul\u{200D}", "\u{FEFF}Russia", "\u{1F1F7}Russia\u{1F1FA}", "🇷🇺🇦🇫", "👩‍👩‍👧 Kabul", "\u{0640}\u{0640}طالبان\u{0640}",
        "ـ", "'", "’s", "l’", "-", "Taliban-", "-Taliban", "Russia'", "و", "لل", "ال", "\u{064E}\u{064F}", "\u{E000}Russia",
        "\u{10FFFF}", "\r\n\r\n", "Ruſſia", "ＲＵＳＳＩＡ", "Rus\u{00AD}sia", "K\u{0130}B\u{0130}L", String(repeating: "Russia ", count: 2000),
        String(repeating: "\u{0301}", count: 5000), String(repeating: "و", count: 3000), String(repeating: "Islamic Emirate of ", count: 500),
    ])
    func hostileStrings(_ text: String) {
        let mentions = SharedIndex.tagger.tag(text)
        #expect(Self.violations(text, mentions).isEmpty, "\(text.prefix(40).debugDescription): \(Self.violations(text, mentions))")
        Self.checkUnits(text, mentions)
    }

    /// Random bytes, most of them invalid UTF-8: tagging reads them as U+FFFD (as
    /// `String(decoding:as:)` does), so the spans refer to that repaired text and are
    /// those of tagging it.
    @Test func randomBytesNeverCrash() {
        var rng = SeededGenerator(seed: 0xB17E5)
        let seeds = Array("Russia Кабул طالبان 塔利班 Kabulov'a ".utf8)
        for round in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<80, using: &rng) {
                bytes.append(Bool.random(using: &rng) ? seeds[Int.random(in: 0..<seeds.count, using: &rng)] : UInt8.random(in: 0...255, using: &rng))
            }
            let mentions = bytes.withUnsafeBufferPointer { SharedIndex.tagger.tag(utf8: $0) }
            let repaired = String(decoding: bytes, as: UTF8.self)
            let broken = Self.violations(repaired, mentions)
            #expect(broken.isEmpty, "round \(round), bytes \(bytes): \(broken)")
            // Reading invalid bytes as U+FFFD: the same mentions as the repaired text.
            #expect(mentions == SharedIndex.tagger.tag(repaired), "round \(round), bytes \(bytes)")
        }
    }

    /// A random document of real names and filler, with the names' places.
    static func plantedDocument(using rng: inout SeededGenerator) -> (text: String, planted: [(start: Int, end: Int, id: String)]) {
        var text = ""
        var count = 0
        var planted: [(Int, Int, String)] = []
        for _ in 0..<Int.random(in: 1..<12, using: &rng) {
            let f = fillers[Int.random(in: 0..<fillers.count, using: &rng)]
            text += f
            count += f.unicodeScalars.count
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let noise = RandomText.string(using: &rng, length: Int.random(in: 1..<6, using: &rng))
                text += noise + " "
                count += noise.unicodeScalars.count + 1
                continue
            }
            guard let name = plantableNames.randomElement(using: &rng) else { break }
            planted.append((count, count + name.text.unicodeScalars.count, name.id))
            text += name.text
            count += name.text.unicodeScalars.count
        }
        return (text, planted)
    }

    @Test func namesAndFillerKeepTheInvariants() {
        var rng = SeededGenerator(seed: 0xA11CE)
        for round in 0..<400 {
            let doc = Self.plantedDocument(using: &rng)
            let mentions = SharedIndex.tagger.tag(doc.text)
            let broken = Self.violations(doc.text, mentions)
            #expect(broken.isEmpty, "round \(round), text \(doc.text.debugDescription): \(broken)")
            Self.checkUnits(doc.text, mentions)
        }
    }

    /// Every planted curated name set off by spaces and punctuation is found: some mention
    /// overlaps it. (Its entity may differ when two names join into a longer one.)
    @Test func plantedNamesAreFound() {
        var rng = SeededGenerator(seed: 0xF00D)
        var missed: [String] = []
        var total = 0
        for _ in 0..<300 {
            let doc = Self.plantedDocument(using: &rng)
            let mentions = SharedIndex.tagger.tag(doc.text)
            let scalars = Array(doc.text.unicodeScalars)
            for p in doc.planted {
                total += 1
                if !mentions.contains(where: { $0.start < p.end && p.start < $0.end }) {
                    missed.append("\(String(String.UnicodeScalarView(scalars[p.start..<p.end])).debugDescription) (\(p.id)) in \(doc.text.debugDescription)")
                }
            }
        }
        #expect(total > 500)
        #expect(missed.isEmpty, "\(missed.count) of \(total) planted names missed, first ones:\n\(missed.prefix(25).joined(separator: "\n"))")
    }

    /// The overlapping mode keeps spans in bounds and true to the text.
    @Test func overlappingModeSpansAreTrue() {
        var options = TaggerOptions()
        options.overlapping = true
        let tagger = Tagger(lexicon: SharedIndex.index.tagger, options: options)
        var rng = SeededGenerator(seed: 0x0E1A)
        for round in 0..<200 {
            let doc = Self.plantedDocument(using: &rng)
            let scalars = Array(doc.text.unicodeScalars)
            for m in tagger.tag(doc.text) {
                let ok = m.start >= 0 && m.start < m.end && m.end <= scalars.count
                #expect(ok, "round \(round): [\(m.start), \(m.end)) in \(doc.text.debugDescription)")
                if ok { #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text) }
            }
        }
        let nested = tagger.tag("Islamic Emirate of Afghanistan").map(\.id)
        #expect(nested.contains("islamic-emirate-of-afghanistan") && nested.contains("afghanistan"), "\(nested)")
    }

    /// A document is tagged the same alone (by a fresh tagger, first thing it does), after
    /// many others, and concurrently with many others; and the same from bytes as from a String.
    @Test func aDocumentAloneAndAmongMany() {
        var rng = SeededGenerator(seed: 0xD0C5)
        var docs = (0..<120).map { _ in Self.plantedDocument(using: &rng).text }
        docs += ["Zamir Kabulov met envoys. Kabulov said.", "Russia's Supreme Court ruled.", "In Kabul, the Foreign Ministry said.",
                 "Замиром Кабуловым", "والصين", "Taliban'a"]
        let alone = docs.map { Tagger(lexicon: SharedIndex.index.tagger).tag($0) }
        let shared = Tagger(lexicon: SharedIndex.index.tagger)
        let sequential = docs.map { shared.tag($0) }
        let reversed = Array(docs.reversed().map { shared.tag($0) }.reversed())
        let box = MentionSlots(count: docs.count)
        DispatchQueue.concurrentPerform(iterations: docs.count) { i in box.set(i, shared.tag(docs[i])) }
        let fromBytes = docs.map { d in Array(d.utf8).withUnsafeBufferPointer { shared.tag(utf8: $0) } }
        for i in docs.indices {
            #expect(sequential[i] == alone[i], "in sequence: \(docs[i].debugDescription)")
            #expect(reversed[i] == alone[i], "in reverse sequence: \(docs[i].debugDescription)")
            #expect(box.get(i) == alone[i], "concurrently: \(docs[i].debugDescription)")
            #expect(fromBytes[i] == alone[i], "from UTF-8 bytes: \(docs[i].debugDescription)")
        }
    }
}

/// Results written by concurrent iterations, one slot each.
final class MentionSlots: @unchecked Sendable {
    private var slots: [[Mention]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ i: Int, _ value: [Mention]) { lock.lock(); slots[i] = value; lock.unlock() }
    func get(_ i: Int) -> [Mention] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
