import NomenLexicon
import NomenNormalization
import NomenTransliteration

/// One entity a queried name may denote.
public struct MatchCandidate: Sendable, Equatable {
    /// Index of the entity (in the lexicon's entity table).
    public let entity: Int
    /// Similarity in [0, 1].
    public let score: Double
    /// Whether the score passes the match threshold.
    public let isMatch: Bool
    /// The lexicon name that matched best.
    public let variant: String
    public let language: String
    /// How the name matched, in words.
    public let explanation: String
    /// Honorifics found in the query and ignored.
    public let honorifics: [String]
    /// Every word of the query and of the name found its counterpart.
    public let isComplete: Bool
}

/// Ranks the entities a name may denote, across scripts and romanisations.
///
/// ```swift
/// let matcher = NameMatcher(index: index.matcher)
/// matcher.lookup("Zamir Kabuloff").first?.explanation
/// // "tokens zamir~zamir 1.00, kabuloff~kabulov 0.95 (skeleton kbl = kbl); variant "Zamir Kabulov" (en)"
/// ```
///
/// Retrieval goes through the skeleton-token, fused-skeleton and skeleton-trigram
/// postings of ``MatcherIndex``; each retrieved name is then scored by aligning its
/// tokens with the query's (Jaro–Winkler on folded Latin forms, skeleton agreement,
/// initials, fused and split parts), with penalties for query words the name lacks (a
/// different given name) and for a name whose surname the query lacks (a prefix of
/// a longer name). `Sendable`; lookups never throw.
///
/// Resource usage: votes live in per-thread memory of 5 bytes a name of the
/// index, made on a thread's first lookup; scoring reads each name's keys in place.
/// - Complexity: O(postings of the query's keys (at most 20,000 a key, and at most
///   4,000 names counted) + candidates × units²).
public struct NameMatcher: Sendable {
    public let index: MatcherIndex
    /// Scores at or above this are matches. Calibrated on Tests/LookupEval.
    public var threshold: Double

    public static let defaultThreshold = 0.82
    /// Two words below this similarity are different words (Anas and Sirajuddin, Masoud and Masrour).
    static let minimumTokenSimilarity = 0.86
    /// A pair resting on spelling alone must be closer than one with a shared skeleton
    /// (Masoud and Masrour are different names; Chan and Khan the same).
    static let minimumSpellingSimilarity = 0.91
    /// Jaro–Winkler floors: a pair of one skeleton, a pair on spelling alone, whole names.
    static let skeletonFloor = Similarity.Floor(0.8)
    /// The least Jaro–Winkler similarity at which a skeleton of three consonants lifts a pair.
    static let shortSkeletonFloor = 0.85
    static let spellingFloor = Similarity.Floor(minimumSpellingSimilarity)
    static let wholeNameFloor = Similarity.Floor(0.95)
    /// Names scored in full after retrieval.
    public var candidateLimit = 80

    public init(index: MatcherIndex, threshold: Double = NameMatcher.defaultThreshold) {
        self.index = index
        self.threshold = threshold
    }

    /// A thread's vote counters for indexes of one size: a byte per name, its votes in
    /// quarters (every key's weight is a multiple of a quarter), zero between lookups, and
    /// room to list every name once (the names one lookup touched, whose bytes are zeroed
    /// after it). A byte a name keeps the counters of an index of a million names in the
    /// processor's second-level cache, where a `Float` a name does not.
    final class Votes {
        let weights: UnsafeMutablePointer<UInt8>
        let touched: UnsafeMutablePointer<Int32>

        init(count: Int) {
            weights = .allocate(capacity: max(1, count))
            weights.initialize(repeating: 0, count: max(1, count))
            // Trivial values, written before they are read (see `Tally.add`).
            touched = .allocate(capacity: max(1, count))
        }

        deinit {
            weights.deallocate()
            touched.deallocate()
        }
    }

    /// One lookup's votes in a thread's ``Votes``. A value on the stack, so adding a vote
    /// costs no exclusivity check and no reference counting.
    struct Tally {
        let weights: UnsafeMutablePointer<UInt8>
        let touched: UnsafeMutablePointer<Int32>
        /// Names touched so far: `touched[0..<count]`.
        var count = 0

        init(_ votes: Votes) {
            weights = votes.weights
            touched = votes.touched
        }

        /// Votes in quarters: a weight, as the ranking reads it.
        static func quarters(_ weight: Float) -> UInt8 { UInt8(weight * 4) }

