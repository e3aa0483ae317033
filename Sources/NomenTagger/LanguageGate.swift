/// Which languages' inflection rules apply to a document.
///
/// Rules are kept by script, and a script serves several languages; a rule file with a
/// `letters:` line applies only to documents whose start shows one of those letters
/// (German umlauts, Ukrainian і ї є ґ, Pashto ټ ډ ړ ښ ګ ڼ), and one with an `unless-letters:`
/// line (kept as the gated language `!` and its name) only to documents that show none of
/// those (Arabic proclitics, not in Pashto text). Every combination of such
/// languages has its rule table made once, so a document picks its table by a bit mask.
struct LanguageGate: Sendable {
    /// The bytes of a document searched for the letters.
    static let window = 20_000
    /// At most this many gated languages (the tables number 2^n, each a few shared
    /// references); others always apply, so the shipped rules must not have more
    /// (``TelltaleLettersTests``).
    static let maxLanguages = 10
    /// ``twoByte`` also gives, from this bit up, the document's telltale letters
    /// (``Tagger/TelltaleLetters``), which say the home country of a script's text.
    static let telltaleShift: UInt64 = 56

    /// Per scalar below U+0800, the languages it shows (the scanner gathers them while it
    /// reads the letters); above, a dictionary searched in the document's start.
    let twoByte: [UInt64]
    private let others: [UInt32: UInt64]
    /// Per script class, the gated languages that have rules for it.
    let scriptMask: [UInt64]
    /// Rule tables by language mask, then by script class.
    private let tables: [[RuleSet?]]

    var isEmpty: Bool { scriptMask.allSatisfy { $0 == 0 } }

    /// Words that open a language as its letters do, with its bit.
    private let words: [(list: WordList, bit: UInt64)]
    /// Each gated language's bit.
    private let bits: [String: UInt64]

    /// The bits of those of `languages` that are gated (0 for the others).
    func mask(_ languages: [String]) -> UInt64 {
        languages.reduce(0) { $0 | (bits[$1] ?? 0) }
    }
    /// Tokens at a document's start searched for the words.
    static let wordWindow = 100

    init(_ rules: InflectionRules) {
        let gated = Array(Set(rules.gateLetters.keys).union(rules.gateWords.keys).sorted().prefix(Self.maxLanguages))
        var bit: [String: UInt64] = [:]
        for (i, language) in gated.enumerated() { bit[language] = 1 << UInt64(i) }
        var twoByte = [UInt64](repeating: 0, count: 0x800)
        var others: [UInt32: UInt64] = [:]
        for language in gated {
            for letter in rules.gateLetters[language] ?? [] {
                if letter.value < 0x800 { twoByte[Int(letter.value)] |= bit[language]! } else { others[letter.value, default: 0] |= bit[language]! }
            }
        }
        for (letters, scalars) in Tagger.telltaleScalars {
            for v in scalars { twoByte[v] |= UInt64(letters.rawValue) << Self.telltaleShift }
        }
        self.twoByte = twoByte
        self.others = others
        bits = bit
        words = gated.compactMap { language in rules.gateWords[language].map { (WordList($0), bit[language]!) } }
        let byScript = rules.byScriptIndex
        scriptMask = byScript.map { set in
            guard let set else { return 0 }
            return (set.prefixes + set.suffixes).reduce(0) { $0 | (bit[$1.language] ?? 0) | (bit[InflectionRules.unless($1.language)] ?? 0) }
        }
        // A script's table depends only on its own gated languages: one table per combination
        // of those, shared by every mask that agrees on them.
        let scriptMask = self.scriptMask
        var made: [Int: [UInt64: RuleSet]] = [:]
        tables = (0..<(1 << gated.count)).map { mask in
            byScript.enumerated().map { script, set in
                set.map { set in
                    let own = UInt64(mask) & scriptMask[script]
                    if let table = made[script]?[own] { return table }
                    func allowed(_ r: InflectionRules.Rule) -> Bool {
                        (bit[r.language].map { own & $0 != 0 } ?? true) && (bit[InflectionRules.unless(r.language)].map { own & $0 == 0 } ?? true)
                    }
                    let table = RuleSet(prefixes: set.prefixes.filter(allowed), suffixes: set.suffixes.filter(allowed))
                    made[script, default: [:]][own] = table
                    return table
                }
            }
        }
    }

    /// The rules of a script for a document showing `languages`.
    @inline(__always)
    func rules(_ script: Int, _ languages: UInt64) -> RuleSet? {
        tables[Int(languages)][script]
    }

    /// The gated languages a document shows: by the letters the scanner saw (`letterBits`,
    /// from ``twoByte``), the rarer letters beyond U+0800, or else by its words.
    func languages(letterBits: UInt64, in bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeMutableBufferPointer<Token>,
                   folded: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found = letterBits & ((1 << Self.telltaleShift) - 1)
        if !others.isEmpty { found |= languages(in: bytes) }
        guard !words.isEmpty, let base = folded.baseAddress else { return found }
        for t in tokens.prefix(Self.wordWindow) {
            // Only the languages of the word's script that are not found yet.
            let open = scriptMask[Int(t.script.rawValue)] & ~found
            if open == 0 { continue }
            let key = UnsafeBufferPointer(start: base + Int(t.foldStart), count: Int(t.foldEnd - t.foldStart))
            for (list, bit) in words where open & bit != 0 && list.contains(key) { found |= bit }
        }
        return found
    }

    /// The gated languages whose letters beyond U+0800 the start of a document shows.
    private func languages(in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        var i = 0
        let n = min(bytes.count, Self.window)
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
                i += 2
                continue
            }
            if !others.isEmpty, b0 >= 0xE0, b0 < 0xF0, i + 2 < n {
                let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                found |= others[v] ?? 0
            }
            i += b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 1
        }
        return found
    }
}
