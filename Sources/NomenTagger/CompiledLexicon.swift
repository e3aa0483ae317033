import Foundation
import NomenLexicon
import NomenNormalization

/// Everything the tagger needs of a set of lexicons, precomputed: the entity table,
/// the folded token vocabulary, the name automaton, the partial-name index and the
/// honorifics. Immutable and `Sendable`: built once, shared by every worker.
///
/// Build it with ``compile(_:honorifics:)`` (from parsed lexicons) or read it with
/// ``load(from:)`` (from the binary index `nomen lexicon compile` writes).
public final class CompiledLexicon: Sendable {
    public static let formatVersion: UInt32 = 25

    // Entities
    let entityIDs: StringTable
    let entityNames: StringTable
    let entityTypes: Table<UInt8>
    let typeNames: StringTable
    let entityCountry: Table<Int32>
    let contextStart: Table<Int32>
    let contexts: Table<Int32>
    let entityPrior: Table<Float>
    /// Bit 0: curated; bit 1: generated from a gazetteer.
    let entityFlags: Table<UInt8>
    /// The languages each entity's names are written in, how many (see ``Prominence``).
    let entityLanguages: Table<UInt8>

    // Names
    let nameEntity: Table<Int32>
    /// Bit 0 ambiguous, bit 1 exact case, bit 2 generated, bit 3 demonym.
    let nameFlags: Table<UInt8>
    let nameCaseMask: Table<UInt64>
    let nameTokenCount: Table<UInt8>
    let nameTexts: StringTable
    let nameLanguage: Table<UInt16>
    let languages: StringTable

    // Tokens and automaton
    let vocabulary: StringIndex
    let trie: TokenTrie

    // Partial names: sorted token ids → entries (entity << 2 | role: 1 given, 2 surname, 3 a
    // family name put first, which names the person after the full name only)
    let partialTokens: Table<Int32>
    let partialStart: Table<Int32>
    let partialEntries: Table<Int32>

    /// What each vocabulary word is to the automaton and the partial-name index, in one
    /// record a word, so a word met for the first time costs one read instead of a trie
    /// probe, a bit-table read and a partial-name lookup (see ``WordInfo``).
    let wordInfo: Table<UInt64>

    // Honorifics: token-id sequences
    let honorificStart: Table<Int32>
    let honorificTokens: Table<Int32>
    let honorificKeys: StringTable
    /// Honorific sequences as "id,id,…" for lookup.
    let honorificIndex: [String: Int]
    let maxHonorificLength: Int
    /// Some name is a surname only (``surnameFlag``): most bulk lexicons have none, and their
    /// documents skip the pass that weighs them.
    let hasSurnameNames: Bool
    /// Vocabulary ids of one-word courtesy titles (M., Mme, Mr, Dr, г-н), sorted: such a
    /// word before a surname is no given name of another person (M. Lavrov).
    let courtesyTokens: Table<Int32>
    /// The words of names written with a word in brackets (Janata Dal (United)): the word before
    /// the bracket and the bracketed word, as vocabulary ids (high and low 32 bits), sorted, so the
    /// scanner lets such a name go on into its brackets (``bracketedPair(_:_:)``).
    let bracketedPairs: Table<Int64>
    /// Curated places whose name is also a region's with a region word (Osh and the Osh Region,
    /// région d'Osh): the place's entity in the high 32 bits, the region's in the low, sorted
    /// (see ``regionOf(_:)``).
    let regionSiblings: Table<Int64>

    static let ambiguousFlag: UInt8 = 1
    static let exactCaseFlag: UInt8 = 2
    static let generatedFlag: UInt8 = 4
    /// A demonym (Russian, الروسية): context for disambiguation, not a mention.
    static let demonymFlag: UInt8 = 8
    /// A GeoNames name (``NomenLexicon/NameVariant/gazetteer``): not at a sentence's start, not inflected.
    static let gazetteerFlag: UInt8 = 16
    /// A person's surname in a script written without spaces, from a full name with a middle
    /// dot (谢里夫 of 夏巴兹·谢里夫): it names the person only in a document that names them
    /// in full, as partial names do in scripts with spaces (see ``surnameName(_:)``).
    static let surnameFlag: UInt8 = 32
    /// Ambiguous in a text whose Arabic-script words are Arabic (it writes neither ی nor ک): the
    /// entity lists the same spelling as ambiguous in Arabic and plainly in Persian, Pashto or
    /// Urdu (حماس: "zeal" in Arabic, only Hamas in Persian).
    static let ambiguousInArabicFlag: UInt8 = 64
    /// Ambiguous in a text that writes ی or ک: the same spelling is ambiguous in Persian,
    /// Pashto or Urdu and plain in Arabic.
    static let ambiguousInPersoArabicFlag: UInt8 = 128

    /// The name flags that make a name ambiguous in a document, by whether it writes ی or ک.
    static func ambiguousFlags(persoArabic: Bool) -> UInt8 {
        ambiguousFlag | (persoArabic ? ambiguousInPersoArabicFlag : ambiguousInArabicFlag)
    }

    /// A language tag's primary subtag (ps of ps-AF).
    /// Countries whose persons' names put the family name first (see the partial names in
    /// ``compile(_:honorifics:)``): curated ids and the generated iso3166 ones.
    static let familyFirstCountries: Set<String> = ["china", "taiwan", "south-korea", "north-korea", "hong-kong",
                                                     "iso3166-cn", "iso3166-tw", "iso3166-kr", "iso3166-kp", "iso3166-hk"]

    static func primaryLanguage(_ tag: String) -> Substring {
        tag.split(separator: "-", maxSplits: 1).first ?? Substring(tag)
    }

    /// The flag a name takes when the same spelling is marked ambiguous in `language`: where a
    /// text may be in that language. Arabic and the languages that write Persian letters tell
    /// themselves apart by ی and ک; others cannot, so there it is ambiguous everywhere.
    static func ambiguity(markedIn language: String) -> UInt8 {
        switch primaryLanguage(language) {
        case "ar": return ambiguousInArabicFlag
        case "fa", "prs", "ps", "pbt", "ur": return ambiguousInPersoArabicFlag
        default: return ambiguousFlag
        }
    }

    public var entityCount: Int { entityIDs.count }
    public var nameCount: Int { nameEntity.count }
    public var tokenCount: Int { vocabulary.count }

