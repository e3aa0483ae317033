import Foundation
import NomenLexicon
import NomenNormalization
import NomenTransliteration

/// The inflection and clitic rules of `Resources/Inflection/*.rules` (see its README):
/// ways an inflected or clitic-laden word may be a lexicon word.
public struct InflectionRules: Sendable {
    public struct Rule: Sendable, Hashable {
        public enum Kind: String, Sendable { case prefix, suffix }
        public let kind: Kind
        /// The folded ending (or beginning) found in the text.
        public let surface: [UInt8]
        /// What replaces it in the dictionary form.
        public let replacement: [UInt8]
        /// Only when a zero-width non-joiner precedes the suffix in the text.
        public let afterZWNJ: Bool
        public let minStem: Int
        /// Scalars of `surface` that the mention span leaves out: a proclitic's, or a word's
        /// run into the name (`suffix+word`).
        public let trimScalars: Int
        public let language: String
        /// An ending a proper name takes after an apostrophe, here written without one
        /// (`suffix+bare`: Turkish Pakistanda for Pakistan'da). A common word can end so too
        /// (kabile, "tribe", and Kabil'e), so a one-word name read through it at a sentence's
        /// start needs the document to name the entity elsewhere.
        public var bare = false
        /// A run-in word's last letter (or, for `suffix+written`, the ending's) as the rule writes it, where folding would take another
        /// letter for it: Urdu سے, "from", ends in ے, which folds to the ی that ends سیاسی,
        /// "political" (no سیا, CIA, run into سے). Nil where the folded letter is the written one.
        public var lastAsWritten: Unicode.Scalar? = nil
    }

    /// Rules by script class, longest surface first.
    let byScript: [ScriptClass: (prefixes: [Rule], suffixes: [Rule])]
    /// Folded generic words before names that mentions leave out (descriptors.txt).
    public let descriptors: [String]
    /// Folded sentence-initial function words that are not given names (function-words.txt).
    public let functionWords: [String]
    /// Folded titles that stand before surnames (titles.txt); an entry that starts with `-`
    /// is an ending: any word that is or ends in it (German Außenminister, Kremlchef).
    public let titles: [String]
    /// Folded articles, and prepositions joined to one (determiners.txt): German im, dem, einer.
    /// A capitalised word after one is a noun, not a surname in a new spelling.
    public let determiners: [String]
    /// Folded generic words that may be lower case inside a curated place's or body's name
    /// after its first word (lower-heads.txt): the Kajaki dam, the Haqqani network.
    public let lowerHeads: [String]
    /// Folded words that introduce a place by its kind (place-words.txt): province, провинции.
    public let placeWords: [String]
    /// Folded words after a person's name that make it the name of something named after the
    /// person (facility-heads.txt): Airport, Hospital, Havalimanı; and, marked `+`, words that
    /// may stand between (International, Memorial).
    public let facilityHeads: [String]
    /// Folded words before a person's name that do so (facility-words.txt): имени, فرودگاه;
    /// and two-word phrases, each word folded, that end in one and name nothing: от имени.
    public let facilityWords: [String]
    /// Folded two-word phrases in which an ambiguous name is an ordinary word (common-phrases.txt):
    /// هذه القاعدة, القاعدة الجوية. Each as its two folded words joined by a space.
    public let commonPhrases: [String]
    /// Common words that match a name's word only as the name writes them (exact-words.txt):
    /// each as written (NFC) and folded.
    public let exactWords: [(written: String, folded: String)]
    /// Languages whose rules apply only to documents that have one of their letters
    /// (a file's `letters:` line): German endings in English text, Ukrainian endings in
    /// Russian text, Pashto endings in Arabic text read ordinary words as names. Under
    /// `!` and a language, the letters of documents its rules stay out of (a file's
    /// `unless-letters:` line): Arabic proclitics in Pashto text, which starts words with
    /// و and ب (وژنو, "killings", is no ژنو, Geneva).
    public let gateLetters: [String: [Unicode.Scalar]]
    /// Folded words that open a gated language's rules as its letters do (a file's `words:`
    /// line): German `der`, `und`; Pashto `د`, `په`.
    public let gateWords: [String: [String]]

    /// The gated language under which ``gateLetters`` keeps a language's `unless-letters:`.
    static func unless(_ language: String) -> String { "!" + language }

