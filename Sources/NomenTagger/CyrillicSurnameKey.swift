import Foundation

/// A coarse key of a surname's consonants that a Latin spelling and its Cyrillic
/// transliteration share (Badri and Бадри, Haqqani and Хаккани, Jalali and Джалали), so
/// the tagger asks the matcher about a Cyrillic name only where its surname could be one
/// of a curated person the lexicon writes in Latin alone: the matcher's transliteration
/// costs far more than this key.
///
/// Each consonant becomes its class; vowels, the semivowels (y, w, v: в and the Afghan w
/// are one another's), and h with its digraphs (kh, gh: х, г, which the press swaps for h)
/// are left out; a repeated class counts once. A necessary condition only: the matcher
/// decides.
enum CyrillicSurnameKey {
    /// The key of a Latin word (any case, diacritics allowed).
    static func latin(_ word: String) -> String {
        let s = Array(word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.map(\.value))
        var out: [UInt8] = []
        var i = 0
        func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
        while i < s.count {
            let c = s[i]
            let next = i + 1 < s.count ? s[i + 1] : 0
            switch (c, next) {
            case (0x73, 0x68), (0x7A, 0x68), (0x63, 0x68), (0x74, 0x73): emit(0x73); i += 2; continue   // sh zh ch ts
            case (0x6B, 0x68), (0x67, 0x68): i += 2; continue                                              // kh gh
            case (0x70, 0x68): emit(0x66); i += 2; continue                                                // ph
            default: break
            }
            switch c {
            case 0x62, 0x70: emit(0x62)               // b p
            case 0x66: emit(0x66)                     // f
            case 0x6B, 0x71, 0x63: emit(0x6B)         // k q c
            case 0x78: emit(0x6B); emit(0x73)         // x
            case 0x64: emit(0x64)                     // d
            case 0x74: emit(0x74)                     // t
            case 0x73, 0x7A, 0x6A: emit(0x73)         // s z j
            case 0x6C, 0x6D, 0x6E, 0x72: emit(UInt8(c))  // l m n r
            default: break                            // vowels, y w v h g, apostrophes
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key of a Cyrillic word (its folded scalars, any case).
    static func cyrillic(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        let s = Array(scalars.map { $0.properties.lowercaseMapping.unicodeScalars.first?.value ?? $0.value })
        var out: [UInt8] = []
        var i = 0
        func emit(_ c: UInt8) { if out.last != c { out.append(c) } }
        while i < s.count {
            let c = s[i]
            // дж is j.
            if c == 0x0434, i + 1 < s.count, s[i + 1] == 0x0436 { emit(0x73); i += 2; continue }
            switch c {
            case 0x0431, 0x043F: emit(0x62)           // б п
            case 0x0444: emit(0x66)                   // ф
            case 0x043A: emit(0x6B)                   // к
            case 0x0434: emit(0x64)                   // д
            case 0x0442: emit(0x74)                   // т
            case 0x0441, 0x0437, 0x0448, 0x0436, 0x0447, 0x0446, 0x0449: emit(0x73)   // с з ш ж ч ц щ
            case 0x043B: emit(0x6C)                   // л
            case 0x043C: emit(0x6D)                   // м
            case 0x043D: emit(0x6E)                   // н
            case 0x0440: emit(0x72)                   // р
            default: break                            // vowels, й ь ъ, в, х г ґ
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
