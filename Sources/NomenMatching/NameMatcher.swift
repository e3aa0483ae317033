import NomenLexicon
import NomenNormalization

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
/// - Complexity: O(postings of the query's keys + candidates × tokens²).
public struct NameMatcher: Sendable {
    public let index: MatcherIndex
    /// Scores at or above this are matches. Calibrated on Tests/LookupEval.
    public var threshold: Double

    public static let defaultThreshold = 0.82
    /// Two words below this similarity are different words (Anas and Sirajuddin, Masoud and Masrour).
    static let minimumTokenSimilarity = 0.86
    /// Names scored in full after retrieval.
    public var candidateLimit = 80

    public init(index: MatcherIndex, threshold: Double = NameMatcher.defaultThreshold) {
        self.index = index
        self.threshold = threshold
    }

    /// A thread's vote counters for indexes of one size: a weight per name, zero between
    /// lookups, and room to list every name once (the names one lookup touched, reset after it).
    final class Votes {
        let weights: UnsafeMutablePointer<Float>
        let touched: UnsafeMutablePointer<Int32>

        init(count: Int) {
            weights = .allocate(capacity: max(1, count))
            weights.initialize(repeating: 0, count: max(1, count))
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
        let weights: UnsafeMutablePointer<Float>
        let touched: UnsafeMutablePointer<Int32>
        /// Names touched so far: `touched[0..<count]`.
        var count = 0

        init(_ votes: Votes) {
            weights = votes.weights
            touched = votes.touched
        }

        /// Adds `weight` to every name of `postings`.
        /// Invariant: postings are names of the index (checked when it is read) and
        /// weights are positive, so a name enters `touched` once.
        @inline(__always)
        mutating func add(_ postings: UnsafeBufferPointer<Int32>, _ weight: Float) {
            for n in postings {
                let i = Int(n)
                if weights[i] == 0 {
                    touched[count] = n
                    count += 1
                }
                weights[i] += weight
            }
        }

        /// The weights back to zero, for the thread's next lookup.
        func reset() {
            for k in 0..<count { weights[Int(touched[k])] = 0 }
        }
    }

    final class Scratch {
        var byCount: [Int: Votes] = [:]
        func votes(for count: Int) -> Votes {
            if let v = byCount[count] { return v }
            let v = Votes(count: count)
            byCount[count] = v
            return v
        }
    }

    static let scratch = ThreadLocal { Scratch() }

    struct Query {
        let latin: [String]
        let skeletons: [String]
        let honorifics: [String]
        let scheme: String?
    }

    /// Longest name looked up, in Unicode scalars: longer queries are not names.
    public static let maxQueryLength = 1_000

    func prepare(_ text: String) -> Query? {
        if text.unicodeScalars.count > Self.maxQueryLength { return nil }
        let form = NameKeys.latinTokens(text, language: "und") { index.knownLatin($0) }
        let (tokens, removed) = index.stripHonorifics(form.tokens)
        if tokens.isEmpty { return nil }
        return Query(latin: tokens, skeletons: tokens.map(NameKeys.skeleton), honorifics: removed, scheme: form.scheme)
    }