    init(byScript: [ScriptClass: (prefixes: [Rule], suffixes: [Rule])], descriptors: [String] = [], functionWords: [String] = [], titles: [String] = [],
         determiners: [String] = [],
         lowerHeads: [String] = [], placeWords: [String] = [], facilityHeads: [String] = [], facilityWords: [String] = [], commonPhrases: [String] = [],
         exactWords: [(written: String, folded: String)] = [], gateLetters: [String: [Unicode.Scalar]] = [:], gateWords: [String: [String]] = [:]) {
        self.byScript = byScript
        self.descriptors = descriptors
        self.functionWords = functionWords
        self.determiners = determiners
        self.titles = titles
        self.lowerHeads = lowerHeads
        self.placeWords = placeWords
        self.facilityHeads = facilityHeads
        self.facilityWords = facilityWords
        self.commonPhrases = commonPhrases
        self.exactWords = exactWords
        self.gateLetters = gateLetters
        self.gateWords = gateWords
    }

    public static let empty = InflectionRules(byScript: [:])

    public var count: Int { byScript.values.reduce(0) { $0 + $1.prefixes.count + $1.suffixes.count } }

    /// The shipped rules.
    public static func shipped() throws -> InflectionRules {
        guard let dir = directory else { return .empty }
        return try load(directory: dir)
    }

    static let directory: URL? = ResourceLocator.directory(
        bundle: "Nomen_NomenTagger", subpath: "Inflection", sourceFile: #filePath
    )