    init(entityIDs: StringTable, entityNames: StringTable, entityTypes: Table<UInt8>, typeNames: StringTable,
         entityCountry: Table<Int32>, contextStart: Table<Int32>, contexts: Table<Int32>, entityPrior: Table<Float>, entityFlags: Table<UInt8>,
         entityLanguages: Table<UInt8>, nameEntity: Table<Int32>, nameFlags: Table<UInt8>, nameCaseMask: Table<UInt64>, nameTokenCount: Table<UInt8>, nameTexts: StringTable,
         nameLanguage: Table<UInt16>, languages: StringTable, vocabulary: StringIndex, trie: TokenTrie,
         partialTokens: Table<Int32>, partialStart: Table<Int32>, partialEntries: Table<Int32>, wordInfo: Table<UInt64>,
         honorificStart: Table<Int32>, honorificTokens: Table<Int32>, honorificKeys: StringTable, courtesyTokens: Table<Int32>,
         bracketedPairs: Table<Int64>, regionSiblings: Table<Int64>) {
        self.entityIDs = entityIDs
        self.entityNames = entityNames
        self.entityTypes = entityTypes
        self.typeNames = typeNames
        self.entityCountry = entityCountry
        self.contextStart = contextStart
        self.contexts = contexts
        self.entityPrior = entityPrior
        self.entityFlags = entityFlags
        self.entityLanguages = entityLanguages
        self.nameEntity = nameEntity
        self.nameFlags = nameFlags
        self.nameCaseMask = nameCaseMask
        self.nameTokenCount = nameTokenCount
        self.nameTexts = nameTexts
        self.nameLanguage = nameLanguage
        self.languages = languages
        self.vocabulary = vocabulary
        self.trie = trie
        self.partialTokens = partialTokens
        self.partialStart = partialStart
        self.partialEntries = partialEntries
        self.wordInfo = wordInfo
        self.honorificStart = honorificStart
        self.honorificTokens = honorificTokens
        self.honorificKeys = honorificKeys
        self.courtesyTokens = courtesyTokens
        self.bracketedPairs = bracketedPairs
        self.regionSiblings = regionSiblings
        var index: [String: Int] = [:]
        var longest = 0
        if honorificStart.count > 1 {
            for h in 0..<(honorificStart.count - 1) {
                // Read before `validate()` runs: skip a range a damaged index makes invalid.
                let a = Int(honorificStart[h])
                let b = Int(honorificStart[h + 1])
                guard a >= 0, a <= b, b <= honorificTokens.count else { continue }
                let seq = honorificTokens[a..<b]
                longest = max(longest, seq.count)
                index[seq.map(String.init).joined(separator: ",")] = h
            }
        }
        honorificIndex = index
        maxHonorificLength = longest
        hasSurnameNames = nameFlags.contains { $0 & Self.surnameFlag != 0 }
    }

    // MARK: Entity accessors

    public func entityID(_ e: Int) -> String { entityIDs[e] }
    public func entityName(_ e: Int) -> String { entityNames[e] }
    public func entityType(_ e: Int) -> String { typeNames[Int(entityTypes[e])] }
    func isCurated(_ e: Int) -> Bool { entityFlags[e] & 1 != 0 }
    /// Made by a generator (GeoNames, iso-codes), not curated or imported by a user.
    func isGenerated(_ e: Int) -> Bool { entityFlags[e] & 2 != 0 }
    func context(of e: Int) -> Slice<Table<Int32>> { contexts[Int(contextStart[e])..<Int(contextStart[e + 1])] }

    /// The index of an entity id, or nil.
    public func entityIndex(id: String) -> Int? {
        lazyIDIndex.get {
            var index: [String: Int] = [:]
            index.reserveCapacity(entityIDs.count)
            for i in 0..<entityIDs.count { index[entityIDs[i]] = i }
            return index
        }[id]
    }

    private let lazyIDIndex = LazyBox<[String: Int]>()

    /// The indices of a few entity ids, in one pass over the id table that builds no
    /// String (``entityIndex(id:)`` builds a dictionary of every id on first use).
    func entityIndices(ids: [String]) -> [String: Int] {
        let wanted = ids.map { Array($0.utf8) }
        // The first entity of each id, by position in `ids`: the bytes are compared first,
        // and a dictionary is made only at the end.
        var first = [Int](repeating: -1, count: ids.count)
        // Bit n: some id has n bytes (63: 63 or more).
        let lengths = wanted.reduce(UInt64(0)) { $0 | 1 << UInt64(min($1.count, 63)) }
        entityIDs.bytes.withUnsafeBufferPointer { all in
            for e in 0..<entityIDs.count {
                let r = entityIDs.range(e)
                guard lengths & (1 << UInt64(min(r.count, 63))) != 0 else { continue }
                for (k, w) in wanted.enumerated() where w.count == r.count && first[k] < 0 && memcmp(all.baseAddress! + r.lowerBound, w, w.count) == 0 {
                    first[k] = e
                }
            }
        }
        var found: [String: Int] = [:]
        for (k, id) in ids.enumerated() where first[k] >= 0 && found[id] == nil { found[id] = first[k] }
        return found
    }

    // MARK: Compile

    /// Compiles parsed lexicons.
    /// - Complexity: O(total characters of all names).
    /// The names of Latin letters in Urdu and Persian writing of three letters or more (the
    /// shorter ones are no partial name anyway): ایف F, ایچ H, آئی I, ایل L, ایم M, این N,
    /// کیو Q, ایس S, ڈبلیو W, ایکس X, وائی Y, زیڈ Z.
    static let spelledLatinLetters = ["ایف", "ایچ", "آئی", "ایل", "ایم", "این", "کیو", "ایس", "ڈبلیو", "ایکس", "وائی", "زیڈ"]

