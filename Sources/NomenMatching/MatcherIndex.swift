import NomenLexicon
import NomenNormalization
import NomenTransliteration

/// The matcher's keys for every lexicon name, and postings from keys to names:
/// built once at compile time, read with the binary index, never re-derived from YAML.
public final class MatcherIndex: Sendable {
    public static let formatVersion: UInt32 = 13

    let nameEntity: Table<Int32>
    let nameTexts: StringTable
    let nameLanguage: Table<UInt16>
    let languages: StringTable
    /// Folded Latin tokens, space-separated.
    let nameLatin: StringTable
    /// Skeleton tokens, space-separated.
    let nameSkeleton: StringTable
    let nameScheme: Table<UInt8>
    let schemes: StringTable
    /// Bit 0 ambiguous, bit 1 generated, bit 2 a person's name (whose last word is a surname).
    let nameFlags: Table<UInt8>
    /// The languages each entity's names are written in, how many (see ``Prominence``).
    let entityLanguages: Table<UInt8>
    /// Postings: skeleton token → names; fused skeleton → names; trigram → names.
    let tokenKeys: StringIndex
    let tokenStart: Table<Int32>
    let tokenPostings: Table<Int32>
    let fusedKeys: StringIndex
    let fusedStart: Table<Int32>
    let fusedPostings: Table<Int32>
    let gramKeys: StringIndex
    let gramStart: Table<Int32>
    let gramPostings: Table<Int32>
    /// Honorifics as folded Latin token sequences (space-separated), with their keys.
    let honorificForms: StringTable
    let honorificKeys: StringTable
    let particles: StringTable
    /// Every non-Latin word of the lexicon's names (folded) and its transliteration,
    /// made at compile time: a query of lexicon words needs no ICU call.
    let translitWords: StringIndex
    let translitLatin: StringTable

    /// The precomputed transliteration of a folded word, if it is a lexicon word.
    func knownLatin(_ word: String) -> String? {
        let id = translitWords.id(of: word)
        return id >= 0 ? translitLatin[Int(id)] : nil
    }

    public var nameCount: Int { nameEntity.count }

    init(nameEntity: Table<Int32>, nameTexts: StringTable, nameLanguage: Table<UInt16>, languages: StringTable, nameLatin: StringTable,
         nameSkeleton: StringTable, nameScheme: Table<UInt8>, schemes: StringTable, nameFlags: Table<UInt8>,
         entityLanguages: Table<UInt8>, tokenKeys: StringIndex, tokenStart: Table<Int32>, tokenPostings: Table<Int32>,
         fusedKeys: StringIndex, fusedStart: Table<Int32>, fusedPostings: Table<Int32>,
         gramKeys: StringIndex, gramStart: Table<Int32>, gramPostings: Table<Int32>,
         honorificForms: StringTable, honorificKeys: StringTable, particles: StringTable,
         translitWords: StringIndex = StringIndex.build([]), translitLatin: StringTable = StringTable.Builder().build()) {
        self.nameEntity = nameEntity
        self.nameTexts = nameTexts
        self.nameLanguage = nameLanguage
        self.languages = languages
        self.nameLatin = nameLatin
        self.nameSkeleton = nameSkeleton
        self.nameScheme = nameScheme
        self.schemes = schemes
        self.nameFlags = nameFlags
        self.entityLanguages = entityLanguages
        self.tokenKeys = tokenKeys
        self.tokenStart = tokenStart
        self.tokenPostings = tokenPostings
        self.fusedKeys = fusedKeys
        self.fusedStart = fusedStart
        self.fusedPostings = fusedPostings
        self.gramKeys = gramKeys
        self.gramStart = gramStart
        self.gramPostings = gramPostings
        self.honorificForms = honorificForms
        self.honorificKeys = honorificKeys
        self.particles = particles
        self.translitWords = translitWords
        self.translitLatin = translitLatin
        schemeIsHan = (0..<schemes.count).map { schemes[$0].contains("Han") }
        let abjad = TransliterationScheme.latin(for: .arabic).id
        schemeIsAbjad = (0..<schemes.count).map { schemes[$0] == abjad }
        var forms: [[String]: String] = [:]
        for i in 0..<honorificForms.count {
            forms[honorificForms[i].split(separator: " ").map(String.init)] = honorificKeys[i]
        }
        honorificLookup = forms
    }