        /// `a + b`, held at 255 (a query of more than sixty words; the histogram of
        /// ``NameMatcher/rank`` counts from 32 votes up as one).
        @inline(__always)
        static func sum(_ a: UInt8, _ b: UInt8) -> UInt8 {
            let s = a &+ b
            return s < a ? 255 : s
        }

        /// Adds `weight` quarters to every name of `postings`.
        /// Invariant: postings are names of the index (checked when it is read), so a
        /// name enters `touched` once, when its count leaves zero. The count and the
        /// pointers are locals: stored through a pointer, `self.count` would be reloaded
        /// after every write the compiler cannot prove elsewhere.
        @inline(__always)
        mutating func add(_ postings: UnsafeBufferPointer<Int32>, _ weight: UInt8) {
            let w = weights
            let t = touched
            var c = count
            for n in postings {
                let i = Int(n)
                let old = w[i]
                if old == 0 {
                    t[c] = n
                    c += 1
                }
                w[i] = Self.sum(old, weight)
            }
            count = c
        }

        /// Adds `weight` quarters to the names of `postings` already touched; adds no name.
        @inline(__always)
        func addToTouched(_ postings: UnsafeBufferPointer<Int32>, _ weight: UInt8) {
            let w = weights
            for n in postings {
                let old = w[Int(n)]
                if old != 0 { w[Int(n)] = Self.sum(old, weight) }
            }
        }

        /// Votes for the names of `lists`, shortest list first. At most ``newNameBudget``
        /// names are touched: past it, the rest of a list and longer lists only add to the
        /// names already touched. A name found in long lists alone (a frequent word or
        /// skeleton: `san`, `d`, `abad`) is not among the best, and counting it would cost
        /// most of the lookup.
        mutating func vote(_ lists: [Postings]) {
            // Shortest first; of equal lengths, in the query's order, so results never
            // depend on hashing.
            for k in lists.indices.sorted(by: { (lists[$0].range.count, $0) < (lists[$1].range.count, $1) }) {
                let l = lists[k]
                let weight = Self.quarters(l.weight)
                l.postings.withUnsafeBufferPointer { all in
                    let p = UnsafeBufferPointer(rebasing: all[l.range])
                    // New names are at most `room`: the budget holds within a list too.
                    let room = max(0, NameMatcher.newNameBudget - count)
                    add(UnsafeBufferPointer(rebasing: p.prefix(room)), weight)
                    addToTouched(UnsafeBufferPointer(rebasing: p.dropFirst(room)), weight)
                }
            }
        }

        /// The counts back to zero, for the thread's next lookup.
        func reset() {
            for k in 0..<count { weights[Int(touched[k])] = 0 }
        }
    }

    /// A postings list of the query's keys, and the weight of each name in it.
    struct Postings {
        let postings: Table<Int32>
        let range: Range<Int>
        let weight: Float
    }

    /// Names of one postings list counted at most.
    static let postingsLimit = 20_000
    /// Most names one lookup touches (see ``Tally/vote(_:)``).
    static let newNameBudget = 4_000

    /// A thread's buffers for lookups: votes by index size, and the scoring workspace,
    /// whose buffers keep the size the longest names gave them.
    final class Scratch {
        var byCount: [Int: Votes] = [:]
        var workspace = Workspace()
        func votes(for count: Int) -> Votes {
            if let v = byCount[count] { return v }
            let v = Votes(count: count)
            byCount[count] = v
            return v
        }

        /// Calls `body` with the workspace moved out of the scratch while in use: a local,
        /// with no exclusivity checks.
        func withWorkspace<R>(_ body: (inout Workspace) -> R) -> R {
            var w = workspace
            workspace = Workspace()
            defer { workspace = w }
            return body(&w)
        }
    }

    static let scratch = ThreadLocal { Scratch() }

    struct Query {
        let latin: [String]
        let skeletons: [String]
        let honorifics: [String]
        let scheme: String?
        /// Whether the query was transliterated from Han (a word a syllable).
        let isHan: Bool
        /// The words and their fusions, for alignment.
        let units: NameUnits
        /// The words run together: the whole name, for fusions the units miss.
        let fused: [UInt8]
        /// The query as written (for ``writtenAsQueried(_:among:)``).
        let text: String
        /// Whether each word is a patronymic (see ``isPatronymic(_:)``), worked out once per query.
        let patronymic: [Bool]
        /// Whether the query was read from Arabic script (see ``MatcherIndex/schemeIsAbjad``).
        let isAbjad: Bool
    }