    public static func compile(_ lexicon: Lexicon, honorifics: HonorificList = .empty) -> CompiledLexicon {
        let scanner = TokenScanner()
        var vocabList: [String] = []
        var vocabIndex: [String: Int32] = [:]
        func tokenIDs(_ text: String) -> (ids: [Int32], caseMask: UInt64, scripts: [ScriptClass], capitals: UInt64) {
            var s = text
            var ids: [Int32] = []
            var mask: UInt64 = 0
            var capitals: UInt64 = 0
            var scripts: [ScriptClass] = []
            s.withUTF8 { scanner.scan($0) }
            for (k, t) in scanner.tokens.enumerated() {
                let key = String(decoding: scanner.folded[Int(t.foldStart)..<Int(t.foldEnd)], as: UTF8.self)
                let id: Int32
                if let existing = vocabIndex[key] { id = existing } else {
                    id = Int32(vocabList.count)
                    vocabList.append(key)
                    vocabIndex[key] = id
                }
                ids.append(id)
                scripts.append(t.script)
                if k < 64, t.shape.contains(.cased), t.shape.contains(.firstUpper) { mask |= 1 << UInt64(k) }
                if k < 64, t.shape.contains(.allUpper) { capitals |= 1 << UInt64(k) }
            }
            return (ids, mask, scripts, capitals)
        }

        // Latin letters spelt out, as Urdu and Persian write initials and abbreviations (ایس جے
        // شنکر, S. Jaishankar; ایس سی او, SCO): such a first word is no given name.
        var spelledLetters = Set<String>()
        for letter in Self.spelledLatinLetters {
            var s = letter
            s.withUTF8 { scanner.scan($0) }
            for t in scanner.tokens { spelledLetters.insert(String(decoding: scanner.folded[Int(t.foldStart)..<Int(t.foldEnd)], as: UTF8.self)) }
        }

        var typeList: [String] = []
        var typeIndex: [String: UInt8] = [:]
        var languageList: [String] = []
        var languageIndex: [String: UInt16] = [:]
        let ids = lexicon.entities.map(\.id)
        var idIndex: [String: Int32] = [:]
        for (i, id) in ids.enumerated() { idIndex[id] = Int32(i) }

        var entityTypes: [UInt8] = []
        var entityCountry: [Int32] = []
        var contextStart: [Int32] = [0]
        var contexts: [Int32] = []
        var priors: [Float] = []
        var flags: [UInt8] = []
        var nameEntity: [Int32] = []
        var nameFlags: [UInt8] = []
        var nameMasks: [UInt64] = []
        var nameCounts: [UInt8] = []
        var nameTexts = StringTable.Builder()
        var nameLanguage: [UInt16] = []
        var sequences: [[Int32]] = []
        var partials: [Int32: Set<Int32>] = [:]
        var bracketedPairs = Set<Int64>()
        // Curated places' names with a region word, without it (Osh of Osh Region), for
        // ``regionSiblings``: the words a region's name has around the place's.
        let regionWords = Set(Self.regionHeads.compactMap { head -> String? in
            var h = head
            h.withUTF8 { scanner.scan($0) }
            guard let t = scanner.tokens.first, scanner.tokens.count == 1 else { return nil }
            return String(decoding: scanner.folded[Int(t.foldStart)..<Int(t.foldEnd)], as: UTF8.self)
        })
        var regionNames: [(entity: Int, rest: [Int32])] = []
        var ambiguousGiven: [Int32: Set<Int32>] = [:]

        // Honorific token sequences first, so partial names can skip them.
        var honorificSeqs: [[Int32]] = []
        var honorificKeyList: [String] = []
        var honorificTokenSet = Set<Int32>()
        // Honorifics that are also names (Sheikh: Sheikh Hasina): a partial name skips them
        // only when two words of the name remain after them.
        var alsoNameHonorificTokens = Set<Int32>()
        // One-word courtesy titles, which are no honorific sequence (they stay out of spans).
        var courtesyTokenSet = Set<Int32>()
        for h in honorifics.honorifics where h.courtesy || !h.follows {
            var seen = Set<[Int32]>()
            for text in h.forms.flatMap({ Self.spellings($0.text) }) {
                let seq = tokenIDs(text).ids
                if h.courtesy {
                    if seq.count == 1 { courtesyTokenSet.insert(seq[0]) }
                    continue
                }
                if seq.isEmpty || !seen.insert(seq).inserted { continue }
                honorificSeqs.append(seq)
                honorificKeyList.append(h.key)
                if seq.count == 1 && !h.alsoName { honorificTokenSet.insert(seq[0]) }
                if seq.count == 1 && h.alsoName { alsoNameHonorificTokens.insert(seq[0]) }
            }
        }
        // Particle words, with the languages that write them so: Arabic بنت ("daughter of") is
        // Persian بنت, Bennett.
        var particleLanguages: [Int32: Set<Substring>] = [:]
        /// Whether `token` is a particle in a name of `language` (in any language, for a name of none).
        func isParticle(_ token: Int32, in language: String) -> Bool {
            guard let languages = particleLanguages[token] else { return false }
            return language == "und" || languages.contains(Self.primaryLanguage(language))
        }
        // Particles that complete the word before them (أمر الله, سراج الدين): that word alone is
        // half a name.
        var suffixParticleTokens = Set<Int32>()
        // "Son of" (bin, ibn, بن): the word after it is the father's name, which his other
        // children carry too (Salman of Mohammed bin Salman and Abdulaziz bin Salman), not a
        // surname that names the person alone.
        var patronymicTokens = Set<Int32>()
        for p in honorifics.particles {
            for form in p.forms {
                for t in tokenIDs(form.text).ids {
                    particleLanguages[t, default: []].insert(Self.primaryLanguage(form.language))
                    if p.follows { suffixParticleTokens.insert(t) }
                    if p.key == "bin" { patronymicTokens.insert(t) }
                }
            }
        }

        // Every name's words, and the curated persons whose names end with each word: what
        // says whether a person's name without its middle word is still that person's alone
        // (``withoutMiddleName``).
        var nameSequences = Set<[Int32]>()
        var lastWordCarriers: [Int32: Set<Int>] = [:]
        var firstAndLastCarriers: [[Int32]: Set<Int>] = [:]
        // (Only where there are curated persons: a bulk lexicon of a million names has none.)
        let shortensNames = lexicon.entities.contains { $0.isCurated && $0.type == .person }
        for (e, entity) in lexicon.entities.enumerated() where shortensNames {
            for v in entity.allNames {
                let ids = tokenIDs(v.text).ids
                nameSequences.insert(ids)
                if entity.type == .person, entity.isCurated, ids.count >= 2 {
                    lastWordCarriers[ids[ids.count - 1], default: []].insert(e)
                    firstAndLastCarriers[[ids[0], ids[ids.count - 1]], default: []].insert(e)
                }
            }
        }
        /// A curated person's name of three words as the press shortens it, without the middle
        /// one (Asif Ali Zardari: Asif Zardari; Мохаммад Реза Фарзин: Мохаммад Фарзин; a Russian
        /// patronymic), or nil. Not a name marked ambiguous, nor one with an honorific or a
        /// particle (Mullah Mohammad Yaqoob, Mohammed bin Salman, Abdul Ghani Baradar), nor one
        /// whose first and last words begin and end another person's name too, nor one whose
        /// last word is a surname five persons carry (Mohammad Sadiq Khan is no Mohammad Khan,
        /// a name of thousands), nor one that is then any entity's name.
        func withoutMiddleName(_ v: NameVariant, of e: Int) -> String? {
            guard !v.ambiguous else { return nil }
            let words = v.text.split(separator: " ")
            guard words.count == 3, words.allSatisfy({ $0.unicodeScalars.count >= 2 }) else { return nil }
            let ids = tokenIDs(v.text).ids
            guard ids.count == 3, !ids.contains(where: { honorificTokenSet.contains($0) || alsoNameHonorificTokens.contains($0)
                    || courtesyTokenSet.contains($0) || isParticle($0, in: v.language) }),
                  firstAndLastCarriers[[ids[0], ids[2]]] == [e], lastWordCarriers[ids[2], default: []].count < 5 else { return nil }
            let shortened = [ids[0], ids[2]]
            return nameSequences.contains(shortened) ? nil : words[0] + " " + words[2]
        }

        for (e, entity) in lexicon.entities.enumerated() {
            let t = typeIndex[entity.type.name] ?? {
                let v = UInt8(typeList.count)
                typeList.append(entity.type.name)
                typeIndex[entity.type.name] = v
                return v
            }()
            entityTypes.append(t)
            entityCountry.append(entity.country.flatMap { idIndex[$0] } ?? -1)
            for c in entity.context { if let i = idIndex[c] { contexts.append(i) } }
            contextStart.append(Int32(contexts.count))
            var prior: Float = entity.isCurated ? 1.0 : entity.isGenerated ? 0.5 : 0.8
            if let p = entity.population, p > 0 { prior += Float(log10(Double(p))) / 10 }
            priors.append(prior)
            flags.append((entity.isCurated ? 1 : 0) | (entity.isGenerated ? 2 : 0))

            var seenTexts = Set<String>()
            // A word the curator marked ambiguous in one language (an ordinary word there) is
            // ambiguous wherever the text may be in that language, also when another language
            // lists it plainly. (A name of several words marked so, it is to keep its parts from
            // naming the person alone: اسحاق ډار, ډار "fear" in Pashto; that says nothing of the
            // whole name in another language.)
            var ambiguousElsewhere: [Int32: UInt8] = [:]
            if entity.names.contains(where: \.ambiguous) && entity.names.contains(where: { !$0.ambiguous }) {
                for v in entity.names where v.ambiguous {
                    for text in Self.spellings(v.text) {
                        let ids = tokenIDs(text).ids
                        if ids.count == 1 { ambiguousElsewhere[ids[0], default: 0] |= ambiguity(markedIn: v.language) }
                    }
                }
            }
            // Chinese and Korean names put the family name first, and the press names the person
            // by it alone, often a word of two letters (Xi after Xi Jinping, Си, Li, Ли); the
            // last word is a given name (Jinping of Xi Jinping, which also names a dam). Such a
            // person is one of China, Taiwan or Korea with a native name of two to four Han
            // characters or Hangul syllables, no middle dot (not Dolkun Isa, 多里坤·艾沙, nor
            // Putin, 普京, whom the lexicon writes in Han too). Not where letters have no case:
            // Persian شی is also "thing".
            let familyFirst = entity.type == .person && entity.country.map(Self.familyFirstCountries.contains) == true
                && entity.names.contains { v in
                    ["zh", "ko"].contains(Self.primaryLanguage(v.language)) && (2...4).contains(v.text.unicodeScalars.count)
                        && v.text.unicodeScalars.allSatisfy { $0.properties.isIdeographic || (0xAC00...0xD7A3).contains($0.value) }
                }
            let variants = entity.allNames.map { ($0, false, false) } + entity.demonyms.map { ($0, true, false) }
                + (entity.type == .person && !entity.isGenerated ? entity.allNames.compactMap(Self.surnameName).map { ($0, false, true) } : [])
            for (v, isDemonym, isSurname) in variants {
              let shortened = entity.type == .person && entity.isCurated && !familyFirst && !isDemonym && !isSurname
                  ? withoutMiddleName(v, of: e).map { [$0] } ?? [] : []
              for text in Self.spellings(v.text) + (entity.isCurated ? Self.curatedVariants(v, isPlace: entity.type == .gpe || entity.type == .loc) : [])
                  + shortened {
                let (seq, writtenMask, scripts, capitals) = tokenIDs(text)
                var masks = [writtenMask]
                if seq.isEmpty || seq.count > 64 { continue }
                // Russian, Ukrainian and Belarusian capitalise only the first word of a body's or
                // a place's name (Исламский эмират, Содружество независимых государств) where the
                // curated lexicon may follow English (Исламский Эмират): only the first word and
                // abbreviations (ООН) must be capitals. Other lexicons are taken as written (a
                // bulk list's Банк Ходе is not "банк ходе", "in the course of").
                // A name whose last word written with a capital is a proper noun (министерство
                // иностранных дел России) is also written with its first word in lower case, as
                // running text names a ministry: it is listed a second time, that last word a capital.
                if entity.isCurated, entity.type != .person, seq.count > 1, scripts.allSatisfy({ $0 == .cyrillic }) {
                    masks = [writtenMask & (1 | capitals)]
                    let later = writtenMask & ~1 & ~capitals
                    if later != 0 { masks.append(writtenMask & (UInt64(1) << UInt64(63 - later.leadingZeroBitCount) | capitals)) }
                }
                // A particle inside a name is written in either case (Tamim bin Hamad Al Thani, al
                // Thani; Osama Bin Laden): its capital is not asked for.
                if seq.count > 1 {
                    for k in 1..<min(seq.count, 64) where isParticle(seq[k], in: "und") {
                        masks = masks.map { $0 & ~(UInt64(1) << UInt64(k)) }
                    }
                }
                var f: UInt8 = isDemonym ? demonymFlag : 0
                if v.ambiguous { f |= ambiguousFlag } else if seq.count == 1, let marked = ambiguousElsewhere[seq[0]] { f |= marked }
                // Exact case binds letters that have case: not a spelling in a script without (an
                // acronym's Hindi and Bengali letter names).
                if v.caseRule == .exact, text.unicodeScalars.contains(where: \.properties.changesWhenLowercased) { f |= exactCaseFlag }
                if v.generated || entity.isGenerated { f |= generatedFlag }
                if v.gazetteer || entity.isGazetteer { f |= gazetteerFlag }
                if isSurname { f |= surnameFlag }
                // The same spelling twice in one entity (Kabul in en and de) is one name; spellings
                // that fold together (کابل, كابل) stay apart, so a mention can say it is exact.
                if !seenTexts.insert("\(f)\u{1}\(v.text)\u{1}\(text)").inserted { continue }
                if text == v.text, let pair = bracketedPair(text, tokenIDs: { tokenIDs($0).ids }) { bracketedPairs.insert(pair) }
                if entity.isCurated, entity.type == .gpe || entity.type == .loc, !v.ambiguous, seq.count >= 2, !regionWords.isEmpty {
                    if regionWords.contains(vocabList[Int(seq[seq.count - 1])]) {
                        regionNames.append((e, Array(seq.dropLast())))
                    } else if regionWords.contains(vocabList[Int(seq[0])]) {
                        var rest = seq.dropFirst()
                        // A connecting word of two letters at most after the region word (de, d', of).
                        if rest.count > 1, let c = rest.first, vocabList[Int(c)].unicodeScalars.count <= 2 { rest = rest.dropFirst() }
                        regionNames.append((e, Array(rest)))
                    }
                }
                let lang = languageIndex[v.language] ?? {
                    let l = UInt16(languageList.count)
                    languageList.append(v.language)
                    languageIndex[v.language] = l
                    return l
                }()
                for mask in masks {
                    nameEntity.append(Int32(e))
                    nameFlags.append(f)
                    nameMasks.append(mask)
                    nameCounts.append(UInt8(seq.count))
                    nameTexts.append(v.text)
                    nameLanguage.append(lang)
                    sequences.append(seq)
                }

                // Partial names: a person's surname and given name, from full names that
                // are not ambiguous and not written in characters without spaces.
                guard entity.type == .person, text == v.text, !isDemonym, !isSurname, !entity.isGenerated else { continue }
                if v.ambiguous {
                    // Devanagari and Bengali names are marked ambiguous so that a common surname
                    // alone (खान, Khan) names no one; their given name still does after the full
                    // name (इमरान after इमरान खान), unless it is a name of its own (checked below).
                    if scripts.allSatisfy({ $0 == .devanagari || $0 == .bengali }), seq.count >= 2,
                       !honorificTokenSet.contains(seq[0]), !alsoNameHonorificTokens.contains(seq[0]), !isParticle(seq[0], in: v.language),
                       vocabList[Int(seq[0])].unicodeScalars.count >= 4 {
                        ambiguousGiven[seq[0], default: []].insert(Int32(e) << 2 | 1)
                    }
                } else if !scripts.contains(where: { $0.isCharacterTokenized }) {
                    var core = seq[...]
                    while let first = core.first,
                          honorificTokenSet.contains(first) || (core.count > 2 && alsoNameHonorificTokens.contains(first)) {
                        core = core.dropFirst()
                    }
                    if core.count >= 2 {
                        let last = core.last!
                        let first = core.first!
                        let afterPatronymic = core.count >= 3 && patronymicTokens.contains(core[core.endIndex - 2])
                        // The last word of a name that puts the family name first is a given name
                        // (Jinping of Xi Jinping), which names the person only after the full name.
                        if !isParticle(last, in: v.language), !afterPatronymic, vocabList[Int(last)].unicodeScalars.count >= 3 {
                            partials[last, default: []].insert(Int32(e) << 2 | (familyFirst ? 1 : 2))
                        }
                        if !isParticle(first, in: v.language), !suffixParticleTokens.contains(core[core.startIndex + 1]),
                           vocabList[Int(first)].unicodeScalars.count >= 3
                            || (familyFirst && vocabList[Int(first)].unicodeScalars.count == 2 && core.startIndex < 64
                                && (writtenMask & ~capitals) >> UInt64(core.startIndex) & 1 != 0),
                           !spelledLetters.contains(vocabList[Int(first)]) {
                            // A family name put first is a surname that names the person only after the
                            // full name, as a given name does (3): not one of the given names that
                            // three persons carry and so name no one (Chen of Chen Quanguo, Chen Xiaodong
                            // and Chen Xiaojiang is whichever the document names).
                            partials[first, default: []].insert(Int32(e) << 2 | (familyFirst ? 3 : 1))
                        }
                    }
                }
              }
            }
        }

        // A given name that is a whole name of its own (a place, a body, a one-word person)
        // stays that: no partial from an ambiguous name.
        let oneWordNames = Set(sequences.lazy.filter { $0.count == 1 }.map { $0[0] })
        for (token, entries) in ambiguousGiven where !oneWordNames.contains(token) { partials[token, default: []].formUnion(entries) }
        var partialTokens: [Int32] = []
        var partialStart: [Int32] = [0]
        var partialEntries: [Int32] = []
        for token in partials.keys.sorted() {
            partialTokens.append(token)
            partialEntries += partials[token]!.sorted()
            partialStart.append(Int32(partialEntries.count))
        }
        var honorificStart: [Int32] = [0]
        var honorificTokens: [Int32] = []
        for seq in honorificSeqs {
            honorificTokens += seq
            honorificStart.append(Int32(honorificTokens.count))
        }
        var idTable = StringTable.Builder()
        var nameTable = StringTable.Builder()
        for e in lexicon.entities {
            idTable.append(e.id)
            nameTable.append(e.name)
        }
        var typeTable = StringTable.Builder()
        for t in typeList { typeTable.append(t) }
        var languageTable = StringTable.Builder()
        for l in languageList { languageTable.append(l) }
        var keyTable = StringTable.Builder()
        for k in honorificKeyList { keyTable.append(k) }

        let trie = TokenTrie.build(sequences, flags: nameFlags, caseMasks: nameMasks)
        // Each curated place that a region's name without its region word names, where that
        // region is the only one so named after it.
        var regionOf: [Int: Set<Int>] = [:]
        for (region, rest) in regionNames {
            var state: Int32 = 0
            for id in rest where state >= 0 { state = trie.next(state, id) }
            guard state >= 0 else { continue }
            for o in trie.outputs(of: state) {
                let n = Int(TokenTrie.name(trie.outputs[o]))
                let place = Int(nameEntity[n])
                guard place != region, nameFlags[n] & (ambiguousFlag | demonymFlag) == 0, lexicon.entities[place].isCurated,
                      [.gpe, .loc].contains(lexicon.entities[place].type) else { continue }
                regionOf[place, default: []].insert(region)
            }
        }
        let regionSiblings = regionOf.compactMap { place, regions in regions.count == 1 ? Int64(place) << 32 | Int64(regions.first!) : nil }.sorted()
        return CompiledLexicon(
            entityIDs: idTable.build(), entityNames: nameTable.build(), entityTypes: Table(entityTypes), typeNames: typeTable.build(),
            entityCountry: Table(entityCountry), contextStart: Table(contextStart), contexts: Table(contexts), entityPrior: Table(priors), entityFlags: Table(flags),
            entityLanguages: Table(lexicon.entities.map(Prominence.languages)),
            nameEntity: Table(nameEntity), nameFlags: Table(nameFlags), nameCaseMask: Table(nameMasks), nameTokenCount: Table(nameCounts),
            nameTexts: nameTexts.build(), nameLanguage: Table(nameLanguage), languages: languageTable.build(),
            vocabulary: StringIndex.build(vocabList), trie: trie,
            partialTokens: Table(partialTokens), partialStart: Table(partialStart), partialEntries: Table(partialEntries),
            wordInfo: Table(WordInfo.build(vocabularyCount: vocabList.count, trie: trie, partialTokens: partialTokens)),
            honorificStart: Table(honorificStart), honorificTokens: Table(honorificTokens), honorificKeys: keyTable.build(),
            courtesyTokens: Table(courtesyTokenSet.sorted()), bracketedPairs: Table(bracketedPairs.sorted()),
            regionSiblings: Table(regionSiblings))
    }

