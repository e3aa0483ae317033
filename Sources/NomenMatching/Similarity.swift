/// String similarity on folded ASCII tokens.
public enum Similarity {
    /// Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 letters).
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in jaroWinkler(x, y) } }
    }

    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in jaroWinkler(x, y) } }
    }

    /// Whether two byte buffers hold the same bytes.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Jaro–Winkler on byte buffers; no allocation for words up to 256 bytes.
    ///
    /// Words of up to 64 bytes (every name word, and nearly every whole name) are
    /// compared with bit masks: the positions of each byte value in `b` as one word, so
    /// finding the first free match in the window is a mask and a count of trailing zeros.
    /// The result is the same as the classic loop's, which longer words take.
    /// - Complexity: O(|a| + |b|) up to 64 bytes, O(|a| × |b|) beyond.
    public static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if equal(a, b) { return a.isEmpty ? 0 : 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        let (matches, transpositions) = a.count <= 64 && b.count <= 64
            ? matchesByMasks(a, b, window: window) : matchesByLoop(a, b, window: window)
        if matches == 0 { return 0 }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, min(a.count, b.count)) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Which byte classes (the low five bits: a letter, or a digit sharing a letter's
    /// class) a word has once and twice, and how many of its bytes are beyond that: from
    /// two signatures, a bound of the matches Jaro can find between the words.
    struct LetterSignature {
        /// Bit `c`: class `c` occurs; bit `32 + c`: it occurs twice or more.
        var classes: UInt64 = 0
        /// Bytes beyond the second of their class.
        var rest = 0

        init() {}

        init(_ word: UnsafeBufferPointer<UInt8>) { add(word) }

        /// Counts the bytes of `word` too.
        mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
            for b in word {
                let once: UInt64 = 1 &<< UInt64(b & 31)
                if classes & once == 0 { classes |= once }
                else if classes & (once &<< 32) == 0 { classes |= once &<< 32 }
                else { rest &+= 1 }
            }
        }

        /// The signature of two words run together, from theirs: a class is there once if
        /// it is in either, twice if twice in either or once in each; the bytes beyond are
        /// those of each word, and one more for each class twice in one word and in the other.
        func joined(with other: LetterSignature) -> LetterSignature {
            let low: UInt64 = 0xFFFF_FFFF
            let (a1, a2) = (classes & low, classes >> 32)
            let (b1, b2) = (other.classes & low, other.classes >> 32)
            var joined = LetterSignature()
            joined.classes = (a1 | b1) | (a2 | b2 | (a1 & b1)) << 32
            joined.rest = rest + other.rest + (a2 & b1).nonzeroBitCount + (b2 & a1).nonzeroBitCount
            return joined
        }

        /// At least the bytes the two words have in common (by class), which bound Jaro's
        /// matches: the pairs of classes present in both, once and twice, and at most the
        /// smaller rest beyond.
        func common(with other: LetterSignature) -> Int {
            (classes & other.classes).nonzeroBitCount + min(rest, other.rest)
        }
    }

    /// A similarity Jaro–Winkler must reach, and a quick test of whether it may: its
    /// bound, every byte the words have in common (at most `matches`) matched and none
    /// transposed, with their common prefix, reaches it. What lets a caller skip the
    /// comparison.
    struct Floor {
        let value: Double
        /// By common prefix (0 to 4 bytes): the least m·(|a| + |b|) / (|a|·|b|) with which
        /// the bound reaches `value`, a little less so rounding never rejects a pair.
        private let ratios: (Double, Double, Double, Double, Double)

        init(_ value: Double) {
            self.value = value
            // bound = J + 0.1p(1 − J) with J = (m/|a| + m/|b| + 1)/3 reaches `value` when
            // J ≥ (value − 0.1p) / (1 − 0.1p).
            func ratio(_ p: Double) -> Double { 3 * (value - 0.1 * p) / (1 - 0.1 * p) - 1 - 1e-9 }
            ratios = (ratio(0), ratio(1), ratio(2), ratio(3), ratio(4))
        }

        /// Whether Jaro–Winkler of `a` and `b`, with at most `matches` bytes in common, may
        /// reach the floor. Multiplications only.
        /// - Complexity: O(1).
        @inline(__always)
        func mayBeReached(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, matches: Int) -> Bool {
            let m = min(matches, a.count, b.count)
            if m == 0 { return false }
            var prefix = 0
            while prefix < min(4, m) && a[prefix] == b[prefix] { prefix += 1 }
            let ratio: Double
            switch prefix {
            case 0: ratio = ratios.0
            case 1: ratio = ratios.1
            case 2: ratio = ratios.2
            case 3: ratio = ratios.3
            default: ratio = ratios.4
            }
            return Double(m * (a.count + b.count)) >= ratio * Double(a.count * b.count)
        }
    }

    /// Jaro's matches and transpositions: each byte of `a` in turn takes the first
    /// unmatched equal byte of `b` within `window` of its position. Words of at most 64 bytes.
    @inline(__always)
    static func matchesByMasks(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, window: Int) -> (Int, Int) {
        // On the stack (a temporary allocation of 2 KB would be on the heap).
        var positions = InlineArray<256, UInt64>(repeating: 0)
        for (j, x) in b.enumerated() { positions[Int(x)] |= 1 &<< UInt64(j) }
        var matchedA: UInt64 = 0
        var matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<a.count {
            let lo = max(0, i - window)
            let hi = min(b.count - 1, i + window)
            if lo > hi { continue }
            let width = hi - lo + 1
            let inWindow = (width == 64 ? ~0 : (1 &<< UInt64(width)) &- 1) &<< UInt64(lo)
            let free = positions[Int(a[i])] & inWindow & ~matchedB
            if free != 0 {
                matchedB |= free & (~free &+ 1)
                matchedA |= 1 &<< UInt64(i)
                matches += 1
            }
        }
        // Matched bytes of `a` and of `b`, in order, pair up; a pair that differs is half a transposition.
        var transpositions = 0
        while matchedA != 0 {
            if a[matchedA.trailingZeroBitCount] != b[matchedB.trailingZeroBitCount] { transpositions += 1 }
            matchedA &= matchedA &- 1
            matchedB &= matchedB &- 1
        }
        return (matches, transpositions)
    }

    /// ``matchesByMasks(_:_:window:)`` for words of any length.
    static func matchesByLoop(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, window: Int) -> (Int, Int) {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: a.count + b.count) { flags in
            flags.initialize(repeating: false)
            var matches = 0
            for i in 0..<a.count {
                let lo = max(0, i - window)
                let hi = min(b.count - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[a.count + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[a.count + j] = true
                    matches += 1
                    break
                }
            }
            var transpositions = 0
            var k = 0
            for i in 0..<a.count where flags[i] {
                while !flags[a.count + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            return (matches, transpositions)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