    /// The entities `name` may denote, best first, at most `limit`.
    /// - Parameter includeGenerated: also consider names from generated lexicons (GeoNames, iso-codes).
    /// - Parameter includeAmbiguous: also consider names marked ambiguous (Foreign Ministry).
    /// - Parameter candidates: how many retrieved names to score in full (default ``candidateLimit``).
    public func lookup(_ name: String, limit: Int = 5, includeGenerated: Bool = true, includeAmbiguous: Bool = true,
                       candidates: Int? = nil) -> [MatchCandidate] {
        guard let q = prepare(name) else { return [] }
        // Votes per name in a per-thread array as long as the index (reset through the
        // list of names touched): no hashing per posting.
        let votes = Self.scratch.value.votes(for: index.nameCount)
        var tally = Tally(votes)
        defer { tally.reset() }
        let ix = index
        func add(_ post: Table<Int32>, _ range: Range<Int>, _ weight: Float) {
            post.withUnsafeBufferPointer { all in tally.add(UnsafeBufferPointer(rebasing: all[range.prefix(20_000)]), weight) }
        }
        for sk in Set(q.skeletons) { add(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, sk), 1) }
        // Exact words too: a short skeleton (tk of Tokayev) has long postings, a word few.
        for w in Set(q.latin) where w.count > 1 { add(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, "=" + w), 2) }
        add(ix.fusedPostings, ix.postings(ix.fusedKeys, ix.fusedStart, q.skeletons.joined()), 2)
        if q.skeletons.count > 1 {
            for k in 0..<(q.skeletons.count - 1) {
                add(ix.tokenPostings, ix.postings(ix.tokenKeys, ix.tokenStart, q.skeletons[k] + q.skeletons[k + 1]), 1)
            }
        }
        if tally.count < 40 {
            for g in MatcherIndex.trigrams(q.skeletons.joined()) {
                add(ix.gramPostings, ix.postings(ix.gramKeys, ix.gramStart, g), 0.25)
            }
        }
        let limitCount = candidates ?? candidateLimit
        // The names with the most votes: a threshold from the votes' histogram (they are
        // multiples of 0.25), so only the few above it are sorted.
        var floor: Float = 0
        if tally.count > limitCount {
            var histogram = [Int](repeating: 0, count: 129)
            for k in 0..<tally.count { histogram[min(128, Int(tally.weights[Int(tally.touched[k])] * 4))] += 1 }
            var seen = 0
            for bucket in stride(from: 128, through: 0, by: -1) {
                seen += histogram[bucket]
                if seen >= limitCount { floor = Float(bucket) / 4; break }
            }
        }
        var hits: [(key: Int32, value: Float)] = []
        for k in 0..<tally.count {
            let n = tally.touched[k]
            let w = tally.weights[Int(n)]
            if w >= floor { hits.append((n, w)) }
        }
        let shortlist = hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limitCount)
        var best: [Int: (score: Double, name: Int, detail: String, complete: Bool)] = [:]
        let queryHasHan = q.scheme?.contains("Han") == true
        for (n, _) in shortlist {
            if !includeGenerated && ix.nameFlags[Int(n)] & 2 != 0 { continue }
            if !includeAmbiguous && ix.nameFlags[Int(n)] & 1 != 0 { continue }
            // Pinyin syllables say nothing about a name in another script (Mao Ning is not 欧盟).
            if !queryHasHan && ix.schemes[Int(ix.nameScheme[Int(n)])].contains("Han") { continue }
            let (score, detail, complete) = self.score(q, name: Int(n))
            let e = Int(ix.nameEntity[Int(n)])
            if best[e] == nil || score > best[e]!.score { best[e] = (score, Int(n), detail, complete) }
        }
        let ranked = best.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }.prefix(limit)
        return ranked.map { e, v in
            let detail = self.score(q, name: v.name, explain: true).1
            var parts: [String] = []
            if let scheme = q.scheme { parts.append("query transliterated to Latin (\(scheme)): \(q.latin.joined(separator: " "))") }
            let scheme = ix.schemes[Int(ix.nameScheme[v.name])]
            let language = ix.languages[Int(ix.nameLanguage[v.name])]
            parts.append(detail)
            let schemeNote = scheme.isEmpty ? "" : ", \(language)→Latin (\(scheme)): \(ix.nameLatin[v.name])"
            parts.append("variant \"\(ix.nameTexts[v.name])\" (\(language)\(schemeNote))")
            for h in q.honorifics { parts.append("honorific \"\(h)\" ignored") }
            return MatchCandidate(entity: e, score: (v.score * 1000).rounded() / 1000, isMatch: v.score >= threshold,
                                  variant: ix.nameTexts[v.name], language: language,
                                  explanation: parts.joined(separator: "; "), honorifics: q.honorifics, isComplete: v.complete)
        }
    }

    /// How two tokens compare: their similarity, and whether it rests on more than
    /// spelling closeness (the same word, the same skeleton, an initial).
    struct TokenMatch {
        enum Kind { case equal, initial, skeleton, spelling, skeletonSpelling, none }
        let similarity: Double
        let kind: Kind
        /// Same word, same consonant skeleton, or an initial: evidence beyond a near spelling.
        var strong: Bool { kind == .equal || kind == .initial || kind == .skeleton }

        /// In words, for explanations (made only for the candidates shown).
        func note(_ a: String, _ sa: String, _ b: String, _ sb: String) -> String {
            switch kind {
            case .equal: return "\(a)=\(b)"
            case .initial: return "initial \(a.count == 1 ? a : b)."
            case .skeleton: return "\(a)~\(b) \(Self.fixed(similarity)) (skeleton \(sa) = \(sb))"
            case .skeletonSpelling: return "\(a)~\(b) (skeleton \(sa) ~ \(sb) \(Self.fixed(similarity)))"
            case .spelling: return "\(a)~\(b) \(Self.fixed(similarity))"
            case .none: return ""
            }
        }

        static func fixed(_ d: Double) -> String {
            let r = (d * 100).rounded() / 100
            let s = String(r)
            return s.count < 4 ? s + String(repeating: "0", count: 4 - s.count) : s
        }
    }

    /// Similarity of two tokens: folded Latin forms, skeletons and initials.
    ///
    /// Jaro–Winkler on the folded Latin forms; a shared consonant skeleton (Kabuloff and
    /// Kabulov, کابلوف read kablvf) lifts a pair that is already close (≥ 0.8) to 0.9–0.93;
    /// words of three letters or fewer (acronyms, particles) must be equal.
    static func tokenSimilarity(_ a: String, _ sa: String, _ b: String, _ sb: String) -> TokenMatch {
        if a == b { return TokenMatch(similarity: 1, kind: .equal) }
        let ac = a.utf8.count
        let bc = b.utf8.count
        // An initial in the query (S. Lavrov) stands for a name word with that first letter.
        if ac == 1 {
            return bc > 1 && a.utf8.first == b.utf8.first ? TokenMatch(similarity: 0.9, kind: .initial) : TokenMatch(similarity: 0, kind: .none)
        }
        if bc == 1 { return TokenMatch(similarity: 0, kind: .none) }
        if ac <= 3 || bc <= 3 { return TokenMatch(similarity: 0, kind: .none) }
        let jw = Similarity.jaroWinkler(a, b)
        let sac = sa.utf8.count
        // The same skeleton from words of nearly the same length (Kabuloff, Kabulov; not
        // Kabulov and Kabul, whose skeletons agree once the -ov is gone).
        if sa == sb && sac >= 3 && jw >= 0.8 && abs(ac - bc) <= 1 {
            return TokenMatch(similarity: max(jw, sac >= 4 ? 0.93 : 0.9), kind: .skeleton)
        }
        if sac >= 3 && sb.utf8.count >= 3 && abs(ac - bc) <= 1 {
            let sk = Similarity.jaroWinkler(sa, sb) * 0.9
            if sk > jw { return TokenMatch(similarity: sk, kind: .skeletonSpelling) }
        }
        return TokenMatch(similarity: jw, kind: .spelling)
    }

    /// The skeleton of two fused words, from theirs: joined, a doubled consonant at the seam collapsed.
    static func join(_ a: String, _ b: String) -> String {
        a.last != nil && a.last == b.first ? a + b.dropFirst() : a + b
    }

    /// Aligns query and name tokens (single tokens and fused neighbours) and scores the name.
    func score(_ q: Query, name n: Int, explain: Bool = false) -> (Double, String, Bool) {
        let latin = index.nameLatin[n].split(separator: " ").map(String.init)
        let skel = index.nameSkeleton[n].split(separator: " ").map(String.init)
        guard !latin.isEmpty, latin.count == skel.count else { return (0, "", false) }
        // Units: each token, and each pair of neighbours fused (Siraj ud|Din, Abdul|Ghani).
        struct Unit { let cover: [Int]; let latin: String; let skel: String }
        func units(_ l: [String], _ s: [String]) -> [Unit] {
            var u = l.indices.map { Unit(cover: [$0], latin: l[$0], skel: s[$0]) }
            if l.count > 1 {
                for k in 0..<(l.count - 1) { u.append(Unit(cover: [k, k + 1], latin: l[k] + l[k + 1], skel: Self.join(s[k], s[k + 1]))) }
            }
            if l.count > 2 {
                for k in 0..<(l.count - 2) {
                    u.append(Unit(cover: [k, k + 1, k + 2], latin: l[k] + l[k + 1] + l[k + 2], skel: Self.join(Self.join(s[k], s[k + 1]), s[k + 2])))
                }
            }
            return u
        }
        let qu = units(q.latin, q.skeletons)
        let nu = units(latin, skel)
        var pairs: [(sim: Double, q: Unit, n: Unit, match: TokenMatch, strong: Bool)] = []
        for a in qu {
            for b in nu {
                let t = Self.tokenSimilarity(a.latin, a.skel, b.latin, b.skel)
                // A pair resting on spelling alone must be closer than one with a shared skeleton
                // (Masoud and Masrour are different names; Chan and Khan the same).
                let needed = t.strong ? Self.minimumTokenSimilarity : 0.91
                if t.similarity >= needed { pairs.append((t.similarity, a, b, t, t.strong)) }
            }
        }
        // Best pairs first; of equal ones, single words before fused ones, which explain better.
        pairs.sort { $0.sim != $1.sim ? $0.sim > $1.sim : ($0.q.cover.count + $0.n.cover.count) < ($1.q.cover.count + $1.n.cover.count) }
        var usedQ = Set<Int>()
        var usedN = Set<Int>()
        var total = 0.0
        var weight = 0.0
        var notes: [String] = []
        var allStrong = true
        for p in pairs where usedQ.isDisjoint(with: p.q.cover) && usedN.isDisjoint(with: p.n.cover) {
            usedQ.formUnion(p.q.cover)
            usedN.formUnion(p.n.cover)
            allStrong = allStrong && p.strong
            let w = Double(max(p.q.latin.count, p.n.latin.count))
            total += p.sim * w
            weight += w
            if explain { notes.append(p.match.note(p.q.latin, p.q.skel, p.n.latin, p.n.skel)) }
        }
        var score = weight > 0 ? total / weight : 0
        // Initials the name does not spell out (the patronymic of Д. С. Песков) are not other words.
        let unmatchedWords = q.latin.indices.filter { !usedQ.contains($0) && (q.latin[$0].count > 1 || $0 == q.latin.count - 1) }
        let qCoverage = Double(q.latin.count - unmatchedWords.count) / Double(q.latin.count)
        if qCoverage < 1 {
            // A query word the name lacks: another person (Anas Haqqani is not Sirajuddin Haqqani).
            score *= 0.4 + 0.4 * qCoverage
            if explain { notes.append("query words unmatched: \(q.latin.indices.filter { !usedQ.contains($0) }.map { q.latin[$0] }.joined(separator: " "))") }
        }
        let isPerson = index.nameFlags[n] & 4 != 0
        if usedN.count < latin.count {
            if isPerson && usedN.contains(latin.count - 1) && allStrong {
                // Surname only (Lavrov): a partial name, slightly below a full one.
                score *= score >= 0.999 ? 0.95 : 0.9
                if explain { notes.append("partial: name words missing: \(latin.indices.filter { !usedN.contains($0) }.map { latin[$0] }.joined(separator: " "))") }
            } else {
                // A prefix of a longer name (Mohammad Hassan of Mohammad Hassan Akhund).
                score *= 0.72
                if explain { notes.append("name words missing\(isPerson ? ", surname among them" : ""): \(latin.indices.filter { !usedN.contains($0) }.map { latin[$0] }.joined(separator: " "))") }
            }
        }
        // Whole-name comparison catches fusions the units miss (Abdulghani, Abdul Ghani),
        // not extra or missing words (Ahmad Shah Massoud, Donald Trump Jr.).
        let fusedQ = q.latin.joined()
        let fusedN = latin.joined()
        let whole = Similarity.jaroWinkler(fusedQ, fusedN)
        if whole >= 0.95 && abs(fusedQ.count - fusedN.count) <= 1 && whole * 0.97 > score {
            score = whole * 0.97
            allStrong = allStrong && fusedQ == fusedN
            if explain { notes.append("whole name \(fusedQ)~\(fusedN) \(TokenMatch.fixed(whole))") }
        }
        // A single word with only a near spelling (Talisman and Taliban, Paktika and Paktia,
        // Nuristan and Nur-Sultan) is not enough for a match.
        if q.latin.count == 1 && !allStrong {
            score = min(score, 0.8)
        }
        // Of equal matches, a curated name ranks above a generated one (GeoNames, iso-codes).
        if index.nameFlags[n] & 2 != 0 { score *= 0.98 }
        if index.nameFlags[n] & 1 != 0 {
            score *= 0.9
            if explain { notes.append("ambiguous alias") }
        }
        return (min(1, score), "tokens " + notes.joined(separator: ", "), usedQ.count == q.latin.count && usedN.count == latin.count)
    }
}