    /// The words that make a place's name a region's (Osh Region, région d'Osh, Oş Bölgesi).
    static let regionHeads = ["region", "province", "oblast", "governorate", "région", "provinz", "gebiet",
                              "bölgesi", "ili", "vilayeti", "провинция", "провінція"]

    /// The region whose name is place `e`'s with a region word (Osh Region for Osh), or nil.
    func regionOf(_ e: Int) -> Int? {
        Self.first(in: regionSiblings, whose: { $0 >> 32 }, is: Int64(e)).map { Int($0 & 0xFFFF_FFFF) }
    }

    /// The word before the bracket and the word alone in it of a name written "… left (word)"
    /// (Janata Dal (United)), as ids from `tokenIDs` (the first's in the high 32 bits), or nil.
    static func bracketedPair(_ text: String, tokenIDs: (String) -> [Int32]) -> Int64? {
        guard text.utf8.contains(0x28), let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let inner = tokenIDs(String(text[text.index(after: open)..<close]))
        let left = tokenIDs(String(text[..<open]))
        guard inner.count == 1, let l = left.last else { return nil }
        return Int64(l) << 32 | Int64(inner[0])
    }

    /// Whether a name writes the word `word` in brackets right after `left` (vocabulary ids).
    func bracketedPair(_ left: Int32, _ word: Int32) -> Bool {
        guard left >= 0, word >= 0 else { return false }
        let key = Int64(left) << 32 | Int64(word)
        return Self.first(in: bracketedPairs, whose: { $0 }, is: key) != nil
    }