    let honorificLookup: [[String]: String]
    /// Per scheme: whether it reads Han (pinyin syllables, which match nothing in another script).
    let schemeIsHan: [Bool]
    /// Per scheme: whether it reads Arabic script, whose long vowels a writer may spell out or
    /// not (Urdu دمتری, Persian دیمیتری: dmtry, dymytry), so the Latin forms of one word differ
    /// in length by more than a letter.
    let schemeIsAbjad: [Bool]

    /// Removes leading honorifics from Latin tokens, while a name remains; returns them.
    func stripHonorifics(_ tokens: [String]) -> (tokens: [String], removed: [String]) {
        Self.stripHonorifics(tokens, using: honorificLookup)
    }

    /// `stripHonorifics` over a table of honorific token sequences and their keys.
    static func stripHonorifics(_ tokens: [String], using lookup: [[String]: String]) -> (tokens: [String], removed: [String]) {
        var t = tokens
        var removed: [String] = []
        var changed = true
        while changed && t.count > 1 {
            changed = false
            for length in stride(from: min(4, t.count - 1), through: 1, by: -1) {
                if let key = lookup[Array(t[0..<length])] {
                    removed.append(key)
                    t.removeFirst(length)
                    changed = true
                    break
                }
            }
        }
        return (t, removed)
    }

    // MARK: Build

    /// Computes every name's keys and the postings.
    /// - Complexity: O(total name length), plus one transliteration per distinct non-Latin token.
    public static func build(_ lexicon: Lexicon, honorifics: HonorificList) -> MatcherIndex {
        var honorificForms: [String] = []
        var honorificKeyList: [String] = []
        // Every honorific and courtesy title, also those that are name words too (Sheikh,
        // Sayyid): they are stripped only while a name remains.
        for h in honorifics.honorifics where !h.follows {
            var seen = Set<String>()
            for f in h.forms {
                let latin = NameKeys.latinTokens(f.text, language: f.language).tokens.joined(separator: " ")
                if latin.isEmpty || !seen.insert(latin).inserted { continue }
                honorificForms.append(latin)
                honorificKeyList.append(h.key)
            }
        }
        var particleList = Set<String>()
        for p in honorifics.particles { for f in p.forms { for t in NameKeys.latinTokens(f.text, language: f.language).tokens { particleList.insert(t) } } }

        var hf = StringTable.Builder(); honorificForms.forEach { hf.append($0) }
        var hk = StringTable.Builder(); honorificKeyList.forEach { hk.append($0) }
        var pt = StringTable.Builder(); particleList.sorted().forEach { pt.append($0) }
        var lookup: [[String]: String] = [:]
        for (form, key) in zip(honorificForms, honorificKeyList) { lookup[form.split(separator: " ").map(String.init)] = key }

        // Every name read in Latin on two threads (the costly part), then the tables and
        // the postings on two: the name tables and the token keys beside the trigrams (as
        // many as the token keys), the fused keys and the transliterations.
        let (names, translit) = Self.readNames(lexicon.entities, honorifics: lookup)
        let ((tables, tokens), (grams, fused, words)) = bothAtOnce({ () -> (NameTables, Postings) in
            var tokenPost: [String: [Int32]] = [:]
            for (n, name) in names.enumerated() {
                for sk in Set(name.skeletons) { tokenPost[sk, default: []].append(Int32(n)) }
                // Exact words, marked "=" so they never collide with a skeleton.
                for w in Set(name.tokens) where w.count > 1 { tokenPost["=" + w, default: []].append(Int32(n)) }
            }
            return (NameTables(names), Postings(tokenPost))
        }, { () -> (Postings, Postings, (StringIndex, StringTable)) in
            var gramPost: [String: [Int32]] = [:]
            var fusedPost: [String: [Int32]] = [:]
            for (n, name) in names.enumerated() {
                let fused = name.skeletons.joined()
                fusedPost[fused, default: []].append(Int32(n))
                for g in Set(trigrams(fused)) { gramPost[g, default: []].append(Int32(n)) }
            }
            let translitKeys = translit.keys.sorted()
            var translitValues = StringTable.Builder()
            for k in translitKeys { translitValues.append(translit[k]!) }
            return (Postings(gramPost), Postings(fusedPost), (StringIndex.build(translitKeys), translitValues.build()))
        })
        return MatcherIndex(
            nameEntity: tables.entity, nameTexts: tables.texts, nameLanguage: tables.language, languages: tables.languages,
            nameLatin: tables.latin, nameSkeleton: tables.skeleton, nameScheme: tables.scheme, schemes: tables.schemes,
            nameFlags: tables.flags, entityLanguages: Table(lexicon.entities.map(Prominence.languages)),
            tokenKeys: tokens.keys, tokenStart: tokens.start, tokenPostings: tokens.names,
            fusedKeys: fused.keys, fusedStart: fused.start, fusedPostings: fused.names,
            gramKeys: grams.keys, gramStart: grams.start, gramPostings: grams.names,
            honorificForms: hf.build(), honorificKeys: hk.build(), particles: pt.build(),
            translitWords: words.0, translitLatin: words.1)
    }

