import Foundation
import NomenLexicon
import NomenMatching
import NomenNormalization

/// Settings of a ``Tagger``.
public struct TaggerOptions: Sendable {
    /// Link surname-only and given-name-only mentions (after a full mention, or when
    /// unambiguous in the lexicon).
    public var partialNames = true
    /// Report every name found, nested and overlapping ones too, instead of the
    /// leftmost-longest, non-overlapping set.
    public var overlapping = false
    /// Generated names (GeoNames, iso-codes) need this many letters to be tagged: short
    /// ones are mostly ordinary words somewhere.
    public var minGeneratedNameLength = 4
    /// Report demonyms (Russian, الروسية) as NORP mentions of their country; by default
    /// they only help resolve the names next to them.
    public var demonyms = false
    /// Link capitalised spans the lexicon lacks through the name matcher (needs a matcher).
    public var fuzzy = true
    /// Least matcher score for a fuzzy mention of two or more words; a single word needs
    /// ``fuzzySingleWordThreshold`` and an earlier mention of the same entity.
    public var fuzzyThreshold = 0.88
    public var fuzzySingleWordThreshold = 0.9

    public init() {}
}

/// Finds entity mentions in text and links them to a ``CompiledLexicon``.
///
/// ```swift
/// let tagger = Tagger(lexicon: compiled)
/// for m in tagger.tag("Кабулов прибыл в Москву.") { print(m.id, m.text) }
/// // zamir-kabulov Кабулов
/// // moscow Москву
/// ```
///
/// The pipeline per document: tokenize and fold (``TokenScanner``) → look tokens up in
/// the vocabulary, through inflection and clitic rules when they miss → walk the name
/// automaton, leftmost-longest → check letter case → resolve ambiguous names from the
/// document (other mentions, their countries, nearby places) → link partial names to
/// earlier full mentions → extend persons' spans over honorifics.
///
/// A `Tagger` is `Sendable`: share one across threads; each thread gets its own
/// scanner and caches. Tagging never throws and never fails on any input.
/// - Complexity: O(n · L) for n tokens and the longest name of L tokens.
public final class Tagger: Sendable {
    public let lexicon: CompiledLexicon
    public let rules: InflectionRules
    public let options: TaggerOptions
    /// This tagger's number: its per-thread scratch is found under it. (Not a pthread key
    /// per tagger: keys are few, about a thousand a process, and never come back.)
    private let generation: UInt64
    private static let nextGeneration = Counter()
    private static let scratches = ThreadLocal { ScratchMap() }

    /// This thread's scratch for this tagger.
    private var scratch: Scratch { Self.scratches.value.scratch(for: generation) }

    /// A thread's scratches, by tagger; the few most recent taggers keep theirs.
    final class ScratchMap {
        var entries: [(UInt64, Scratch)] = []
        func scratch(for generation: UInt64) -> Scratch {
            if let last = entries.last, last.0 == generation { return last.1 }
            if let i = entries.firstIndex(where: { $0.0 == generation }) {
                let e = entries.remove(at: i)
                entries.append(e)
                return e.1
            }
            let s = Scratch()
            entries.append((generation, s))
            if entries.count > 8 { entries.removeFirst() }
            return s
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: UInt64 = 0
        func next() -> UInt64 {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    /// Links name-like spans the lexicon lacks (a new romanisation, a typo) when given.
    public let matcher: NameMatcher?

    public init(lexicon: CompiledLexicon, matcher: NameMatcher? = nil, rules: InflectionRules = (try? .shipped()) ?? .empty,
                options: TaggerOptions = .init()) {
        self.lexicon = lexicon
        self.matcher = matcher
        self.rules = rules
        self.options = options
        generation = Tagger.nextGeneration.next()
        descriptors = Set(rules.descriptors.map { lexicon.vocabulary.id(of: $0) }.filter { $0 >= 0 })
        gate = LanguageGate(rules)
        functionWords = WordList(rules.functionWords)
        determiners = WordList(rules.determiners)
        exactWordKeys = WordList(rules.exactWords.map(\.folded))
        exactWordsWritten = rules.exactWords.map { Array($0.written.lowercased().utf8) }
        courtesyTitles = Set(lexicon.courtesyTokens)
        titleWords = WordList(rules.titles.filter { !$0.hasPrefix("-") })
        placeWords = WordList(rules.placeWords)
        facilityHeads = WordList(rules.facilityHeads.filter { !$0.hasPrefix("+") })
        facilityModifiers = WordList(rules.facilityHeads.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) })
        facilityWords = WordList(rules.facilityWords.filter { !$0.contains(" ") })
        facilityPhrases = Set(rules.facilityWords.filter { $0.contains(" ") })
        titleEndings = rules.titles.filter { $0.hasPrefix("-") }.map { Array($0.utf8.dropFirst()) }
        commonPhrases = Set(rules.commonPhrases)
        hasThreeWordPhrases = rules.commonPhrases.contains { $0.split(separator: " ").count == 3 }
        commonPhraseWords = Set(rules.commonPhrases.flatMap { $0.split(separator: " ") }.map { lexicon.vocabulary.id(of: String($0)) }.filter { $0 >= 0 })
        lowerHeads = Set(rules.lowerHeads.map { lexicon.vocabulary.id(of: $0) }.filter { $0 >= 0 })
        bodiesWithHeads = Set(Self.bodyCharacters.map { lexicon.vocabulary.id(of: $0) }.filter { $0 >= 0 })
        stanCharacters = (lexicon.vocabulary.id(of: "斯"), lexicon.vocabulary.id(of: "坦"))
        honorificStarts = WordBits(count: lexicon.vocabulary.count,
                                   lexicon.honorificIndex.keys.compactMap { $0.split(separator: ",").first.flatMap { Int32($0) } })
        personType = UInt8((0..<lexicon.typeNames.count).first { lexicon.typeNames[$0] == "PERSON" } ?? 255)
        gpeType = UInt8((0..<lexicon.typeNames.count).first { lexicon.typeNames[$0] == "GPE" } ?? 255)
        orgType = UInt8((0..<lexicon.typeNames.count).first { lexicon.typeNames[$0] == "ORG" } ?? 255)
        locType = UInt8((0..<lexicon.typeNames.count).first { lexicon.typeNames[$0] == "LOC" } ?? 255)
        capitalisingLanguages = gate.mask(["de", "tr"])
        germanLanguage = gate.mask(["de"])
        ownerFirstLanguages = Set((0..<lexicon.languages.count).filter { ["tr", "hi", "bn"].contains(lexicon.languages[$0]) }.map { UInt16($0) })
        let person = personType
        hasCuratedPersons = (0..<lexicon.entityTypes.count).contains { lexicon.entityTypes[$0] == person && lexicon.entityFlags[$0] & 1 != 0 }
        // For each script of persons' names in transliteration: the curated persons the lexicon
        // writes in it, and the keys of the others' Latin names (a pass over the names of
        // curated persons only: a bulk lexicon of a million names has none to read).
        var written = [WordBits](repeating: WordBits(count: 0), count: ScriptClass.count)
        var pairs = [Set<UInt64>](repeating: [], count: ScriptClass.count)
        if hasCuratedPersons {
            for script in Self.transliteratedScripts { written[Int(script.rawValue)] = WordBits(count: lexicon.entityTypes.count) }
            func isCuratedPerson(_ e: Int32) -> Bool { lexicon.entityTypes[Int(e)] == person && lexicon.entityFlags[Int(e)] & 1 != 0 }
            for n in 0..<lexicon.nameEntity.count where isCuratedPerson(lexicon.nameEntity[n]) {
                let e = lexicon.nameEntity[n]
                for v in lexicon.nameTexts[n].unicodeScalars {
                    guard let script = Self.transliteratedScript(of: v) else { continue }
                    written[Int(script.rawValue)].insert(e)
                    break
                }
            }
            for n in 0..<lexicon.nameEntity.count where isCuratedPerson(lexicon.nameEntity[n]) {
                // Three consonants at least: shorter names (Ali Khan) are too many words' keys.
                guard let key = Self.latinKeyPair(lexicon.nameTexts[n], words: 2...64, classes: 3) else { continue }
                for script in Self.transliteratedScripts where !written[Int(script.rawValue)].contains(lexicon.nameEntity[n]) {
                    pairs[Int(script.rawValue)].insert(key)
                }
            }
        }
        personsWritten = written
        latinOnlyPairs = pairs
    }

    /// Chinese: the last characters of names of bodies whose head's title adds 长 to them
    /// (外交部 → 外交部长, the foreign minister; 安全局 → 局长; 银行 → 行长). Before 长, such a
    /// name is part of a title, not a mention of the body: 俄罗斯外交部长拉夫罗夫 names Russia.
    static let bodyCharacters = ["部", "局", "院", "署", "厅", "廳", "处", "處", "社", "台", "会", "會", "行", "馆", "館", "所", "委"]
    /// Vocabulary ids of one-word courtesy titles (see ``CompiledLexicon/courtesyTokens``),
    /// read once per word into ``WordFacts/isTitle``.
    let courtesyTitles: Set<Int32>
    /// Folded titles of titles.txt, and its endings (German compounds: Außenminister).
    let titleWords: WordList
    /// Folded words of place-words.txt, which introduce a place (province, провинции).
    let placeWords: WordList
    /// Folded words of facility-heads.txt and facility-words.txt, which make a person's name
    /// the name of something named after the person (Jinnah Hospital, аэропорт имени Карзая).
    let facilityHeads: WordList
    /// Words that may stand between such a name and its head word (International, Memorial).
    let facilityModifiers: WordList
    let facilityWords: WordList
    /// Two-word phrases of facility-words.txt that end in one of its words and name nothing
    /// (от имени, "on behalf of").
    let facilityPhrases: Set<String>
    let titleEndings: [[UInt8]]
    /// Two-word phrases in which an ambiguous name is an ordinary word (common-phrases.txt).
    let commonPhrases: Set<String>
    /// Whether some of ``commonPhrases`` have three words (most have two).
    let hasThreeWordPhrases: Bool
    /// Vocabulary ids of the words of ``commonPhrases``.
    let commonPhraseWords: Set<Int32>
    /// Vocabulary ids of the generic words that may be lower case inside a curated place's
    /// or body's name (lower-heads.txt).
    let lowerHeads: Set<Int32>
    /// Vocabulary ids of ``bodyCharacters``.
    let bodiesWithHeads: Set<Int32>
    /// Vocabulary ids of 斯 and 坦, whose 斯坦 ("-stan") completes a people's name to its
    /// country's (塔吉克, 塔吉克斯坦); -1 where the lexicon has none.
    let stanCharacters: (Int32, Int32)
    /// 长 and 長, "head".
    static let headTitle = WordList(["长", "長"])

    /// Whether a name ending at token `last` (the automaton at `state`) is only the start of a
    /// longer name: the body of a head's title that follows (see ``bodyCharacters``), or a name
    /// with a number hyphenated to it (Rossiya-1, Sputnik-2: a channel, a craft, not the
    /// country). A town's or district's with a number is one of its constituencies (Dhaka-17,
    /// ঢাকা-১৭), in it: that name stands.
    private func endsInsideLongerName(_ tokens: Tokens, _ last: Int, state: Int32) -> Bool {
        guard last + 1 < tokens.count else { return false }
        let next = tokens[last + 1]
        if next.letters == 0, next.gap == .hyphen {
            let lx = lexicon
            return !lx.trie.outputs(of: state).allSatisfy { o in
                let e = Int(lx.nameEntity[Int(TokenTrie.name(lx.trie.outputs[o]))])
                return lx.entityTypes[e] == gpeType && lx.entityCountry[e] >= 0
            }
        }
        guard next.facts.isHeadTitle, next.gap.contains(.none), tokens[last].script == .han else { return false }
        return bodiesWithHeads.contains(tokens[last].id)
    }

    /// Folds the letters of names as the scanner folds words (see ``initialAgrees(_:folded:entities:)``).
    let initialFolder = Folder(.nameStrict)

    /// `words` folded as the scanner folds words, to be compared with tokens' folded bytes.
    static func foldedWordList(_ words: [String]) -> WordList {
        let folder = Folder(.nameStrict)
        return WordList(words.map { folder.key($0) })
    }

