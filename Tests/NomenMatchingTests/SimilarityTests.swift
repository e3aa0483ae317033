import Testing
import Nomen
import NomenTestSupport

/// Jaro–Winkler against the textbook algorithm, on random words of few letters (many
/// matches and transpositions) and of every length around 64 bytes, where the
/// implementation changes from bit masks to the classic loop.
@Suite struct SimilarityTests {
    /// The textbook algorithm: each letter of `a` takes the first unmatched equal letter
    /// of `b` within the window; half the matched letters out of order are transpositions.
    static func reference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return a.isEmpty ? 0 : 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count)
        var matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let lo = max(0, i - window)
            let hi = min(b.count - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true
                matchedB[j] = true
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        let inA = a.indices.filter { matchedA[$0] }.map { a[$0] }
        let inB = b.indices.filter { matchedB[$0] }.map { b[$0] }
        let transpositions = zip(inA, inB).filter { $0 != $1 }.count
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, min(a.count, b.count)) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func agreesWithTheTextbookAlgorithm(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let letters = Array("abcdr".utf8)
        for _ in 0..<3_000 {
            let long = Int.random(in: 0..<4, using: &rng) == 0
            let la = long ? Int.random(in: 56...72, using: &rng) : Int.random(in: 0...12, using: &rng)
            let lb = long ? Int.random(in: 56...72, using: &rng) : Int.random(in: 0...12, using: &rng)
            let a = (0..<la).map { _ in letters[Int.random(in: 0..<letters.count, using: &rng)] }
            var b = (0..<lb).map { _ in letters[Int.random(in: 0..<letters.count, using: &rng)] }
            // Often a near copy of `a`, so that high similarities are common too.
            if Bool.random(using: &rng) && !a.isEmpty {
                b = a
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    b[Int.random(in: 0..<b.count, using: &rng)] = letters[Int.random(in: 0..<letters.count, using: &rng)]
                }
            }
            #expect(Similarity.jaroWinkler(a, b) == Self.reference(a, b), "\(String(decoding: a, as: UTF8.self)) \(String(decoding: b, as: UTF8.self))")
        }
    }
}