    /// A name the matcher keeps, read in Latin: one of an entity's names whose Latin words,
    /// honorifics stripped, are not those of an earlier name of the entity.
    struct NameReading: Sendable, Equatable {
        let entity: Int32
        let text: String
        let language: String
        /// The transliteration scheme, "" for a name already in Latin.
        let scheme: String
        /// Bit 0 ambiguous, bit 1 generated, bit 2 a person's name (see ``MatcherIndex/nameFlags``).
        let flags: UInt8
        /// Folded Latin words, and their skeletons.
        let tokens: [String]
        let skeletons: [String]
    }

    /// The names the matcher keeps, in the order of the entities and their names, and the
    /// transliteration of every non-Latin word of every name. Both are functions of the names'
    /// texts and languages alone (a word's transliteration is the same in every name, and
    /// which names an entity keeps depends on its names only), so the second half of the
    /// entities is read on a thread of its own, with its own transliterators.
    static func readNames(_ entities: [Entity], honorifics: [[String]: String]) -> (names: [NameReading], translit: [String: String]) {
        let half = entities.count / 2
        // Small lexicons are not worth a thread.
        if half < 1_000 { return readNames(of: entities[...], honorifics: honorifics) }
        let (first, second) = bothAtOnce({ readNames(of: entities[..<half], honorifics: honorifics) },
                                         { readNames(of: entities[half...], honorifics: honorifics) })
        // A word of both halves has the same transliteration in each.
        return (first.names + second.names, first.translit.merging(second.translit) { a, _ in a })
    }

    /// ``readNames(_:honorifics:)`` of some entities; a word transliterated for one name is
    /// looked up, not transliterated again, for the next.
    static func readNames(of part: ArraySlice<Entity>, honorifics: [[String]: String]) -> (names: [NameReading], translit: [String: String]) {
        var known: [String: String] = [:]
        var out: [NameReading] = []
        for (e, entity) in zip(part.indices, part) {
            var seen = Set<String>()
            for v in entity.allNames {
                let form = NameKeys.latinTokens(v.text, recording: &known)
                let tokens = Self.stripHonorifics(form.tokens, using: honorifics).tokens
                if tokens.isEmpty || !seen.insert(tokens.joined(separator: " ")).inserted { continue }
                var flags: UInt8 = 0
                if v.ambiguous { flags |= 1 }
                if v.generated || entity.isGenerated { flags |= 2 }
                if entity.type == .person { flags |= 4 }
                out.append(NameReading(entity: Int32(e), text: v.text, language: v.language, scheme: form.scheme ?? "", flags: flags,
                                       tokens: tokens, skeletons: tokens.map(NameKeys.skeleton)))
            }
        }
        return (out, known)
    }