    /// Longest name looked up, in Unicode scalars: longer queries are not names.
    public static let maxQueryLength = 1_000

    func prepare(_ text: String) -> Query? {
        if text.unicodeScalars.count > Self.maxQueryLength { return nil }
        let form = NameKeys.latinTokens(text, language: "und") { index.knownLatin($0) }
        let (tokens, removed) = index.stripHonorifics(form.tokens)
        if tokens.isEmpty { return nil }
        let skeletons = tokens.map(NameKeys.skeleton)
        var units = NameUnits()
        let latin = Array(tokens.joined(separator: " ").utf8)
        let skeleton = Array(skeletons.joined(separator: " ").utf8)
        guard latin.withUnsafeBufferPointer({ l in skeleton.withUnsafeBufferPointer { units.fill(latin: l, skeleton: $0) } }) else { return nil }
        return Query(latin: tokens, skeletons: skeletons, honorifics: removed, scheme: form.scheme, isHan: form.scheme?.contains("Han") == true,
                     units: units, fused: Array(tokens.joined().utf8), text: text, patronymic: tokens.map(Self.isPatronymic),
                     isAbjad: form.scheme == TransliterationScheme.latin(for: .arabic).id)
    }

    /// The entities `name` may denote, best first, at most `limit`.
    /// - Parameter includeGenerated: also consider names from generated lexicons (GeoNames, iso-codes).
    /// - Parameter includeAmbiguous: also consider names marked ambiguous (Foreign Ministry).
    /// - Parameter candidates: how many retrieved names to score in full (default ``candidateLimit``).
    public func lookup(_ name: String, limit: Int = 5, includeGenerated: Bool = true, includeAmbiguous: Bool = true,
                       candidates: Int? = nil) -> [MatchCandidate] {
        guard let q = prepare(name) else { return [] }
        let ranking = rank(q, includeGenerated: includeGenerated, includeAmbiguous: includeAmbiguous, candidates: candidates)
        let ix = index
        return Self.scratch.value.withWorkspace { workspace in ranking.entities.prefix(limit).map { e in
            let detail = self.score(q, name: e.name, explain: true, in: &workspace).1
            var parts: [String] = []
            if let scheme = q.scheme { parts.append("query transliterated to Latin (\(scheme)): \(q.latin.joined(separator: " "))") }
            let scheme = ix.schemes[Int(ix.nameScheme[e.name])]
            let language = ix.languages[Int(ix.nameLanguage[e.name])]
            parts.append(detail)
            let schemeNote = scheme.isEmpty ? "" : ", \(language)→Latin (\(scheme)): \(ix.nameLatin[e.name])"
            parts.append("variant \"\(ix.nameTexts[e.name])\" (\(language)\(schemeNote))")
            for h in q.honorifics { parts.append("honorific \"\(h)\" ignored") }
            return MatchCandidate(entity: e.entity, score: Self.rounded(e.score), isMatch: ranking.isMatch(e),
                                  variant: ix.nameTexts[e.name], language: language,
                                  explanation: parts.joined(separator: "; "), honorifics: q.honorifics, isComplete: e.complete)
        } }
    }

    /// The entity `name` denotes best, as ``lookup(_:limit:includeGenerated:includeAmbiguous:candidates:)``
    /// ranks it first, without the explanation and variant a caller that only links needs
    /// not (the tagger's fuzzy pass): (entity, score, isMatch, isComplete), nil for none.
    public func best(_ name: String, includeGenerated: Bool = true, includeAmbiguous: Bool = true,
                     candidates: Int? = nil) -> (entity: Int, score: Double, isMatch: Bool, isComplete: Bool)? {
        guard let q = prepare(name) else { return nil }
        let ranking = rank(q, includeGenerated: includeGenerated, includeAmbiguous: includeAmbiguous, candidates: candidates)
        guard let e = ranking.entities.first else { return nil }
        return (e.entity, Self.rounded(e.score), ranking.isMatch(e), e.complete)
    }

    /// Scores as shown: three decimals.
    private static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    /// Each entity's best-scoring name, best entity first.
    private struct Ranking {
        struct Entry { let entity: Int; let score: Double; let name: Int; let complete: Bool; var ambiguous = false }
        let entities: [Entry]
        let threshold: Double
        /// Of the entities that fit best, equally, the one that dominates the others
        /// (see ``Prominence``), if one does.
        let dominant: Int?