    /// The first entry of sorted `table` whose `part` is `key`, or nil (a binary search:
    /// `part` must keep the table's order).
    static func first(in table: Table<Int64>, whose part: (Int64) -> Int64, is key: Int64) -> Int64? {
        table.withUnsafeBufferPointer { all in
            var (lo, hi) = (0, all.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if part(all[mid]) < key { lo = mid + 1 } else { hi = mid }
            }
            return lo < all.count && part(all[lo]) == key ? all[lo] : nil
        }
    }

    /// A name as the lexicon writes it, then the other spellings it is compiled in: joined
    /// and split Arabic-script compounds, and ة written ه.
    static func spellings(_ text: String) -> [String] {
        let joins = [text] + arabicScriptJoinVariants(text)
        return joins + joins.compactMap(tehMarbutaVariant) + joins.compactMap(finalHehVariant)
    }

    /// The surname of a person's full name in characters written without spaces, which
    /// Chinese and Japanese write after a middle dot (夏巴兹·谢里夫 → 谢里夫), or nil: at least
    /// two characters, of a name that is not ambiguous.
    static func surnameName(_ v: NameVariant) -> NameVariant? {
        guard !v.ambiguous, let dot = v.text.unicodeScalars.lastIndex(where: { "·・•‧".unicodeScalars.contains($0) }) else { return nil }
        let surname = v.text.unicodeScalars[v.text.unicodeScalars.index(after: dot)...]
        guard surname.count >= 2, surname.allSatisfy({ (0x3040...0x30FF).contains($0.value) || $0.properties.isIdeographic }) else { return nil }
        var out = v
        out.text = String(String.UnicodeScalarView(surname))
        return out
    }