    /// The tables of the names, a row a name.
    private struct NameTables {
        let entity: Table<Int32>
        let texts: StringTable
        let language: Table<UInt16>
        let languages: StringTable
        let latin: StringTable
        let skeleton: StringTable
        let scheme: Table<UInt8>
        let schemes: StringTable
        let flags: Table<UInt8>

        init(_ names: [NameReading]) {
            var texts = StringTable.Builder()
            var latin = StringTable.Builder()
            var skeleton = StringTable.Builder()
            var languages = StringTable.Builder()
            var languageIndex: [String: UInt16] = [:]
            var schemes = StringTable.Builder()
            var schemeIndex: [String: UInt8] = [:]
            // Scheme 0 is none (a name already in Latin).
            _ = Self.number("", &schemeIndex, &schemes)
            var language: [UInt16] = []
            var scheme: [UInt8] = []
            for name in names {
                texts.append(name.text)
                latin.append(name.tokens.joined(separator: " "))
                skeleton.append(name.skeletons.joined(separator: " "))
                language.append(Self.number(name.language, &languageIndex, &languages))
                scheme.append(Self.number(name.scheme, &schemeIndex, &schemes))
            }
            self.entity = Table(names.map(\.entity))
            self.texts = texts.build()
            self.language = Table(language)
            self.languages = languages.build()
            self.latin = latin.build()
            self.skeleton = skeleton.build()
            self.scheme = Table(scheme)
            self.schemes = schemes.build()
            self.flags = Table(names.map(\.flags))
        }

        /// The number of `string` in `table`, where it is added when new; past the largest
        /// number (255 schemes; there are a dozen), the last is shared.
        private static func number<N: FixedWidthInteger>(_ string: String, _ index: inout [String: N],
                                                         _ table: inout StringTable.Builder) -> N {
            if let n = index[string] { return n }
            let n = N(min(Int(N.max), index.count))
            table.append(string)
            index[string] = n
            return n
        }
    }

    /// Keys and the names each leads to, as the index keeps them: the keys in order, and
    /// each key's names (in the order of the names) one list after the other.
    private struct Postings {
        let keys: StringIndex
        let start: Table<Int32>
        let names: Table<Int32>

        init(_ post: [String: [Int32]]) {
            let keys = post.keys.sorted()
            var start: [Int32] = [0]
            var all: [Int32] = []
            for k in keys {
                all += post[k]!
                start.append(Int32(all.count))
            }
            self.keys = StringIndex.build(keys)
            self.start = Table(start)
            self.names = Table(all)
        }
    }

    /// Trigrams of a skeleton with boundary marks: "kbl" → "^kb", "kbl", "bl$".
    static func trigrams(_ s: String) -> [String] {
        let chars = Array(("^" + s + "$").utf8)
        guard chars.count >= 3 else { return [String(decoding: chars, as: UTF8.self)] }
        return (0...(chars.count - 3)).map { String(decoding: chars[$0..<($0 + 3)], as: UTF8.self) }
    }

    // MARK: Binary form

