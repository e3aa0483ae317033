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
        var forms: [[String]: String] = [:]
        for i in 0..<honorificForms.count {
            forms[honorificForms[i].split(separator: " ").map(String.init)] = honorificKeys[i]
        }
        honorificLookup = forms
    }

    let honorificLookup: [[String]: String]
    /// Per scheme: whether it reads Han (pinyin syllables, which match nothing in another script).
    let schemeIsHan: [Bool]

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

        var nameEntity: [Int32] = []
        var texts = StringTable.Builder()
        var nameLanguage: [UInt16] = []
        var languageList: [String] = []
        var languageIndex: [String: UInt16] = [:]
        var latinTable = StringTable.Builder()
        var skeletonTable = StringTable.Builder()
        var nameScheme: [UInt8] = []
        var schemeList: [String] = [""]
        var schemeIndex: [String: UInt8] = ["": 0]
        var flags: [UInt8] = []
        var tokenPost: [String: [Int32]] = [:]
        var translit: [String: String] = [:]
        var fusedPost: [String: [Int32]] = [:]
        var gramPost: [String: [Int32]] = [:]

        let readings = Self.latinReadings(lexicon.entities)
        var next = 0
        for (e, entity) in lexicon.entities.enumerated() {
            var seen = Set<String>()
            for v in entity.allNames {
                let (words, form) = readings[next]
                next += 1
                for (word, latin) in words where translit[word] == nil { translit[word] = latin }
                let tokens = Self.stripHonorifics(form.tokens, using: lookup).tokens
                if tokens.isEmpty { continue }
                let latin = tokens.joined(separator: " ")
                if !seen.insert(latin).inserted { continue }
                let skeletons = tokens.map(NameKeys.skeleton)
                let n = Int32(nameEntity.count)
                nameEntity.append(Int32(e))
                texts.append(v.text)
                let lang = languageIndex[v.language] ?? {
                    let l = UInt16(languageList.count)
                    languageList.append(v.language)
                    languageIndex[v.language] = l
                    return l
                }()
                nameLanguage.append(lang)
                latinTable.append(latin)
                skeletonTable.append(skeletons.joined(separator: " "))
                let scheme = form.scheme ?? ""
                let s = schemeIndex[scheme] ?? {
                    let i = UInt8(min(255, schemeList.count))
                    schemeList.append(scheme)
                    schemeIndex[scheme] = i
                    return i
                }()
                nameScheme.append(s)
                var f: UInt8 = 0
                if v.ambiguous { f |= 1 }
                if v.generated || entity.isGenerated { f |= 2 }
                if entity.type == .person { f |= 4 }
                flags.append(f)
                for sk in Set(skeletons) { tokenPost[sk, default: []].append(n) }
                // Exact words, marked "=" so they never collide with a skeleton.
                for w in Set(tokens) where w.count > 1 { tokenPost["=" + w, default: []].append(n) }
                let fused = skeletons.joined()
                fusedPost[fused, default: []].append(n)
                for g in Set(trigrams(fused)) { gramPost[g, default: []].append(n) }
            }
        }
        func flatten(_ post: [String: [Int32]]) -> (StringIndex, Table<Int32>, Table<Int32>) {
            let keys = post.keys.sorted()
            var start: [Int32] = [0]
            var all: [Int32] = []
            for k in keys {
                all += post[k]!
                start.append(Int32(all.count))
            }
            return (StringIndex.build(keys), Table(start), Table(all))
        }
        let (tk, ts, tp) = flatten(tokenPost)
        let (fk, fs, fp) = flatten(fusedPost)
        let (gk, gs, gp) = flatten(gramPost)
        let translitKeys = translit.keys.sorted()
        var translitValues = StringTable.Builder()
        for k in translitKeys { translitValues.append(translit[k]!) }
        var lt = StringTable.Builder(); languageList.forEach { lt.append($0) }
        var st = StringTable.Builder(); schemeList.forEach { st.append($0) }
        return MatcherIndex(
            nameEntity: Table(nameEntity), nameTexts: texts.build(), nameLanguage: Table(nameLanguage), languages: lt.build(),
            nameLatin: latinTable.build(), nameSkeleton: skeletonTable.build(), nameScheme: Table(nameScheme), schemes: st.build(),
            nameFlags: Table(flags), entityLanguages: Table(lexicon.entities.map(Prominence.languages)), tokenKeys: tk, tokenStart: ts, tokenPostings: tp, fusedKeys: fk, fusedStart: fs, fusedPostings: fp,
            gramKeys: gk, gramStart: gs, gramPostings: gp, honorificForms: hf.build(), honorificKeys: hk.build(), particles: pt.build(),
            translitWords: StringIndex.build(translitKeys), translitLatin: translitValues.build())
    }

    typealias LatinReading = (words: [(String, String)], form: NameKeys.LatinForm)

    /// Every name's non-Latin words with their transliterations, and its Latin form, in the
    /// order of the entities and their names. Both are functions of the name's text and
    /// language alone (a word's transliteration is the same in every name), so the second
    /// half of the entities is read on a thread of its own, with its own transliterators.
    static func latinReadings(_ entities: [Entity]) -> [LatinReading] {
        let half = entities.count / 2
        // Small lexicons are not worth a thread.
        if half < 1_000 { return latinReadings(of: entities[...]) }
        let (first, second) = bothAtOnce({ latinReadings(of: entities[..<half]) }, { latinReadings(of: entities[half...]) })
        return first + second
    }

    /// ``latinReadings(_:)`` of some entities; a word transliterated for one name is looked
    /// up, not transliterated again, for the Latin forms of the next.
    private static func latinReadings(of part: ArraySlice<Entity>) -> [LatinReading] {
        var known: [String: String] = [:]
        var out: [LatinReading] = []
        for entity in part {
            for v in entity.allNames {
                let words = NameKeys.transliteratedWords(v.text)
                for (word, latin) in words where known[word] == nil { known[word] = latin }
                out.append((words, NameKeys.latinTokens(v.text, language: v.language) { known[$0] }))
            }
        }
        return out
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