    /// The other ways writers spell a curated name, which a bulk lexicon's many names do not
    /// get (they would grow the index for forms few texts use): spacings, Pashto's inner د,
    /// -ullah apart, and the other words for a province.
    /// - Parameter isPlace: a place's name takes the other province words; a body's does not
    ///   (ISKP's ولاية خراسان, "Khorasan Province", is no إقليم خراسان, the historical region).
    static func curatedVariants(_ v: NameVariant, isPlace: Bool) -> [String] {
        spacingVariants(v.text) + pashtoGenitiveVariants(v) + indicUllahVariants(v.text) + (isPlace ? provinceHeadVariants(v) : [])
            + indicAcronymVariants(v) + arabicLetterVariants(v) + urduHamzaWawVariants(v)
    }

    /// An Urdu name with ؤ as Urdu writers also spell it, with ئو (منڈی بہاؤالدین: منڈی
    /// بہائوالدین; گاؤں: گائوں), and one with ئو with ؤ: the two spellings fold apart (ؤ as و, ئ as ی).
    static func urduHamzaWawVariants(_ v: NameVariant) -> [String] {
        guard primaryLanguage(v.language) == "ur" else { return [] }
        if v.text.contains("\u{0624}") { return [v.text.replacingOccurrences(of: "\u{0624}", with: "\u{0626}\u{0648}")] }
        if v.text.contains("\u{0626}\u{0648}") { return [v.text.replacingOccurrences(of: "\u{0626}\u{0648}", with: "\u{0624}")] }
        return []
    }

    /// A Persian, Pashto or Urdu name as Arabic writers spell it, whose alphabet lacks چ and
    /// پ: with ج and ب (دشت برچی: دشت برجي; پنجشیر: بنجشير; عراقچی: عراقجي). Not a name of one
    /// word of three letters or fewer, which may be an Arabic word so spelt (پل: بل, "but";
    /// چین: جين). Not ژ and گ, which Arabic writers spell several ways (گ as ك, ج, غ or ق).
    static func arabicLetterVariants(_ v: NameVariant) -> [String] {
        guard ["fa", "ps", "ur", "prs"].contains(primaryLanguage(v.language)),
              v.text.unicodeScalars.contains(where: { $0 == "\u{0686}" || $0 == "\u{067E}" }) else { return [] }
        if !v.text.contains(" "), v.text.unicodeScalars.count <= 3 { return [] }
        let out = String(String.UnicodeScalarView(v.text.unicodeScalars.map {
            $0 == "\u{0686}" ? "\u{062C}" : $0 == "\u{067E}" ? "\u{0628}" : $0
        }))
        return [out]
    }

    /// The English letters' names as Hindi and Bengali papers spell an acronym with them
    /// (W also डब्लू, as often as डब्ल्यू).
    static let letterNames: (devanagari: [[String]], bengali: [String]) = (
        [["ए"], ["बी"], ["सी"], ["डी"], ["ई"], ["एफ"], ["जी"], ["एच"], ["आई"], ["जे"], ["के"], ["एल"], ["एम"],
         ["एन"], ["ओ"], ["पी"], ["क्यू"], ["आर"], ["एस"], ["टी"], ["यू"], ["वी"], ["डब्ल्यू", "डब्लू"], ["एक्स"], ["वाई"], ["जेड"]],
        ["এ", "বি", "সি", "ডি", "ই", "এফ", "জি", "এইচ", "আই", "জে", "কে", "এল", "এম",
         "এন", "ও", "পি", "কিউ", "আর", "এস", "টি", "ইউ", "ভি", "ডব্লিউ", "এক্স", "ওয়াই", "জেড"])

    /// An English acronym of three to six letters as Hindi and Bengali write it, letter by
    /// letter (INSTC: आईएनएसटीसी, আইএনএসটিসি; NCB: एनसीबी): the lexicon lists such spellings
    /// for some bodies, and 88 of those it lists are these. An acronym read as a word (NATO:
    /// नाटो) is written otherwise; its letter-by-letter form is a word no text has.
    static func indicAcronymVariants(_ v: NameVariant) -> [String] {
        let letters = Array(v.text.unicodeScalars)
        guard primaryLanguage(v.language) == "en", (3...6).contains(letters.count),
              letters.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else { return [] }
        var devanagari = [""]
        for l in letters {
            devanagari = devanagari.flatMap { prefix in letterNames.devanagari[Int(l.value - 0x41)].map { prefix + $0 } }
        }
        return devanagari + [letters.map { letterNames.bengali[Int($0.value - 0x41)] }.joined()]
    }