    /// The source text of tokens `a` through `b`, as written.
    fileprivate static func sourceText(_ a: Int, _ b: Int, _ tokens: Tokens, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].byteStart)..<Int(tokens[b].byteEnd)]), as: UTF8.self)
    }

    /// Token `k`'s folded bytes.
    @inline(__always)
    fileprivate static func foldedWord(_ k: Int, _ tokens: Tokens, _ folded: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: folded[Int(tokens[k].foldStart)..<Int(tokens[k].foldEnd)])
    }

    /// "Son of" (bin, ibn, ben, بن) and the article of a house's name (Al Nahyan, Аль Сауд, آل سعود).
    static let patronymicWords = foldedWordList(["bin", "ibn", "ben", "bint", "бин", "бен", "ибн", "بن", "ابن", "بنت"])
    static let houseArticles = foldedWordList(["al", "el", "аль", "эль", "ال", "آل"])

    /// Points of the compass and their combining forms.
    static let compassWords = foldedWordList(["north", "south", "east", "west", "nord", "sud", "est", "ouest", "süd", "ost",
                                              "север", "юг", "восток", "запад", "северо", "юго", "північ", "південь", "схід", "захід",
                                              "північно", "південно"])

    /// Whether match `m` is part of a compound name of the compass, which names another
    /// region: it ends in a point that a hyphen joins to another (Asie du Sud-Est is not
    /// Asie du Sud, South Asia), or a point and a hyphen come right before it (South-East
    /// Asia is not East Asia; Юго-Восточной Азии; South-Kazakhstan is a region).
    private func inCompassCompound(_ m: Match, tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        func isCompass(_ k: Int) -> Bool { Self.compassWords.contains(Self.foldedWord(k, tokens, folded)) }
        if m.last + 1 < tokens.count, tokens[m.last + 1].gap == .hyphen, isCompass(m.last), isCompass(m.last + 1) { return true }
        return m.start > 0 && tokens[m.start].gap == .hyphen && isCompass(m.start - 1)
    }

    /// Region words in the plural, which one place name before or after them does not take
    /// (the Batken and Osh regions, les régions de Batken et d'Osh).
    static let pluralRegionHeads = foldedWordList(["regions", "provinces", "oblasts", "governorates", "régions", "regionen", "provinzen",
                                                   "gebiete", "gebieten", "bölgeleri", "bölgelerinde", "bölgelerinin", "bölgelerine", "illeri",
                                                   "illerinde", "illerinin", "провинциях", "провинций", "провінціях", "провінцій"])

    /// Two places joined by a conjunction with a region word in the plural before or after
    /// them are regions (the Batken and Osh regions; les régions de Batken et d'Osh; Batken
    /// ve Oş bölgelerinde): each that is a town of the same name as a region (see
    /// ``CompiledLexicon/regionOf(_:)``) is the region.
    private func readCoordinatedRegions(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) {
        guard !lexicon.regionSiblings.isEmpty, matches.count >= 2 else { return }
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8> { Self.foldedWord(k, tokens, folded) }
        func isHead(_ k: Int) -> Bool { k >= 0 && k < tokens.count && Self.pluralRegionHeads.contains(word(k)) }
        // A connecting word of at most two letters (de, d', of) between a head and a name.
        func connector(_ k: Int) -> Bool { tokens[k].letters <= 2 }
        for k in 1..<matches.count {
            let (a, b) = (matches[k - 1], matches[k])
            guard a.first == a.last, b.first == b.last, b.first - a.last >= 2, b.first - a.last <= 3,
                  Self.conjunctions.contains(word(a.last + 1)), b.first - a.last == 2 || connector(a.last + 2) else { continue }
            let after = isHead(b.last + 1) && !tokens[b.last + 1].gap.contains(.sentenceStart)
            let before = isHead(a.first - 1) || (a.first >= 2 && connector(a.first - 1) && isHead(a.first - 2))
            guard after || before else { continue }
            for j in [k - 1, k] { if let region = lexicon.regionOf(matches[j].entity) { matches[j].entity = region } }
        }
    }

    /// Words for a family, clan or tribe: beside one, a surname names the family or the tribe
    /// that bears it (the Marri tribe, مری قبیلے) (see ``besideFamilyWord(_:tokens:folded:)``).
    /// (Not Ukrainian родина, Russian "homeland"; nor Urdu and Pashto قوم, also "nation".)
    static let familyWords = foldedWordList(["family", "families", "clan", "famille", "familie", "семья", "семьи", "семье", "семью",
                                             "семьёй", "семьей", "клан", "клана", "родини", "родині", "aile", "ailesi", "ailesinin",
                                             "ailesine", "خانواده", "خاندان", "عائلة", "परिवार", "খানদান", "পরিবার", "পরিবারের", "家族",
                                             "tribe", "tribes", "tribesmen", "tribu", "stamm", "племя", "племени", "kabilesi", "aşireti",
                                             "قبیلہ", "قبیلے", "قبائل", "قبیله", "طایفه", "قبيلة", "عشيرة", "कबीला", "कबीले"])

    /// Whether token `i` has a word for "family" right before or after it (la famille Aliyev,
    /// the Sharif family, Aliyev ailesi, خاندان شریف, ভুট্টো পরিবার).
    private func besideFamilyWord(_ i: Int, tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        func family(_ k: Int) -> Bool { Self.familyWords.contains(Self.foldedWord(k, tokens, folded)) }
        return (i > 0 && joinable(tokens[i - 1], tokens[i]) && family(i - 1))
            || (i + 1 < tokens.count && joinable(tokens[i], tokens[i + 1]) && family(i + 1))
    }

    /// Coordinating conjunctions ("and") of the region's languages, folded as the scanner folds
    /// words (Hindi एवं as एवन): a place joined to a name by one is listed with it, not the
    /// name's owner (تهران، قم و سمنان; Kunar and Khost).
    static let conjunctions = foldedWordList(["and", "и", "і", "та", "et", "und", "ve", "ile", "و", "اور", "او", "और", "एवं", "तथा", "এবং", "ও"])

    /// Vocabulary ids of the first words of honorifics: a word that is none of them
    /// starts no honorific, and the index keys need not be built. A bit a word: asked
    /// of every reading of many tokens, where hashing each id showed in profiles.
    let honorificStarts: WordBits

    /// Type indices of PERSON, GPE, ORG and LOC in the lexicon's type table (255 when absent).
    let personType: UInt8
    let gpeType: UInt8
    let orgType: UInt8
    let locType: UInt8
    /// Languages whose capitals mark more than names (see ``dropPlacesInsideNames``).
    let capitalisingLanguages: UInt64
    /// German: a surname with the genitive -s stands after a noun (see ``addPartials``).
    let germanLanguage: UInt64
    /// Languages that name a body's owner before it and never after (Turkish Afganistan
    /// Dışişleri Bakanlığı, Hindi भारत का विदेश मंत्रालय), by their index in the lexicon's
    /// language table (see ``localPlace(around:in:tokens:folded:)``).
    let ownerFirstLanguages: Set<UInt16>
    /// Whether the lexicon has curated persons: a curated lexicon, whose names alone are
    /// looked up fuzzily in scripts without capitals and by key (see ``addFuzzy`` and
    /// ``addKeySpellings``); a bulk one has too many to guess from.
    let hasCuratedPersons: Bool
    /// Scripts in which a person the lexicon writes in Latin only may be found by the
    /// matcher's transliteration alone (Хедаятулла Бадри, فوزیه کوفی for Fawzia Koofi).
    static let transliteratedScripts: [ScriptClass] = [.cyrillic, .arabic, .devanagari, .bengali]
    static func transliteratedScript(of v: Unicode.Scalar) -> ScriptClass? {
        switch v.value {
        case 0x0400...0x04FF: return .cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F: return .arabic
        case 0x0900...0x097F: return .devanagari
        case 0x0980...0x09FF: return .bengali
        default: return nil
        }
    }
    /// By script (``transliteratedScripts``): the curated persons with a name in it.
    let personsWritten: [WordBits]
    /// By script: ``TransliterationKey``s of the first and last words of the Latin names of
    /// the curated persons with no name in it, the first's in the high 32 bits.
    let latinOnlyPairs: [Set<UInt64>]
    /// Keys of the first and last words of curated places' and bodies' Latin names (see
    /// ``bodyKeyPairs()``), made when a document of Devanagari or Bengali first asks.
    private let bodyKeyPairsBox = LazyBox<Set<UInt64>>()

    /// The keys of the first and last words of a Latin name of `words` words whose keys hold
    /// `classes` consonant classes or more together (see ``TransliterationKey``), or nil.
    private static func latinKeyPair(_ text: String, words count: ClosedRange<Int>, classes: Int) -> UInt64? {
        guard text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) else { return nil }
        let words = text.split(whereSeparator: { !$0.isLetter })
        guard count.contains(words.count) else { return nil }
        let (first, last) = (TransliterationKey.latin(String(words[0])), TransliterationKey.latin(String(words[words.count - 1])))
        guard TransliterationKey.length(first) + TransliterationKey.length(last) >= classes else { return nil }
        return UInt64(first) << 32 | UInt64(last)
    }

    /// The keys of the first and last words of curated places' and bodies' names written in
    /// Latin, of two to four words and five consonant classes at least (Pakistan Peoples
    /// Party, Dhaka Tribune): Devanagari and Bengali spell such names out letter for letter
    /// (पाकिस्तान पीपल्स पार्टी, ঢাকা ট্রিবিউন) where the lexicon may list none.
    private func bodyKeyPairs() -> Set<UInt64> {
        bodyKeyPairsBox.get {
            var pairs = Set<UInt64>()
            guard hasCuratedPersons else { return pairs }
            for n in 0..<lexicon.nameEntity.count {
                let e = Int(lexicon.nameEntity[n])
                guard lexicon.entityFlags[e] & 1 != 0, lexicon.entityTypes[e] != personType,
                      let key = Self.latinKeyPair(lexicon.nameTexts[n], words: 2...4, classes: 5) else { continue }
                pairs.insert(key)
            }
            return pairs
        }
    }

    /// Folded sentence-initial function words.
    let functionWords: WordList
    /// Folded articles (see ``InflectionRules/determiners``).
    let determiners: WordList
    /// The exact words, folded and as written (UTF-8).
    let exactWordKeys: WordList
    let exactWordsWritten: [[UInt8]]
    /// The inflection rules by script, for the languages a document shows.
    let gate: LanguageGate

    /// Generic words before a name that its mention leaves out when the rest names the
    /// same entity (حركة طالبان → طالبان, Pashto د).
    let descriptors: Set<Int32>

    final class Scratch {
        let scanner = TokenScanner()
        /// ICU's word segmenter, for Chinese and Japanese words around short matches (made
        /// on first use: most documents have none).
        lazy var segmenter: WordSegmenter? = try? WordSegmenter()
        /// Matcher results by span text: (entity, score), entity -1 for none (see ``fuzzyLookup``).
        var fuzzy: [String: (Int, Double)] = [:]
        /// What each folded word is to the lexicon, by word.
        let words = WordMemo()
        /// Each token's memo probe, worked out ahead of its lookup (see ``resolveIDs``).
        var probes: [WordMemo.Probe] = []
        /// Where the touch passes leave what they read (see ``StringTable/touch(_:)``).
        var touched: UInt8 = 0
        /// The name flags that make a name ambiguous in the document (see
        /// ``CompiledLexicon/ambiguousFlags(persoArabic:)``).
        var ambiguous = CompiledLexicon.ambiguousFlag
    }

    struct Match {
        var first: Int
        var last: Int
        /// Candidate names (indices into the lexicon's name tables).
        var names: NameList
        var entity: Int = -1
        var kind: MatchKind = .exact
        var score: Double = 1
        var honorific: Int = -1
        var extendFirst: Int = -1
        /// Two bits a token: which reading of token first + k the name uses (0 as written).
        var choices: UInt64 = 0
        /// Every name found here is a demonym: context, not a mention.
        var isDemonym = false
        /// A descriptor before the name was left out (وكالة تاس): the names are the full phrase's.
        var shrunk = false

        /// Links the match to the one entity all its names name (no other to weigh).
        mutating func assign(_ e: Int, _ lx: CompiledLexicon) {
            entity = e
            isDemonym = names.allSatisfy { lx.nameFlags[Int($0)] & CompiledLexicon.demonymFlag != 0 }
            // A surname alone keeps its partial mention's score (see keepNamedSurnames).
            if kind != .partial { score = 1.0 }
        }

        /// The mention's first token: the honorific's, once one is attached (Mullah Baradar).
        var start: Int { extendFirst >= 0 ? extendFirst : first }

        func reading(_ k: Int) -> Int { Int((choices >> UInt64(2 * (k - first))) & 3) }
        func trimStart(_ tokens: Tokens) -> Int32 { tokens[first].reading(reading(first)).trimStart }
        func trimEnd(_ tokens: Tokens) -> Int32 { tokens[last].reading(reading(last)).trimEnd }
        func id(of k: Int, _ tokens: Tokens) -> Int32 { tokens[k].reading(reading(k)).id }
    }

    /// Tags one document.
    public func tag(_ text: String) -> [Mention] {
        var copy = text
        return copy.withUTF8 { tagValid($0) }
    }

    /// Tags UTF-8 bytes (valid UTF-8; invalid sequences read as U+FFFD).
    ///
    /// Invalid UTF-8 is repaired first as Swift's `String(decoding:as:)` does (each
    /// maximal invalid subsequence becomes U+FFFD), and offsets refer to that text.
    public func tag(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        if UTF8Validation.firstInvalidByte(bytes) != nil {
            return tag(String(decoding: bytes, as: UTF8.self))
        }
        return tagValid(bytes)
    }

    /// Tags bytes already known to be valid UTF-8.
    func tag(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        tagValid(bytes)
    }

    private func tagValid(_ bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        found(validUTF8: bytes).map { mention($0, bytes) }
    }

    /// A found mention as a ``Mention``, its strings made.
    private func mention(_ f: FoundMention, _ bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        let lx = lexicon
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[f.byteStart..<f.byteEnd]), as: UTF8.self)
        if f.appendsPeriod { text += "." }
        return Mention(start: f.start, end: f.end, text: text, entity: f.entity, id: lx.entityID(f.entity),
                       type: lx.entityType(f.entity), name: lx.entityName(f.entity), score: f.score, match: f.match,
                       honorific: f.honorific >= 0 ? lx.honorificKeys[f.honorific] : nil)
    }

    /// Writes the mentions of valid UTF-8 as a JSON array, straight from the lexicon's and
    /// the text's bytes (offsets in scalars): no String made per mention.
    func appendJSON(validUTF8 bytes: UnsafeBufferPointer<UInt8>, to out: inout JSONBuffer) -> Int {
        let lx = lexicon
        let found = found(validUTF8: bytes)
        out.raw("[")
        for (k, f) in found.enumerated() {
            if k > 0 { out.raw(",") }
            MentionFormatter.appendJSON(start: f.start, end: f.end, score: f.score, match: f.match, hasHonorific: f.honorific >= 0,
                                        to: &out) { field, out in
                switch field {
                case .text:
                    if f.appendsPeriod {
                        var text = Array(bytes[f.byteStart..<f.byteEnd])
                        text.append(0x2E)
                        text.withUnsafeBufferPointer { out.quoted(utf8: $0) }
                    } else {
                        out.quoted(utf8: UnsafeBufferPointer(rebasing: bytes[f.byteStart..<f.byteEnd]))
                    }
                case .id: lx.entityIDs.withBytes(f.entity) { out.quoted(utf8: $0) }
                case .type: lx.typeNames.withBytes(Int(lx.entityTypes[f.entity])) { out.quoted(utf8: $0) }
                case .name: lx.entityNames.withBytes(f.entity) { out.quoted(utf8: $0) }
                case .honorific: lx.honorificKeys.withBytes(f.honorific) { out.quoted(utf8: $0) }
                }
            }
        }
        out.raw("]")
        return found.count
    }

    /// A mention before its strings are made: offsets in scalars, the text as a byte
    /// range of the document (and a period the tokenizer left out, for names such as U.S.).
    struct FoundMention {
        var start: Int
        var end: Int
        var byteStart: Int
        var byteEnd: Int
        var appendsPeriod = false
        var entity: Int
        var score: Double
        var match: MatchKind
        var honorific: Int
    }

    private func found(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [FoundMention] {
        let s = scratch
        let scanner = s.scanner
        gate.twoByte.withUnsafeBufferPointer { scanner.scan(bytes, letterTable: $0.baseAddress) }
        scanner.dropAddresses(bytes)
        scanner.joinBracketedLetters(bytes) { left, word in
            self.lexicon.bracketedPair(self.lexicon.vocabulary.id(of: left), self.lexicon.vocabulary.id(of: word))
        }
        // A name split by a hyphen (طا-لبان, طال-بان) is one word when both pieces together are
        // a word of the lexicon and the first is none (طالبان-پاکستان stays two names).
        let vocabulary = lexicon.vocabulary
        scanner.joinSplitWords { left, _, whole in vocabulary.id(of: whole) >= 0 && vocabulary.id(of: left) < 0 }
        let telltales = TelltaleLetters(rawValue: UInt8(truncatingIfNeeded: scanner.letterBits >> LanguageGate.telltaleShift))
        if telltales.contains(.urdu) { splitFusedNames(scanner: scanner, bytes: bytes) }
        // The scanner's own buffer: valid until its next scan, which is the next document's.
        let tokens = scanner.tokens
        if tokens.isEmpty { return [] }
        s.ambiguous = CompiledLexicon.ambiguousFlags(persoArabic: telltales.contains(.persoArabic))
        let languages = resolveIDs(tokens, scanner: scanner, bytes: bytes, scratch: s)
        var matches = options.overlapping ? findAll(tokens) : findLongest(tokens)
        dropOrdinaryWords(&matches, tokens: tokens, folded: scanner.folded)
        if !telltales.isDisjoint(with: [.pashto, .urdu]) { dropOtherRetroflexWords(&matches, tokens: tokens, bytes: bytes) }
        // A country's code written onto a dollar sign is a currency (US$12,000, HK$), not the country;
        // a Chinese name with 族 ("ethnic group") after it is a people (乌兹别克族, ethnic Uzbeks);
        // a name joined by a hyphen to a point of the compass is part of a compound one (see
        // ``inCompassCompound(_:tokens:folded:)``).
        matches.removeAll { m in
            if inCompassCompound(m, tokens: tokens, folded: scanner.folded) { return true }
            if nisbaOfPlace(m, tokens: tokens, folded: scanner.folded) { return true }
            if beforeRomanNumeral(m, tokens: tokens, bytes: bytes) { return true }
            let end = Int(tokens[m.last].byteEnd)
            if m.first == m.last && tokens[m.last].shape.contains(.allUpper) && end < bytes.count && bytes[end] == 0x24 { return true }
            // 族 is E6 97 8F in UTF-8.
            return tokens[m.last].script == .han && end + 3 <= bytes.count && bytes[end] == 0xE6 && bytes[end + 1] == 0x97 && bytes[end + 2] == 0x8F
                && m.names.allSatisfy { lexicon.entityTypes[Int(lexicon.nameEntity[Int($0)])] == gpeType }
        }
        dropNamesInsideHanWords(&matches, tokens: tokens, bytes: bytes, scratch: s)
        keepNamedSurnames(&matches)
        resolveEntities(&matches, tokens: tokens, folded: scanner.folded, letterBits: scanner.letterBits)
        linkBracketedShortForms(&matches, tokens: tokens, bytes: bytes)
        matches.removeAll { $0.entity < 0 }
        readCoordinatedRegions(&matches, tokens: tokens, folded: scanner.folded)
        addDefinedAbbreviations(&matches, tokens: tokens, bytes: bytes)
        dropSurnamesOfOthers(&matches, tokens: tokens)
        // Fuzzy names of two or more words come before partial names ("Siradschuddin Hakkani"
        // is one person, not a surname after an unknown word); single fuzzy words after.
        if options.fuzzy, let matcher { addFuzzy(&matches, tokens: tokens, bytes: bytes, folded: scanner.folded, languages: languages, matcher: matcher, scratch: s, singleWords: false) }
        if options.fuzzy, let matcher {
            addKeySpellings(&matches, tokens: tokens, bytes: bytes, folded: scanner.folded, languages: languages, matcher: matcher, scratch: s)
        }
        if options.partialNames {
            yieldPlacesToSurnames(&matches, tokens: tokens, folded: scanner.folded)
            addPartials(&matches, tokens: tokens, folded: scanner.folded, languages: languages)
        }
        if options.fuzzy, let matcher { addFuzzy(&matches, tokens: tokens, bytes: bytes, folded: scanner.folded, languages: languages, matcher: matcher, scratch: s, singleWords: true) }
        if options.partialNames { mergeAdjacentPieces(&matches, tokens: tokens) }
        dropPlacesInsideNames(&matches, tokens: tokens, folded: scanner.folded, languages: languages)
        attachHonorifics(&matches, tokens: tokens)
        dropBodiesAfterHonorifics(&matches, tokens: tokens)
        dropPeopleInsideFacilityNames(&matches, tokens: tokens, folded: scanner.folded)
        if !options.overlapping { dropOverlaps(&matches) }
        if !options.demonyms { matches.removeAll { $0.isDemonym } }
        let found = mentions(matches, tokens: tokens, bytes: bytes, scratch: s)
        // The strings every mention will print, read once before any is written, so their
        // cache misses overlap instead of queueing one by one.
        var touched: UInt8 = 0
        let lx = lexicon
        for f in found { touched ^= lx.entityIDs.touch(f.entity) ^ lx.entityNames.touch(f.entity) ^ lx.entityTypes[f.entity] }
        s.touched = touched
        return found
    }

    /// Which of the document's tokens the matches cover.
    private static func covered(by matches: [Match], count: Int) -> [Bool] {
        var covered = [Bool](repeating: false, count: count)
        for m in matches { for t in m.start...m.last { covered[t] = true } }
        return covered
    }

    /// The passes each add mentions where the others left words uncovered; should two still
    /// cover one word, the longer stays (of two as long, the earlier): mentions never overlap.
    private func dropOverlaps(_ matches: inout [Match]) {
        guard matches.count > 1 else { return }
        matches.sort { ($0.start, $0.last) < ($1.start, $1.last) }
        // Kept matches are compacted to the front: `kept` is the last one.
        var kept = 0
        for k in 1..<matches.count {
            let m = matches[k]
            if m.start > matches[kept].last {
                kept += 1
                if kept != k { matches[kept] = m }
            } else if m.last - m.start > matches[kept].last - matches[kept].start {
                matches[kept] = m
            }
        }
        matches.removeSubrange((kept + 1)...)
    }

    // MARK: Vocabulary lookup and inflection

    /// Reads each token's facts; returns the gated languages the document shows (see ``LanguageGate``).
    private func resolveIDs(_ tokens: Tokens, scanner: TokenScanner, bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> UInt64 {
        let words = scratch.words
        let folded = scanner.folded
        let letters = gate.isEmpty ? 0 : gate.languages(letterBits: scanner.letterBits, in: bytes, tokens: tokens, folded: folded)
        let scriptMask = gate.scriptMask
        guard let first = tokens.baseAddress, let foldedBase = folded.baseAddress else { return letters }
        if scratch.probes.count < tokens.count {
            scratch.probes = Array(repeating: .init(), count: max(tokens.count, 2 * scratch.probes.count))
        }
        // Most of this loop's time was spent waiting for memo entries, one cache miss after
        // another. So every token's probe is worked out first, and each lookup starts the
        // loads of the lookups a few tokens on: a slot `ahead` tokens on, then the entry of
        // the slot started `ahead / 2` tokens before.
        let ahead = 32
        scratch.probes.withUnsafeMutableBufferPointer { probes in
            // Through a pointer, field by field: a token is large, and copying it whole
            // in and out for a few fields was most of this loop.
            for k in 0..<tokens.count {
                let t = first + k
                let foldStart = Int(t.pointee.foldStart)
                let n = Int(t.pointee.foldEnd) &- foldStart
                guard n > 0 else { continue }
                // A zero-width non-joiner changes which suffix rules apply, so it is part of the key.
                // So do the languages whose rules the document's letters let in, and an Arabic-script
                // word's last letter as written, which folding may merge with others that a rule
                // tells apart (Pashto ې and ي: `suffix+written`): its last byte does.
                let languages = letters & scriptMask[Int(t.pointee.script.rawValue)]
                let lastByte = t.pointee.script == .arabic ? UInt64(bytes[Int(t.pointee.byteEnd) &- 1]) << 48 : 0
                let salt = (t.pointee.shape.contains(.zwnj) ? 0x5A3C_96E1 : 0) ^ (languages &* 0x9E37_79B9_7F4A_7C15) ^ lastByte
                probes[k] = WordMemo.probe(foldedBase + foldStart, n, salt: salt)
                if k < ahead { words.prefetchSlot(probes[k]) }
            }
            for k in 0..<min(ahead / 2, tokens.count) { words.prefetchEntry(probes[k]) }
            for k in 0..<tokens.count {
                if k + ahead < tokens.count { words.prefetchSlot(probes[k + ahead]) }
                if k + ahead / 2 < tokens.count { words.prefetchEntry(probes[k + ahead / 2]) }
                resolve(first + k, probe: probes[k])
            }
        }
        return letters

        func resolve(_ t: UnsafeMutablePointer<Token>, probe: WordMemo.Probe) {
            let foldStart = Int(t.pointee.foldStart)
            let key = UnsafeBufferPointer(start: foldedBase + foldStart, count: Int(t.pointee.foldEnd) &- foldStart)
            let shape = t.pointee.shape
            let script = Int(t.pointee.script.rawValue)
            let languages = letters & scriptMask[script]
            let sourceScalars = t.pointee.scalarEnd &- t.pointee.scalarStart
            var facts = words.facts(key, probe: probe) {
                wordFacts(key, rules: gate.rules(script, languages), token: t.pointee, bytes: bytes)
            }
            if facts.hasTrims && facts.sourceScalars != sourceScalars {
                facts = wordFacts(key, rules: gate.rules(script, languages), token: t.pointee, bytes: bytes)
            }
            if facts.isFunctionWord {
                t.pointee.isFunctionWord = t.pointee.gap.contains(.sentenceStart) && shape.contains(.firstUpper)
            }
            if facts.foldsLikeExactWord {
                // As written, but in either case (Крім at a sentence's start is крім). A word of a
                // script without case (على, the commonest) is compared as it is, with no string made.
                let source = UnsafeBufferPointer(rebasing: bytes[Int(t.pointee.byteStart)..<Int(t.pointee.byteEnd)])
                let caseless = script == Int(ScriptClass.arabic.rawValue) || script == Int(ScriptClass.devanagari.rawValue)
                    || script == Int(ScriptClass.bengali.rawValue) || script == Int(ScriptClass.han.rawValue)
                if !caseless || shape.contains(.cased) {
                    let written = String(decoding: source, as: UTF8.self).lowercased().utf8
                    t.pointee.isExactWord = exactWordsWritten.contains { $0.elementsEqual(written) }
                } else {
                    t.pointee.isExactWord = exactWordsWritten.contains { $0.count == source.count && $0.elementsEqual(source) }
                }
                // An exact word names no one on its own (على is not علي).
                if t.pointee.isExactWord { facts.partialMask = 0 }
            }
            t.pointee.facts = facts
        }
    }

    /// Whether a folded word is or ends in a title ending (titles.txt's `-präsident`), also
    /// declined or feminine as German writes them: den ukrainischen Präsidenten Selenskyj,
    /// des Außenministers Lawrow, Außenministerin Baerbock.
    static func endsInTitle(_ key: UnsafeBufferPointer<UInt8>, _ ending: [UInt8]) -> Bool {
        for inflection in titleInflections where key.count >= ending.count + inflection.count {
            let stemEnd = key.count - inflection.count
            if key[stemEnd...].elementsEqual(inflection), key[(stemEnd - ending.count)..<stemEnd].elementsEqual(ending) { return true }
        }
        return false
    }

    /// German endings after a title: none, the genitive -s/-es, the weak noun's -n/-en, the
    /// feminine -in and its plural -innen.
    private static let titleInflections: [[UInt8]] = ["", "s", "es", "n", "en", "in", "innen"].map { Array($0.utf8) }

    /// What a folded word is to the lexicon, worked out from scratch.
    private func wordFacts(_ key: UnsafeBufferPointer<UInt8>, rules set: RuleSet?,
                           token: Token, bytes: UnsafeBufferPointer<UInt8>) -> WordFacts {
        var facts = WordFacts()
        facts.sourceScalars = token.scalarEnd - token.scalarStart
        facts.id = lexicon.vocabulary.id(of: key)
        if functionWords.contains(key) { facts.flags.insert(.functionWord) }
        if exactWordKeys.contains(key) { facts.flags.insert(.foldsLikeExactWord) }
        if Self.headTitle.contains(key) { facts.flags.insert(.headTitle) }
        if (facts.id >= 0 && courtesyTitles.contains(facts.id)) || titleWords.contains(key)
            || titleEndings.contains(where: { Self.endsInTitle(key, $0) }) {
            facts.flags.insert(.title)
        }
        if let set {
            for (k, r) in inflect(key, set: set, token: token, bytes: bytes, except: facts.id).enumerated() {
                facts.setInflected(k + 1, id: r.0, trimStart: r.1, trimEnd: r.2, bare: r.3)
            }
        }
        // Each reading's record: one read a reading (see WordInfo).
        for v in 0..<WordFacts.readings {
            let id = facts.reading(v).id
            let info = id >= 0 ? lexicon.wordInfo[Int(id)] : Self.noWord
            if WordInfo.partialRow(info) >= 0 { facts.partialMask |= 1 << v }
            if WordInfo.continues(info) { facts.continuesMask |= 1 << v }
            if WordInfo.endsName(info) { facts.endsNameMask |= 1 << v }
            // An Arabic reading that takes the article off the word.
            if v > 0, token.script == .arabic, id >= 0, dropsArticle(key, id) { facts.articleMask |= 1 << v }
            facts.setStart(v, WordInfo.start(info))
        }
        return facts
    }

    /// Whether the folded word is the vocabulary word `id` behind the Arabic article: ال,
    /// or لل (the preposition ل, whose article lost its alif), after any proclitics.
    private func dropsArticle(_ key: UnsafeBufferPointer<UInt8>, _ id: Int32) -> Bool {
        let r = lexicon.vocabulary.strings.range(Int(id))
        let stemStart = key.count - r.count
        guard stemStart >= 4 else { return false }
        let endsWithWord = lexicon.vocabulary.strings.bytes.withUnsafeBufferPointer { all in
            memcmp(key.baseAddress! + stemStart, all.baseAddress! + r.lowerBound, r.count) == 0
        }
        // ا is D8 A7 and ل is D9 84 in UTF-8.
        let lam = key[stemStart - 2] == 0xD9 && key[stemStart - 1] == 0x84
        let before = (key[stemStart - 4], key[stemStart - 3])
        return endsWithWord && lam && (before == (0xD8, 0xA7) || before == (0xD9, 0x84))
    }

    private static func scalarCount(_ bytes: some Collection<UInt8>) -> Int {
        bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// The source scalars of a token and, for each folded scalar, the source scalar
    /// (relative to the token) it came from; the last entry is the token's length.
    private func foldMap(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> (source: [Unicode.Scalar], map: [Int]) {
        let slice = UnsafeBufferPointer(rebasing: bytes[Int(t.byteStart)..<Int(t.byteEnd)])
        let source = Array(String(decoding: slice, as: UTF8.self).unicodeScalars)
        let lookup = ScalarLookup(.nameStrict)
        var map: [Int] = []
        func cyrillicLetter(_ k: Int) -> Bool {
            k >= 0 && k < source.count && Homoglyph.isCyrillicLetter(source[k].value) && source[k].properties.isAlphabetic
        }
        for (i, s) in source.enumerated() {
            // An apostrophe inside a Cyrillic word folds to nothing (see TokenScanner).
            if TokenScanner.isWordApostrophe(s.value), cyrillicLetter(i - 1), cyrillicLetter(i + 1) { continue }
            lookup.forEachFolded(s.value) { _ in map.append(i) }
        }
        map.append(source.count)
        return (source, map)
    }

    /// Up to three readings of a folded word through the inflection rules: (vocabulary id,
    /// scalars trimmed at the start, scalars trimmed at the end), distinct ids other than
    /// `except` (the word as written), in the order the rules find them (suffixes, then
    /// prefixes with or without a suffix).
    private func inflect(_ key: UnsafeBufferPointer<UInt8>, set: RuleSet, token: Token, bytes: UnsafeBufferPointer<UInt8>,
                         except: Int32) -> [(Int32, Int32, Int32, Bool)] {
        guard let last = key.last else { return [] }
        let most = WordFacts.readings - 1
        var found: [(Int32, Int32, Int32, Bool)] = []
        func keep(_ r: (Int32, Int32, Int32, Bool)) -> Bool {
            if r.0 != except, !found.contains(where: { $0.0 == r.0 }) { found.append(r) }
            return found.count >= most
        }
        let vocabulary = lexicon.vocabulary
        let room = key.count + 2 * set.longestReplacement
        // One buffer for every candidate form this word is looked up as, one for the word
        // with a prefix replaced: no allocation a word.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * room) { buffer in
            let candidate = buffer.baseAddress!
            let unprefixed = candidate + room
            /// Copies bytes to `to` (an empty surface or replacement may have no storage).
            func put(_ source: UnsafeBufferPointer<UInt8>, _ to: UnsafeMutablePointer<UInt8>) {
                if let from = source.baseAddress, source.count > 0 { to.update(from: from, count: source.count) }
            }
            /// Whether `word` has `part` at `offset`.
            func has(_ word: UnsafeBufferPointer<UInt8>, _ part: [UInt8], at offset: Int) -> Bool {
                part.withUnsafeBufferPointer { p in p.isEmpty || memcmp(word.baseAddress! + offset, p.baseAddress!, p.count) == 0 }
            }
            /// The id of `stem` followed by `ending`, or -1.
            func lookup(_ stem: UnsafeBufferPointer<UInt8>, _ ending: [UInt8]) -> Int32 {
                put(stem, candidate)
                ending.withUnsafeBufferPointer { put($0, candidate + stem.count) }
                return vocabulary.id(of: UnsafeBufferPointer(start: candidate, count: stem.count + ending.count))
            }
            /// Whether `word` ends with `surface`.
            // A word may be the ending whole when the rule restores a stem (ইয়ের > ই: the ই of
            // ওয়াং ই, Wang Yi, in ওয়াং ইয়ের); then the restored letters count as the stem.
            func ends(_ word: UnsafeBufferPointer<UInt8>, with surface: [UInt8], restoring: Bool) -> Bool {
                (word.count > surface.count || (restoring && word.count == surface.count)) && has(word, surface, at: word.count - surface.count)
            }
            let scalars = Self.scalarCount(key)
            // The rules that end with the word's last byte (also the last byte of the word
            // with a prefix replaced, which keeps the rest of the word).
            set.suffixesByByte.forEach(last) { k in
                let r = set.suffixes[k]
                guard ends(key, with: r.surface, restoring: !r.replacement.isEmpty && r.trimScalars == 0) else { return false }
                let stem = UnsafeBufferPointer(rebasing: key[0..<(key.count - r.surface.count)])
                // A word run into the name restores the name's last letter: the name is the stem
                // (ڈار of ڈارنے is three letters, as پشاور of پشاورسے is five).
                let restoredLetters = r.trimScalars > 0 || stem.isEmpty ? Self.scalarCount(r.replacement) : 0
                guard Self.scalarCount(stem) + restoredLetters >= r.minStem else { return false }
                let id = lookup(stem, r.replacement)
                guard id >= 0 else { return false }
                var trimEnd: Int32 = 0
                let (source, map) = foldMap(bytes, token)
                // Folded scalars of the stem, in the original word. What the replacement
                // restores of the surface (the ه of هی > ه, the Persian ezafe after a silent h)
                // is the stem's, so a non-joiner after it still leaves the ending out.
                var restored = zip(r.surface, r.replacement).prefix { $0 == $1 }.count
                while restored > 0, restored < r.surface.count, r.surface[restored] & 0xC0 == 0x80 { restored -= 1 }
                let stemEnd = scalars - Self.scalarCount(r.surface[restored...])
                if stemEnd >= 0, stemEnd < map.count {
                    let sourceAt = map[stemEnd]
                    let zwnj = sourceAt > 0 && sourceAt <= source.count && source[sourceAt - 1].value == 0x200C
                    if r.afterZWNJ && !zwnj { return false }
                    // An ending written with a letter that folding merges with others (Pashto ې with
                    // the ي of the adjective کندهاري): the rule's letter, as written.
                    if r.trimScalars == 0, let w = r.lastAsWritten, source.last?.value != w.value { return false }
                    if zwnj { trimEnd = Int32(source.count - (sourceAt - 1)) }
                    // A word run into the name: the span ends with the stem, and the word is written
                    // as the rule writes it.
                    else if r.trimScalars > 0 {
                        if let w = r.lastAsWritten, source.last?.value != w.value { return false }
                        trimEnd = Int32(source.count - sourceAt)
                    }
                } else if r.afterZWNJ { return false }
                return keep((id, 0, trimEnd, r.bare))
            }
            if found.count >= most { return found }
            set.prefixesByByte.forEach(UInt8(truncatingIfNeeded: RuleSet.firstScalarLastByte(key))) { k in
                let p = set.prefixes[k]
                guard key.count > p.surface.count, has(key, p.surface, at: 0) else { return false }
                let rest = UnsafeBufferPointer(rebasing: key[p.surface.count...])
                guard Self.scalarCount(rest) >= p.minStem else { return false }
                p.replacement.withUnsafeBufferPointer { put($0, unprefixed) }
                put(rest, unprefixed + p.replacement.count)
                let word = UnsafeBufferPointer(start: unprefixed, count: p.replacement.count + rest.count)
                // Where the mention starts in the source word: worked out only for a reading found.
                var trim: Int32?
                func trimmed() -> Int32 {
                    if let trim { return trim }
                    let (_, map) = foldMap(bytes, token)
                    trim = Int32(p.trimScalars < map.count ? map[p.trimScalars] : 0)
                    return trim!
                }
                let id = lookup(word, [])
                if id >= 0, keep((id, trimmed(), 0, false)) { return true }
                // A prefix and a suffix together: the suffix is matched on the remainder.
                var full = false
                set.suffixesByByte.forEach(last) { k in
                    let r = set.suffixes[k]
                    guard !r.afterZWNJ, ends(word, with: r.surface, restoring: false) else { return false }
                    let stem = UnsafeBufferPointer(rebasing: word[0..<(word.count - r.surface.count)])
                    guard Self.scalarCount(stem) >= r.minStem else { return false }
                    let id2 = lookup(stem, r.replacement)
                    full = id2 >= 0 && keep((id2, trimmed(), 0, r.bare))
                    return full
                }
                return full
            }
            return found
        }
    }

    // MARK: Automaton walk

    /// Whether a name may continue from `previous` into `next` across their gap.
    @inline(__always)
    private func joinable(_ previous: Token, _ next: Token) -> Bool {
        let g = next.gap
        if g.contains(.breaker) || g.contains(.paragraph) { return false }
        // A dash between words with case relates two names (the Pakistan–Taliban talks, the
        // Kabul–Hairatan line); only Chinese and Japanese write it inside one (開伯爾—普什圖省).
        if g.contains(.dash) && next.shape.contains(.cased) { return false }
        // A line break ends a name where no capital says the next line goes on with it: text
        // without case lists names one a line (a squad, a list of districts).
        if g.contains(.newline) && !next.shape.contains(.cased) && !previous.shape.contains(.cased) { return false }
        // "U.S." and initials continue across a period; a sentence end does not.
        if g.contains(.period) && (g.contains(.space) || g.contains(.newline)) && (previous.scalarEnd - previous.scalarStart) > 2 { return false }
        return true
    }

    /// Whether name `n` fits the letter case of tokens `first...last`; `choices` says
    /// which reading of each token the name uses.
    @inline(__always)
    private func caseFits(_ output: UInt64, _ tokens: Tokens, _ first: Int, _ last: Int, _ choices: UInt64) -> Bool {
        let flags = TokenTrie.flags(output)
        let mask = TokenTrie.caseMask(output) ?? lexicon.nameCaseMask[Int(TokenTrie.name(output))]
        // Exact-case names are checked against the text's bytes when mentions are built; here
        // only their capitals, without the lower-case heads other names allow, so that one that
        // fails (the Guardian, for The Guardian) does not take the place of a name it overlaps
        // (the Guardian Council).
        let exact = flags & CompiledLexicon.exactCaseFlag != 0
        var k = 0
        var m = mask
        while m != 0 && first + k <= last {
            if m & 1 != 0 {
                let shape = tokens[first + k].shape
                if shape.contains(.cased) && !shape.contains(.firstUpper)
                    && (exact || !(k > 0 && isLowerHead(output, tokens[first + k], choices >> UInt64(2 * k)))) {
                    return false
                }
            }
            m >>= 1
            k += 1
        }
        if exact { return true }
        if flags & CompiledLexicon.generatedFlag != 0 && first == last {
            // Generated names (GeoNames, iso-codes): not a lone short word, nor an inflected one
            // in a script without case; GeoNames' also not a sentence-initial or inflected one.
            let t = tokens[first]
            // Without letter case to tell a name from a word (مالی is Mali and "financial"), longer still.
            let minimum = options.minGeneratedNameLength + (t.shape.contains(.cased) || t.script == .han ? 0 : 1)
            // Devanagari and Bengali write most vowels as signs on a consonant, which are no
            // letters: there a name's length is the code points of the word as the name reads
            // it, without an ending (नेपाल has five; ওমানে, Oman's four and an ending, too few).
            let abugida = t.script == .devanagari || t.script == .bengali
            if abugida {
                let strings = lexicon.vocabulary.strings
                let stem = strings.range(Int(t.reading(Int(choices & 3)).id))
                if strings.bytes.withUnsafeBufferPointer({ Self.scalarCount(UnsafeBufferPointer(rebasing: $0[stem])) }) < minimum { return false }
            } else if Int(t.letters) < minimum {
                return false
            }
            if flags & CompiledLexicon.gazetteerFlag != 0 {
                if t.gap.contains(.sentenceStart) && !t.shape.contains(.allUpper) && t.script != .han { return false }
                if choices & 3 != 0 { return false }
            } else if choices & 3 != 0 && !t.shape.contains(.cased) && !abugida {
                // Inflected, without a capital to say it is a name: Pashto پلاوی ("delegation")
                // read as Urdu پلاؤ (Palau). A proclitic alone (و, ب, ل: ومنغوليا, "and
                // Mongolia") leaves the name whole, and stays.
                let r = t.reading(Int(choices & 3))
                if !(r.trimStart > 0 && r.trimEnd == 0 && t.facts.id < 0) { return false }
            }
        }
        return true
    }

    /// Urdu letters that join no letter after them (ا د ڈ ذ ر ڑ ز ژ و ے and their kin),
    /// as the scanner folds them: after one, a missing space does not show.
    private static let nonJoiningFolded: Set<UInt32> = {
        let lookup = ScalarLookup(.nameStrict)
        var out = Set<UInt32>()
        for v: UInt32 in [0x0627, 0x0622, 0x0623, 0x0625, 0x062F, 0x0630, 0x0631, 0x0632, 0x0698, 0x0688, 0x0691, 0x0648, 0x0624, 0x06D2, 0x06D3] {
            lookup.forEachFolded(v) { out.insert($0.value) }
        }
        return out
    }()

    /// Urdu web text often leaves out the space after a letter that does not join, where
    /// its absence does not show: a name runs into the word before or after it, or its own
    /// words run together (محمدشہبازشریف, محمدشہباز شریف). A word the lexicon does not
    /// know is split there into words it knows, when two of them, or the last and the word
    /// after, are consecutive words of a name: so a split makes no words out of thin air.
    private func splitFusedNames(scanner: TokenScanner, bytes: UnsafeBufferPointer<UInt8>) {
        let vocabulary = lexicon.vocabulary
        let trie = lexicon.trie
        let folded = scanner.folded
        var k = scanner.tokens.count - 1
        while k >= 0 {
            defer { k -= 1 }
            let t = scanner.tokens[k]
            guard t.script == .arabic, t.letters >= 6 else { continue }
            let key = UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)])
            guard vocabulary.id(of: key) < 0 else { continue }
            // Folded scalars and where each starts in the key.
            var scalars: [UInt32] = []
            var starts: [Int] = []
            var offset = 0
            for v in String(decoding: key, as: UTF8.self).unicodeScalars {
                scalars.append(v.value)
                starts.append(offset)
                offset += UTF8.width(v)
            }
            // Where a piece may start: after a non-joining letter, leaving two letters at least on each side.
            let points = (2..<max(2, scalars.count - 1)).filter { Self.nonJoiningFolded.contains(scalars[$0 - 1]) }
            guard !points.isEmpty else { continue }
            func id(_ a: Int, _ b: Int) -> Int32 {
                vocabulary.id(of: UnsafeBufferPointer(rebasing: key[starts[a]..<(b < scalars.count ? starts[b] : key.count)]))
            }
            let nextID: Int32 = k + 1 < scanner.tokens.count && scanner.tokens[k + 1].gap.contains(.space) && !scanner.tokens[k + 1].gap.contains(.breaker)
                ? vocabulary.id(of: UnsafeBufferPointer(rebasing: folded[Int(scanner.tokens[k + 1].foldStart)..<Int(scanner.tokens[k + 1].foldEnd)])) : -1
            func follows(_ a: Int32, _ b: Int32) -> Bool {
                guard a >= 0, b >= 0 else { return false }
                let state = trie.next(0, a)
                return state >= 0 && trie.next(state, b) >= 0
            }
            // Two pieces, then three: every piece a word of the lexicon, and a name's words across a cut or into the next word.
            var best: [Int]?
            for p in points {
                let (a, b) = (id(0, p), id(p, scalars.count))
                if a >= 0, b >= 0, follows(a, b) || follows(b, nextID) { best = [p]; break }
            }
            if best == nil {
                search: for p in points {
                    let a = id(0, p)
                    guard a >= 0 else { continue }
                    for q in points where q > p + 1 {
                        let (b, c) = (id(p, q), id(q, scalars.count))
                        if b >= 0, c >= 0, follows(a, b) || follows(b, c) || follows(c, nextID) { best = [p, q]; break search }
                    }
                }
            }
            guard let cuts = best else { continue }
            // Source offsets of each cut, through the map from folded to source scalars.
            let (source, map) = foldMap(bytes, t)
            guard map.count == scalars.count + 1 else { continue }
            var sourceBytes = [0]
            for s in source { sourceBytes.append(sourceBytes.last! + UTF8.width(s)) }
            scanner.split(token: k, at: cuts.map { c in
                (fold: t.foldStart + Int32(starts[c]), byte: t.byteStart + Int32(sourceBytes[map[c]]),
                 scalar: t.scalarStart + Int32(map[c]), letters: UInt16(c))
            })
        }
    }

    /// Whether `t`, read as `choices` says (its two low bits), is a generic word written in
    /// lower case inside a curated place's or body's name (the Kajaki dam, the Haqqani network).
    private func isLowerHead(_ output: UInt64, _ t: Token, _ choices: UInt64) -> Bool {
        guard !lowerHeads.isEmpty, lowerHeads.contains(t.reading(Int(choices & 3)).id) else { return false }
        let e = Int(lexicon.nameEntity[Int(TokenTrie.name(output))])
        return lexicon.entityFlags[e] & 1 != 0 && lexicon.entityTypes[e] != personType
    }

    private func validNames(_ outs: Range<Int>, _ tokens: Tokens, _ first: Int, _ last: Int, _ choices: UInt64) -> NameList {
        var names = NameList()
        for o in outs {
            let output = lexicon.trie.outputs[o]
            if caseFits(output, tokens, first, last, choices) { names.append(TokenTrie.name(output)) }
        }
        return names
    }

    /// Walks the automaton from token `first`, each token read as written or through its
    /// inflected form; calls `found` for every name that ends somewhere (not inside a
    /// longer name: see ``endsInsideLongerName(_:_:state:)``).
    private func explore(_ tokens: Tokens, first: Int, at j: Int, state: Int32, choices: UInt64, previousTrimEnd: Int32,
                         found: (Int, NameList, UInt64) -> Void) {
        guard j < tokens.count, j - first < 32 else { return }
        let t = tokens[j]
        // A suffix trimmed after a zero-width non-joiner may end a name; inside one it is
        // Persian ezafe (وزارت خارجه‌ی روسیه) and belongs to the span.
        if j > first && !joinable(tokens[j - 1], t) { return }
        for variant in 0..<WordFacts.readings {
            let r = t.reading(variant)
            let id = r.id
            if id < 0 { continue }
            // A proclitic may only start a name; but the article may come on a person's last
            // name after his given names, as the Arabic press writes a nisba (ضياء الله الهاشمي,
            // سراج الدين الحقاني): such a reading ends the walk and names a person only.
            let articleOnLast = variant > 0 && j > first && r.trimStart == 2 && t.articleMask & (1 << variant) != 0
            if variant > 0 && j > first && r.trimStart > 0 && !articleOnLast { continue }
            // From the start, the word's own memo knows the step; further on, a word that no
            // name has after its first word takes none.
            let next: Int32
            let endsName: Bool
            if j == first && state == 0 {
                next = t.start(variant)
                endsName = t.facts.endsNameMask & (1 << variant) != 0
            } else {
                guard t.continuesMask & (1 << variant) != 0 else { continue }
                let marked = lexicon.trie.markedNext(state, id)
                next = TokenTrie.state(marked)
                endsName = TokenTrie.endsName(marked)
            }
            if next < 0 { continue }
            let bit = UInt64(variant) << UInt64(2 * (j - first))
            // Whether names end here is known from the step (or the word's record): the
            // outputs table (a cache miss in a large lexicon) is read only when some do.
            let outs = endsName && !endsInsideLongerName(tokens, j, state: next) ? lexicon.trie.outputs(of: next) : 0..<0
            if !outs.isEmpty {
                var names = validNames(outs, tokens, first, j, choices | bit)
                if articleOnLast { names = NameList(names.filter { lexicon.entityTypes[Int(lexicon.nameEntity[Int($0)])] == personType }) }
                // A place the lexicon writes without the article is not written with it: Arabic
                // puts none on a foreign place's name, and the word with it is a noun of the
                // same letters (المشهد, "the scene", not Mashhad; الكابل, "the cable"). Bodies
                // take it (الناتو, البنتاغون).
                else if variant > 0 && t.articleMask & (1 << variant) != 0 {
                    names = NameList(names.filter { ![gpeType, locType].contains(lexicon.entityTypes[Int(lexicon.nameEntity[Int($0)])]) })
                }
                if !names.isEmpty { found(j, names, choices | bit) }
            }
            // Without its article, a word is a name of one word only.
            if variant > 0 && t.articleMask & (1 << variant) != 0 { continue }
            explore(tokens, first: first, at: j + 1, state: next, choices: choices | bit,
                    previousTrimEnd: r.trimEnd, found: found)
        }
    }

    /// Whether a walk from token `i` can find a name: some reading starts one, and either
    /// some reading is a name alone or the next token can continue it. Most words that start
    /// names (в, and, the first words of "Bank …", "Lake …") are followed by none, and their
    /// walk is skipped.
    @inline(__always)
    private func mayStartName(_ tokens: Tokens, _ i: Int) -> Bool {
        let t = tokens.baseAddress! + i
        guard t.pointee.startsName else { return false }
        if t.pointee.facts.endsNameMask != 0 { return true }
        return i + 1 < tokens.count && (t + 1).pointee.facts.continuesMask != 0 && joinable(t.pointee, (t + 1).pointee)
    }

    private func findLongest(_ tokens: Tokens) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < tokens.count {
            guard mayStartName(tokens, i) else { i += 1; continue }
            var best: Match?
            explore(tokens, first: i, at: i, state: 0, choices: 0, previousTrimEnd: 0) { last, names, choices in
                // The longest wins; of equally long readings, in a cased script a name over a
                // demonym (German Indiens is India's genitive, not the French demonym indiens:
                // only German documents read it so; Pashto پاکستاني is the adjective), then the
                // one with fewer inflected words.
                if best == nil || last > best!.last || (last == best!.last && preferred(names, choices, over: best!, tokens)) {
                    best = Match(first: i, last: last, names: names, choices: choices)
                }
            }
            if var best {
                // The descriptor as the walk read it: inflected too (рухом «Талібан»: рух).
                let head = best.id(of: best.first, tokens)
                if best.last > best.first, head >= 0, descriptors.contains(head) {
                    let entities = Set(best.names.map { lexicon.nameEntity[Int($0)] })
                    var shrinks = false
                    explore(tokens, first: best.first + 1, at: best.first + 1, state: 0, choices: 0, previousTrimEnd: 0) { last, names, _ in
                        if last == best.last, names.contains(where: { entities.contains(lexicon.nameEntity[Int($0)]) }) { shrinks = true }
                    }
                    if shrinks {
                        // The full phrase's names stay: "خبرگزاری تاس" is TASS, though تاس alone is ambiguous.
                        best.first += 1
                        best.choices >>= 2
                        best.shrunk = true
                    }
                }
                if best.last > best.first { extendBySameEntity(&best, tokens) }
                out.append(best)
                i = best.last + 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Extends a match of several words to the end of a longer name of the same entity that
    /// starts inside it: a form with a rank and the full name overlap (Urdu لیفٹیننٹ جنرل احمد
    /// شریف and احمد شریف چوہدری), and the mention is both, not the first cut short.
    private func extendBySameEntity(_ m: inout Match, _ tokens: Tokens) {
        // Only where the word after the match continues some name.
        let after = m.last + 1
        guard after < tokens.count, tokens[after].continuesMask != 0, joinable(tokens[m.last], tokens[after]) else { return }
        for k in (m.first + 1)...m.last where mayStartName(tokens, k) {
            var longer: Match?
            explore(tokens, first: k, at: k, state: 0, choices: 0, previousTrimEnd: 0) { last, names, choices in
                if last > m.last && (longer == nil || last > longer!.last) { longer = Match(first: k, last: last, names: names, choices: choices) }
            }
            guard let longer, longer.last - m.first < 32 else { continue }
            let entities = Set(m.names.map { lexicon.nameEntity[Int($0)] })
            let shared = longer.names.filter { entities.contains(lexicon.nameEntity[Int($0)]) }
            guard !shared.isEmpty else { continue }
            let kept = UInt64(2 * (k - m.first))
            m.choices = (m.choices & ((1 << kept) - 1)) | (longer.choices << kept)
            m.last = longer.last
            m.names = NameList(shared)
            return
        }
    }

    /// Whether every name is a curated entity's: a curator chose it, so the doubts the tagger
    /// has about a bulk lexicon's names do not apply.
    private func allCurated(_ names: NameList) -> Bool {
        names.allSatisfy { lexicon.isCurated(Int(lexicon.nameEntity[Int($0)])) }
    }

    /// Of two readings of the same words, whether `names` read with `choices` beats `other`.
    private func preferred(_ names: NameList, _ choices: UInt64, over other: Match, _ tokens: Tokens) -> Bool {
        func onlyDemonyms(_ names: NameList) -> Bool {
            names.allSatisfy { lexicon.nameFlags[Int($0)] & CompiledLexicon.demonymFlag != 0 }
        }
        let (demonyms, otherDemonyms) = (onlyDemonyms(names), onlyDemonyms(other.names))
        if demonyms != otherDemonyms, tokens[other.first].shape.contains(.cased) { return otherDemonyms }
        let (inflected, otherInflected) = (WordFacts.inflectedWords(choices), WordFacts.inflectedWords(other.choices))
        if inflected != otherInflected { return inflected < otherInflected }
        // Of readings as inflected, one with a name the lexicon does not mark ambiguous: the
        // other needs the document's support, this one does not (Arabic وكابل is و + كابل,
        // Kabul, before و + ك + ابل, an ambiguous name of Apple).
        let ambiguous = scratch.ambiguous
        func allAmbiguous(_ names: NameList) -> Bool { names.allSatisfy { lexicon.nameFlags[Int($0)] & ambiguous != 0 } }
        return allAmbiguous(other.names) && !allAmbiguous(names)
    }

    private func findAll(_ tokens: Tokens) -> [Match] {
        var out: [Match] = []
        for i in tokens.indices where mayStartName(tokens, i) {
            var byEnd: [Int: Match] = [:]
            explore(tokens, first: i, at: i, state: 0, choices: 0, previousTrimEnd: 0) { last, names, choices in
                if byEnd[last] == nil || preferred(names, choices, over: byEnd[last]!, tokens) {
                    byEnd[last] = Match(first: i, last: last, names: names, choices: choices)
                }
            }
            out += byEnd.keys.sorted().map { byEnd[$0]! }
        }
        return out
    }

    /// Drops one-word names at a sentence's start that the document also writes in lower
    /// case: there they are ordinary words with a capital (Года, Ходе in Russian, a place
    /// name the language also has as a noun), as a truecaser would read them.
    private func dropOrdinaryWords(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) {
        let ambiguous = scratch.ambiguous
        func atSentenceStart(_ m: Match) -> Bool {
            guard m.first == m.last else { return false }
            let t = tokens[m.first]
            return t.gap.contains(.sentenceStart) && t.shape.contains(.firstUpper) && !t.shape.contains(.allUpper)
        }
        let candidates = matches.indices.filter { atSentenceStart(matches[$0]) }
        guard !matches.isEmpty, let base = folded.baseAddress else { return }
        @inline(__always) func key(_ t: Token) -> (UnsafePointer<UInt8>, Int) { (base + Int(t.foldStart), Int(t.foldEnd - t.foldStart)) }
        var drop = Set<Int>()

        // The candidates, in groups of the same word (by hash, then bytes), then one pass over
        // the words of the document: a group whose word the document writes in lower case is
        // dropped, unless the document also capitalises it inside a sentence, where it is a
        // name too (Turkish Kabil'de ... kabil, "possible" ... Kabil'e).
        var groups: [[Int]] = []
        var byHash: [UInt64: [Int]] = [:]
        // Bit n: some candidate's word has n bytes (63: 63 or more); none, no pass.
        var lengths: UInt64 = 0
        for k in candidates {
            let (p, n) = key(tokens[matches[k].first])
            let h = WordMemo.hash(p, n, salt: 0)
            if let g = byHash[h]?.first(where: { g in
                let (q, m) = key(tokens[matches[groups[g][0]].first])
                return m == n && memcmp(q, p, n) == 0
            }) {
                groups[g].append(k)
            } else {
                byHash[h, default: []].append(groups.count)
                groups.append([k])
            }
            lengths |= 1 << UInt64(min(n, 63))
        }
        var lowered = Set<Int>()
        var named = Set<Int>()
        // A word in lower case that is itself a name found (таліби, where the lexicon writes the
        // plural so) says nothing against the capitalised one.
        let covered = Self.covered(by: matches, count: tokens.count)
        for (k, u) in tokens.enumerated() where lengths != 0 && u.shape.contains(.cased) {
            let lower = !u.shape.contains(.firstUpper)
            if lower && covered[k] { continue }
            guard lower || (!u.gap.contains(.sentenceStart) && !u.shape.contains(.allUpper)) else { continue }
            let (p, n) = key(u)
            guard lengths & (1 << UInt64(min(n, 63))) != 0, let gs = byHash[WordMemo.hash(p, n, salt: 0)] else { continue }
            for g in gs {
                let (q, m) = key(tokens[matches[groups[g][0]].first])
                if m == n && memcmp(q, p, n) == 0 { if lower { lowered.insert(g) } else { named.insert(g) } }
            }
        }
        for g in lowered.subtracting(named) { drop.formUnion(groups[g]) }

        // A word read through an ending that replaces part of the name (Москве for Москва)
        // needs the document to name the same entity elsewhere: an inflected ordinary word
        // (Ходе, Наши) reads as some name of a large lexicon more often than a name starts
        // a sentence in an oblique case unannounced. A word that holds the whole name
        // (Russlands, Кабуловым, لروسيا) is no such doubt.
        let lx = lexicon
        func replacesPart(_ m: Match) -> Bool {
            let t = tokens[m.first]
            let id = Int(t.reading(m.reading(m.first)).id)
            guard m.choices != 0, id >= 0 else { return false }
            let r = lx.vocabulary.strings.range(id)
            let (p, length) = key(t)
            guard r.count <= length else { return true }
            return lx.vocabulary.strings.bytes.withUnsafeBufferPointer { all in
                let name = all.baseAddress! + r.lowerBound
                for offset in 0...(length - r.count) where memcmp(p + offset, name, r.count) == 0 { return false }
                return true
            }
        }
        // So does one next to a capitalised word that no name found covers: it is part of a
        // longer name the lexicon lacks (Сисам Рихе), not an inflected name of its own.
        func nextToUnknownName(_ m: Match) -> Bool {
            let i = m.first
            guard tokens[i].shape.contains(.firstUpper) else { return false }
            // Before it, a word no lexicon name has (Сисам Рихе): a known word is more often a
            // name's head of its own (Совбеза России).
            if i > 0, !covered[i - 1], !tokens[i - 1].isKnown, capitalised(tokens[i - 1]), joinable(tokens[i - 1], tokens[i]),
               !tokens[i - 1].gap.contains(.sentenceStart) { return true }
            // After it, a word no name found covers that is no known person's name part either
            // (президент России Путин, в Москве Лавров: the surname links later).
            if i + 1 < tokens.count, !covered[i + 1], capitalised(tokens[i + 1]), joinable(tokens[i], tokens[i + 1]),
               !tokens[i + 1].gap.contains(.sentenceStart), tokens[i + 1].partialMask == 0 { return true }
            return false
        }
        // Curated names are exempt: МЗС України Георгій Тихий names Ukraine. So are the
        // countries of iso-codes, a list as chosen: Армении Никол Пашинян names Armenia.
        func chosen(_ names: NameList) -> Bool {
            names.allSatisfy { n in
                let e = Int(lx.nameEntity[Int(n)])
                return lx.isCurated(e) || (lx.isGenerated(e) && lx.nameFlags[Int(n)] & CompiledLexicon.gazetteerFlag == 0)
            }
        }
        for k in matches.indices where matches[k].first == matches[k].last && !drop.contains(k)
            && !atSentenceStart(matches[k]) && replacesPart(matches[k]) && nextToUnknownName(matches[k])
            && !chosen(matches[k].names) {
            drop.insert(k)
        }
        // Curated entities are exempt: a curator chose their names, while a bulk lexicon of a
        // million names has some that an inflected ordinary word reads as.
        // So does a generated country name of four letters or fewer at a sentence's start: a
        // few are common words of a language that has the name too (Russian and Ukrainian Того,
        // "that", is Togo).
        func shortGenerated(_ m: Match) -> Bool {
            tokens[m.first].letters <= 4 && m.names.allSatisfy { lx.nameFlags[Int($0)] & CompiledLexicon.generatedFlag != 0 }
        }
        // And so does a short name read through an ending written without the apostrophe a
        // name takes before it (Turkish Kabile: kabile, "tribe", or Kabil'e), curated or not;
        // a longer one (Hindistanın, Belucistanda) makes no common word.
        func bareEnding(_ m: Match) -> Bool {
            let t = tokens[m.first]
            let v = m.reading(m.first)
            guard v > 0, t.facts.bareMask & (1 << v) != 0 else { return false }
            let name = lx.vocabulary.strings.range(Int(t.reading(v).id))
            return lx.vocabulary.strings.bytes.withUnsafeBufferPointer { Self.scalarCount(UnsafeBufferPointer(rebasing: $0[name])) } <= 5
        }
        let doubtfulAtStart = candidates.filter {
            !drop.contains($0) && ((replacesPart(matches[$0]) && !allCurated(matches[$0].names)) || shortGenerated(matches[$0])
                                   || bareEnding(matches[$0]))
        }
        // Anywhere, a generated country's short name read through an ending without its
        // apostrophe (Turkish Maliye, "finance", is no Mali'ye): iso-codes' names are no
        // curator's choice, and the press writes a country's endings with the apostrophe.
        let doubtful = doubtfulAtStart + matches.indices.filter {
            !drop.contains($0) && !atSentenceStart(matches[$0]) && matches[$0].first == matches[$0].last
                && bareEnding(matches[$0]) && matches[$0].names.allSatisfy { lx.nameFlags[Int($0)] & CompiledLexicon.generatedFlag != 0 }
        }
        if !doubtful.isEmpty {
            // How many matches name each entity.
            var mentions: [Int32: Int] = [:]
            for m in matches { for e in Set(m.names.map { lx.nameEntity[Int($0)] }) { mentions[e, default: 0] += 1 } }
            for k in doubtful where !Set(matches[k].names.map { lx.nameEntity[Int($0)] }).contains(where: { mentions[$0, default: 0] > 1 }) {
                drop.insert(k)
            }
        }
        // A person's name of its own joined by a middle dot to a word outside it is a piece of
        // another person's name, which Chinese writes X·Y: 阿卜杜勒·加尼 is Abdul Ghani, not
        // Ashraf Ghani (加尼), and 阿里·穆贾希德 is not Zabihullah Mujahid.
        // (Before entities are resolved: every name the match found is a person's.)
        for k in matches.indices where !drop.contains(k) && tokens[matches[k].first].script == .han
            && matches[k].names.allSatisfy({ lx.entityTypes[Int(lx.nameEntity[Int($0)])] == personType }) {
            let (first, last) = (matches[k].first, matches[k].last)
            // An honorific before the dot is the same person's (毛拉·巴拉达尔, Mullah Baradar).
            if (first > 0 && tokens[first].gap.contains(.middleDot) && tokens[first - 1].script == .han && honorificBefore(first, tokens) == nil)
                || (last + 1 < tokens.count && tokens[last + 1].gap.contains(.middleDot) && tokens[last + 1].script == .han) {
                drop.insert(k)
            }
        }
        // An ambiguous name in a phrase that makes it an ordinary word (هذه القاعدة, "this base").
        if !commonPhrases.isEmpty {
            for k in matches.indices where matches[k].first == matches[k].last && !drop.contains(k)
                && matches[k].names.allSatisfy({ lx.nameFlags[Int($0)] & ambiguous != 0 })
                && inCommonPhrase(matches[k].first, tokens: tokens, folded: folded) {
                drop.insert(k)
            }
        }
        // A word said twice in a row in Bengali or Hindi is reduplication, an idiom, not a name
        // (কাতারে কাতারে, "in droves", is not Qatar twice).
        for k in matches.indices where matches[k].first == matches[k].last {
            let i = matches[k].first
            guard tokens[i].script == .bengali || tokens[i].script == .devanagari else { continue }
            let (p, n) = key(tokens[i])
            func same(_ j: Int) -> Bool {
                guard j >= 0, j < tokens.count, tokens[j].script == tokens[i].script else { return false }
                // Side by side in one line: not a heading's last word repeated below it.
                let later = tokens[max(i, j)]
                guard joinable(tokens[min(i, j)], later), !later.gap.contains(.newline) else { return false }
                let (q, m) = key(tokens[j])
                return m == n && memcmp(p, q, n) == 0
            }
            if same(i - 1) || same(i + 1) { drop.insert(k) }
        }
        if drop.isEmpty { return }
        matches = matches.indices.filter { !drop.contains($0) }.map { matches[$0] }
    }

    /// A surname-only name (谢里夫, see ``CompiledLexicon/surnameFlag``) names a person the
    /// document names in full, before or after, and no one where the lexicon lists the same
    /// words as a name; a match left with surnames only is a partial mention, and one whose
    /// surnames name no one named in full is dropped.
    private func keepNamedSurnames(_ matches: inout [Match]) {
        let lx = lexicon
        guard lx.hasSurnameNames else { return }
        func isSurname(_ n: Int32) -> Bool { lx.nameFlags[Int(n)] & CompiledLexicon.surnameFlag != 0 }
        guard matches.contains(where: { $0.names.contains(where: isSurname) }) else { return }
        // Entities a match names in full (by names that are not surnames, all of one entity).
        var named = Set<Int32>()
        for m in matches {
            let full = m.names.filter { !isSurname($0) }
            if let e = full.first.map({ lx.nameEntity[Int($0)] }), full.allSatisfy({ lx.nameEntity[Int($0)] == e }) { named.insert(e) }
        }
        var kept: [Match] = []
        kept.reserveCapacity(matches.count)
        for var m in matches {
            if m.names.contains(where: isSurname) {
                // A name the lexicon lists as written wins over a surname taken from a full
                // name (穆贾希德 is Zabihullah Mujahid's name, and Yaqoob's surname).
                let listed = m.names.contains { !isSurname($0) }
                m.names.removeAll { isSurname($0) && (listed || !named.contains(lx.nameEntity[Int($0)])) }
                if m.names.isEmpty { continue }
                if m.names.allSatisfy(isSurname) {
                    m.kind = .partial
                    m.score = 0.9
                }
            }
            kept.append(m)
        }
        matches = kept
    }

    // MARK: Disambiguation

    /// The country whose press the document's script and letters point to: a weak
    /// prior for generic names (外交部 in a Chinese text is China's ministry, МИД in a
    /// Russian one Russia's). Han → China; Cyrillic → Russia (Ukraine with і ї є ґ);
    /// Pashto letters → Afghanistan; Urdu letters → Pakistan; Latin with ş ğ ı → Turkey,
    /// with ß ä ö ü → Germany. Other texts give no prior.
    /// `letterBits`: what the scanner gathered from the document's letters (see
    /// ``LanguageGate/telltaleShift``).
    private func documentCountry(_ tokens: Tokens, letterBits: UInt64) -> Int? {
        var counts = [Int](repeating: 0, count: 16)
        // The script field in place, not a copy of each token.
        for k in 0..<min(400, tokens.count) { counts[Int(tokens[k].script.rawValue) & 15] += 1 }
        // Ties go to the lower script class, so the answer never depends on the order of counting.
        var best = 0
        for c in 1..<counts.count where counts[c] > counts[best] { best = c }
        guard counts[best] > 0, let script = ScriptClass(rawValue: UInt8(best)) else { return nil }
        let letters = TelltaleLetters(rawValue: UInt8(truncatingIfNeeded: letterBits >> LanguageGate.telltaleShift))
        let id: String?
        switch script {
        case .han: id = "china"
        case .cyrillic: id = letters.contains(.ukrainian) ? "ukraine" : "russia"
        case .arabic: id = letters.contains(.pashto) ? "afghanistan" : letters.contains(.urdu) ? "pakistan" : nil
        case .latin: id = letters.contains(.turkish) ? "turkey" : letters.contains(.german) ? "germany" : nil
        default: id = nil
        }
        guard let id else { return nil }
        return homeCountries.get { lexicon.entityIndices(ids: Self.homeCountryIDs) }[id]
    }

    private static let homeCountryIDs = ["china", "ukraine", "russia", "afghanistan", "pakistan", "turkey", "germany"]
    /// Entity indices of ``homeCountryIDs``, found once per tagger.
    private let homeCountries = LazyBox<[String: Int]>()

    /// Letters that only some languages of a script use.
    struct TelltaleLetters: OptionSet {
        let rawValue: UInt8
        /// і ї є ґ
        static let ukrainian = TelltaleLetters(rawValue: 1 << 0)
        /// ټ ډ ړ ږ ښ ګ ڼ ۍ
        static let pashto = TelltaleLetters(rawValue: 1 << 1)
        /// ے ہ ں ٹ ڈ ڑ
        static let urdu = TelltaleLetters(rawValue: 1 << 2)
        /// ş ğ ı İ
        static let turkish = TelltaleLetters(rawValue: 1 << 3)
        /// ß ä ö ü
        static let german = TelltaleLetters(rawValue: 1 << 4)
        /// ی ک, which Persian, Pashto and Urdu write where Arabic writes ي ك
        static let persoArabic = TelltaleLetters(rawValue: 1 << 5)
    }

    /// The telltale letters, by scalar (all are below U+0800): the scanner gathers them
    /// with the gated languages' letters (``LanguageGate/twoByte``).
    static let telltaleScalars: [(TelltaleLetters, [Int])] = [
        (.ukrainian, [0x0456, 0x0457, 0x0454, 0x0491]),
        (.pashto, [0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD]),
        (.urdu, [0x06D2, 0x06C1, 0x06BA, 0x0679, 0x0688, 0x0691]),
        (.turkish, [0x015F, 0x011F, 0x0131, 0x0130]),
        (.german, [0x00DF, 0x00E4, 0x00F6, 0x00FC]),
        (.persoArabic, [0x06CC, 0x06A9]),
    ]

    /// Pashto and Urdu write their retroflex consonants with letters of their own (ټ ډ ړ, ٹ ڈ ڑ),
    /// which the fold makes one, so that a name the lexicon writes in one language is found in
    /// the other's text. But where the lexicon also writes the entity with the text's own
    /// letters, a one-word match through the other language's name is a word of its own:
    /// Pashto نیټو ("dates") is not Urdu نیٹو (NATO), which Pashto writes ناټو.
    private func dropOtherRetroflexWords(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>) {
        // UTF-8: ټ D9 BC, ډ DA 89, ړ DA 93 (Pashto); ٹ D9 B9, ڈ DA 88, ڑ DA 91 (Urdu).
        func retroflex(_ b: UnsafeBufferPointer<UInt8>) -> (pashto: Bool, urdu: Bool) {
            var pashto = false
            var urdu = false
            for k in b.indices.dropLast() {
                switch (b[k], b[k + 1]) {
                case (0xD9, 0xBC), (0xDA, 0x89), (0xDA, 0x93): pashto = true
                case (0xD9, 0xB9), (0xDA, 0x88), (0xDA, 0x91): urdu = true
                default: break
                }
            }
            return (pashto, urdu)
        }
        let lx = lexicon
        func letters(_ n: Int) -> (pashto: Bool, urdu: Bool) { lx.nameTexts.withBytes(n) { retroflex($0) } }
        // Whether entity `e` has a name with only Pashto (`pashto`) or only Urdu retroflex
        // letters: the compiler writes an entity's names side by side, around name `n`.
        func writes(_ e: Int32, around n: Int, pashto: Bool) -> Bool {
            func own(_ k: Int) -> Bool { let l = letters(k); return pashto ? l.pashto && !l.urdu : l.urdu && !l.pashto }
            var k = n - 1
            while k >= 0 && lx.nameEntity[k] == e { if own(k) { return true }; k -= 1 }
            k = n + 1
            while k < lx.nameEntity.count && lx.nameEntity[k] == e { if own(k) { return true }; k += 1 }
            return false
        }
        for k in matches.indices where matches[k].first == matches[k].last {
            let t = tokens[matches[k].first]
            let word = retroflex(UnsafeBufferPointer(rebasing: bytes[Int(t.byteStart)..<Int(t.byteEnd)]))
            guard word.pashto != word.urdu else { continue }
            let names = matches[k].names.filter { n in
                let name = letters(Int(n))
                let other = word.pashto ? name.urdu && !name.pashto : name.pashto && !name.urdu
                return !other || !writes(lx.nameEntity[Int(n)], around: Int(n), pashto: word.pashto)
            }
            if names.count < matches[k].names.count { matches[k].names = NameList(names) }
        }
        matches.removeAll { $0.names.isEmpty }
    }

    /// Whether name `n` is written with ی or ک (UTF-8 DB 8C, DA A9), letters Arabic does not use.
    private func writesPersoArabicLetters(_ n: Int32) -> Bool {
        lexicon.nameTexts.withBytes(Int(n)) { b in
            b.indices.dropLast().contains { (b[$0] == 0xDB && b[$0 + 1] == 0x8C) || (b[$0] == 0xDA && b[$0 + 1] == 0xA9) }
        }
    }

    /// A body's short form in brackets right after its full name (پاکستان تحريک انصاف (پي ټي ای),
    /// Tehrik-i-Taliban Pakistan (TTP)) is that body: writers define an abbreviation so. Where
    /// the short form also reads as another body's (folded, Pashto پي ټي ای is Urdu پی ٹی اے,
    /// the PTA), or as several, the full name before it decides.
    private func linkBracketedShortForms(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>) {
        guard matches.count > 1 else { return }
        let lx = lexicon
        for k in 1..<matches.count {
            let full = matches[k - 1]
            let short = matches[k]
            guard full.entity >= 0, short.entity != full.entity, lx.entityTypes[full.entity] == orgType, full.last > full.first,
                  short.first == full.last + 1, short.last - short.first <= 3,
                  short.names.allSatisfy({ lx.entityTypes[Int(lx.nameEntity[Int($0)])] == orgType }) else { continue }
            guard bracketed(short.first...short.last, after: full.last, tokens: tokens, bytes: bytes) else { continue }
            // A Latin abbreviation that is no abbreviation of the name before it, as written or
            // in English, keeps its own body: «صندوق جمعیت سازمان ملل (UNFPA)», where the match
            // before it is the UN inside the longer name the lexicon lacks.
            if short.first == short.last, tokens[short.first].script == .latin, tokens[short.first].shape.contains(.allUpper) {
                let word = Self.sourceText(short.first, short.first, tokens, bytes)
                let written = Self.sourceText(full.start, full.last, tokens, bytes)
                if !Self.abbreviates(word, written), !Self.abbreviates(word, lx.entityName(full.entity)) { continue }
            }
            matches[k].entity = full.entity
            matches[k].score = 1
        }
    }

    /// An abbreviation a document defines in brackets right after a name of a body or place
    /// (Central Bank of Iran (CBI), Центральный банк Ирана (ЦБИ)) names that entity wherever the
    /// document writes it, as written, though the lexicon does not know it or knows it as
    /// another's. A word in capitals of a script with case, whose letters are the name's in
    /// order, the first its first (Schwartz and Hearst's test for an abbreviation).
    private func addDefinedAbbreviations(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>) {
        guard !matches.isEmpty else { return }
        let lx = lexicon
        var defined: [(word: UnsafeBufferPointer<UInt8>, entity: Int)] = []
        func source(_ k: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(tokens[k].byteStart)..<Int(tokens[k].byteEnd)])
        }
        for (index, m) in matches.enumerated() where m.last > m.first && m.last + 1 < tokens.count && lx.entityTypes[m.entity] != personType {
            let k = m.last + 1
            let t = tokens[k]
            guard t.shape.contains(.allUpper), (2...8).contains(t.letters),
                  index + 1 == matches.count || matches[index + 1].first > k || matches[index + 1].last == k,
                  bracketed(k...k, after: m.last, tokens: tokens, bytes: bytes) else { continue }
            let short = String(decoding: source(k), as: UTF8.self)
            var long = Self.sourceText(m.start, m.last, tokens, bytes)
            // A name of another script with a Latin abbreviation after it (फ्रंटियर कोर (FC), سپریم
            // کورٹ (SC)) abbreviates the entity's English name: its letters are that name's.
            if tokens[m.start].script != .latin, t.script == .latin { long = lx.entityName(m.entity) }
            if Self.abbreviates(short, long) { defined.append((source(k), m.entity)) }
        }
        if defined.isEmpty { return }
        // Where the document writes the abbreviation alone: a match of it (another entity's) or none.
        let covered = Self.covered(by: matches.filter { $0.last > $0.first }, count: tokens.count)
        var added: [Match] = []
        for k in tokens.indices where !covered[k] && tokens[k].shape.contains(.allUpper) {
            let word = source(k)
            guard let d = defined.first(where: { $0.word.elementsEqual(word) }),
                  !matches.contains(where: { $0.first == k && $0.entity == d.entity }) else { continue }
            matches.removeAll { $0.first == k && $0.last == k }
            added.append(Match(first: k, last: k, names: [], entity: d.entity, kind: .partial, score: 0.9))
        }
        matches += added
        matches.sort { $0.first < $1.first }
    }

    /// Whether `short` can abbreviate `long`, case aside: its letters are the name's in order,
    /// the first its first (Schwartz and Hearst's test for an abbreviation).
    static func abbreviates(_ short: String, _ long: String) -> Bool {
        let short = short.lowercased(), long = long.lowercased()
        guard let initial = short.first, long.first == initial else { return false }
        var rest = long[...]
        return short.allSatisfy { c in
            guard let i = rest.firstIndex(of: c) else { return false }
            rest = rest[rest.index(after: i)...]
            return true
        }
    }

    /// Whether tokens `inner` stand in round brackets right after token `before`: nothing but
    /// spaces and one "(" between them, and a ")" after them, spaces allowed before it.
    private func bracketed(_ inner: ClosedRange<Int>, after before: Int, tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var opened = false
        for i in Int(tokens[before].byteEnd)..<Int(tokens[inner.lowerBound].byteStart) {
            if bytes[i] == 0x28 && !opened { opened = true } else if !isSpace(bytes[i]) { return false }
        }
        var i = Int(tokens[inner.upperBound].byteEnd)
        while i < bytes.count && isSpace(bytes[i]) { i += 1 }
        return opened && i < bytes.count && bytes[i] == 0x29
    }

    private func resolveEntities(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>, letterBits: UInt64) {
        let lx = lexicon
        let ambiguous = scratch.ambiguous
        // Most documents name nothing ambiguous: then there is no context to gather.
        if matches.allSatisfy({ Self.soleEntity($0.names, lx, ambiguous: ambiguous) != nil }) {
            for k in matches.indices { matches[k].assign(Self.soleEntity(matches[k].names, lx, ambiguous: ambiguous)!, lx) }
            return
        }
        let home = matches.contains(where: { !$0.names.isEmpty && Self.onlyEntity($0.names, lx) == nil }) ? documentCountry(tokens, letterBits: letterBits) : nil
        let persoArabic = TelltaleLetters(rawValue: UInt8(truncatingIfNeeded: letterBits >> LanguageGate.telltaleShift)).contains(.persoArabic)
        // Entities mentioned by an unambiguous name somewhere in the document.
        var mentioned = Set<Int>()
        for m in matches {
            if let e = Self.onlyEntity(m.names, lx, without: ambiguous) { mentioned.insert(e) }
        }
        // One sense per document: a name that only its ambiguous names gave (بنوں after ضلع)
        // names it wherever else the document writes it without such support.
        var dropped: [Int] = []
        var foundAmbiguous = Set<Int>()
        for k in matches.indices {
            // Most names name one entity and are not ambiguous: nothing to weigh.
            if let e = Self.soleEntity(matches[k].names, lx, ambiguous: ambiguous) {
                matches[k].assign(e, lx)
                continue
            }
            switch resolve(k, mentioned: mentioned) {
            case .none: dropped.append(k)
            case .some(let e) where !mentioned.contains(e): foundAmbiguous.insert(e)
            default: break
            }
        }
        if !dropped.isEmpty && !foundAmbiguous.isEmpty {
            mentioned.formUnion(foundAmbiguous)
            for k in dropped { _ = resolve(k, mentioned: mentioned) }
        }

        /// Links match `k` to the entity its names and the document's context support best;
        /// returns it, or nil when nothing supports any.
        func resolve(_ k: Int, mentioned: Set<Int>) -> Int? {
            var byEntity: [Int: (ambiguous: Bool, names: [Int32])] = [:]
            for n in matches[k].names {
                let e = Int(lx.nameEntity[Int(n)])
                let amb = lx.nameFlags[Int(n)] & ambiguous != 0
                // Folding makes Persian رئیسی and Arabic رئيسي ("main") one word: an ambiguous
                // name written with ی or ک is not read in a text that never writes them.
                if amb && !persoArabic && writesPersoArabicLetters(n) { continue }
                var entry = byEntity[e] ?? (true, [])
                entry.ambiguous = entry.ambiguous && amb
                entry.names.append(n)
                byEntity[e] = entry
            }
            let (local, weakOwner, sibling) = localPlace(around: matches[k], in: matches, tokens: tokens, folded: folded)
            // A word that introduces a place (سفیر مصر, the province of Farah) says the name is one.
            let introduced = introducedAsPlace(matches[k].first, tokens: tokens, folded: folded)
            var best: (entity: Int, score: Double)?
            var anyAmbiguous = false
            for (e, info) in byEntity {
                var support = 0.0
                let isPlace = lx.entityTypes[e] == gpeType || lx.entityTypes[e] == locType
                // A place's own name needs no other place to own it (سفير مصر في كابل); a
                // person is nobody's to own (نور ولي محسود في كابل: a place of another country
                // beside him says nothing against him).
                if let local, local != e, !(introduced && isPlace) {
                    // A place of the same country is no other owner (Imran Khan after Khyber
                    // Pakhtunkhwa, one Herat district after another).
                    // Nor is a neighbour, a place that shares its context or country with it
                    // (Bannu and Kurram, both of Khyber Pakhtunkhwa). (A body that shares context
                    // with it is no neighbour: the CIS, whose context is its members, owns no
                    // member's ministry.)
                    let context = lx.context(of: e)
                    let localIsPlace = lx.entityTypes[local] == gpeType || lx.entityTypes[local] == locType
                    let related = Int(lx.entityCountry[e]) == local || context.contains(Int32(local))
                        || (lx.entityCountry[local] >= 0 && (lx.entityCountry[local] == lx.entityCountry[e] || context.contains(lx.entityCountry[local])))
                        || (localIsPlace && lx.context(of: local).contains(where: { context.contains($0) }))
                    if related {
                        support += 3
                    } else if lx.entityTypes[e] != personType && !weakOwner {
                        // (Not where the owner is a body and the name is this entity's alone, which
                        // the document also names unambiguously: one sense per document, ابنا after
                        // خبرگزاری بین‌المللی اهل‌بیت, beside ارتش پاکستان. A place still owns such a
                        // name (des russischen Sicherheitsrats, though the document names the UN's),
                        // and a name several entities share, 外交部, is the owner's whatever else
                        // the document names.)
                        let oneSense = byEntity.count == 1 && mentioned.contains(e) && !localIsPlace
                        if info.ambiguous && !oneSense { continue }
                        support -= 1
                    }
                }
                // A place listed with it (हरियाणा एवं पंजाब, Sindh and Punjab) is of its kind: the
                // reading of the same country as that place is the one the list means.
                if local == nil, let sibling, sibling != e, isPlace,
                   lx.entityCountry[sibling] >= 0 && lx.entityCountry[sibling] == lx.entityCountry[e] {
                    support += 1.5
                }
                if mentioned.contains(e) { support += 2 }
                if introduced && isPlace { support += 1 }
                if let home, Int(lx.entityCountry[e]) == home || e == home { support += 0.5 }
                // Other entities of the document that belong with this one: its context, its
                // country, and whatever else is of that country (Putin and the Kremlin for Russia's ministry).
                let country = lx.entityCountry[e] >= 0 ? Int(lx.entityCountry[e]) : (lx.entityTypes[e] == gpeType ? e : -1)
                let context = lx.context(of: e)
                var related = 0
                var inContext = false
                for m in mentioned where m != e {
                    if context.contains(Int32(m)) {
                        related += 1
                        inContext = true
                    } else if country >= 0 && (m == country || Int(lx.entityCountry[m]) == country) {
                        related += 1
                    }
                }
                support += log2(1 + Double(related)) * 0.5
                if info.ambiguous {
                    anyAmbiguous = true
                    if support <= 0 { continue }
                }
                // Of entities the document supports alike, one whose own context it names is
                // meant: Jowzjan's Faizabad district beside Jowzjan, not Badakhshan's Fayzabad,
                // though both are Afghan places the document's other Afghan places support.
                let score = support + Double(lx.entityPrior[e]) + (inContext ? 1 : 0)
                if best == nil || score > best!.score || (score == best!.score && e < best!.entity) { best = (e, score) }
            }
            guard let chosen = best else { return nil }
            matches[k].entity = chosen.entity
            matches[k].isDemonym = byEntity[chosen.entity]!.names.allSatisfy { lx.nameFlags[Int($0)] & CompiledLexicon.demonymFlag != 0 }
            matches[k].names = NameList(byEntity[chosen.entity]!.names)
            matches[k].score = min(matches[k].score, (byEntity.count > 1 || anyAmbiguous) ? 0.9 : 1.0)
            return chosen.entity
        }
    }

    /// The one entity that the names without any of the flags `without` name, or nil when
    /// they name none or several. (Without flags: the one entity of all the names.)
    @inline(__always)
    private static func onlyEntity(_ names: NameList, _ lx: CompiledLexicon, without flags: UInt8 = 0) -> Int? {
        var only: Int32 = -1
        for n in names where lx.nameFlags[Int(n)] & flags == 0 {
            let e = lx.nameEntity[Int(n)]
            if only >= 0 && e != only { return nil }
            only = e
        }
        return only >= 0 ? Int(only) : nil
    }

    /// The entity of names that all name the same one, when not every name is ambiguous
    /// (has one of the flags `ambiguous`).
    @inline(__always)
    private static func soleEntity(_ names: NameList, _ lx: CompiledLexicon, ambiguous: UInt8) -> Int? {
        guard let first = names.first else { return nil }
        let e = lx.nameEntity[Int(first)]
        var allAmbiguous = true
        for n in names {
            if lx.nameEntity[Int(n)] != e { return nil }
            if lx.nameFlags[Int(n)] & ambiguous == 0 { allAmbiguous = false }
        }
        return allAmbiguous ? nil : Int(e)
    }

    /// The place (GPE), or body (ORG), mentioned right next to a match: "Russia's Supreme Court",
    /// "Supreme Court of Pakistan", "Верховный суд Ирана". At most two words between.
    /// The place or body beside a match, and whether it is only a place a word away from a
    /// place (بنوں میں کرم): one that supports the name when related to it, but is no other
    /// owner when not (из Мешхеда в Мары, "from Mashhad to Mary").
    /// - Returns: also `sibling`, the nearest place listed with the match (joined by a
    ///   conjunction or a dash), which owns nothing but is of the match's kind.
    private func localPlace(around m: Match, in matches: [Match], tokens: Tokens,
                            folded: UnsafeBufferPointer<UInt8>) -> (entity: Int?, weak: Bool, sibling: Int?) {
        let lx = lexicon
        let ambiguous = scratch.ambiguous
        let ownedByBodies = m.names.contains { lx.entityTypes[Int(lx.nameEntity[Int($0)])] == orgType }
        // A name that several bodies share (the Foreign Ministry, МИД), which says nothing of whose.
        let generic = ownedByBodies && Set(m.names.map { lx.nameEntity[Int($0)] }).count > 1
        // A place is owned by a place right beside it (Hyderabad, Sindh; Mary Turkmenistan); one
        // a word away is weak (see above).
        let onlyPlaces = m.names.allSatisfy { [gpeType, locType].contains(lx.entityTypes[Int(lx.nameEntity[Int($0)])]) }
        var sibling: (distance: Int, entity: Int)?
        func placeOf(_ other: Match, distance: Int, coordinated: Bool, afterArticle: Bool = false) -> Int? {
            let entities = Set(other.names.map { Int(lx.nameEntity[Int($0)]) })
            // A place; for a body, also a body that owns it (МЗС талібів: the Taliban's ministry),
            // named unambiguously (not "the Foreign Ministry and the Justice Ministry").
            guard entities.count == 1, let e = entities.first else { return nil }
            // A place listed with the name (تهران، قم و سمنان; ایران و سرپرست وزارت خارجه) owns
            // nothing; a body joined to a body (الجيش الباكستاني ووزارة الخارجية) still does.
            if lx.entityTypes[e] == gpeType {
                if coordinated, onlyPlaces, sibling == nil || distance < sibling!.distance { sibling = (distance, e) }
                return coordinated ? nil : e
            }
            // Owners other than places stand right next to it, or after a genitive article
            // (des Innenministeriums der Taliban: the Taliban's ministry), named unambiguously.
            guard ownedByBodies, distance == 1 || afterArticle,
                  other.names.allSatisfy({ lx.nameFlags[Int($0)] & ambiguous == 0 }) else { return nil }
            // A body's spokesperson says whose body it is (وزارة الخارجية إسماعيل بقائي is Iran's
            // ministry, представитель МИД Мария Захарова Russia's).
            // (Only where the bodies are each some country's: the ICC's chairman, of India, says
            // nothing between the cricket council and the criminal court, which are no country's.)
            if generic, lx.entityTypes[e] == personType, lx.entityCountry[e] >= 0,
               m.names.allSatisfy({ lx.entityCountry[Int(lx.nameEntity[Int($0)])] >= 0 }) {
                return Int(lx.entityCountry[e])
            }
            // "وكالتا ريا نوفوستي وتاس" lists two agencies: it owns neither.
            return lx.entityTypes[e] == orgType ? e : nil
        }
        func clearGap(_ from: Int, _ to: Int) -> Bool {
            guard to > from else { return true }
            for t in (from + 1)...to where tokens[t].gap.contains(.breaker) || tokens[t].gap.contains(.sentenceStart) { return false }
            return true
        }
        /// Whether a conjunction joins the match ending at token `a` to the one starting at
        /// token `b`, read as `choices` says: a word between (and, и, اور) or a proclitic و.
        /// So does a hyphen, dash or slash right between them, which pairs two places rather
        /// than makes one the other's (পাক-ভারত সীমান্ত, the Pakistan–India border).
        /// `ownerFirst`: a Hindi or Bengali body after a place, where a conjunction after another
        /// word joins that word, not the place (ভারতের স্বরাষ্ট্র ও পররাষ্ট্র মন্ত্রণালয়, India's
        /// home and foreign ministries): only one right after the place, or after its
        /// postposition (के), lists the place with the body.
        func coordinated(_ a: Int, _ b: Int, choices: UInt64, ownerFirst: Bool = false) -> Bool {
            if b == a + 1, !tokens[b].gap.isDisjoint(with: [.hyphen, .dash, .slash]) { return true }
            for t in stride(from: a + 1, to: b, by: 1) {
                let u = tokens[t]
                if Self.conjunctions.contains(UnsafeBufferPointer(rebasing: folded[Int(u.foldStart)..<Int(u.foldEnd)])),
                   !ownerFirst || (a + 1..<t).allSatisfy({ tokens[$0].isFunctionWord }) { return true }
            }
            let u = tokens[b]
            return u.reading(Int(choices & 3)).trimStart > 0 && u.foldEnd - u.foldStart > 2
                && folded[Int(u.foldStart)] == 0xD9 && folded[Int(u.foldStart) + 1] == 0x88
        }
        var nearest: (distance: Int, entity: Int, weak: Bool)?
        // (So does a body named only in Turkish: "Dışişleri Bakanlığı da Afganistan ile Pakistan
        // arasında…" is Türkiye's ministry, not Afghanistan's.)
        let headFinal = ownedByBodies && (tokens[m.last].script == .devanagari || tokens[m.last].script == .bengali
            || m.names.allSatisfy { ownerFirstLanguages.contains(lx.nameLanguage[Int($0)]) })
        // Matches are in text order: only the few around this one can be within three words.
        var lo = 0
        var hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if matches[mid].first < m.first { lo = mid + 1 } else { hi = mid }
        }
        let window = matches[max(0, lo - 3)..<min(matches.count, lo + 4)]
        for other in window where other.first != m.first {
            if other.last < m.first, m.first - other.last <= 3, clearGap(other.last, m.first),
               let p = placeOf(other, distance: m.first - other.last,
                               coordinated: coordinated(other.last, m.first, choices: m.choices, ownerFirst: headFinal)) {
                let d = m.first - other.last
                if nearest == nil || d < nearest!.distance { nearest = (d, p, onlyPlaces && d > 1 && lx.entityTypes[p] == gpeType) }
            }
            // After the name, one word at most between ("Supreme Court of Pakistan", "وزارة الخارجية الباكستانية").
            // Not a body's in Hindi, Bengali and Turkish, which put the owner first (ভারতের বিদেশ মন্ত্রক): a
            // place after it is the body's concern (বিদেশ মন্ত্রকের পাকিস্তান ডেস্ক, "the ministry's
            // Pakistan desk"). A place's still is (पंजाब के गुरदासपुर जिले: Punjab's Gurdaspur).
            if other.first > m.last, other.first - m.last <= 2, !headFinal, clearGap(m.last, other.first),
               let p = placeOf(other, distance: other.first - m.last, coordinated: coordinated(m.last, other.first, choices: other.choices),
                               afterArticle: other.first - m.last == 2 && determiners.contains(Self.foldedWord(m.last + 1, tokens, folded))) {
                let d = other.first - m.last
                if nearest == nil || d < nearest!.distance { nearest = (d, p, onlyPlaces && d > 1 && lx.entityTypes[p] == gpeType) }
            }
        }
        return (nearest?.entity, nearest?.weak ?? false, sibling?.entity)
    }

    // MARK: Partial names

    /// A record for no word: no start, no continuation, no partial row.
    static let noWord = UInt64(UInt32(bitPattern: -1))

    private func partialEntries(_ token: Int32) -> Slice<Table<Int32>> {
        guard token >= 0, Int(token) < lexicon.wordInfo.count else { return lexicon.partialEntries[0..<0] }
        let k = WordInfo.partialRow(lexicon.wordInfo[Int(token)])
        if k < 0 { return lexicon.partialEntries[0..<0] }
        return lexicon.partialEntries[Int(lexicon.partialStart[k])..<Int(lexicon.partialStart[k + 1])]
    }

    /// Whether some reading of the word is the first word of an honorific (Mawlawi, Qari).
    private func startsHonorific(_ t: Token) -> Bool {
        (0..<WordFacts.readings).contains { honorificStarts.contains(t.reading($0).id) }
    }

    private func honorificBefore(_ index: Int, _ tokens: Tokens) -> (start: Int, key: Int)? {
        let lx = lexicon
        guard lx.maxHonorificLength > 0, index > 0, joinable(tokens[index - 1], tokens[index]) else { return nil }
        var best: (Int, Int)?
        for length in 1...lx.maxHonorificLength where index - length >= 0 {
            let start = index - length
            let first = tokens[start]
            // A common word written as such is none (Arabic أمام, "before", folds to امام, imam).
            guard startsHonorific(first), !first.isExactWord else { continue }
            var ok = true
            for t in start..<index {
                if !tokens[t].isKnown || (t > start && !joinable(tokens[t - 1], tokens[t])) { ok = false; break }
            }
            if !ok { continue }
            // Honorifics inflect too (муллы Барадара): try the words as written, then as read.
            for reading in 0..<WordFacts.readings {
                let key = tokens[start..<index].map { String(reading > 0 && $0.reading(reading).id >= 0 ? $0.reading(reading).id : $0.id) }.joined(separator: ",")
                if let h = lx.honorificIndex[key] { best = (start, h); break }
            }
        }
        return best
    }

    private func addPartials(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>, languages: UInt64) {
        let lx = lexicon
        guard !lx.partialTokens.isEmpty else { return }
        let covered = Self.covered(by: matches, count: tokens.count)
        // Full mentions in document order, for antecedents; each entity's first, when a word
        // without an antecedent asks (most words have one, or are no surname at all).
        let sorted = matches.sorted { $0.first < $1.first }
        var firstFullCache: [Int: Int]?
        func firstFull(_ e: Int) -> Int? {
            if firstFullCache == nil {
                var first: [Int: Int] = [:]
                for m in sorted where first[m.entity] == nil { first[m.entity] = m.first }
                firstFullCache = first
            }
            return firstFullCache![e]
        }
        // The persons this document names in full, by the word their mention ends with: the
        // person a surname alone refers back to, though the lexicon lists it as theirs to no
        // one (Farooqi after Fazalhaq Farooqi, whose names are all ambiguous, Farooqi being a
        // common surname, is he, not Aslam Farooqui, whose surname it is alone).
        // The entities named, for a surname several persons carry after a title (asked rarely).
        lazy var mentioned = Set(sorted.map(\.entity))
        var namedBy: [Int32: [Int]] = [:]
        for m in sorted where m.last > m.first && m.kind != .partial && lx.entityTypes[m.entity] == personType {
            for v in 0..<WordFacts.readings where tokens[m.last].reading(v).id >= 0 {
                namedBy[tokens[m.last].reading(v).id, default: []].append(m.entity)
            }
        }
        // The word before the surname in a full mention of three words or more, by the surname:
        // a surname written with it later is the same surname (al-Sudani and Al-Sudani after
        // Mohammed Shia al-Sudani, Al Thani after Mohammed bin Abdulrahman Al Thani), not a
        // given name of another person before it.
        var surnameHeads: [Int32: [(entity: Int, head: Int32)]] = [:]
        for m in sorted where m.last >= m.first + 2 && m.kind != .partial && lx.entityTypes[m.entity] == personType {
            let head = tokens[m.last - 1].id
            guard head >= 0, tokens[m.last].id >= 0 else { continue }
            surnameHeads[tokens[m.last].id, default: []].append((m.entity, head))
        }
        /// The persons named in full whose surname word `i` is, with word `i - 1` before it as there.
        func headed(_ i: Int) -> [Int] {
            guard !surnameHeads.isEmpty, i > 0, !covered[i - 1], joinable(tokens[i - 1], tokens[i]),
                  let heads = surnameHeads[tokens[i].id] else { return [] }
            let before = tokens[i - 1].id
            return heads.filter { $0.head == before }.map(\.entity)
        }
        /// Whether a reading of token `u` is a partial name of a person the document names.
        func namesSomeoneNamed(_ u: Token) -> Bool {
            (0..<WordFacts.readings).contains { v in
                u.partialMask & (1 << v) != 0 && partialEntries(u.reading(v).id).contains { mentioned.contains(Int($0 >> 2)) }
            }
        }
        var added: [Match] = []
        // Surnames claimed by a person the lexicon does not know ("Karim Haqqani").
        var unknownClaims: [Int32: Int] = [:]
        var lastSeen: [Int: Int] = [:]
        var nextFull = 0
        for i in tokens.indices where tokens[i].partialMask != 0 && !covered[i] {
            let t = tokens[i]
            var entries = lexicon.partialEntries[0..<0]
            var choices: UInt64 = 0
            // Not through the Arabic article: a person's name does not take it (الغنی of عبد
            // الغنی is no Ghani); a name that does is listed with it (البغدادي).
            // Of two readings that are partial names, the first whose person the document
            // names in full: Russian Мирзиёева is Ziroat Mirziyoyeva's surname as written and
            // Shavkat Mirziyoyev's in the genitive (визита Мирзиёева), his where he is named.
            for v in 0..<WordFacts.readings where t.partialMask & ~t.articleMask & (1 << v) != 0 {
                let found = partialEntries(t.reading(v).id)
                if found.isEmpty { continue }
                if entries.isEmpty {
                    (entries, choices) = (found, UInt64(v))
                    // Most words have one reading that is a partial name: no full mention is asked.
                    if t.partialMask & ~t.articleMask & ~((2 << v) - 1) == 0 { break }
                }
                if found.contains(where: { firstFull(Int($0 >> 2)) != nil }) {
                    (entries, choices) = (found, UInt64(v))
                    break
                }
            }
            if entries.isEmpty { continue }
            let tokenID = t.reading(Int(choices)).id
            // A title names no one alone, though a name has it (امیر, "emir", in Amir Khan Muttaqi);
            // nor does a word in a common phrase (غنی سازی, "enrichment", is not Ghani), nor one
            // that a word introducing a place stands before (провинция Тико: a place).
            if t.facts.isTitle || inCommonPhrase(i, tokens: tokens, folded: folded) || introducedAsPlace(i, tokens: tokens, folded: folded) { continue }
            // Nor a surname beside a word for "family" (la famille Berdymoukhamedov, शरीफ परिवार):
            // the family, of whom the document may name several.
            if besideFamilyWord(i, tokens: tokens, folded: folded) { continue }
            // Nor does an honorific, though a name starts with it (شیخ of شیخ حسینہ, Sheikh Hasina).
            if startsHonorific(t) && entries.allSatisfy({ $0 & 3 == 1 }) { continue }
            let cased = t.shape.contains(.cased)
            if cased && !t.shape.contains(.firstUpper) { continue }
            // A middle initial or patronymic between a given name and a surname of one person
            // (Sergey V. Lavrov, Сергей Викторович Лавров): the person's name with the middle
            // word left out, from the given name on.
            if cased, let (names, readings) = namesAcrossInitial(i, tokens, covered: covered, folded: folded) {
                var m = Match(first: i - 2, last: i, names: names, kind: .normalized, choices: readings)
                m.assign(Int(lexicon.nameEntity[Int(names[0])]), lexicon)
                added.append(m)
                lastSeen[m.entity] = i
                continue
            }
            // A surname after "bin" and a father's name, its house article between or not
            // (Hamdan bin Mohammed Al Nahyan): the last word of another person's full name, of
            // the house or the father's line of the person the document names.
            do {
                var k = i - 1
                if k >= 0, joinable(tokens[k], t), Self.houseArticles.contains(Self.foldedWord(k, tokens, folded)) { k -= 1 }
                if k >= 1, !covered[k], joinable(tokens[k], tokens[k + 1]), joinable(tokens[k - 1], tokens[k]),
                   Self.patronymicWords.contains(Self.foldedWord(k - 1, tokens, folded)) {
                    if languages & capitalisingLanguages == 0 { unknownClaims[tokenID] = i }
                    continue
                }
            }
            // A capitalised unknown word right before the surname: another person's full name.
            // A title is none (M. Lavrov, Mme Zakharova, Foreign Minister Lavrov, Kremlchef Putin),
            // nor the surname of another person the document names (с Карзаем Барадар).
            let heads = headed(i)
            if cased, i > 0, heads.isEmpty, !covered[i - 1], joinable(tokens[i - 1], t), tokens[i - 1].shape.contains(.firstUpper),
               !namesSomeoneNamed(tokens[i - 1]),
               !(isInitial(i - 1, tokens) && initialAgrees(tokens[i - 1], folded: folded, entities: Set(entries.map { Int($0 >> 2) }))),
               !tokens[i - 1].gap.contains(.sentenceStart) || (t.script == .latin && !isFunctionWord(tokens[i - 1])),
               !tokens[i - 1].facts.isTitle, honorificBefore(i, tokens) == nil {
                // Where every noun or title has a capital (German, Turkish: Bakan Vekili Muttaki),
                // the word may be no name: this surname is left, not the ones after it. But a
                // German surname read with the genitive -s is the possessor, written after the
                // noun it possesses (die Residenz Tokajews, der Anruf Pezeshkians, Anhängern Khans).
                // Nor where German names the person in full before: a capital there marks any noun,
                // which the word after the full name more likely is (Nachfolger Mirziyoyev hingegen).
                // (Not where Turkish letters show: ö and ü gate German rules in Turkish text too.)
                if languages & germanLanguage == 0 || !isGenitiveS(t, reading: Int(choices), folded: folded),
                   languages & capitalisingLanguages != germanLanguage
                    || !entries.contains(where: { firstFull(Int($0 >> 2)).map { $0 < i } ?? false }) {
                    if languages & capitalisingLanguages == 0 { unknownClaims[tokenID] = i }
                    continue
                }
            }
            if !cased, followsOthersName(i, tokens: tokens, covered: covered, carriers: Set(entries.map { Int($0 >> 2) })) {
                unknownClaims[tokenID] = i
                continue
            }
            // A given name that three or more persons of the lexicon carry (محمد, Ahmad, Abdul) is
            // a common one, which names no one alone: only its persons by surname stay. Of two,
            // it is the one the document names (इमरान after इमरान खान, though Imran Riaz Khan
            // is listed too).
            let givenNames = entries.lazy.filter { $0 & 3 == 1 }.count
            let carriers = Set(entries.map { Int($0 >> 2) })
            var candidates = givenNames < 3 ? carriers : Set(entries.filter { $0 & 2 != 0 }.map { Int($0 >> 2) })
            // Unless the word stands right before a mention of one of them, whose given name it
            // is (دمیتري ژیرنوف: Dmitry is Zhirnov's and Medvedev's given name, ژیرنوف Zhirnov's).
            if givenNames >= 2, i + 1 < tokens.count, joinable(t, tokens[i + 1]),
               let next = sorted.first(where: { $0.first == i + 1 }), carriers.contains(next.entity),
               lx.entityTypes[next.entity] == personType {
                candidates = [next.entity]
            }
            // Full mentions before this word, in text order, each entity at its latest.
            while nextFull < sorted.count && sorted[nextFull].first < i {
                lastSeen[sorted[nextFull].entity] = sorted[nextFull].first
                nextFull += 1
            }
            var antecedent: (entity: Int, at: Int)?
            var named: [Int] = []
            if !namedBy.isEmpty {
                for v in 0..<WordFacts.readings where t.articleMask & (1 << v) == 0 { if let es = namedBy[t.reading(v).id] { named += es } }
            }
            // Without capitals, a word the lexicon does not know right before may be a given name
            // of another person (আবদুর রহমান after মুজিব উর রহমান): the lexicon's own partial names only.
            // Not a function word, wherever it stands (तो रहमान, "then Rahman").
            if !cased && !named.isEmpty && i > 0 && !covered[i - 1] && joinable(tokens[i - 1], t)
                && !tokens[i - 1].isKnown && !tokens[i - 1].facts.isFunctionWord { named = [] }
            // A given name so common that it names no one alone (آصف, of many) still names the
            // person the document named in full with it last (خواجة محمد آصف).
            if candidates.isEmpty && named.isEmpty { continue }
            // A person named before with the word refers back first: Муджахид after Забиуллы
            // Муджахида is he, though Мохаммад Якуб, named since, is Мухаммад Якуб Муджахид too.
            for e in named {
                if let at = lastSeen[e], antecedent == nil || at > antecedent!.at { antecedent = (e, at) }
            }
            if antecedent == nil {
                for e in candidates {
                    if let at = lastSeen[e], antecedent == nil || at > antecedent!.at { antecedent = (e, at) }
                }
            }
            // A capitalised word that no name covers right after: part of another name.
            let beforeUnknownName = cased && i + 1 < tokens.count && !covered[i + 1] && capitalised(tokens[i + 1])
                && joinable(t, tokens[i + 1]) && !tokens[i + 1].gap.contains(.sentenceStart)
            if let a = antecedent {
                if let claim = unknownClaims[tokenID], claim > a.at { continue }
                // The person's given name before another surname is another person (John Kirby,
                // then John Smith). So is the surname before another name, in a sentence whose
                // capitals mark names (Chaudhry Shujaat Hussain after Fawad Chaudhry); where
                // every noun has one, a surname may stand before a noun (German Lawrow Journalisten).
                let role = entries.filter { Int($0 >> 2) == a.entity }.reduce(Int32(0)) { $0 | ($1 & 3) }
                if beforeUnknownName && role & 1 != 0 { continue }
                // (Not before the partial name of another person the document names: с Карзаем Барадар.)
                if beforeUnknownName, languages & capitalisingLanguages == 0,
                   isUnknownName(i + 1, across: tokens[i + 1].gap, tokens: tokens, covered: covered),
                   Self.inSentenceCase(around: i, besides: capitalisedRun(from: i + 1, step: 1, tokens: tokens, covered: covered), tokens: tokens, covered: covered),
                   !namesSomeoneNamed(tokens[i + 1]) { continue }
                // With the word before it that the full name has there, the span holds both.
                let first = heads.contains(a.entity) ? i - 1 : i
                added.append(Match(first: first, last: i, names: [], entity: a.entity, kind: .partial, score: 0.9, choices: choices))
                lastSeen[a.entity] = i
                continue
            }
            if unknownClaims[tokenID] != nil { continue }
            // Nor when a capitalised word that no name found covers follows: the word is part
            // of another name (Meni District, Shabe Group, Balo Totanova).
            if beforeUnknownName { continue }
            // No antecedent: a full mention later in the document, of one candidate only (a
            // lead that names the person by surname before the story gives the full name).
            let later = candidates.filter { firstFull($0).map { $0 > i } ?? false }
            if later.count == 1, let e = later.first {
                added.append(Match(first: heads.contains(e) ? i - 1 : i, last: i, names: [], entity: e, kind: .partial, score: 0.85, choices: choices))
                lastSeen[e] = i
                continue
            }
            // Else only a capitalised surname (or a name after an honorific) that one entity
            // alone carries, or that one carries whom the lexicon writes in so many more
            // languages than the others that the press means them by it (Muttaqi is Amir Khan
            // Muttaqi, not Ahmadullah Muttaqi: see Prominence); and not as anyone's given name
            // too unless an honorific says whose it is: Abdullah alone is a given name of many
            // (King Abdullah) before it is Abdullah Abdullah's, but Dr. Abdullah is his.
            // Of several, after a title (Tacikistan Cumhurbaşkanı Rahman), the one the document
            // supports alone: its country or a body of its context named.
            var chosen = carriers.count == 1 ? carriers.first : Prominence.dominant(carriers, languages: { Int(lx.entityLanguages[$0]) })
            var byTitle = false
            if chosen == nil, i > 0, tokens[i - 1].facts.isTitle, joinable(tokens[i - 1], t) {
                let backed = carriers.filter { supports($0, mentioned: mentioned) }
                if backed.count == 1 { (chosen, byTitle) = (backed.first, true) }
            }
            // Of several, the one an entity the document names lists in its own context: the
            // document ties the surname to that one alone (a bare «Хан» in a story that names
            // PTI, whose context is Imran Khan, not Abdul Qadeer Khan). A country or city that
            // all of them share says nothing, so their own context lists are not asked.
            var byContext = false
            if chosen == nil, cased {
                let tied = carriers.filter { c in
                    entries.contains { $0 & 2 != 0 && Int($0 >> 2) == c }
                        && mentioned.contains { $0 != c && lx.context(of: $0).contains(Int32(c)) }
                }
                if tied.count == 1 { (chosen, byContext) = (tied.first, true) }
            }
            guard cased, let e = chosen else { continue }
            // Nor after a capitalised place as written a space before it: the two are a person's
            // name the lexicon lacks, the place's name a given name (Farah Rahimi, a widow from
            // Farah, is neither the province nor Iran's justice minister), as after an unknown
            // word. An inflected place is none (президентом Туреччини Ердоганом: Turkey's).
            if i > 0, t.gap.contains(.space), t.gap.isDisjoint(with: [.hyphen, .dash, .slash, .newline]), joinable(tokens[i - 1], t),
               tokens[i - 1].shape.contains(.firstUpper), !tokens[i - 1].shape.contains(.allUpper),
               sorted.contains(where: { $0.first == i - 1 && $0.last == i - 1 && $0.choices == 0 && [gpeType, locType].contains(lx.entityTypes[$0.entity]) }) {
                continue
            }
            guard entries.contains(where: { $0 & 2 != 0 && Int($0 >> 2) == e }), t.letters >= 4,
                  !entries.contains(where: { $0 & 1 != 0 }) || honorificBefore(i, tokens) != nil || byTitle || byContext else { continue }
            added.append(Match(first: i, last: i, names: [], entity: e, kind: .partial, score: 0.8, choices: choices))
            lastSeen[e] = i
        }
        matches += added
        matches.sort { $0.first < $1.first }
    }

    /// Whether reading `v` of token `t` is the word without a final s (German Tokajews: Tokajew),
    /// not another language's ending (Turkish Sarayı, which the gate may also read as German).
    private func isGenitiveS(_ t: Token, reading v: Int, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        guard v > 0, t.foldEnd > t.foldStart, folded[Int(t.foldEnd) - 1] == UInt8(ascii: "s") else { return false }
        let word = UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd) - 1])
        return lexicon.vocabulary.strings.withBytes(Int(t.reading(v).id)) { $0.elementsEqual(word) }
    }

    /// Whether word `i`, in a script without capitals, follows a given name of other persons,
    /// none of `carriers`: then the two are one name, another person's (अब्दुल्ला स्टानिकजई,
    /// "Abdullah Stanikzai", is no Abbas Stanikzai). Not after a word that is only a surname
    /// (۲۱ کلن راشدخان: کلن, "years old", is also Ibrahim Kalin's surname).
    private func followsOthersName(_ i: Int, tokens: Tokens, covered: [Bool], carriers: Set<Int>) -> Bool {
        guard i > 0, !covered[i - 1], joinable(tokens[i - 1], tokens[i]), tokens[i - 1].partialMask != 0,
              !tokens[i - 1].facts.isTitle, honorificBefore(i, tokens) == nil else { return false }
        let before = tokens[i - 1]
        var given = false
        for v in 0..<WordFacts.readings where before.partialMask & (1 << v) != 0 {
            for entry in partialEntries(before.reading(v).id) {
                if carriers.contains(Int(entry >> 2)) { return false }
                if entry & 1 != 0 { given = true }
            }
        }
        return given
    }

    /// A place of one word whose word as written is the surname of a person this document
    /// named in full before it (Sözcü Balkhi after Abdul Qahar Balkhi: not Balkh with the
    /// Turkish accusative -i; سلیمانی after قاسم سلیمانی: not Sulaymaniyah) is left to the
    /// partial names, which link it to the person.
    private func yieldPlacesToSurnames(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) {
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8> { Self.foldedWord(k, tokens, folded) }
        guard matches.contains(where: { $0.first == $0.last && tokens[$0.first].partialMask & 1 != 0 }) else { return }
        let persons = matches.filter { $0.last > $0.first && $0.kind != .partial && lexicon.entityTypes[$0.entity] == personType }
        if persons.isEmpty { return }
        matches.removeAll { m in
            guard m.kind != .partial, m.kind != .fuzzy, m.first == m.last, tokens[m.first].partialMask & 1 != 0 else { return false }
            let type = lexicon.entityTypes[m.entity]
            guard type == gpeType || type == locType else { return false }
            return persons.contains { $0.last < m.first && word($0.last).elementsEqual(word(m.first)) }
        }
    }

    /// A person's one-word name in a script without capitals right after a word of other
    /// persons' names (see ``followsOthersName``) is part of another person's name.
    private func dropSurnamesOfOthers(_ matches: inout [Match], tokens: Tokens) {
        guard hasCuratedPersons, matches.contains(where: { $0.first == $0.last && lexicon.entityTypes[$0.entity] == personType }) else { return }
        let covered = Self.covered(by: matches, count: tokens.count)
        matches.removeAll { m in
            m.first == m.last && lexicon.entityTypes[m.entity] == personType && !tokens[m.first].shape.contains(.cased)
                && followsOthersName(m.first, tokens: tokens, covered: covered, carriers: [m.entity])
        }
    }

    /// An initial: one capital letter and a period (С. Лавров), which stands for the given
    /// name of the person whose surname follows, not for another person's.
    /// On the same line: a letter that ends a line with a period ends a sentence (соцсети X.).
    private func isInitial(_ k: Int, _ tokens: Tokens) -> Bool {
        let t = tokens[k]
        return t.scalarEnd - t.scalarStart == 1 && t.shape.contains(.firstUpper) && k + 1 < tokens.count
            && tokens[k + 1].gap.contains(.period) && !tokens[k + 1].gap.contains(.breaker) && !tokens[k + 1].gap.contains(.newline)
    }

    /// Whether an initial is the first letter of a given name of one of `entities`: of a
    /// word before the last in one of its names, in any script (С. for Сергей Лавров, S.
    /// for Sergey Lavrov). Another letter is another person's initial (Y. Akalyan).
    private func initialAgrees(_ initial: Token, folded: UnsafeBufferPointer<UInt8>, entities: Set<Int>) -> Bool {
        let letter = String(decoding: folded[Int(initial.foldStart)..<Int(initial.foldEnd)], as: UTF8.self)
        let lx = lexicon
        for e in entities {
            // Names are stored entity by entity: find e's with a binary search.
            var lo = 0, hi = lx.nameEntity.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(lx.nameEntity[mid]) < e { lo = mid + 1 } else { hi = mid }
            }
            var n = lo
            while n < lx.nameEntity.count, Int(lx.nameEntity[n]) == e {
                let words = lx.nameTexts[n].split(separator: " ")
                if words.dropLast().contains(where: { $0.first.map { initialFolder.key(String($0)) == letter } ?? false }) { return true }
                n += 1
            }
        }
        return false
    }

    /// The names of one person that a given name, a middle initial or patronymic and surname
    /// `i` make with the middle word left out (Vladimir V. Putin, George W. Bush, Замир
    /// Набиевич Кабулов, Roza Isakovna Otunbayeva), with the readings of the given name and
    /// the surname (`choices` of a match from the given name on).
    private func namesAcrossInitial(_ i: Int, _ tokens: Tokens, covered: [Bool], folded: UnsafeBufferPointer<UInt8>) -> (names: NameList, choices: UInt64)? {
        guard i >= 2, !covered[i - 1], !covered[i - 2] else { return nil }
        let middle = tokens[i - 1], given = tokens[i - 2], surname = tokens[i]
        guard (isInitial(i - 1, tokens) && !middle.gap.contains(.period)) || isPatronymic(middle, folded: folded),
              given.shape.contains(.firstUpper), joinable(given, middle), joinable(middle, surname) else { return nil }
        let trie = lexicon.trie
        for g in 0..<WordFacts.readings where given.facts.start(g) >= 0 {
            for v in 0..<WordFacts.readings where surname.partialMask & (1 << v) != 0 {
                let state = trie.next(given.facts.start(g), surname.reading(v).id)
                guard state >= 0 else { continue }
                let names = NameList(trie.outputs(of: state).map { TokenTrie.name(trie.outputs[$0]) })
                if !names.isEmpty, Set(names.map { lexicon.nameEntity[Int($0)] }).count == 1 {
                    return (names, UInt64(g) | UInt64(v) << 4)
                }
            }
        }
        return nil
    }

    /// Whether `t` is a Russian-style patronymic, as Russian, Ukrainian and Central Asian
    /// names carry it between the given name and the surname, in any case (Набиевич,
    /// Набиевича, Исаковной, Петрівна, Miromonovich, Isakovna).
    private func isPatronymic(_ t: Token, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.shape.contains(.firstUpper), !t.shape.contains(.allUpper), t.letters >= 6,
              t.script == .latin || t.script == .cyrillic else { return false }
        let word = UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)])
        return (t.script == .latin ? Self.latinPatronymicEndings : Self.cyrillicPatronymicEndings).contains { ending in
            word.count > ending.count && word.suffix(ending.count).elementsEqual(ending)
        }
    }

    private static let latinPatronymicEndings = ["ovich", "evich", "ovna", "evna", "ichna"].map { Array($0.utf8) }
    /// Folded, so Ukrainian і is и (Петрівна: петривна); each stem in any case ending.
    private static let cyrillicPatronymicEndings = ["ович", "евич", "овн", "евн", "ичн", "ивн"].flatMap { stem in
        ["", "а", "у", "ем", "е", "ы", "ой", "ою", "и"].map { Array((stem + $0).utf8) }
    }

    /// A name of one or two Han characters that ICU's dictionary reads as part of other
    /// words is no mention: 北约 (NATO) in 东北约 ("north-east, about"), 马里 (Mali) in 马里克
    /// (Malik), 中东 (the Middle East) in 中东部 ("central-eastern"). Longer names are left
    /// alone: the dictionary does not know most transliterated names and cuts them anywhere
    /// (塔|利|班).
    private func dropNamesInsideHanWords(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) {
        func isHan(_ k: Int) -> Bool { tokens[k].script == .han || tokens[k].script == .kana }
        guard matches.contains(where: { isHan($0.last) }) else { return }
        // A name before 时间 ("time") names a clock, not the place: 北京时间 (Beijing time),
        // 莫斯科时间 (Moscow time).
        matches.removeAll { m in
            let k = m.last + 1
            return isHan(m.last) && k + 1 < tokens.count && tokens[k].gap.contains(.none) && tokens[k + 1].gap.contains(.none)
                && Self.timeFirst.contains(tokens[k].byteStart, in: bytes) && Self.timeSecond.contains(tokens[k + 1].byteStart, in: bytes)
        }
        // A place's name before 语 ("language") names the language: 塔吉克语 (Tajik), 普什图语
        // (Pashto), 俄语 (Russian), not the country or the people. A country's name without its
        // 斯坦 ("-stan") before 人 ("person") names a people, as before 族: 塔吉克人 (Tajiks,
        // Afghanistan's too), 乌兹别克人; unless 人 starts a word of its own there (塔吉克人口,
        // Tajikistan's population; 人权, 人道, 人员). A demonym stays (阿富汗人, Afghans).
        matches.removeAll { m in
            let k = m.last + 1
            guard isHan(m.last), k < tokens.count, tokens[k].gap.contains(.none), namesArePlaces(m) else { return false }
            if Self.languageCharacters.contains(tokens[k].byteStart, in: bytes) { return true }
            return Self.personCharacter.contains(tokens[k].byteStart, in: bytes)
                && !(k + 1 < tokens.count && tokens[k + 1].gap.contains(.none) && Self.afterPersonInWords.contains(tokens[k + 1].byteStart, in: bytes))
                && stanCompletes(m, tokens: tokens)
        }
        // A place inside a short title in 《》 names the work, not the place (《加德满都邮报》,
        // the Kathmandu Post; 《中立土库曼斯坦》, the newspaper Neutral Turkmenistan), unless it
        // is the whole title. A title of eight characters at most, all Han: a paper's or a
        // book's name, not a speech's (《弘扬“中国-中亚精神”…》 names China and Central Asia).
        func inTitle(_ m: Match) -> Bool {
            let start = Int(tokens[m.first].byteStart), end = Int(tokens[m.last].byteEnd)
            func bracket(at i: Int) -> UInt8? {   // 0x8A for 《, 0x8B for 》
                i >= 0 && i + 2 < bytes.count && bytes[i] == 0xE3 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x8A || bytes[i + 2] == 0x8B) ? bytes[i + 2] : nil
            }
            var open = -1
            var i = start - 3
            while i >= max(0, start - 90) {
                if let b = bracket(at: i) { if b == 0x8A { open = i }; break }
                i -= 1
            }
            guard open >= 0 else { return false }
            var j = end
            while j < min(bytes.count, end + 90) {
                if let b = bracket(at: j) {
                    guard b == 0x8B, !(open == start - 3 && j == end) else { return false }
                    let title = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 3)..<j]), as: UTF8.self).unicodeScalars
                    return title.count <= 8 && title.allSatisfy { $0.properties.isIdeographic }
                }
                j += 1
            }
            return false
        }
        matches.removeAll { m in isHan(m.first) && namesArePlaces(m) && inTitle(m) }
        // A longer name whose last character the dictionary reads as the first of a word after
        // it, and the rest of the name as a word of its own: 伊斯兰|国家 ("Islamic countries")
        // is no 伊斯兰国 (the Islamic State). Only a name whose first part the dictionary knows
        // as one word: it cuts the transliterated names it does not know anywhere.
        func endsInsideWord(_ m: Match) -> Bool {
            guard m.last - m.first >= 2, m.last - m.first < 12, isHan(m.first), isHan(m.last), m.last + 1 < tokens.count,
                  isHan(m.last + 1), tokens[m.last + 1].gap.contains(.none), let segmenter = scratch.segmenter else { return false }
            var b = m.last + 1
            while b + 1 < tokens.count, b - m.last < 3, isHan(b + 1), tokens[b + 1].gap.contains(.none) { b += 1 }
            let window = Self.sourceText(m.first, b, tokens, bytes)
            let last = Int(tokens[m.last].scalarStart - tokens[m.first].scalarStart)
            let words = segmenter.words(in: window).map(\.range)
            return words.contains(0..<last) && words.contains { $0.lowerBound == last && $0.upperBound > last + 1 }
        }
        matches.removeAll(where: endsInsideWord)
        guard matches.contains(where: { $0.last - $0.first < 2 && isHan($0.first) }) else { return }
        guard let segmenter = scratch.segmenter else { return }
        // The tokens of Han mentions found so far, for the X·YZ test below.
        var found = [Bool](repeating: false, count: tokens.count)
        for m in matches where isHan(m.first) { for t in m.first...m.last { found[t] = true } }
        matches.removeAll { m in
            guard m.last - m.first < 2, isHan(m.first), isHan(m.last) else { return false }
            // The run of characters around the name, four on each side at most.
            // A conjunction or preposition before the name makes no word with it (和|江铜,
            // "and Jiangxi Copper"): the run starts after it.
            var a = m.first
            while a > 0, m.first - a < 4, isHan(a - 1), tokens[a].gap.contains(.none),
                  !Self.hanFunctionCharacters.contains(tokens[a - 1].byteStart, in: bytes) { a -= 1 }
            var b = m.last
            while b + 1 < tokens.count, b - m.last < 4, isHan(b + 1), tokens[b + 1].gap.contains(.none) { b += 1 }
            // The end of the second part of a foreign name, X·YZ (马利, Mali, of 鲁斯塔姆·埃莫马利,
            // Rustam Emomali): Han characters run back from the name to a middle dot.
            // Not when a name already found, or a conjunction or preposition, stands between:
            // the second part ended there (弗拉基米尔·普京抵达北京: Putin arrived in Beijing;
            // 伊沙克·达尔和印度, Ishaq Dar and India).
            var k = m.first
            while k > 0, m.first - k < 6, isHan(k - 1), tokens[k].gap.contains(.none) { k -= 1 }
            if k < m.first, k > 0, tokens[k].gap.contains(.middleDot), isHan(k - 1),
               !(k..<m.first).contains(where: { found[$0] || Self.hanFunctionCharacters.contains(tokens[$0].byteStart, in: bytes) }) {
                return true
            }
            if a == m.first && b == m.last { return false }
            // A character that spells foreign names and little else after the name: the name
            // begins a longer one (阿塔 in 阿塔图尔克, Atatürk; 巴塔 in 巴塔哥尼亚, Patagonia).
            if b > m.last, Self.transliterationCharacters.contains(tokens[m.last + 1].byteStart, in: bytes) { return true }
            let window = Self.sourceText(a, b, tokens, bytes)
            let start = Int(tokens[m.first].scalarStart - tokens[a].scalarStart)
            let end = Int(tokens[m.last].scalarEnd - tokens[a].scalarStart)
            return segmenter.words(in: window).contains { w in
                let r = w.range
                // The name's first character ends a word before it (东北|约), or its last one
                // starts a word after it (中|东部).
                if r.lowerBound < start && start < r.upperBound { return true }
                if r.lowerBound > start && r.lowerBound < end && end < r.upperBound { return true }
                // A word that starts with the name and goes on by one character: the name is
                // part of a longer one (马里克); by a word of its own, it is a compound with
                // the name in it (中亚国家, "Central Asian countries").
                return r.lowerBound == start && r.upperBound == end + 1
            }
        }
    }

    /// Han characters that Chinese uses to spell foreign names and seldom starts a word of
    /// its own with: one after a short name shows that the name goes on.
    private static let transliterationCharacters = HanCharacters("尔姆夫耶娃茨兹尼斯图哥")

    /// Whether a Roman numeral follows the match, a space away: the name then names
    /// something numbered after it (the Sputnik V vaccine, «Спутник V»), not the entity. A
    /// lexicon name that has the numeral (Elizabeth II) is matched whole before this. "I",
    /// the English pronoun, is no numeral here.
    private func beforeRomanNumeral(_ m: Match, tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let k = m.last + 1
        guard k < tokens.count, tokens[k].gap == .space, tokens[k].script == .latin else { return false }
        let word = bytes[Int(tokens[k].byteStart)..<Int(tokens[k].byteEnd)]
        guard (1...4).contains(word.count), word.allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 }), !word.elementsEqual([0x49]) else { return false }
        // Not the first letter of an abbreviation (V.I.P.).
        let end = Int(tokens[k].byteEnd)
        return end == bytes.count || !(bytes[end] == 0x2E && end + 1 < bytes.count && bytes[end + 1] != 0x20 && bytes[end + 1] != 0x0A)
    }

    /// Whether the match is an Arabic place's name in ي read with an article it does not
    /// have: the adjective of the same letters (نسبة), not the place: الدعم المالي ("financial
    /// support", not Mali), الرئيس المالي ("the Malian president").
    private func nisbaOfPlace(_ m: Match, tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = tokens[m.first]
        guard m.first == m.last, t.script == .arabic, t.articleMask & (1 << m.reading(m.first)) != 0, t.foldEnd - t.foldStart >= 4,
              folded[Int(t.foldEnd) - 2] == 0xD9, folded[Int(t.foldEnd) - 1] == 0x8A else { return false }
        return namesArePlaces(m)
    }

    /// Whether the match found names and every one is a place's (before entities are resolved).
    private func namesArePlaces(_ m: Match) -> Bool {
        !m.names.isEmpty && m.names.allSatisfy { [gpeType, locType].contains(lexicon.entityTypes[Int(lexicon.nameEntity[Int($0)])]) }
    }

    /// Whether 斯坦 after the match's words makes a name of the same place (塔吉克 → 塔吉克斯坦).
    private func stanCompletes(_ m: Match, tokens: Tokens) -> Bool {
        guard stanCharacters.0 >= 0, stanCharacters.1 >= 0 else { return false }
        var state = tokens[m.first].facts.start(m.reading(m.first))
        var k = m.first + 1
        while state >= 0 && k <= m.last {
            state = lexicon.trie.next(state, m.id(of: k, tokens))
            k += 1
        }
        if state >= 0 { state = lexicon.trie.next(state, stanCharacters.0) }
        if state >= 0 { state = lexicon.trie.next(state, stanCharacters.1) }
        guard state >= 0 else { return false }
        let entities = Set(m.names.map { lexicon.nameEntity[Int($0)] })
        return lexicon.trie.outputs(of: state).contains { entities.contains(lexicon.nameEntity[Int(TokenTrie.name(lexicon.trie.outputs[$0]))]) }
    }

    /// 语 / 語, "language".
    private static let languageCharacters = HanCharacters("语語")
    /// 人, "person".
    private static let personCharacter = HanCharacters("人")
    /// Second characters of words that start with 人: population, rights, humanitarian, staff,
    /// people, figures, hostages, the NPC, labour, talent, numbers, per head, culture, mankind.
    private static let afterPersonInWords = HanCharacters("口权權道员員民士质質大工才力数數均身文类類事")
    /// 时间 / 時間, "time", a character at a time.
    private static let timeFirst = HanCharacters("时時")
    private static let timeSecond = HanCharacters("间間")

    /// Han characters that join words and phrases (and, with, to, at, from, of, by): before a
    /// short name they belong to no word with it.
    private static let hanFunctionCharacters = HanCharacters("和与及同跟向对在从的由被将把给为于與對為")

    /// Whether token `i` makes a phrase of common-phrases.txt with the word before or after
    /// it: there it is an ordinary word, not a name.
    private func inCommonPhrase(_ i: Int, tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most words are in no phrase: their vocabulary id says so without building a string.
        guard commonPhraseWords.contains(tokens[i].facts.id) else { return false }
        // A number folds to ASCII digits; the phrase list writes any number as 0 (دوشنبه ۲۲ شهریور,
        // "Monday 22 Shahrivar": a date).
        func word(_ j: Int) -> String {
            let w = folded[Int(tokens[j].foldStart)..<Int(tokens[j].foldEnd)]
            return !w.isEmpty && w.allSatisfy({ (0x30...0x39).contains($0) }) ? "0" : String(decoding: w, as: UTF8.self)
        }
        // The phrases of two words (the usual) and of three, with word `i` in any place.
        for length in 2...3 where length == 2 || hasThreeWordPhrases {
            for first in max(0, i - length + 1)...i where first + length <= tokens.count {
                let range = first..<(first + length)
                guard range.dropFirst().allSatisfy({ joinable(tokens[$0 - 1], tokens[$0]) }) else { continue }
                if commonPhrases.contains(range.map(word).joined(separator: " ")) { return true }
            }
        }
        return false
    }

    /// A one-word place beside a capitalised word that no mention covers is part of a
    /// longer name of something else: a person (Paris Hilton), a body (Qatar Airways, Radio
    /// Iran), which a reader of the whole name would not call a mention of the place. So is
    /// one after an initial, a surname (M. Khost).
    /// Only in text whose capitals mark names: not in German, which writes every noun with
    /// one, nor Turkish, which writes titles and institutions so (Rusya Devlet Başkanı), as
    /// their letters or words show (de.rules, tr.rules); not in all-capital text; and not
    /// where the place is inflected (в Москве Иван Петров), since a name inside another is
    /// written as it is.
    private func dropPlacesInsideNames(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>, languages: UInt64) {
        let lx = lexicon
        guard languages & capitalisingLanguages == 0 else { return }
        func titleCase(_ k: Int) -> Bool { tokens[k].shape.contains(.firstUpper) && !tokens[k].shape.contains(.allUpper) }
        // A one-word place as written, capitalised, beside a capitalised word: the cheap test
        // first, since most documents have none.
        func candidate(_ m: Match) -> Bool {
            guard m.first == m.last, m.choices == 0, m.kind != .partial, tokens[m.first].shape.contains(.cased), titleCase(m.first) else { return false }
            let type = lx.entityTypes[m.entity]
            guard type == gpeType || type == locType else { return false }
            return (m.first + 1 < tokens.count && titleCase(m.first + 1)) || (m.first > 0 && titleCase(m.first - 1))
        }
        guard matches.contains(where: candidate) else { return }
        let covered = Self.covered(by: matches, count: tokens.count)
        func unknownName(_ k: Int, across gap: GapFlags) -> Bool { isUnknownName(k, across: gap, tokens: tokens, covered: covered) }
        func sentenceCase(around i: Int, besides neighbours: ClosedRange<Int>) -> Bool {
            Self.inSentenceCase(around: i, besides: neighbours, tokens: tokens, covered: covered)
        }
        matches.removeAll { m in
            guard candidate(m), !introducedAsPlace(m.first, tokens: tokens, folded: folded) else { return false }
            let i = m.first
            let t = tokens[i]
            // After an initial it is a surname (T. Tema, К. Таха), whatever the case around.
            if i > 0, !covered[i - 1], isInitial(i - 1, tokens), !t.gap.contains(.newline) { return true }
            // (Not counting the other name's words: Pakistan Muslim League (Nawaz), the ruling party.)
            if i + 1 < tokens.count, joinable(t, tokens[i + 1]), unknownName(i + 1, across: tokens[i + 1].gap) {
                return sentenceCase(around: i, besides: capitalisedRun(from: i + 1, step: 1, tokens: tokens, covered: covered))
            }
            if i > 0, !tokens[i - 1].gap.contains(.sentenceStart), joinable(tokens[i - 1], t), unknownName(i - 1, across: t.gap) {
                return sentenceCase(around: i, besides: capitalisedRun(from: i - 1, step: -1, tokens: tokens, covered: covered))
            }
            return false
        }
    }

    /// Whether token `k` is a lower-case particle of names (аш of аш-Шараа, al of al-Sudani, ud
    /// of ud-Din) with a hyphen between it and the next word: a known word of three letters at
    /// most, no function word or title.
    private func isHyphenedParticle(_ k: Int, _ tokens: Tokens) -> Bool {
        let t = tokens[k]
        return k + 1 < tokens.count && t.shape.contains(.cased) && !t.shape.contains(.firstUpper) && t.letters <= 3 && t.isKnown
            && !t.isFunctionWord && !t.facts.isTitle && tokens[k + 1].gap.contains(.hyphen)
    }

    /// Whether token `k` is a capitalised word of no mention, title, honorific or function
    /// word, a space away (`gap`): a hyphen or dash joins places (Pakistan-Afghanistan,
    /// Термез–Логар) rather than making a name, and an honorific starts the next name (at
    /// Torkham Maulavi Mohammad Siddique).
    private func isUnknownName(_ k: Int, across gap: GapFlags, tokens: Tokens, covered: [Bool]) -> Bool {
        let u = tokens[k]
        return !covered[k] && gap.contains(.space) && gap.isDisjoint(with: [.hyphen, .dash, .slash, .newline])
            && capitalised(u) && !u.shape.contains(.allUpper) && !u.facts.isTitle && !u.facts.isFunctionWord
            && !honorificStarts.contains(u.facts.id)
    }

    /// The capitalised words that no mention covers, joined by spaces, from word `k` on
    /// (`step` 1) or back (`step` -1): the words of a name the lexicon does not know.
    private func capitalisedRun(from k: Int, step: Int, tokens: Tokens, covered: [Bool]) -> ClosedRange<Int> {
        var j = k
        while true {
            let next = j + step
            guard next >= 0, next < tokens.count, !covered[next], capitalised(tokens[next]),
                  step > 0 ? joinable(tokens[j], tokens[next]) : joinable(tokens[next], tokens[j]) else { break }
            j = next
        }
        return min(j, k)...max(j, k)
    }

    /// Whether the words around token `i` are written in sentence case: more of the longer
    /// words nearby, not counting those of `neighbours` and words that mentions cover, are in
    /// lower case than capitalised. A headline in title case ("Talks in Doha Amid Border
    /// Tensions"), or a line of Latin words in Hindi text, says nothing.
    private static func inSentenceCase(around i: Int, besides neighbours: ClosedRange<Int>, tokens: Tokens, covered: [Bool]) -> Bool {
        var lower = 0
        var upper = 0
        func count(_ k: Int) {
            let u = tokens[k]
            // (An acronym is written so in any case.)
            guard !neighbours.contains(k), !covered[k], u.shape.contains(.cased), !u.shape.contains(.allUpper), u.letters >= 4,
                  !u.gap.contains(.sentenceStart) else { return }
            if u.shape.contains(.firstUpper) { upper += 1 } else { lower += 1 }
        }
        // Four words before `i`, or before the neighbours that precede it; four after it, or
        // after the neighbours that follow it.
        let before = min(i, neighbours.lowerBound) - 1
        var k = before
        while k >= max(0, before - 3) && !tokens[k + 1].gap.contains(.paragraph) { count(k); k -= 1 }
        let after = max(i, neighbours.upperBound) + 1
        k = after
        while k < min(tokens.count, after + 4) && !tokens[k].gap.contains(.paragraph) { count(k); k += 1 }
        return lower > upper
    }

    /// A person's name inside the name of something named after the person is no mention of
    /// the person: an airport, a hospital, a street, a prize (Bacha Khan International Airport,
    /// Jinnah Hospital, Atatürk Havalimanı, Imam-Khomeini-Flughafen, аэропорт имени Хамида
    /// Карзая, مطار الإمام الخميني). A word of facility-heads.txt after the name says so, joined
    /// to it by a hyphen, or capitalised as part of it, with at most two capitalised words of
    /// its list between (International, Open, Memorial), in a sentence whose capitals mark
    /// names (a headline in title case, "Imran Khan Hospital Visit", says nothing); so does a word of
    /// facility-words.txt right before the name (or its honorific).
    private func dropPeopleInsideFacilityNames(_ matches: inout [Match], tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) {
        let lx = lexicon
        guard matches.contains(where: { lx.entityTypes[$0.entity] == personType }) else { return }
        let covered = Self.covered(by: matches, count: tokens.count)
        func key(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: folded[Int(tokens[k].foldStart)..<Int(tokens[k].foldEnd)]) }
        func capitalised(_ k: Int) -> Bool { tokens[k].shape.contains(.firstUpper) }
        func headAfter(_ m: Match) -> Bool {
            guard tokens[m.last].shape.contains(.cased) else { return false }
            var k = m.last + 1
            var between = 0
            while k < tokens.count {
                let gap = tokens[k].gap
                let hyphen = gap.contains(.hyphen) && gap.isDisjoint(with: [.space, .newline])
                guard hyphen || (gap.contains(.space) && gap.isDisjoint(with: [.newline, .breaker, .period, .quote, .dash, .slash, .apostrophe, .sentenceStart])) else {
                    return false
                }
                if facilityHeads.contains(key(k)) { return hyphen || (capitalised(k) && sentenceCase(before: m.start, after: k)) }
                guard !hyphen, capitalised(k), !covered[k], between < 2, facilityModifiers.contains(key(k)) else { return false }
                between += 1
                k += 1
            }
            return false
        }
        // Whether the name's sentence has a word of three letters or more in lower case: not a
        // headline in title case ("Imran Khan Hospital Visit Sparks Debate").
        func sentenceCase(before start: Int, after head: Int) -> Bool {
            func lower(_ k: Int) -> Bool {
                let u = tokens[k]
                return u.shape.contains(.cased) && !u.shape.contains(.firstUpper) && !u.shape.contains(.allUpper) && u.letters >= 3
            }
            var k = start
            while k > 0 && !tokens[k].gap.contains(.sentenceStart) && !tokens[k].gap.contains(.newline) {
                k -= 1
                if lower(k) { return true }
            }
            k = head + 1
            while k < tokens.count && !tokens[k].gap.contains(.sentenceStart) && !tokens[k].gap.contains(.newline) {
                if lower(k) { return true }
                k += 1
            }
            return false
        }
        func wordBefore(_ m: Match) -> Bool {
            let i = m.start
            guard i > 0, joinable(tokens[i - 1], tokens[i]), !tokens[i].gap.contains(.sentenceStart), facilityWords.contains(key(i - 1)) else { return false }
            guard i > 1, !facilityPhrases.isEmpty, joinable(tokens[i - 2], tokens[i - 1]) else { return true }
            return !facilityPhrases.contains(String(decoding: key(i - 2), as: UTF8.self) + " " + String(decoding: key(i - 1), as: UTF8.self))
        }
        matches.removeAll { m in lx.entityTypes[m.entity] == personType && (headAfter(m) || wordBefore(m)) }
    }

    /// Whether a word of place-words.txt stands right before token `i`, or before a short
    /// word ("of", "de") right before it: the province of Kunar, حکومت مصر.
    private func introducedAsPlace(_ i: Int, tokens: Tokens, folded: UnsafeBufferPointer<UInt8>) -> Bool {
        func isPlaceWord(_ k: Int) -> Bool {
            let u = tokens[k]
            return placeWords.contains(UnsafeBufferPointer(rebasing: folded[Int(u.foldStart)..<Int(u.foldEnd)]))
        }
        guard i > 0, joinable(tokens[i - 1], tokens[i]) else { return false }
        if isPlaceWord(i - 1) { return true }
        return i > 1 && tokens[i - 1].letters <= 3 && joinable(tokens[i - 2], tokens[i - 1]) && isPlaceWord(i - 2)
    }

    /// Two pieces of one person's name side by side are one mention of the person (سراج
    /// حقانی, a short form no name lists: a given name and a surname found apart; Mullah Yaqub
    /// Mujahid). At least one piece is a partial name; the merged mention is one too.
    private func mergeAdjacentPieces(_ matches: inout [Match], tokens: Tokens) {
        guard matches.count > 1 else { return }
        // Kept matches are compacted to the front: `kept` is the last one.
        var kept = 0
        for k in 1..<matches.count {
            let m = matches[k]
            let last = matches[kept]
            if last.entity == m.entity, last.entity >= 0, last.last + 1 == m.first,
               last.kind == .partial || m.kind == .partial, lexicon.entityTypes[m.entity] == personType,
               m.extendFirst < 0, m.honorific < 0, joinable(tokens[last.last], tokens[m.first]),
               !tokens[m.first].gap.contains(.quote),
               // A proclitic on the second (و, "and") makes two mentions: ترار وعطاء الله تارار.
               tokens[m.first].reading(Int(m.choices & 3)).trimStart == 0,
               m.last - last.first < 32 {
                matches[kept].choices |= m.choices << UInt64(2 * (m.first - last.first))
                matches[kept].last = m.last
                matches[kept].kind = .partial
                matches[kept].names = []
                matches[kept].score = min(last.score, m.score)
            } else {
                kept += 1
                if kept != k { matches[kept] = m }
            }
        }
        matches.removeSubrange((kept + 1)...)
    }

    // MARK: Fuzzy mentions

    /// A capitalised word of a cased script.
    private func capitalised(_ t: Token) -> Bool {
        t.shape.contains(.cased) && t.shape.contains(.firstUpper) && t.letters >= 2
    }

    private static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = ["«": "»", "“": "”", "„": "“", "‹": "›", "「": "」", "『": "』", "\"": "\""]

    /// The length in bytes of the closing quotation mark right after `start..<end` when the
    /// span opens one it does not close, or nil.
    static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let span = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let pairs = quotePairs
        var open: Unicode.Scalar?
        for c in String(decoding: span, as: UTF8.self).unicodeScalars {
            if let o = open, c == pairs[o]! { open = nil } else if open == nil, pairs[c] != nil { open = c }
        }
        guard let o = open, end < bytes.count else { return nil }
        let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<min(bytes.count, end + 4)]), as: UTF8.self).unicodeScalars.first
        guard let n = next, n == pairs[o]! || (o == "„" && n == "”") else { return nil }
        return String(n).utf8.count
    }

    /// The length in bytes of the opening quotation mark right before `start..<end` when the
    /// span closes one it does not open (`Bild"-Zeitung` after `"`), or nil.
    static func openingQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let span = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let pairs = quotePairs
        // The first mark of the span that no mark before it in the span opens.
        var open: Unicode.Scalar?
        var unopened: Unicode.Scalar?
        for c in String(decoding: span, as: UTF8.self).unicodeScalars {
            if let o = open, c == pairs[o]! { open = nil; continue }
            // (The straight quote is its own closing mark, so among the values.)
            if open == nil, unopened == nil, pairs.values.contains(c) {
                unopened = c
                break
            }
            if open == nil, pairs[c] != nil { open = c }
        }
        guard let closer = unopened, start > 0 else { return nil }
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[max(0, start - 4)..<start]), as: UTF8.self).unicodeScalars.last
        guard let b = before, pairs[b] == closer || (b == "„" && closer == "”") else { return nil }
        return String(b).utf8.count
    }

    /// A short word as written, for comparison: lower case, the Arabic keyboard's yeh and
    /// kaf (ي ك) as the Persian keyboard's (ی ک), which write the same letters, and the
    /// Indic long i and u as the short ones.
    static func asWritten(_ word: String) -> String {
        String(String.UnicodeScalarView(word.lowercased().unicodeScalars.map { s in
            switch s.value {
            case 0x064A: return "\u{06CC}"
            case 0x0643: return "\u{06A9}"
            // Hindi and Bengali long i and u, as folding takes them (रुस is रूस).
            case 0x0940: return "\u{093F}"
            case 0x0942: return "\u{0941}"
            case 0x09C0: return "\u{09BF}"
            case 0x09C2: return "\u{09C1}"
            default: return s
            }
        }))
    }

    /// A word of three letters or fewer. In Devanagari and Bengali a vowel is a sign on its
    /// consonant, a mark rather than a letter, so there scalars count (কাবুলে has three
    /// consonants and six scalars).
    static func isShortWord(_ t: Token) -> Bool {
        t.script == .devanagari || t.script == .bengali ? t.scalarEnd - t.scalarStart <= 3 : t.letters <= 3
    }

    /// A token that may be part of a name the lexicon lacks: a capitalised word of a cased
    /// script. A title (Präsident, Mme, Außenminister) is none: it stands before names, in no name.
    private func nameLike(_ t: Token) -> Bool {
        t.shape.contains(.cased) && t.shape.contains(.firstUpper) && t.letters >= 2 && !t.facts.isTitle
    }

    /// A word of one script block as the low bytes of its scalars: one byte a letter, told
    /// apart within the block (Arabic, Devanagari, Bengali), for comparing spellings.
    static func lowBytes(_ word: some Collection<UInt8>) -> [UInt8] {
        String(decoding: word, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// Sentence-initial words that are never given names (Later, Then, But, Позже …),
    /// from descriptors' sibling file function-words.txt.
    private func isFunctionWord(_ t: Token) -> Bool { t.isFunctionWord }

    private func addFuzzy(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>,
                          languages: UInt64, matcher: NameMatcher, scratch: Scratch, singleWords: Bool) {
        let covered = Self.covered(by: matches, count: tokens.count)
        // The surnames (last words, folded) of the persons this document names in full, and
        // whether the full name was found by the matcher (a spelling the lexicon lacks).
        // Without case, the word is kept scalar by scalar (``lowBytes(_:)``), as it is compared.
        var surnames: [(entity: Int, word: [UInt8], letters: Int, fuzzy: Bool)] = []
        if singleWords {
            for m in matches where m.last > m.first && lexicon.entityTypes[m.entity] == personType {
                let t = tokens[m.last]
                let word = folded[Int(t.foldStart)..<Int(t.foldEnd)]
                surnames.append((m.entity, t.shape.contains(.cased) ? Array(word) : Self.lowBytes(word), Int(t.letters), m.kind == .fuzzy))
            }
            if surnames.isEmpty { return }
        }
        // Without capitals, a single word is looked at only beside a full name the matcher
        // found: the lexicon does not know its surname, so no partial name links it later
        // (রাইসি, রাইসির after ইব্রাহিম রাইসি where the lexicon has no Bengali Raisi).
        let fuzzySurnames = surnames.contains { $0.fuzzy }
        // Whether word `k` is, as written, the surname of a full name the matcher found.
        func repeatsFuzzySurname(_ k: Int) -> Bool {
            guard fuzzySurnames, tokens[k].shape.contains(.cased) else { return false }
            let word = Self.foldedWord(k, tokens, folded)
            return surnames.contains { $0.fuzzy && $0.word.elementsEqual(word) }
        }
        var added: [Match] = []
        // Whether tokens a...b (two or three, of one script) may be a curated person the lexicon
        // writes in Latin only: their first and last words' keys are those of such a person's
        // Latin name (see TransliterationKey). A word may be one the lexicon knows from another
        // name (अहसन of ज़ियाउल अहसन before इकबाल): the keys of both ends and the lookup decide.
        var keys = NativeKeys(tokens, folded)
        func keysPair(_ a: Int, _ b: Int) -> Bool {
            guard !singleWords, b < tokens.count, b - a <= 2 else { return false }
            let script = tokens[a].script
            let pairs = latinOnlyPairs[Int(script.rawValue)]
            guard !pairs.isEmpty, (a...b).allSatisfy({ tokens[$0].script == script && !tokens[$0].isFunctionWord
                && !tokens[$0].facts.isTitle && (!tokens[$0].shape.contains(.cased) || nameLike(tokens[$0])) }) else { return false }
            // The last word may carry a case ending (সর্বানন্দ সানোয়ালকে).
            return pairs.contains(keys.pair(a, b))
                || keys.stemPairs(a, b) { caseEndingStems(tokens[b], folded: folded, languages: languages) }.contains { pairs.contains($0) }
        }
        lazy var mentioned = Set(matches.map(\.entity))
        func supported(_ e: Int) -> Bool { supports(e, mentioned: mentioned) }
        // Words of Arabic script, Devanagari and Bengali have no capitals to say which are
        // names: there a run of words that holds a known part of a person's name and one
        // unknown word is looked up (আসিম মুনির where the lexicon writes অসীম মুনির, حمد لله
        // فطرت), not single words, nor words of two letters (Persian که, "that", before محمد).
        // Token `k`'s fields are read in place: a copy of the whole token for each word of the
        // document was most of this pass where it found nothing.
        func candidate(_ k: Int) -> Bool {
            let shape = tokens[k].shape
            let letters = tokens[k].letters
            let flags = tokens[k].facts.flags
            // nameLike(_:), in place.
            if shape.contains(.cased) && shape.contains(.firstUpper) && letters >= 2 && !flags.contains(.title) { return true }
            let script = tokens[k].script
            if singleWords {
                return fuzzySurnames && !shape.contains(.cased) && !tokens[k].isKnown && !flags.contains(.title) && !flags.contains(.functionWord) && letters >= 4
                    && (script == .arabic || script == .devanagari || script == .bengali)
            }
            guard hasCuratedPersons, !flags.contains(.title), !flags.contains(.functionWord) else { return false }
            switch script {
            case .arabic: return letters >= 3
            case .devanagari, .bengali: return letters >= 2
            default: return false
            }
        }
        // Without capitals, only a part of a curated person's name says a name is near: a
        // bulk list's names are too many to guess from among ordinary words.
        func hasCuratedNamePart(_ range: ClosedRange<Int>) -> Bool { range.contains { partOfCuratedPerson(tokens[$0]) } }
        // A word that a body's one-word name covers may still be the last or first word of a
        // person's name the lexicon writes in another script only (अब्दुल वाहिद हमास, whose
        // surname is Hamas's name): a run takes one such word at either end, and a span with
        // it counts only as that person's whole name. (Not a place's: a place beside an unknown
        // capitalised word is common, and a person named after it rare.)
        // Only where the lexicon has curated persons, as the passes for scripts without case: a
        // bulk list's persons are too many to guess among.
        let absorbing = !singleWords && hasCuratedPersons
        var absorbable = [Bool](repeating: false, count: absorbing ? tokens.count : 0)
        if absorbing {
            for m in matches where m.start == m.last && lexicon.entityTypes[m.entity] == orgType { absorbable[m.last] = true }
        }
        func absorbs(_ k: Int) -> Bool { absorbing && absorbable[k] && candidate(k) }
        // Whether token `k + 1` may go on a run that token `k` ends.
        func continues(_ k: Int) -> Bool { joinable(tokens[k], tokens[k + 1]) && !tokens[k + 1].gap.contains(.period) }
        // A lower-case particle of names hyphened to the capitalised word after it (аш-Шараа,
        // al-Sudani, ud-Din) goes on a run: the article of a surname, which a respelt given name
        // before it still belongs with (Ахмад аш-Шараа for Ахмед аш-Шараа).
        func particle(_ k: Int) -> Bool {
            !singleWords && isHyphenedParticle(k, tokens) && !covered[k + 1] && candidate(k + 1) && continues(k)
        }
        var next = 0
        while next < tokens.count {
            var i = next
            guard !covered[i], candidate(i) else { next += 1; continue }
            var j = i
            while j + 1 < tokens.count, j + 1 - i < 63, !covered[j + 1], candidate(j + 1) || particle(j + 1), continues(j) { j += 1 }
            next = j + 1
            // The word a run may take at either end (see `absorbable`).
            var soft = -1
            if j + 1 < tokens.count, j + 1 - i < 63, absorbs(j + 1), continues(j) {
                j += 1
                soft = j
            } else if i > 0, j - i < 62, absorbs(i - 1), continues(i - 1) {
                i -= 1
                soft = i
            }
            // Without capitals, a run with no part of a curated person's name has nothing to look up,
            // unless two of its words may be a person the lexicon writes in Latin only.
            if !singleWords, !tokens[i].shape.contains(.cased), !hasCuratedNamePart(i...j),
               !(i..<j).contains(where: { keysPair($0, $0 + 1) || ($0 + 2 <= j && keysPair($0, $0 + 2)) }) { continue }
            // Spans of the run of five tokens at most, longest first; a chosen span blocks those it
            // overlaps. Bit k: token i + k is taken (a run has 64 tokens at most).
            var taken: UInt64 = 0
            for length in stride(from: min(j - i + 1, 5), through: singleWords ? 1 : 2, by: -1) where !singleWords || length == 1 {
                for a in i...(j - length + 1) {
                    let b = a + length - 1
                    let span: UInt64 = ((1 << UInt64(length)) - 1) << UInt64(a - i)
                    if taken & span != 0 { continue }
                    // A particle goes on a run, but neither starts nor ends a span (ul-Haq of
                    // Hamid-ul-Haq is no Imam-ul-Haq).
                    if a != soft && !candidate(a) || b != soft && !candidate(b) { continue }
                    // A lone sentence-initial word is usually an ordinary word with a capital, and a
                    // lone word after another capitalised word is part of an unknown name (Karim Haqqani).
                    // (Unless it is the very surname of a full name the matcher found, as written:
                    // Araghtchi after Abbas Araghtchi, a spelling the lexicon lacks.)
                    if length == 1 && tokens[a].gap.contains(.sentenceStart) && tokens[a].shape.contains(.cased)
                        && !repeatsFuzzySurname(a) { continue }
                    if length == 1, a > 0, !covered[a - 1], nameLike(tokens[a - 1]), joinable(tokens[a - 1], tokens[a]),
                       !tokens[a - 1].isFunctionWord { continue }
                    // So is a lone word before another capitalised word (Shali Nosu, Банк Чосаги).
                    if length == 1, a + 1 < tokens.count, !covered[a + 1], nameLike(tokens[a + 1]), joinable(tokens[a], tokens[a + 1]),
                       !tokens[a + 1].gap.contains(.sentenceStart) { continue }
                    // The cheap conditions below first (the walk and the matcher cost more).
                    var transliterated = false
                    if length == 1 {
                        // A respelt surname has four letters or more and about the surname's length.
                        let letters = Int(tokens[a].letters)
                        guard letters >= 4, surnames.contains(where: { abs($0.letters - letters) <= 2 }) else { continue }
                        // A capitalised word after an article is a German noun (im Rahmen is no Rahmon).
                        if a > 0, tokens[a].shape.contains(.cased), joinable(tokens[a - 1], tokens[a]),
                           determiners.contains(Self.foldedWord(a - 1, tokens, folded)) { continue }
                    } else {
                        // A capitalised name that goes on, past the span, with a word the lexicon
                        // does not know is another person's (Abdul Ghani Kamel is no Abdul Ghani
                        // Baradar): the span is looked up with the run's other words or not at all.
                        // (Not a word before the span: there a capitalised noun or title is common,
                        // le ministre des Transports Ilham Makhkamov, Kollegen Wladimir Norow.)
                        if tokens[a].shape.contains(.cased), b < j, b + 1 != soft, !tokens[b + 1].isKnown { continue }
                        // Exactly one word unknown, and another a known given name or surname; or
                        // every word a given name or surname, in a combination no name lists (a
                        // German given name before a Turkish surname: Siradschuddin Hakkani).
                        // The word a place's or body's name covers is neither: the others are
                        // one unknown word at most, beside a known name part where no capital
                        // says they are names.
                        let unknown = (a...b).filter { !tokens[$0].isKnown && $0 != soft }.count
                        let nameParts = (a...b).filter { tokens[$0].partialMask != 0 && $0 != soft }.count
                        // With curated persons, a word the lexicon knows only inside longer names,
                        // neither a name alone nor a given name or surname nor a title (Mahmood of
                        // Shah Mahmood Qureshi and of the ambiguous Mahmood Khan), may be the one
                        // new word among name parts (Tariq Mahmood Jahangiri).
                        let insideOnly = hasCuratedPersons && unknown == 0 && nameParts == length - 1 && (a...b).contains { k in
                            let t = tokens[k]
                            return k != soft && t.partialMask == 0 && t.facts.endsNameMask == 0 && !t.facts.isTitle && !startsHonorific(t)
                        }
                        let byNameParts = (unknown == 1 && nameParts > 0) || (unknown == 0 && nameParts == length) || insideOnly
                        // Else two or three words may be a curated person the lexicon writes in Latin only,
                        // in transliteration (Хедаятулла Бадри for Hedayatullah Badri): checked after the lookup.
                        // (Not a span with the word a body's name covers: a span beside it may be.)
                        transliterated = !byNameParts && !(a...b).contains(soft) && length <= 3 && keysPair(a, b)
                        if (a...b).contains(soft) {
                            // A capital says little at a sentence's start (In Buda, Side Ani).
                            let lead = tokens[a == soft ? a + 1 : a]
                            let capitalised = lead.shape.contains(.cased) && !lead.gap.contains(.sentenceStart) && !lead.isFunctionWord
                            guard unknown <= 1 && (nameParts > 0 || capitalised) else { continue }
                        } else {
                            guard byNameParts || transliterated else { continue }
                        }
                        if !tokens[a].shape.contains(.cased), !transliterated, !hasCuratedNamePart(a...b) { continue }
                    }
                    // A span the automaton reads as a lexicon name was already decided (kept,
                    // or dropped for its case or context): the matcher must not bring it back.
                    var known = false
                    explore(tokens, first: a, at: a, state: 0, choices: 0, previousTrimEnd: 0) { last, _, _ in if last == b { known = true } }
                    if known { continue }
                    var entity = -1
                    var score = 0.0
                    if length == 1 {
                        // A single word is a person's surname in a new spelling, after the
                        // person's mention: compare it with those persons' surnames only.
                        // After a person's full mention, a surname spelt another way (Muttaki after
                        // Amir Chan Muttaki): compare the word with the surnames this document used.
                        // A respelling keeps about the surname's length (Muttaki, Muttaqi; Kabulov,
                        // Kabuloff); a short word is too often a word of its own (May after Mayan).
                        let letters = Int(tokens[a].letters)
                        let word = Self.foldedWord(a, tokens, folded)
                        let cased = tokens[a].shape.contains(.cased)
                        // Scripts without case are compared scalar by scalar: their letters' UTF-8
                        // bytes share lead bytes, which make any two words look alike.
                        let scalars = cased ? [] : Self.lowBytes(word)
                        // Without capitals, a surname of three letters begins too many words of
                        // its own (Persian دارم, "I have", after اسحق دار): only longer ones are compared.
                        for (e, surname, surnameLetters, fuzzy) in surnames where abs(surnameLetters - letters) <= 2 && (cased || (fuzzy && surnameLetters >= 4)) {
                            let sim = cased ? surname.withUnsafeBufferPointer { Similarity.jaroWinkler(word, $0) }
                                : Similarity.jaroWinkler(scalars, surname)
                            // The surname as written is a partial name's to link, unless the lexicon
                            // does not know the word (the full name was another spelling: Бадри
                            // after Хедаятулла Бадри, where the lexicon writes Badri in Latin only).
                            if sim >= 1 && tokens[a].isKnown { continue }
                            if sim >= options.fuzzySingleWordThreshold, sim > score {
                                entity = e
                                score = sim
                            }
                        }
                        guard entity >= 0 else { continue }
                    } else {
                        // A new spelling of a person's name differs from the lexicon in one word at
                        // most, and the others include a given name or surname the lexicon knows
                        // (Amir Chan Muttaki, Zamir Kabuloff): other spans are not looked up.
                        // All words known but no lexicon name: names side by side, not a new spelling.
                        // (Both checked above, before the walk.)
                        let text = Self.sourceText(a, b, tokens, bytes)
                        (entity, score) = fuzzyLookup(text, matcher: matcher, scratch: scratch)
                        // A case ending on the last word (আলেকজান্ডার লুকাশেঙ্কোর): the name without
                        // it, as the inflection rules read a name of the lexicon. The mention keeps it.
                        if entity < 0 {
                            let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].byteStart)..<Int(tokens[b].byteStart)]), as: UTF8.self)
                            for stem in caseEndingStems(tokens[b], folded: folded, languages: languages) where Self.scalarCount(stem) >= 2 {
                                (entity, score) = fuzzyLookup(head + String(decoding: stem, as: UTF8.self), matcher: matcher, scratch: scratch)
                                if entity >= 0 { break }
                            }
                        }
                        guard entity >= 0, !lexicon.isGenerated(entity), lexicon.entityTypes[entity] == personType,
                              score >= options.fuzzyThreshold, tokens[a].shape.contains(.cased) || lexicon.entityFlags[entity] & 1 != 0 else { continue }
                        // Words the lexicon knows none of name only a curated person it has no
                        // name for in their script, and must fit closely: one it writes in that
                        // script would have been found by its words. Without capitals, it also
                        // needs the document to name the person, the person's country or context.
                        if transliterated {
                            guard lexicon.isCurated(entity), !personsWritten[Int(tokens[a].script.rawValue)].contains(Int32(entity)), score >= 0.9,
                                  tokens[a].shape.contains(.cased) || supported(entity) else { continue }
                        }
                    }
                    taken |= span
                    added.append(Match(first: a, last: b, names: [], entity: entity, kind: .fuzzy, score: score))
                }
            }
        }
        if added.isEmpty { return }
        matches += added
        matches.sort { $0.first < $1.first }
    }

    /// A Devanagari or Bengali word's folded stems without a case ending its script's rules
    /// know (লুকাশেঙ্কোর: লুকাশেঙ্কো), in the rules' order: how the inflection rules read a
    /// word of the lexicon, for the lookups of words and names the lexicon does not have.
    private func caseEndingStems(_ t: Token, folded: UnsafeBufferPointer<UInt8>, languages: UInt64) -> [[UInt8]] {
        let script = Int(t.script.rawValue)
        guard t.script == .devanagari || t.script == .bengali, let set = gate.rules(script, languages & gate.scriptMask[script]) else { return [] }
        let key = UnsafeBufferPointer(rebasing: folded[Int(t.foldStart)..<Int(t.foldEnd)])
        return set.suffixes.compactMap { r in
            guard r.trimScalars == 0, !r.afterZWNJ, key.count > r.surface.count, key.suffix(r.surface.count).elementsEqual(r.surface) else { return nil }
            return Array(key.dropLast(r.surface.count)) + r.replacement
        }
    }

    /// Devanagari and Bengali spell a borrowed name's vowels several ways (जारंज and ज़रंज,
    /// चाबहर and चाबहार), and the Latin and Cyrillic press a place's name as many (Urozgan,
    /// Turgundi, Догарун, Nemroz): a word no mention covers and the lexicon does not know,
    /// that reads letter for letter in Latin as one curated entity's whole name (lookup's key,
    /// score 1) is that entity, where the document names it, its country or its context
    /// elsewhere. In Devanagari and Bengali a word of five code points and three letters or
    /// more, of those scripts only; in Latin and Cyrillic a capitalised word of five letters
    /// or more, beside no other unknown capitalised word, that names a place. Only where the
    /// lexicon has curated persons, as the fuzzy pass; a name that is ambiguous or part of a
    /// longer one does not count.
    private func addKeySpellings(_ matches: inout [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>,
                                 languages: UInt64, matcher: NameMatcher, scratch: Scratch) {
        guard hasCuratedPersons else { return }
        let covered = Self.covered(by: matches, count: tokens.count)
        lazy var mentioned = Set(matches.map(\.entity))
        func supported(_ e: Int) -> Bool { supports(e, mentioned: mentioned) }
        func unknownCapitalised(_ k: Int) -> Bool {
            k >= 0 && k < tokens.count && !covered[k] && tokens[k].facts.id < 0 && tokens[k].shape.contains(.firstUpper)
        }
        var added: [Match] = []
        for i in tokens.indices where !covered[i] {
            let t = tokens[i]
            guard t.facts.id < 0, !t.facts.isTitle, !t.facts.isFunctionWord else { continue }
            let indic = t.script == .devanagari || t.script == .bengali
            if indic {
                guard t.scalarEnd - t.scalarStart >= 5, t.letters >= 3 else { continue }
            } else {
                guard t.script == .latin || t.script == .cyrillic, t.letters >= 5, t.shape.contains(.firstUpper), !t.shape.contains(.allUpper),
                      !(unknownCapitalised(i - 1) && joinable(tokens[i - 1], t)),
                      !(unknownCapitalised(i + 1) && joinable(t, tokens[i + 1])) else { continue }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.byteStart)..<Int(t.byteEnd)]), as: UTF8.self)
            // Letters and signs of these scripts only (and joiners), no mixture.
            if indic, !text.unicodeScalars.allSatisfy({ (0x0900...0x09FF).contains($0.value) || $0.value == 0x200C || $0.value == 0x200D }) { continue }
            var hit = fuzzyLookup(text, sameKey: true, matcher: matcher, scratch: scratch)
            // With a case ending (বিশকেকে, বিশকেকের): the word without it, as the inflection
            // rules read a word of the lexicon; the mention keeps the ending, as theirs do.
            if hit.0 < 0, indic {
                for stem in caseEndingStems(t, folded: folded, languages: languages) where Self.scalarCount(stem) >= 5 {
                    let found = fuzzyLookup(String(decoding: stem, as: UTF8.self), sameKey: true, matcher: matcher, scratch: scratch)
                    if found.0 >= 0 { hit = found; break }
                }
            }
            guard hit.0 >= 0, lexicon.isCurated(hit.0) else { continue }
            let type = lexicon.entityTypes[hit.0]
            // In a cased script only places: a capitalised unknown word is most often a person.
            if !indic, type != gpeType, type != locType { continue }
            // A key says less than a spelling (জওয়ান, "soldier", reads as Jowzjan's জাওযান): a
            // place or person needs the document to name it, its country or its context elsewhere
            // too. A body's name spelt out in letters (एएफपी, AFP) needs no such support.
            guard type == orgType || supported(hit.0) else { continue }
            added.append(Match(first: i, last: i, names: [], entity: hit.0, kind: .fuzzy, score: 0.9))
        }
        // An Arabic-script word the lexicon does not know right after a word that introduces a
        // place (ولسوالی کلدار, "Kaldar district", where the lexicon writes Kaldar in Latin only):
        // a curated place whose whole name it reads as in Latin (0.93 or more: the script
        // leaves out short vowels), where the document names the place, its country or its
        // context elsewhere too.
        for i in tokens.indices where !covered[i] && tokens[i].script == .arabic {
            // The token's fields in place: most Arabic words are known or introduced by nothing.
            let flags = tokens[i].facts.flags
            guard tokens[i].facts.id < 0, tokens[i].letters >= 3, !flags.contains(.title), !flags.contains(.functionWord),
                  introducedAsPlace(i, tokens: tokens, folded: folded), !added.contains(where: { $0.first == i }) else { continue }
            let text = Self.sourceText(i, i, tokens, bytes)
            let (e, score) = fuzzyLookup(text, whole: true, matcher: matcher, scratch: scratch)
            guard e >= 0, score >= 0.93, lexicon.isCurated(e), lexicon.entityTypes[e] == gpeType || lexicon.entityTypes[e] == locType,
                  supported(e) else { continue }
            added.append(Match(first: i, last: i, names: [], entity: e, kind: .fuzzy, score: 0.9))
        }
        // A run of two or three capitalised words of a cased script that no name covers and that
        // spells a curated place's or body's name another way (Darai Nur, Mazar-Sharif, Al
        // Arabia): the matcher's best whole name at 0.95 or more. A place needs the support a
        // key does. (Persons are the fuzzy pass's; a single word is too often a word of its own.)
        // (A lower-case particle hyphened to the capitalised word after it goes on the run, as on
        // the fuzzy pass's, and the run may then have a word more: Хайат Тахрір аш-Шам.)
        func runWord(_ j: Int) -> Bool {
            !covered[j] && (tokens[j].script == .latin || tokens[j].script == .cyrillic) && capitalised(tokens[j])
                && !tokens[j].shape.contains(.allUpper) && !tokens[j].facts.isTitle && !tokens[j].isFunctionWord
        }
        func particle(_ j: Int) -> Bool {
            !covered[j] && isHyphenedParticle(j, tokens) && joinable(tokens[j], tokens[j + 1]) && runWord(j + 1)
        }
        var k = 0
        while k < tokens.count {
            var j = k
            var particles = 0
            while j < tokens.count, j == k || joinable(tokens[j - 1], tokens[j]) {
                if runWord(j) {
                    j += 1
                } else if j > k, particle(j) {
                    particles += 1
                    j += 1
                } else {
                    break
                }
            }
            defer { k = max(j, k + 1) }
            let b = j - 1
            // A capitalised word at a sentence's start is most often an ordinary word: the rest
            // may be the name (Угруповання Хайат Тахрір аш-Шам захопило), looked up after the
            // whole run, or instead of it when the whole is too long.
            var starts = [k]
            if tokens[k].gap.contains(.sentenceStart), b - k >= 2, !particle(k + 1) { starts.append(k + 1) }
            var found: (a: Int, e: Int)?
            for a in starts {
                // A run that opens with an honorific is a person's name (Qari Bakhtiar is no Bakhtar).
                guard b - a >= 1, b - a <= 2 + particles, particles <= 1, !added.contains(where: { $0.first >= a && $0.first <= b }),
                      !startsHonorific(tokens[a]) else { continue }
                let text = Self.sourceText(a, b, tokens, bytes)
                let (e, score) = fuzzyLookup(text, whole: true, matcher: matcher, scratch: scratch)
                guard e >= 0, score >= 0.95, lexicon.isCurated(e) else { continue }
                let type = lexicon.entityTypes[e]
                guard type == gpeType || type == locType || type == orgType else { continue }
                guard type == orgType || supported(e) else { continue }
                found = (a, e)
                break
            }
            guard let (a, e) = found else { continue }
            added.append(Match(first: a, last: b, names: [], entity: e, kind: .fuzzy, score: 0.9))
        }
        // Two to four words of Devanagari or Bengali that spell a curated place's or body's
        // name another way (पाकिस्तान पीपल्स पार्टी for पीपुल्स, ঢাকা ট্রিবিউন for Dhaka Tribune:
        // the matcher's best whole name at 0.95 or more), where the keys of the first and last
        // words are those of such a name in Latin: that place or body, over the shorter names
        // inside (पाकिस्तान). The longest span first; not across a mention that goes on past
        // the span.
        if tokens.contains(where: { $0.script == .devanagari || $0.script == .bengali }), case let bodyKeyPairs = bodyKeyPairs(), !bodyKeyPairs.isEmpty {
            var keys = NativeKeys(tokens, folded)
            var taken = [Bool](repeating: false, count: tokens.count)
            for m in added { for t in m.first...m.last { taken[t] = true } }
            for a in tokens.indices where !taken[a] && (tokens[a].script == .devanagari || tokens[a].script == .bengali) {
                var last = a
                while last + 1 < tokens.count, last - a < 3, tokens[last + 1].script == tokens[a].script, !taken[last + 1],
                      joinable(tokens[last], tokens[last + 1]) { last += 1 }
                guard last > a else { continue }
                for b in stride(from: last, through: a + 1, by: -1) {
                    guard bodyKeyPairs.contains(keys.pair(a, b)),
                          !matches.contains(where: { $0.first <= b && $0.last >= a && ($0.first < a || $0.last > b) }) else { continue }
                    let text = Self.sourceText(a, b, tokens, bytes)
                    let (e, score) = fuzzyLookup(text, whole: true, matcher: matcher, scratch: scratch)
                    // A place needs the support a key does, as above.
                    guard e >= 0, score >= 0.95, lexicon.isCurated(e), lexicon.entityTypes[e] != personType,
                          lexicon.entityTypes[e] == orgType || supported(e) else { continue }
                    added.append(Match(first: a, last: b, names: [], entity: e, kind: .fuzzy, score: 0.9))
                    for t in a...b { taken[t] = true }
                    break
                }
            }
        }
        if added.isEmpty { return }
        matches += added
        matches.sort { $0.first < $1.first }
    }

    /// Whether the document names entity `e`, its country or its context, elsewhere than
    /// where it is asked: `mentioned` holds the entities of its mentions.
    private func supports(_ e: Int, mentioned: Set<Int>) -> Bool {
        mentioned.contains(e) || mentioned.contains(Int(lexicon.entityCountry[e])) || lexicon.context(of: e).contains(where: { mentioned.contains(Int($0)) })
    }

    /// Whether a reading of the token is a given name or surname of a curated person.
    private func partOfCuratedPerson(_ t: Token) -> Bool {
        for v in 0..<WordFacts.readings where t.partialMask & (1 << v) != 0 {
            if partialEntries(t.reading(v).id).contains(where: { lexicon.entityFlags[Int($0 >> 2)] & 1 != 0 }) { return true }
        }
        return false
    }

    /// The matcher's best entity for `text` and its score, (-1, 0) for none, memoised per
    /// thread. `sameKey`: only a whole name whose key is the text's (score 1); `whole`: only a
    /// whole name, whatever the text's spacing.
    private func fuzzyLookup(_ text: String, sameKey: Bool = false, whole: Bool = false, matcher: NameMatcher, scratch: Scratch) -> (Int, Double) {
        let memo = sameKey ? "\u{1}" + text : whole ? "\u{2}" + text : text
        if let hit = scratch.fuzzy[memo] { return hit }
        let best = matcher.best(text, includeGenerated: false, includeAmbiguous: false, candidates: 40)
        // Words the name lacks, or name words the span lacks, make it another name: only
        // complete matches count, except a single word, which may be a surname.
        let single = !sameKey && !whole && !text.contains(" ") && !text.contains("-")
        let result = best.map { $0.isMatch && ($0.isComplete || single) && (!sameKey || $0.score >= 1) ? ($0.entity, $0.score) : (-1, 0) } ?? (-1, 0)
        if scratch.fuzzy.count > 100_000 { scratch.fuzzy.removeAll(keepingCapacity: true) }
        scratch.fuzzy[memo] = result
        return result
    }

    // MARK: Honorifics

    private func attachHonorifics(_ matches: inout [Match], tokens: Tokens) {
        let lx = lexicon
        guard lx.maxHonorificLength > 0, matches.contains(where: { lx.entityTypes[$0.entity] == personType }) else { return }
        let taken = Self.covered(by: matches, count: tokens.count)
        for k in matches.indices where lx.entityTypes[matches[k].entity] == personType {
            let m = matches[k]
            // An honorific inside the name as the lexicon wrote it (Mawlawi Gul Hasan).
            for length in stride(from: min(lx.maxHonorificLength, m.last - m.first), through: 1, by: -1)
            where honorificStarts.contains(m.id(of: m.first, tokens)) {
                let key = (m.first..<(m.first + length)).map { String(m.id(of: $0, tokens)) }.joined(separator: ",")
                if let h = lx.honorificIndex[key] { matches[k].honorific = h; break }
            }
            if matches[k].honorific >= 0 { continue }
            if let (start, h) = honorificBefore(m.first, tokens), !(start..<m.first).contains(where: { taken[$0] }),
               m.trimStart(tokens) == 0 {
                matches[k].honorific = h
                matches[k].extendFirst = start
            } else if m.trimStart(tokens) == 0 {
                // Initials before a surname (С. В. Лавров, S. Lavrov) belong to the name.
                var start = m.first
                while start > 0, start > m.first - 3, !taken[start - 1], isInitial(start - 1, tokens) {
                    start -= 1
                }
                if start < m.first { matches[k].extendFirst = start }
            }
        }
    }

    /// An honorific stands before a person's name: a body's name right after one is a word
    /// of that person's name (مولوی حزب‌الله, a Taliban governor, is no Hezbollah). So does a
    /// courtesy title before a body's one-word name (آقای حزب‌الله, Mr. Hamas).
    private func dropBodiesAfterHonorifics(_ matches: inout [Match], tokens: Tokens) {
        let lx = lexicon
        guard lx.maxHonorificLength > 0 || !courtesyTitles.isEmpty else { return }
        matches.removeAll { m in
            guard m.extendFirst < 0, lx.entityTypes[m.entity] == orgType, m.first > 0 else { return false }
            // A title of a script with case is one with its capital (not "president Taliban").
            let title = tokens[m.first - 1]
            if m.first == m.last, courtesyTitles.contains(title.id), !title.shape.contains(.cased) || title.shape.contains(.firstUpper),
               joinable(title, tokens[m.first]) { return true }
            return lx.maxHonorificLength > 0 && honorificBefore(m.first, tokens) != nil
        }
    }

    // MARK: Output

    /// The byte offset `scalars` scalars after `offset` in valid UTF-8.
    private static func advance(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, scalars: Int) -> Int {
        var i = offset
        var left = scalars
        while left > 0 && i < bytes.count {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            left -= 1
        }
        return i
    }

    /// The byte offset `scalars` scalars before `offset` in valid UTF-8.
    private static func retreat(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, scalars: Int) -> Int {
        var i = offset
        var left = scalars
        while left > 0 && i > 0 {
            i -= 1
            while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            left -= 1
        }
        return i
    }

    /// Whether token `k` is a function word written in capitals among words in capitals (a
    /// headline: PARVIENNENT À UN ACCORD, WHY IS THE TALIBAN WINNING) that the document also
    /// writes in lower case (un, is): there it is that word, not the acronym of the same letters
    /// (UN, IS). A document that never writes the word so (an English one, for UN) keeps it.
    private func shoutedWord(_ k: Int, _ tokens: Tokens) -> Bool {
        let t = tokens[k]
        guard t.shape.contains(.allUpper), t.facts.isFunctionWord, t.id >= 0 else { return false }
        func shouts(_ j: Int) -> Bool { tokens[j].shape.contains(.allUpper) && tokens[j].letters >= 2 }
        func sameLine(_ u: Token) -> Bool { !u.gap.contains(.newline) && !u.gap.contains(.paragraph) }
        guard (k > 0 && sameLine(t) && shouts(k - 1)) || (k + 1 < tokens.count && sameLine(tokens[k + 1]) && shouts(k + 1)) else { return false }
        return tokens.contains { $0.id == t.id && $0.shape.contains(.cased) && !$0.shape.contains(.firstUpper) }
    }

    private func mentions(_ matches: [Match], tokens: Tokens, bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch) -> [FoundMention] {
        let lx = lexicon
        // The candidate names' texts and flags, read once before the checks below.
        var touched: UInt8 = 0
        for m in matches where m.kind != .partial && m.kind != .fuzzy {
            for n in m.names { touched ^= lx.nameTexts.touch(Int(n)) ^ lx.nameFlags[Int(n)] }
        }
        scratch.touched ^= touched
        var out: [FoundMention] = []
        out.reserveCapacity(matches.count)
        func text(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[from..<to]) }
        for m in matches {
            if m.first == m.last && shoutedWord(m.first, tokens) { continue }
            let firstIndex = m.start
            let first = tokens[firstIndex]
            let last = tokens[m.last]
            var byteStart = Int(first.byteStart)
            var byteEnd = Int(last.byteEnd)
            var start = Int(first.scalarStart)
            var end = Int(last.scalarEnd)
            // Trims are in scalars of the first and last tokens.
            let trimStart = m.extendFirst >= 0 ? 0 : Int(m.trimStart(tokens))
            let trimEnd = Int(m.trimEnd(tokens))
            if (trimStart > 0 || trimEnd > 0) && trimStart < (end - start) - trimEnd {
                byteStart = Self.advance(bytes, byteStart, scalars: trimStart)
                byteEnd = Self.retreat(bytes, byteEnd, scalars: trimEnd)
                start += trimStart
                end -= trimEnd
            }
            var kind = m.kind
            var names = m.names
            var appendsPeriod = false
            if kind != .partial && kind != .fuzzy {
                let surface = text(byteStart, byteEnd)
                // Exact-case names must match the text byte for byte.
                if names.contains(where: { lx.nameFlags[Int($0)] & CompiledLexicon.exactCaseFlag != 0 }) {
                    // Turkish writes the capital of i with its dot (TAPİ): it is the name's I, and a
                    // Turkish name's İ (MİT) is the text's I or İ.
                    func dotless(_ s: some StringProtocol) -> String { String(s.filter { $0 != "." }.map { $0 == "İ" ? "I" : $0 }) }
                    let written = dotless(String(decoding: surface, as: UTF8.self))
                    names = NameList(names.filter { n in
                        guard lx.nameFlags[Int(n)] & CompiledLexicon.exactCaseFlag != 0 else { return true }
                        // Periods are separators for the tokenizer (U.S.), so compare without them.
                        let name = dotless(lx.nameTexts[Int(n)])
                        // An all-capitals dateline (KAZAN) still names the city written Kazan.
                        return name == written || (name != name.uppercased() && written == name.uppercased() && written.count > 3)
                    })
                    if names.isEmpty { continue }
                }
                // An exact word (على, إلى) is a word of the name only where the name writes it so.
                for k in m.first...m.last where tokens[k].isExactWord {
                    let word = String(decoding: text(Int(tokens[k].byteStart), Int(tokens[k].byteEnd)), as: UTF8.self)
                    names = NameList(names.filter { lx.nameTexts[Int($0)].split(separator: " ").contains { $0 == word } })
                }
                if names.isEmpty { continue }
                // A name written with a final period (U.S.) keeps it: the tokenizer left it in the gap.
                if byteEnd < bytes.count, bytes[byteEnd] == 0x2E, surface.last != 0x2E,
                   names.contains(where: { n in lx.nameTexts.withBytes(Int(n)) { $0.last == 0x2E } }) {
                    appendsPeriod = true
                    end += 1
                }
                if m.choices != 0 {
                    kind = .inflected
                } else {
                    let core = m.extendFirst >= 0 ? text(Int(tokens[m.first].byteStart), byteEnd) : surface
                    let exact = names.contains { n in
                        lx.nameTexts.withBytes(Int(n)) { name in
                            // The name as written, with the period the surface gained (U.S.).
                            if appendsPeriod && m.extendFirst < 0 {
                                return name.count == core.count + 1 && name.last == 0x2E && name.prefix(core.count).elementsEqual(core)
                            }
                            if m.shrunk {
                                // The name's words after the descriptor left out (рух «Талібан»), as written.
                                guard name.count > core.count else { return false }
                                return (1...(name.count - core.count)).contains { memcmp(name.baseAddress! + $0, core.baseAddress!, core.count) == 0 }
                            }
                            return name.count == core.count && memcmp(name.baseAddress!, core.baseAddress!, core.count) == 0
                        }
                    }
                    kind = exact ? .exact : .normalized
                }
                // A word of three letters or fewer matches only as written (case, and the Arabic
                // and Persian keyboards' yeh and kaf aside: چين is چین): once folded, short names
                // collide with ordinary words (الى for إلى, "to").
                if m.first == m.last, !m.shrunk, Self.isShortWord(tokens[m.first]), kind != .exact {
                    var written = String(decoding: surface, as: UTF8.self)
                    if appendsPeriod { written += "." }
                    written = Self.asWritten(written)
                    if !names.contains(where: { Self.asWritten(lx.nameTexts[Int($0)]) == written }) { continue }
                }
                // Nor is a one-word name of three letters read through an ending (наш in Наши),
                // unless a curator chose it (Bengali চীন: চীনের, চীনে).
                if kind == .inflected, m.first == m.last, !allCurated(names),
                   lx.vocabulary.strings.bytes.withUnsafeBufferPointer({ all in
                       Self.scalarCount(UnsafeBufferPointer(rebasing: all[lx.vocabulary.strings.range(Int(m.id(of: m.first, tokens)))]))
                   }) <= 3 {
                    continue
                }
            }
            // A name that opens a quotation mark inside its span (کانال «قوشتپه», مبادرة "الحزام
            // والطريق") takes the closing mark right after it: a span holds both or neither.
            let spanFirst = m.start
            // So does one that closes a mark opened right before it ("Bild"-Zeitung: the span
            // takes the opening mark).
            if !appendsPeriod, spanFirst < m.last, (spanFirst + 1...m.last).contains(where: { tokens[$0].gap.contains(.quote) }) {
                if let close = Self.closingQuote(bytes, byteStart, byteEnd) {
                    byteEnd += close
                    end += 1
                } else if let open = Self.openingQuote(bytes, byteStart, byteEnd) {
                    byteStart -= open
                    start -= 1
                }
            }
            let score = (kind == .inflected || m.choices != 0) ? min(m.score, 0.95) : m.score
            out.append(FoundMention(start: start, end: end, byteStart: byteStart, byteEnd: byteEnd, appendsPeriod: appendsPeriod,
                                    entity: m.entity, score: score, match: kind, honorific: m.honorific))
        }
        return out
    }
}