    public func write(into w: inout BinaryArchive.Writer) {
        func table(_ name: String, _ t: StringTable) {
            w.add("\(name).off", t.offsets)
            w.add("\(name).txt", t.bytes)
        }
        func index(_ name: String, _ i: StringIndex, _ start: Table<Int32>, _ post: Table<Int32>) {
            table("\(name).k", i.strings)
            w.add("\(name).slots", i.slots)
            w.add("\(name).start", start)
            w.add("\(name).post", post)
        }
        w.add("m.entity", nameEntity)
        table("m.text", nameTexts)
        w.add("m.lang", nameLanguage)
        table("m.langs", languages)
        table("m.latin", nameLatin)
        table("m.skel", nameSkeleton)
        w.add("m.scheme", nameScheme)
        table("m.schemes", schemes)
        w.add("m.flags", nameFlags)
        w.add("m.elangs", entityLanguages)
        index("m.tok", tokenKeys, tokenStart, tokenPostings)
        index("m.fus", fusedKeys, fusedStart, fusedPostings)
        index("m.gram", gramKeys, gramStart, gramPostings)
        table("m.hon", honorificForms)
        table("m.honkey", honorificKeys)
        table("m.part", particles)
        table("m.tr.k", translitWords.strings)
        w.add("m.tr.slots", translitWords.slots)
        table("m.tr.v", translitLatin)
    }

    public static func read(from r: BinaryArchive.Reader, entityCount: Int) throws -> MatcherIndex {
        func index(_ name: String) throws -> (StringIndex, Table<Int32>, Table<Int32>) {
            (StringIndex(strings: try r.strings("\(name).k"), slots: try r.array("\(name).slots")),
             try r.array("\(name).start"), try r.array("\(name).post"))
        }
        let (tk, ts, tp) = try index("m.tok")
        let (fk, fs, fp) = try index("m.fus")
        let (gk, gs, gp) = try index("m.gram")
        let m = MatcherIndex(
            nameEntity: try r.array("m.entity"), nameTexts: try r.strings("m.text"), nameLanguage: try r.array("m.lang"),
            languages: try r.strings("m.langs"), nameLatin: try r.strings("m.latin"), nameSkeleton: try r.strings("m.skel"),
            nameScheme: try r.array("m.scheme"), schemes: try r.strings("m.schemes"), nameFlags: try r.array("m.flags"),
            entityLanguages: try r.array("m.elangs"),
            tokenKeys: tk, tokenStart: ts, tokenPostings: tp, fusedKeys: fk, fusedStart: fs, fusedPostings: fp,
            gramKeys: gk, gramStart: gs, gramPostings: gp, honorificForms: try r.strings("m.hon"),
            honorificKeys: try r.strings("m.honkey"), particles: try r.strings("m.part"),
            translitWords: StringIndex(strings: try r.strings("m.tr.k"), slots: try r.array("m.tr.slots")), translitLatin: try r.strings("m.tr.v"))
        let n = m.nameEntity.count
        func bad(_ what: String) -> BinaryArchive.FormatError { BinaryArchive.FormatError(message: "index is inconsistent: matcher \(what)") }
        guard m.nameTexts.count == n, m.nameLanguage.count == n, m.nameLatin.count == n, m.nameSkeleton.count == n,
              m.nameScheme.count == n, m.nameFlags.count == n, m.entityLanguages.count == entityCount
        else { throw bad("tables differ in length") }
        guard m.nameEntity.allSatisfy({ $0 >= 0 && Int($0) < entityCount }), m.nameLanguage.allSatisfy({ Int($0) < m.languages.count }),
              m.nameScheme.allSatisfy({ Int($0) < m.schemes.count }), m.honorificKeys.count == m.honorificForms.count,
              m.translitLatin.count == m.translitWords.count, m.translitWords.isConsistent else { throw bad("references") }
        for (keys, start, post) in [(tk, ts, tp), (fk, fs, fp), (gk, gs, gp)] {
            guard start.count == keys.count + 1, start.first == 0, zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }),
                  Int(start.last ?? 0) == post.count, post.allSatisfy({ $0 >= 0 && Int($0) < n }),
                  keys.isConsistent else { throw bad("postings") }
        }
        return m
    }

    /// Where the postings of `key` lie in its postings table (empty for an unknown key).
    func postings(_ keys: StringIndex, _ start: Table<Int32>, _ key: String) -> Range<Int> {
        let id = keys.id(of: key)
        guard id >= 0 else { return 0..<0 }
        return Int(start[Int(id)])..<Int(start[Int(id) + 1])
    }
}