    /// Other spacings of a curated Arabic-script name, as text that lost its non-joiners or
    /// was typed without them writes it: a name of two to four words with some of its spaces
    /// left out, every way but the name as written (ملګروملتو for ملګرو ملتو, دفترخارجہ for
    /// دفتر خارجہ), and a name with a non-joiner with a space instead (فرانس پرس for فرانس‌پرس).
    /// Not for a bulk lexicon, whose many names would grow the index for forms few texts use.
    static func spacingVariants(_ text: String) -> [String] {
        // A word joined by a non-joiner is also written as two (فرانس‌پرس, فرانس پرس).
        let spaced = text.contains("\u{200C}") ? [text.replacingOccurrences(of: "\u{200C}", with: " ")] : []
        let words = text.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count),
              words.allSatisfy({ $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }) else { return spaced }
        var out = spaced
        // Bit k of `fused`: the space after word k is left out.
        for fused in 1..<(1 << (words.count - 1)) {
            var s = words[0]
            for k in 1..<words.count { s += (fused & (1 << (k - 1)) != 0 ? "" : " ") + words[k] }
            out.append(s)
        }
        return out
    }

    /// The words the press puts before a province's name, by language: a name listed with one
    /// (ولاية هرات) is also written with the others (إقليم هرات, مقاطعة هرات, محافظة هرات; Persian
    /// استان هرات for ولایت هرات; and the plural fused, without its non-joiner, as a list
    /// of provinces opens: ولایتهای قندهار، هلمند, the provinces of Kandahar and Helmand).
    static let provinceHeads: [Substring: [String]] = ["ar": ["ولاية", "إقليم", "مقاطعة", "محافظة"],
                                                       "fa": ["ولایت", "استان", "ولایتهای", "استانهای"]]

    /// The words Hindi and Bengali put after a province's name (कुंदुज प्रांत), which the press
    /// also puts before it, in apposition (उत्तरी प्रांत कुंदुज, "the northern province Kunduz").
    static let postposedProvinceHeads: [Substring: [String]] = ["hi": ["प्रांत", "प्रान्त"], "bn": ["প্রদেশ"]]

    /// The other spellings of a name that opens with a province word (see ``provinceHeads``),
    /// or that ends with one written after the name (see ``postposedProvinceHeads``).
    static func provinceHeadVariants(_ v: NameVariant) -> [String] {
        if let heads = postposedProvinceHeads[primaryLanguage(v.language)], let space = v.text.lastIndex(of: " ") {
            let head = String(v.text[v.text.index(after: space)...])
            if heads.contains(head) { return [head + " " + v.text[..<space]] }
        }
        guard let heads = provinceHeads[primaryLanguage(v.language)], let space = v.text.firstIndex(of: " "),
              heads.contains(String(v.text[..<space])) else { return [] }
        let head = String(v.text[..<space])
        return heads.filter { $0 != head }.map { $0 + v.text[space...] }
    }

    /// A Hindi or Bengali name with -ullah joined to a word (नजीबुल्लाह, নজিবুল্লাহ) as writers
    /// also write it apart, with the vowel as a letter of its own (नजीब उल्लाह), or nil.
    static func indicUllahVariants(_ text: String) -> [String] {
        let splits = [("\u{0941}\u{0932}\u{094D}\u{0932}\u{093E}", " \u{0909}\u{0932}\u{094D}\u{0932}\u{093E}"),  // ुल्ला → उल्ला
                      ("\u{09C1}\u{09B2}\u{09CD}\u{09B2}\u{09BE}", " \u{0989}\u{09B2}\u{09CD}\u{09B2}\u{09BE}")]  // ুল্লা → উল্লা
        var out = text
        for (joined, apart) in splits { out = out.replacingOccurrences(of: joined, with: apart) }
        return out == text ? [] : [out]
    }

    /// A Pashto name with a genitive د inside it (د افغانستان د عامې روغتیا وزارت) as writers
    /// also write it, without that د (د افغانستان عامې روغتیا وزارت): every way of leaving
    /// out some of its inner د (at most three), the د that opens the name kept. And one that
    /// opens with د and has no inner one, with one after its possessor, as writers mark a
    /// possessor of several words (د کمال خان د بند, د روغتیا د نړیوال سازمان).
    static func pashtoGenitiveVariants(_ v: NameVariant) -> [String] {
        guard primaryLanguage(v.language) == "ps" else { return [] }
        let words = v.text.split(separator: " ")
        let inner = words.indices.dropFirst().dropLast().filter { words[$0] == "د" }
        if inner.isEmpty, (3...6).contains(words.count), words[0] == "د" {
            // Where the possessor ends is not written; each place after its first word.
            return (2..<words.count).map { at in (words[..<at] + ["د"] + words[at...]).joined(separator: " ") }
        }
        guard (1...3).contains(inner.count) else { return [] }
        return (1..<(1 << inner.count)).map { left in
            let out = inner.enumerated().filter { left & (1 << $0.offset) != 0 }.map(\.element)
            return words.indices.filter { !out.contains($0) }.map { String(words[$0]) }.joined(separator: " ")
        }
    }

    /// A name of several words with each word-final ه written ة, as Arabic writers spell
    /// Persian names (أخوند زادة for اخوندزاده, زاده), or nil when it has none. Not for one
    /// word alone: Arabic روسية ("Russian") and القاعدة ("the base") are not روسیه, القاعده.
    static func finalHehVariant(_ text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 1 else { return nil }
        var changed = false
        let out = words.map { w -> String in
            guard w.unicodeScalars.last == "\u{0647}", !w.hasSuffix("لله") else { return String(w) }
            changed = true
            return String(String.UnicodeScalarView(w.unicodeScalars.dropLast() + ["\u{0629}"]))
        }
        return changed ? out.joined(separator: " ") : nil
    }

    /// A text with ة written ه, as Persian, Pashto and Urdu write Arabic words (الدولة
    /// الإسلامية, الدوله الاسلامیه), or nil when it has no ة. The tagger keeps ة apart
    /// from ه (see ``TokenScanner``), so a name in ة matches either spelling and a
    /// name in ه only its own.
    public static func tehMarbutaVariant(_ text: String) -> String? {
        guard text.unicodeScalars.contains("\u{0629}") else { return nil }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0629}" ? "\u{0647}" : $0 }))
    }

    /// Arabic-script compounds are written fused, with a zero-width non-joiner, or
    /// spaced (هبت‌الله, هبتالله, هبت الله; عبدالغنی, عبد الغنی; سراج‌الدین, سراج الدین):
    /// the other spellings of a name, split before or joined at the article ال of
    /// -الله, -الدين and عبد-.
    static func arabicScriptJoinVariants(_ text: String) -> [String] {
        guard text.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) else { return [] }
        let words = text.replacingOccurrences(of: "\u{200C}", with: "").split(separator: " ").map(String.init)
        var split: [String] = []
        var changed = false
        for w in words {
            var done = false
            for tail in ["الله", "اللہ", "الدين", "الدین"] where w.hasSuffix(tail) && w.count > tail.count + 1 {
                split.append(String(w.dropLast(tail.count)))
                split.append(tail)
                done = true
                break
            }
            if !done, w.hasPrefix("عبد"), w.count > 5, w.dropFirst(3).hasPrefix("ال") {
                split.append("عبد")
                split.append(String(w.dropFirst(3)))
                done = true
            }
            if !done { split.append(w) }
            changed = changed || done
        }
        var out: [String] = []
        if changed { out.append(split.joined(separator: " ")) }
        // Joined: a word followed by one of the tails, or عبد followed by an article word.
        var joined: [String] = []
        var k = 0
        var joinedAny = false
        while k < words.count {
            if k + 1 < words.count, ["الله", "اللہ", "الدين", "الدین"].contains(words[k + 1]) || (words[k] == "عبد" && words[k + 1].hasPrefix("ال")) {
                joined.append(words[k] + words[k + 1])
                k += 2
                joinedAny = true
            } else {
                joined.append(words[k])
                k += 1
            }
        }
        if joinedAny { out.append(joined.joined(separator: " ")) }
        return out
    }

    // MARK: Binary index

    /// Writes the sections of the binary index.
    public func write(into writer: inout BinaryArchive.Writer) {
        func table(_ name: String, _ t: StringTable) {
            writer.add("\(name).off", t.offsets)
            writer.add("\(name).txt", t.bytes)
        }
        table("ent.id", entityIDs)
        table("ent.name", entityNames)
        writer.add("ent.type", entityTypes)
        table("types", typeNames)
        writer.add("ent.country", entityCountry)
        writer.add("ent.ctx.start", contextStart)
        writer.add("ent.ctx", contexts)
        writer.add("ent.prior", entityPrior)
        writer.add("ent.flags", entityFlags)
        writer.add("ent.langs", entityLanguages)
        writer.add("name.entity", nameEntity)
        writer.add("name.flags", nameFlags)
        writer.add("name.case", nameCaseMask)
        writer.add("name.ntok", nameTokenCount)
        table("name.text", nameTexts)
        writer.add("name.lang", nameLanguage)
        table("langs", languages)
        table("vocab", vocabulary.strings)
        writer.add("vocab.slots", vocabulary.slots)
        writer.add("trie.edges", trie.edges)
        writer.add("trie.out.start", trie.outputStart)
        writer.add("trie.out", trie.outputs)
        writer.add("part.tok", partialTokens)
        writer.add("part.start", partialStart)
        writer.add("part.ent", partialEntries)
        writer.add("word.info", wordInfo)
        writer.add("hon.start", honorificStart)
        writer.add("hon.tok", honorificTokens)
        table("hon.key", honorificKeys)
        writer.add("hon.courtesy", courtesyTokens)
        writer.add("name.brk", bracketedPairs)
        writer.add("ent.region", regionSiblings)
    }

    /// Reads the tagger's sections of a verified archive, checking that every
    /// reference stays in bounds.
    /// - Throws: ``BinaryArchive/FormatError``.
    public static func read(from r: BinaryArchive.Reader) throws -> CompiledLexicon {
        let c = CompiledLexicon(
            entityIDs: try r.strings("ent.id"), entityNames: try r.strings("ent.name"), entityTypes: try r.array("ent.type"),
            typeNames: try r.strings("types"), entityCountry: try r.array("ent.country"), contextStart: try r.array("ent.ctx.start"),
            contexts: try r.array("ent.ctx"), entityPrior: try r.array("ent.prior"), entityFlags: try r.array("ent.flags"),
            entityLanguages: try r.array("ent.langs"),
            nameEntity: try r.array("name.entity"), nameFlags: try r.array("name.flags"), nameCaseMask: try r.array("name.case"),
            nameTokenCount: try r.array("name.ntok"), nameTexts: try r.strings("name.text"), nameLanguage: try r.array("name.lang"),
            languages: try r.strings("langs"),
            vocabulary: StringIndex(strings: try r.strings("vocab"), slots: try r.array("vocab.slots")),
            trie: TokenTrie(edges: try r.array("trie.edges"), outputStart: try r.array("trie.out.start"), outputs: try r.array("trie.out")),
            partialTokens: try r.array("part.tok"), partialStart: try r.array("part.start"), partialEntries: try r.array("part.ent"),
            wordInfo: try r.array("word.info"),
            honorificStart: try r.array("hon.start"), honorificTokens: try r.array("hon.tok"), honorificKeys: try r.strings("hon.key"),
            courtesyTokens: try r.array("hon.courtesy"), bracketedPairs: try r.array("name.brk"),
            regionSiblings: try r.array("ent.region"))
        try c.validate()
        return c
    }

    /// Every index into another table is in range: a corrupted index that passed the
    /// checksum still cannot make the tagger read out of bounds.
    func validate() throws {
        func fail(_ what: String) -> BinaryArchive.FormatError { BinaryArchive.FormatError(message: "index is inconsistent: \(what)") }
        let e = entityIDs.count
        guard entityNames.count == e, entityTypes.count == e, entityCountry.count == e, contextStart.count == e + 1,
              entityPrior.count == e, entityFlags.count == e, entityLanguages.count == e else { throw fail("entity tables differ in length") }
        guard entityTypes.allSatisfy({ Int($0) < typeNames.count }) else { throw fail("entity type") }
        guard entityCountry.allSatisfy({ $0 >= -1 && Int($0) < e }) else { throw fail("entity country") }
        guard contextStart.first == 0, zip(contextStart, contextStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              Int(contextStart.last ?? 0) == contexts.count, contexts.allSatisfy({ $0 >= 0 && Int($0) < e }) else { throw fail("contexts") }
        let n = nameEntity.count
        guard nameFlags.count == n, nameCaseMask.count == n, nameTokenCount.count == n, nameTexts.count == n, nameLanguage.count == n
        else { throw fail("name tables differ in length") }
        guard nameEntity.allSatisfy({ $0 >= 0 && Int($0) < e }), nameLanguage.allSatisfy({ Int($0) < languages.count }) else { throw fail("name references") }
        let v = vocabulary.count
        guard vocabulary.isConsistent else { throw fail("vocabulary") }
        let states = trie.outputStart.count - 1
        let slots = trie.slotCount
        guard states >= 1, trie.edges.count == 2 * slots, slots.nonzeroBitCount == 1,
              (0..<slots).contains(where: { trie.key($0) == 0 }),
              (0..<slots).allSatisfy({ trie.edges[2 * $0 + 1] >> 32 == 0 && trie.target($0) >= -1 && Int(TokenTrie.state(trie.target($0))) < states }),
              trie.outputStart.first == 0, zip(trie.outputStart, trie.outputStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              Int(trie.outputStart.last ?? 0) == trie.outputs.count,
              trie.outputs.allSatisfy({ TokenTrie.name($0) >= 0 && Int(TokenTrie.name($0)) < n })
        else { throw fail("automaton") }
        guard partialStart.count == partialTokens.count + 1, partialStart.first == 0,
              zip(partialStart, partialStart.dropFirst()).allSatisfy({ $0 <= $1 }), Int(partialStart.last ?? 0) == partialEntries.count,
              partialEntries.allSatisfy({ $0 >= 0 && Int($0 >> 2) < e }), partialTokens.allSatisfy({ $0 >= 0 && Int($0) < v })
        else { throw fail("partial names") }
        guard WordInfo.isConsistent(wordInfo, vocabularyCount: v, stateCount: trie.stateCount, partialTokens: partialTokens)
        else { throw fail("word records") }
        guard honorificStart.first == 0, zip(honorificStart, honorificStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              Int(honorificStart.last ?? 0) == honorificTokens.count, honorificKeys.count == honorificStart.count - 1,
              honorificTokens.allSatisfy({ $0 >= 0 && Int($0) < v }), courtesyTokens.allSatisfy({ $0 >= 0 && Int($0) < v })
        else { throw fail("honorifics") }
        guard zip(bracketedPairs, bracketedPairs.dropFirst()).allSatisfy({ $0 < $1 }),
              bracketedPairs.allSatisfy({ $0 >= 0 && Int($0 >> 32) < v && Int($0 & 0xFFFF_FFFF) < v })
        else { throw fail("bracketed names") }
        guard zip(regionSiblings, regionSiblings.dropFirst()).allSatisfy({ $0 < $1 }),
              regionSiblings.allSatisfy({ $0 >= 0 && Int($0 >> 32) < e && Int($0 & 0xFFFF_FFFF) < e })
        else { throw fail("region siblings") }
    }
}

/// A value computed on first use, under a lock.
final class LazyBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    func get(_ make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let v = make()
        stored = v
        return v
    }
}

/// The record of a vocabulary word (``CompiledLexicon/wordInfo``), packed in 64 bits:
/// bits 0–31 the automaton's state after the word from the start (-1 when no name starts
/// with it); bit 32 set when some name has the word after its first; bit 33 set when the
/// word alone is a name (its start state has outputs); bits 34–63 its row in the
/// partial-name index plus one (0 when it has none).
enum WordInfo {
    @inline(__always) static func start(_ info: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: info)) }
    @inline(__always) static func continues(_ info: UInt64) -> Bool { info & (1 << 32) != 0 }
    @inline(__always) static func endsName(_ info: UInt64) -> Bool { info & (1 << 33) != 0 }
    /// The word's row in ``CompiledLexicon/partialTokens``, or -1.
    @inline(__always) static func partialRow(_ info: UInt64) -> Int { Int(info >> 34) - 1 }

    static func build(vocabularyCount: Int, trie: TokenTrie, partialTokens: [Int32]) -> [UInt64] {
        let continuing = trie.continuationWords(vocabularySize: vocabularyCount)
        var rows = [Int](repeating: -1, count: vocabularyCount)
        for (k, token) in partialTokens.enumerated() { rows[Int(token)] = k }
        return (0..<vocabularyCount).map { id in
            let start = trie.next(0, Int32(id))
            var info = UInt64(UInt32(bitPattern: start))
            if continuing.contains(Int32(id)) { info |= 1 << 32 }
            if start >= 0 && !trie.outputs(of: start).isEmpty { info |= 1 << 33 }
            return info | UInt64(rows[id] + 1) << 34
        }
    }

    /// One record a word, states that exist, and partial rows that point back at the word.
    static func isConsistent(_ infos: Table<UInt64>, vocabularyCount: Int, stateCount: Int, partialTokens: Table<Int32>) -> Bool {
        guard infos.count == vocabularyCount else { return false }
        return infos.withUnsafeBufferPointer { all in
            for (id, info) in all.enumerated() {
                let s = start(info)
                if s < -1 || Int(s) >= stateCount || (s < 0 && endsName(info)) { return false }
                let row = partialRow(info)
                if row >= partialTokens.count || (row >= 0 && Int(partialTokens[row]) != id) { return false }
            }
            return true
        }
    }
}