/// A few Han characters, told from the three bytes of UTF-8 that each is.
struct HanCharacters: Sendable {
    private let characters: [UInt32]

    init(_ characters: String) {
        self.characters = characters.unicodeScalars.map(\.value)
    }

    /// Whether the character at byte `start` of `bytes` is one of them.
    func contains(_ start: Int32, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = Int(start)
        guard i + 2 < bytes.count, bytes[i] & 0xF0 == 0xE0 else { return false }
        let v = UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        return characters.contains(v)
    }
}

/// The ``TransliterationKey/native(_:)`` keys of a document's tokens, each worked out the
/// first time it is asked for.
private struct NativeKeys {
    private let tokens: Tokens
    private let folded: UnsafeBufferPointer<UInt8>
    private var keys: [UInt32?] = []
    private var stemKeys: [[UInt32]?] = []

    init(_ tokens: Tokens, _ folded: UnsafeBufferPointer<UInt8>) {
        self.tokens = tokens
        self.folded = folded
    }

    /// The keys of tokens `a` and `b`, `a`'s in the high 32 bits (as ``Tagger/latinOnlyPairs`` holds them).
    mutating func pair(_ a: Int, _ b: Int) -> UInt64 { UInt64(key(a)) << 32 | UInt64(key(b)) }

    /// The pairs of token `a`'s key with the keys of `b`'s stems (see ``Tagger/caseEndingStems``),
    /// which `stems` makes the first time `b` is asked for.
    mutating func stemPairs(_ a: Int, _ b: Int, stems: () -> [[UInt8]]) -> [UInt64] {
        if stemKeys.isEmpty { stemKeys = [[UInt32]?](repeating: nil, count: tokens.count) }
        if stemKeys[b] == nil { stemKeys[b] = stems().map { $0.withUnsafeBufferPointer { TransliterationKey.native($0) } } }
        let high = UInt64(key(a)) << 32
        return stemKeys[b]!.map { high | UInt64($0) }
    }

    private mutating func key(_ k: Int) -> UInt32 {
        if keys.isEmpty { keys = [UInt32?](repeating: nil, count: tokens.count) }
        if let known = keys[k] { return known }
        let key = TransliterationKey.native(Tagger.foldedWord(k, tokens, folded))
        keys[k] = key
        return key
    }
}