        /// Whether `e` passes the threshold. A part of a name that two entities share
        /// equally (Khan: Imran Khan and Mohammad Sadiq Khan) names neither of them, nor
        /// any entity it fits less well (Shafqat Ali Khan, whose name is ambiguous), unless
        /// one of them dominates the others: Muttaqi is Amir Khan Muttaqi's.
        ///
        /// Nor does a name the lexicon marks ambiguous match when another entity's plain name
        /// fits better: Shanghai is the city, though Persian writes شانگهای for the SCO too.
        func isMatch(_ e: Entry) -> Bool {
            let sharedPart = entities.count > 1 && !entities[0].complete && entities[1].score >= entities[0].score
            if e.ambiguous, let top = entities.first, top.entity != e.entity, !top.ambiguous, top.score > e.score { return false }
            return e.score >= threshold && (!sharedPart || e.complete || e.entity == dominant)
        }
    }

    private func rank(_ q: Query, includeGenerated: Bool, includeAmbiguous: Bool, candidates: Int?) -> Ranking {
        // Votes per name in per-thread memory as long as the index (cleared through the
        // list of names touched): no hashing per posting.
        let scratch = Self.scratch.value
        let votes = scratch.votes(for: index.nameCount)
        var tally = Tally(votes)
        defer { tally.reset() }
        let ix = index
        var lists: [Postings] = []
        // The weight of every key looked up, also of those no name has.
        var keysWeight: Float = 0
        func list(_ postings: Table<Int32>, _ range: Range<Int>, _ weight: Float) {
            keysWeight += weight
            if !range.isEmpty { lists.append(Postings(postings: postings, range: range.prefix(Self.postingsLimit), weight: weight)) }
        }
        var seen = Set<String>()
        for sk in q.skeletons where seen.insert(sk).inserted { list(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, sk), 1) }
        // Exact words too: a short skeleton (tk of Tokayev) has long postings, a word few.
        for w in q.latin where w.count > 1 && seen.insert("=" + w).inserted {
            list(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, "=" + w), 2)
        }
        list(ix.fusedPostings, ix.postings(ix.fusedKeys, ix.fusedStart, q.skeletons.joined()), 2)
        if q.skeletons.count > 1 {
            for k in 0..<(q.skeletons.count - 1) {
                list(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, q.skeletons[k] + q.skeletons[k + 1]), 1)
            }
        }
        tally.vote(lists)
        // Few names share the query's keys: it may be misspelt, and its trigrams find more.
        // Not when a name has every key of the query (the same words; a key no name has is
        // a word no name has): no misspelling is to be made up for.
        let allKeys = Tally.quarters(keysWeight)
        if tally.count < 40 && !(0..<tally.count).contains(where: { tally.weights[Int(tally.touched[$0])] >= allKeys }) {
            lists.removeAll()
            for g in MatcherIndex.trigrams(q.skeletons.joined()) {
                list(ix.gramPostings, ix.postings(ix.gramKeys, ix.gramStart, g), 0.25)
            }
            tally.vote(lists)
        }
        let limitCount = candidates ?? candidateLimit
        // Each touched name's votes, read once (the names lie far apart in the counters),
        // then in order.
        let counts = (0..<tally.count).map { tally.weights[Int(tally.touched[$0])] }
        // The names with the most votes: a threshold from the votes' histogram (in
        // quarters), so only the few above it are sorted.
        var floor: UInt8 = 0
        if counts.count > limitCount {
            var histogram = [Int](repeating: 0, count: 129)
            for w in counts { histogram[min(128, Int(w))] += 1 }
            var seen = 0
            for bucket in stride(from: 128, through: 0, by: -1) {
                seen += histogram[bucket]
                if seen >= limitCount { floor = UInt8(bucket); break }
            }
        }
        var hits: [(key: Int32, value: UInt8)] = []
        for (k, w) in counts.enumerated() where w >= floor { hits.append((tally.touched[k], w)) }
        let shortlist = hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limitCount)
        let queryHasHan = q.isHan
        // The names to score and their entities, read in one pass before any is scored:
        // names far apart in a large index, whose loads, independent here, overlap.
        var names: [(name: Int, entity: Int)] = []
        names.reserveCapacity(shortlist.count)
        for (n, _) in shortlist {
            let flags = ix.nameFlags[Int(n)]
            if !includeGenerated && flags & 2 != 0 { continue }
            if !includeAmbiguous && flags & 1 != 0 { continue }
            // Pinyin syllables say nothing about a name in another script (Mao Ning is not 欧盟).
            if !queryHasHan && ix.schemeIsHan[Int(ix.nameScheme[Int(n)])] { continue }
            names.append((Int(n), Int(ix.nameEntity[Int(n)])))
        }
        var best: [Int: (score: Double, name: Int, complete: Bool)] = [:]
        scratch.withWorkspace { workspace in
            workspace.touch(names.lazy.map(\.name), in: ix)
            for (n, e) in names {
                let (score, _, complete) = self.score(q, name: n, in: &workspace)
                if best[e] == nil || score > best[e]!.score { best[e] = (score, n, complete) }
            }
        }
        var sorted = best.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
        // Entities the query fits equally well: one the lexicon writes in so many more
        // languages than the others that the part they share is its name comes first.
        var tied = 1
        while tied < sorted.count && sorted[tied].value.score == sorted[0].value.score { tied += 1 }
        // Of those, one the lexicon writes as the query is written comes first: Persian کنر is
        // Kunar's name, and only read as Latin is it the letters of Russian КНР (China).
        var dominant: Int?
        if tied > 1 {
            let written = writtenAsQueried(q, among: names.filter { n in sorted[0..<tied].contains { $0.key == n.entity } })
            if !written.isEmpty && written.count < tied {
                let group = sorted[0..<tied]
                sorted.replaceSubrange(0..<tied, with: group.filter { written.contains($0.key) } + group.filter { !written.contains($0.key) })
                tied = written.count
                if tied == 1 { dominant = sorted[0].key }
            }
        }
        if tied > 1, let d = Prominence.dominant(sorted[0..<tied].map(\.key), languages: { Int(ix.entityLanguages[$0]) }), let k = sorted.firstIndex(where: { $0.key == d }) {
            sorted.insert(sorted.remove(at: k), at: 0)
            dominant = d
        }
        return Ranking(entities: sorted.map { .init(entity: $0.key, score: $0.value.score, name: $0.value.name, complete: $0.value.complete,
                                                    ambiguous: ix.nameFlags[$0.value.name] & 1 != 0) },
                       threshold: threshold, dominant: dominant)
    }

    /// The entities of `names` with a name written as the query is, once both are folded
    /// (case, diacritics, Arabic letter forms): the query is that name, not a spelling of it.
    private func writtenAsQueried(_ q: Query, among names: [(name: Int, entity: Int)]) -> Set<Int> {
        let folder = Folder(.name)
        let query = folder.fold(q.text).text
        return Set(names.filter { folder.fold(index.nameTexts[$0.name]).text == query }.map(\.entity))
    }

    /// How two tokens compare: their similarity, and whether it rests on more than
    /// spelling closeness (the same word, the same skeleton, an initial).
    struct TokenMatch {
        enum Kind { case equal, initial, skeleton, spelling }
        let similarity: Double
        let kind: Kind
        /// Same word, same consonant skeleton, or an initial: evidence beyond a near spelling.
        var strong: Bool { kind != .spelling }

        /// In words, for explanations (made only for the candidates shown).
        func note(_ a: String, _ sa: String, _ b: String, _ sb: String) -> String {
            switch kind {
            case .equal: return "\(a)=\(b)"
            case .initial: return "initial \(a.count == 1 ? a : b)."
            case .skeleton: return "\(a)~\(b) \(Self.fixed(similarity)) (skeleton \(sa) = \(sb))"
            case .spelling: return "\(a)~\(b) \(Self.fixed(similarity))"
            }
        }

        static func fixed(_ d: Double) -> String {
            let r = (d * 100).rounded() / 100
            let s = String(r)
            return s.count < 4 ? s + String(repeating: "0", count: 4 - s.count) : s
        }
    }

    /// How two tokens (folded Latin forms and skeletons) compare, when
    /// they are close enough to count as a pair: nil otherwise.
    ///
    /// Jaro–Winkler on the folded Latin forms; a shared consonant skeleton (Kabuloff and
    /// Kabulov, کابلوف read kablvf) lifts a pair that is already close (≥ 0.8) to 0.9–0.93;
    /// words of three letters or fewer (acronyms, particles) must be equal. A strong match
    /// needs ``minimumTokenSimilarity``, a near spelling ``minimumSpellingSimilarity``;
    /// Jaro–Winkler is not computed when its bound from the letters the words share, their
    /// lengths and their common prefix is already below that (see ``Similarity/Floor``).
    @inline(__always)
    static func tokenMatch(_ x: NameUnits.Form, _ y: NameUnits.Form, fused: Bool = false, abjad: Bool = false) -> TokenMatch? {
        let a = x.latin
        let b = y.latin
        let ac = a.count
        let bc = b.count
        // Most pairs differ in length or in their first letter: no call to compare them.
        if ac == bc && (ac == 0 || a[0] == b[0]) && Similarity.equal(a, b) { return TokenMatch(similarity: 1, kind: .equal) }
        // An initial in the query (S. Lavrov) stands for a name word with that first letter.
        if ac == 1 {
            return bc > 1 && a[0] == b[0] ? TokenMatch(similarity: 0.9, kind: .initial) : nil
        }
        if ac <= 3 || bc <= 3 { return nil }
        // Lengths alone bound Jaro–Winkler (at most 0.4 + 0.6 · (2 + shorter/longer) / 3):
        // a word less than 0.55 of the other's length reaches no spelling floor.
        if abs(ac - bc) > 1 && 100 * min(ac, bc) < 54 * max(ac, bc) { return nil }
        let common = x.letters.common(with: y.letters)
        // The same skeleton from words of nearly the same length (Kabuloff, Kabulov; not
        // Kabulov and Kabul, whose skeletons agree once the -ov is gone). Read from Arabic
        // script, two letters more may be long vowels spelt out (dmtry, dymytry).
        let sa = x.skeleton
        if !fused && abs(ac - bc) <= (abjad ? 2 : 1) && sa.count >= 3 && Similarity.equal(sa, y.skeleton) {
            // Below 0.8 the skeleton lifts nothing, and the spelling is too far anyway.
            if !Self.skeletonFloor.mayBeReached(a, b, matches: common) { return nil }
            let jw = Similarity.jaroWinkler(a, b)
            // Three consonants are shared by many unrelated words (another and antora, kuram
            // and krym): such a skeleton lifts only a pair that is closer to begin with.
            let floor = sa.count >= 4 ? Self.skeletonFloor.value : Self.shortSkeletonFloor
            return jw >= floor ? TokenMatch(similarity: max(jw, sa.count >= 4 ? 0.93 : 0.9), kind: .skeleton) : nil
        }
        if !Self.spellingFloor.mayBeReached(a, b, matches: common) { return nil }
        let jw = Similarity.jaroWinkler(a, b)
        return jw >= Self.minimumSpellingSimilarity ? TokenMatch(similarity: jw, kind: .spelling) : nil
    }

    /// Two units that match: a candidate pair of the alignment.
    struct Pair {
        let match: TokenMatch
        /// Units of the query and of the name.
        let query: Int32
        let name: Int32
        /// Words the two units cover together: of equal pairs, single words come first.
        let span: Int32
    }

    /// Buffers a thread's lookups reuse for every name they score.
    struct Workspace {
        var name = NameUnits()
        var pairs: [Pair] = []
        var usedQuery: [Bool] = []
        var usedName: [Bool] = []
        var fusedName: [UInt8] = []
        /// The first words of the query's and the name's units of each pair the alignment used.
        var aligned: [(query: Int32, name: Int32)] = []
        /// What ``touch(_:in:)`` read, kept so the reads are not optimised away.
        var touched: UInt8 = 0

        /// Reads the first bytes of the names' keys, so their cache lines load together
        /// (independent loads overlap) before the names are scored one by one.
        mutating func touch(_ names: some Sequence<Int>, in ix: MatcherIndex) {
            ix.nameLatin.bytes.withUnsafeBufferPointer { latin in
                ix.nameSkeleton.bytes.withUnsafeBufferPointer { skeleton in
                    for n in names {
                        let l = ix.nameLatin.range(n)
                        let s = ix.nameSkeleton.range(n)
                        if !l.isEmpty { touched ^= latin[l.lowerBound] }
                        if !s.isEmpty { touched ^= skeleton[s.lowerBound] }
                    }
                }
            }
        }
    }

    /// Endings of East Slavic patronymics in Latin forms (Nabiyevich, Yuryevich, Ivanivna,
    /// Hryhorovych; German -owitsch read -owich, French -ovitch).
    static let patronymicEndings = ["ovich", "evich", "ovych", "evych", "ovitch", "evitch", "owich", "ewich",
                                    "ovna", "evna", "ichna", "ivna", "owna", "ewna"]

    /// Whether a query word, in its folded Latin form, is a patronymic.
    static func isPatronymic(_ latin: String) -> Bool {
        let length = latin.count
        return patronymicEndings.contains { length >= $0.count + 2 && latin.hasSuffix($0) }
    }

    /// Whether two aligned pairs are in opposite orders in the query and in the name.
    static func crosses(_ aligned: [(query: Int32, name: Int32)]) -> Bool {
        for i in aligned.indices {
            for j in aligned.indices where aligned[i].query < aligned[j].query && aligned[i].name > aligned[j].name {
                return true
            }
        }
        return false
    }

    /// Aligns query and name tokens (single tokens and fused neighbours) and scores the name.
    /// - Returns: the score, the alignment in words (with `explain`; else empty), and
    ///   whether every word of the query and of the name found its counterpart.
    func score(_ q: Query, name n: Int, explain: Bool = false, in ws: inout Workspace) -> (Double, String, Bool) {
        let ix = index
        let filled = ix.nameLatin.bytes.withUnsafeBufferPointer { latin in
            ix.nameSkeleton.bytes.withUnsafeBufferPointer { skeleton in
                ws.name.fill(latin: UnsafeBufferPointer(rebasing: latin[ix.nameLatin.range(n)]),
                             skeleton: UnsafeBufferPointer(rebasing: skeleton[ix.nameSkeleton.range(n)]))
            }
        }
        guard filled else { return (0, "", false) }
        let qu = q.units
        let nu = ws.name
        // Both read from Arabic script: words that differ only in long vowels spelt out.
        let abjad = q.isAbjad && ix.schemeIsAbjad[Int(ix.nameScheme[n])]
        ws.pairs.removeAll(keepingCapacity: true)
        qu.bytes.withUnsafeBufferPointer { qb in
            nu.bytes.withUnsafeBufferPointer { nb in
                for i in qu.units.indices {
                    let a = qu.form(i, in: qb)
                    for j in nu.units.indices {
                        let fused = qu.units[i].words != nu.units[j].words
                        guard let t = Self.tokenMatch(a, nu.form(j, in: nb), fused: fused, abjad: abjad) else { continue }
                        ws.pairs.append(Pair(match: t, query: Int32(i), name: Int32(j), span: qu.units[i].words + nu.units[j].words))
                    }
                }
            }
        }
        // Best pairs first; of equal ones, single words before fused ones, which explain better.
        ws.pairs.sort { $0.match.similarity != $1.match.similarity ? $0.match.similarity > $1.match.similarity : $0.span < $1.span }
        ws.usedQuery.removeAll(keepingCapacity: true)
        ws.usedQuery.append(contentsOf: repeatElement(false, count: qu.wordCount))
        ws.usedName.removeAll(keepingCapacity: true)
        ws.usedName.append(contentsOf: repeatElement(false, count: nu.wordCount))
        var total = 0.0
        var weight = 0.0
        var notes: [String] = []
        var allStrong = true
        var allEqual = true
        ws.aligned.removeAll(keepingCapacity: true)
        for p in ws.pairs {
            let a = qu.units[Int(p.query)]
            let b = nu.units[Int(p.name)]
            let aw = Int(a.first)..<Int(a.first + a.words)
            let bw = Int(b.first)..<Int(b.first + b.words)
            if aw.contains(where: { ws.usedQuery[$0] }) || bw.contains(where: { ws.usedName[$0] }) { continue }
            for k in aw { ws.usedQuery[k] = true }
            for k in bw { ws.usedName[k] = true }
            allStrong = allStrong && p.match.strong
            allEqual = allEqual && p.match.kind == .equal
            ws.aligned.append((a.first, b.first))
            let w = Double(max(a.latin.count, b.latin.count))
            total += p.match.similarity * w
            weight += w
            if explain { notes.append(p.match.note(qu.string(a.latin), qu.string(a.skeleton), nu.string(b.latin), nu.string(b.skeleton))) }
        }
        var score = weight > 0 ? total / weight : 0
        // Words matched in another order than the name's. The same words turned round are the
        // name in a list's order (Кабулов Замир); but turned round and respelt, they are
        // another person's, whose given names and surnames come from the same stock (Shakeel
        // Ahmad is not Ahmad Shakeeb).
        if Self.crosses(ws.aligned) {
            score *= allEqual ? 0.95 : 0.8
            if explain { notes.append("words in another order") }
        }
        // Initials the name does not spell out (the patronymic of Д. С. Песков) are not other words.
        let queryWords = qu.wordCount
        var unmatchedWords = 0
        // Nor is a patronymic the name does not list, after the first of three words or more
        // (Кабулов Замир Набиевич, Sergey Viktorovich Lavrov): the official form of the name.
        for k in 0..<queryWords where !ws.usedQuery[k] && (qu.units[k].latin.count > 1 || k == queryWords - 1)
            && !(k > 0 && queryWords >= 3 && q.patronymic[k]) { unmatchedWords += 1 }
        let qCoverage = Double(queryWords - unmatchedWords) / Double(queryWords)
        if qCoverage < 1 {
            // A query word the name lacks: another person (Anas Haqqani is not Sirajuddin Haqqani).
            score *= 0.4 + 0.4 * qCoverage
            if explain { notes.append("query words unmatched: \((0..<queryWords).filter { !ws.usedQuery[$0] }.map { q.latin[$0] }.joined(separator: " "))") }
        }
        let isPerson = ix.nameFlags[n] & 4 != 0
        let nameWords = nu.wordCount
        let usedNameWords = ws.usedName.reduce(0) { $1 ? $0 + 1 : $0 }
        if usedNameWords < nameWords {
            let missing = explain ? (0..<nameWords).filter { !ws.usedName[$0] }.map { nu.string(nu.units[$0].latin) }.joined(separator: " ") : ""
            // Han is transliterated a syllable a word: a surname is the syllables it matched
            // together at the end (欧玛 of 穆罕默德·歐瑪), not ones spread over the name (歐巴馬).
            func spread() -> Bool { ws.usedName[..<nameWords].drop(while: { !$0 }).contains(false) }
            if isPerson && ws.usedName[nameWords - 1] && allStrong && !(q.isHan && spread()) {
                // Surname only (Lavrov): a partial name, slightly below a full one.
                score *= score >= 0.999 ? 0.95 : 0.9
                if explain { notes.append("partial: name words missing: \(missing)") }
            } else {
                // A prefix of a longer name (Mohammad Hassan of Mohammad Hassan Akhund).
                score *= 0.72
                if explain { notes.append("name words missing\(isPerson ? ", surname among them" : ""): \(missing)") }
            }
        }
        // Whole-name comparison catches fusions the units miss (Abdulghani, Abdul Ghani),
        // not extra or missing words (Ahmad Shah Massoud, Donald Trump Jr.).
        ws.fusedName.removeAll(keepingCapacity: true)
        for k in 0..<nameWords { ws.fusedName.append(contentsOf: nu.bytes[Int(nu.units[k].latin.lowerBound)..<Int(nu.units[k].latin.upperBound)]) }
        if abs(q.fused.count - ws.fusedName.count) <= 1 {
            q.fused.withUnsafeBufferPointer { fq in
                ws.fusedName.withUnsafeBufferPointer { fn in
                    let common = Similarity.LetterSignature(fq).common(with: Similarity.LetterSignature(fn))
                    guard Self.wholeNameFloor.mayBeReached(fq, fn, matches: common) else { return }
                    let whole = Similarity.jaroWinkler(fq, fn)
                    if whole >= Self.wholeNameFloor.value && whole * 0.97 > score {
                        score = whole * 0.97
                        allStrong = allStrong && Similarity.equal(fq, fn)
                        if explain {
                            notes.append("whole name \(String(decoding: fq, as: UTF8.self))~\(String(decoding: fn, as: UTF8.self)) \(TokenMatch.fixed(whole))")
                        }
                    }
                }
            }
        }
        // A single word with only a near spelling (Talisman and Taliban, Paktika and Paktia,
        // Nuristan and Nur-Sultan) is not enough for a match.
        if queryWords == 1 && !allStrong {
            score = min(score, 0.8)
        }
        // Of equal matches, a curated name ranks above a generated one (GeoNames, iso-codes).
        if ix.nameFlags[n] & 2 != 0 { score *= 0.98 }
        if ix.nameFlags[n] & 1 != 0 {
            // A part of a name that is ambiguous even whole (Mohammad of Khan Mohammad) is weaker still.
            score *= usedNameWords < nameWords ? 0.8 : 0.9
            if explain { notes.append("ambiguous alias") }
        }
        return (min(1, score), explain ? "tokens " + notes.joined(separator: ", ") : "",
                usedNameWords == nameWords && !ws.usedQuery.contains(false))
    }
}
