/// A seeded generator (SplitMix64): the same seed gives the same sequence on every run,
/// so a property test that fails can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random multilingual text for property tests: letters of the scripts Nomen reads,
/// combining marks, joiners, punctuation, spaces and emoji.
public enum RandomText {
    static let pools: [[UInt32]] = [
        Array(0x41...0x5A) + Array(0x61...0x7A),          // Latin
        Array(0xC0...0xFF) + [0x131, 0x130, 0x15F],        // Latin-1, Turkish
        Array(0x410...0x44F) + [0x401, 0x451, 0x456, 0x457, 0x491], // Cyrillic
        Array(0x621...0x64A) + [0x67E, 0x686, 0x698, 0x6A9, 0x6AF, 0x6CC, 0x6C1, 0x6D2, 0x6AB, 0x6BC], // Arabic script
        Array(0x64B...0x652) + [0x640, 0x670],             // harakat, tatweel
        Array(0x300...0x30F),                              // combining diacritics
        [0x200C, 0x200D, 0x200B, 0xFEFF, 0xAD],            // joiners, zero width
        Array(0x4E00...0x4E40) + [0x7F85, 0x806F, 0x570B],   // Han, some traditional
        [0x20, 0x0A, 0x09, 0xA0, 0x2019, 0x27, 0x2D, 0x2014, 0x2E, 0x2C, 0x22, 0xAB, 0xBB], // spaces, punctuation
        [0x1F600, 0x1F1F7, 0x1F1FA, 0x10400, 0x1D400],     // astral
        Array(0x660...0x669) + Array(0x30...0x39),         // digits
        Array(0x915...0x939) + [0x93F, 0x94D],             // Devanagari
    ]

    /// A random string of `length` scalars.
    public static func string(using rng: inout some RandomNumberGenerator, length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
            let v = pool[Int.random(in: 0..<pool.count, using: &rng)]
            if let s = Unicode.Scalar(v) { scalars.append(s) }
        }
        return String(scalars)
    }
}