    /// Reads every `.rules` file of a folder.
    /// - Throws: ``LexiconError`` with `file:line:column` for a malformed line.
    public static func load(directory: URL) throws -> InflectionRules {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".rules") }.sorted()
        var diagnostics: [Diagnostic] = []
        var rules: [ScriptClass: (prefixes: [Rule], suffixes: [Rule])] = [:]
        var gateLetters: [String: [Unicode.Scalar]] = [:]
        var gateWords: [String: [String]] = [:]
        let folder = Folder(.nameStrict)
        for name in files {
            let path = directory.appendingPathComponent(name).path
            guard case .success(let text) = LexiconFiles.readText(path) else { continue }
            let language = String(name.dropLast(".rules".count))
            var script: ScriptClass?
            var minStem = 3
            for (index, rawLine) in LexiconFiles.lines(text).enumerated() {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                let at = SourceLocation(file: path, line: index + 1, column: 1)
                if line.isEmpty || line.hasPrefix("#") { continue }
                if line.hasPrefix("script:") {
                    let value = line.dropFirst(7).trimmingCharacters(in: .whitespaces)
                    switch value {
                    case "cyrillic": script = .cyrillic
                    case "latin": script = .latin
                    case "arabic": script = .arabic
                    case "greek": script = .greek
                    case "devanagari": script = .devanagari
                    case "bengali": script = .bengali
                    default:
                        diagnostics.append(Diagnostic(.error, .malformedField, at: at,
                                                      "unknown script \"\(value)\" (cyrillic, latin, arabic, greek, devanagari, bengali)"))
                    }
                    continue
                }
                // The gate's `letters:` and `words:` lines: a list after the keyword.
                if let keyword = ["letters:", "words:", "unless-letters:"].first(where: { line.hasPrefix($0) }) {
                    let items = line.dropFirst(keyword.count).split(separator: " ").map(String.init)
                    if items.isEmpty {
                        diagnostics.append(Diagnostic(.error, .malformedField, at: at, "\(keyword) needs at least one item"))
                    } else if keyword == "unless-letters:" {
                        gateLetters[Self.unless(language), default: []] += items.flatMap(\.unicodeScalars)
                    } else if keyword == "letters:" {
                        gateLetters[language, default: []] += items.flatMap(\.unicodeScalars)
                    } else {
                        gateWords[language, default: []] += items.map { folder.key($0) }.filter { !$0.isEmpty }
                    }
                    continue
                }
                if line.hasPrefix("min-stem:") {
                    if let v = Int(line.dropFirst(9).trimmingCharacters(in: .whitespaces)), v >= 1 { minStem = v } else {
                        diagnostics.append(Diagnostic(.error, .malformedField, at: at, "min-stem must be a positive number"))
                    }
                    continue
                }
                // Split on scalars, not characters: an ending may start with a combining vowel
                // sign (Bengali ের, Hindi ों), which would join the space before it into one character.
                func text(_ s: Substring.UnicodeScalarView.SubSequence) -> String { String(String.UnicodeScalarView(s)) }
                let parts = line.unicodeScalars.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false).map(text)
                let head = parts.first.map { $0.unicodeScalars.split(separator: " ", omittingEmptySubsequences: true).map(text) } ?? []
                guard parts.count == 2, head.count == 2, ["prefix", "suffix", "suffix+zwnj", "suffix+word", "suffix+bare", "suffix+written"].contains(String(head[0])) else {
                    diagnostics.append(Diagnostic(.error, .syntax, at: at, "expected `prefix|suffix|suffix+zwnj|suffix+word|suffix+bare|suffix+written SURFACE > REPLACEMENT`"))
                    continue
                }
                guard let script else {
                    diagnostics.append(Diagnostic(.error, .missingField, at: at, "a rule before any `script:` line"))
                    continue
                }
                let surface = folder.key(String(head[1]))
                let replacement = folder.key(parts[1].trimmingCharacters(in: .whitespaces))
                let kind: Rule.Kind = head[0] == "prefix" ? .prefix : .suffix
                // The scalars of the surface that the replacement does not restore, on the
                // side that touches the stem: a proclitic's (لل > ال: the second ل stands for the
                // article's, so only the first is left out), or a word's run into the name
                // (اسلام آبادمیں).
                func unrestored(fromEnd: Bool) -> Int {
                    let s = Array(surface.unicodeScalars)
                    let r = Array(replacement.unicodeScalars)
                    var common = 0
                    while common < min(s.count, r.count),
                          fromEnd ? s[s.count - 1 - common] == r[r.count - 1 - common] : s[common] == r[common] { common += 1 }
                    return s.count - common
                }
                let trim = kind == .prefix ? unrestored(fromEnd: true) : head[0] == "suffix+word" ? unrestored(fromEnd: false) : 0
                var rule = Rule(kind: kind, surface: Array(surface.utf8), replacement: Array(replacement.utf8),
                                afterZWNJ: head[0] == "suffix+zwnj", minStem: minStem, trimScalars: trim, language: language,
                                bare: head[0] == "suffix+bare")
                if head[0] == "suffix+word" || head[0] == "suffix+written", let raw = head[1].precomposedStringWithCanonicalMapping.unicodeScalars.last,
                   raw != surface.unicodeScalars.last { rule.lastAsWritten = raw }
                var entry = rules[script] ?? ([], [])
                if kind == .prefix { entry.prefixes.append(rule) } else { entry.suffixes.append(rule) }
                rules[script] = entry
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw LexiconError(diagnostics) }
        for (k, v) in rules {
            // Longer surfaces first; the sort is stable, so file order breaks ties.
            rules[k] = (prefixes: stableSorted(v.prefixes), suffixes: stableSorted(v.suffixes))
        }
        func written(_ file: String) -> [String] {
            guard case .success(let text) = LexiconFiles.readText(directory.appendingPathComponent(file).path) else { return [] }
            return LexiconFiles.lines(text).compactMap { line in
                let word = line.split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                return word.isEmpty ? nil : word.precomposedStringWithCanonicalMapping
            }
        }
        func words(_ file: String) -> [String] { written(file).map { folder.key($0) } }
        /// Lines of several words, each folded (common phrases, от имени).
        func phrases(_ file: String) -> [String] { written(file).map { $0.split(separator: " ").map { folder.key(String($0)) }.joined(separator: " ") } }
        /// Words folded, keeping a leading `marker` that sets some apart (title endings `-`,
        /// words between a facility's name and its head `+`).
        func marked(_ file: String, _ marker: String) -> [String] {
            written(file).map { $0.hasPrefix(marker) ? marker + folder.key(String($0.dropFirst(marker.count))) : folder.key($0) }
        }
        return InflectionRules(byScript: rules, descriptors: words("descriptors.txt").flatMap { [$0, CompiledLexicon.tehMarbutaVariant($0)].compactMap { $0 } }, functionWords: words("function-words.txt"),
                               titles: marked("titles.txt", "-"),
                               determiners: words("determiners.txt"),
                               lowerHeads: words("lower-heads.txt"), placeWords: words("place-words.txt"),
                               facilityHeads: marked("facility-heads.txt", "+"), facilityWords: phrases("facility-words.txt"),
                               commonPhrases: phrases("common-phrases.txt"),
                               exactWords: written("exact-words.txt").map { ($0, folder.key($0)) }, gateLetters: gateLetters,
                               gateWords: gateWords)
    }

    private static func stableSorted(_ rules: [Rule]) -> [Rule] {
        var seen = Set<Rule>()
        let unique = rules.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            a.element.surface.count != b.element.surface.count ? a.element.surface.count > b.element.surface.count : a.offset < b.offset
        }.map(\.element)
    }

    /// The rules of each script class, indexed by its raw value: one array read a token.
    var byScriptIndex: [(prefixes: [Rule], suffixes: [Rule])?] {
        (0..<ScriptClass.count).map { ScriptClass(rawValue: UInt8($0)).flatMap { byScript[$0] } }
    }
}

/// One script's rules for the languages a document shows, each kind grouped by the one
/// byte of a word it can match at: a suffix rule by its surface's last byte (the word's
/// last byte), a prefix rule by the last byte of its surface's first scalar (the word's
/// first scalar), since a script's letters share their lead bytes. A word then tries only
/// the rules of its bytes, in the rules' own order (longest surface first).
final class RuleSet: Sendable {
    let prefixes: [InflectionRules.Rule]
    let suffixes: [InflectionRules.Rule]
    let prefixesByByte: RuleBuckets
    let suffixesByByte: RuleBuckets
    /// The longest replacement of any rule: how much a word can grow when read through a
    /// prefix rule and then a suffix rule.
    let longestReplacement: Int

    init(prefixes: [InflectionRules.Rule], suffixes: [InflectionRules.Rule]) {
        self.prefixes = prefixes
        self.suffixes = suffixes
        prefixesByByte = RuleBuckets(prefixes) { RuleSet.firstScalarLastByte($0.surface) }
        // A suffix rule with an empty surface matches no word.
        suffixesByByte = RuleBuckets(suffixes) { $0.surface.last.map(Int.init) ?? RuleBuckets.none }
        longestReplacement = (prefixes + suffixes).map(\.replacement.count).max() ?? 0
    }

    /// The last byte of the first scalar of valid UTF-8, or ``RuleBuckets/every`` when
    /// there is none (an empty prefix applies to every word).
    static func firstScalarLastByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let b0 = bytes.first else { return RuleBuckets.every }
        let width = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        return bytes.count >= width ? Int(bytes[width - 1]) : RuleBuckets.every
    }

    static func firstScalarLastByte(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { firstScalarLastByte($0) }
    }
}

/// Indices of rules, grouped by a byte: the rules of byte b are `order[starts[b]..<starts[b + 1]]`,
/// in their original order.
struct RuleBuckets: Sendable {
    private let order: [Int32]
    private let starts: [Int32]

    /// A rule in every bucket, or in none.
    static let every = -1
    static let none = -2

    /// `byte` gives a rule's bucket (0–255, ``every`` or ``none``).
    init(_ rules: [InflectionRules.Rule], byte: (InflectionRules.Rule) -> Int) {
        // A counting sort: rules keep their order within a bucket.
        let keys = rules.map(byte)
        func buckets(_ key: Int) -> Range<Int> { key >= 0 && key < 256 ? key..<(key + 1) : key == Self.every ? 0..<256 : 0..<0 }
        var starts = [Int32](repeating: 0, count: 257)
        for key in keys { for b in buckets(key) { starts[b + 1] += 1 } }
        for b in 0..<256 { starts[b + 1] += starts[b] }
        var next = Array(starts.dropLast())
        var order = [Int32](repeating: 0, count: Int(starts[256]))
        for (i, key) in keys.enumerated() {
            for b in buckets(key) {
                order[Int(next[b])] = Int32(i)
                next[b] += 1
            }
        }
        self.order = order
        self.starts = starts
    }

    /// Calls `body` with the index of each rule of byte `b`, in order, until it returns true.
    @inline(__always)
    func forEach(_ b: UInt8, _ body: (Int) -> Bool) {
        order.withUnsafeBufferPointer { order in
            starts.withUnsafeBufferPointer { starts in
                var k = Int(starts[Int(b)])
                let end = Int(starts[Int(b) + 1])
                while k < end {
                    if body(Int(order[k])) { return }
                    k += 1
                }
            }
        }
    }
}
