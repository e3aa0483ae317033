import Foundation

/// A coarse key of a word's consonants that a Latin spelling of a name and its spellings
/// in Cyrillic, Arabic script, Devanagari and Bengali share (Badri, Бадри, بدری, बद्री,
/// বদরি), so the tagger asks the matcher about words of those scripts only where they could
/// be a curated person the lexicon writes in Latin alone: the matcher's transliteration
/// costs far more than this key.
///
/// Each consonant becomes its class: b (b p), f, k (k q c), d, t, s (s z j sh zh ch ts and
/// the sibilants of every script), l, m, n, r. Left out: vowels and vowel signs; the
/// semivowels (y, w, v: в, و, व and Bengali ভ write them); h with the letters the press
/// writes with an h (kh, gh, g: х, г, خ, غ, گ, ख, घ, ग); and signs. A repeated class
/// counts once. The key holds the first seven classes, four bits each. A necessary
/// condition only: the matcher decides.
enum TransliterationKey {
    /// Appends class `c` (1 to 10) to `key` unless it repeats the last one or the key is full.
    @inline(__always)
    private static func append(_ c: UInt8, to key: inout UInt32, count: inout Int) {
        guard key & 0xF != UInt32(c), count < 7 else { return }
        key = key << 4 | UInt32(c)
        count += 1
    }

    /// The classes a key holds.
    static func length(_ key: UInt32) -> Int { (32 - key.leadingZeroBitCount + 3) / 4 }

    /// The key of a Latin word (any case, diacritics allowed).
    static func latin(_ word: String) -> UInt32 {
        let s = Array(word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.map(\.value))
        var key: UInt32 = 0
        var count = 0
        func emit(_ c: UInt8) { append(c, to: &key, count: &count) }
        var i = 0
        while i < s.count {
            let c = s[i]
            let next = i + 1 < s.count ? s[i + 1] : 0
            switch (c, next) {
            case (0x73, 0x68), (0x7A, 0x68), (0x63, 0x68), (0x74, 0x73), (0x64, 0x7A): emit(s_); i += 2; continue   // sh zh ch ts dz
            case (0x6B, 0x68), (0x67, 0x68): i += 2; continue                                                          // kh gh
            case (0x70, 0x68): emit(f_); i += 2; continue                                                              // ph
            default: break
            }
            switch c {
            case 0x62, 0x70: emit(b_)                 // b p
            case 0x66: emit(f_)                       // f
            case 0x6B, 0x71, 0x63: emit(k_)           // k q c
            case 0x78: emit(k_); emit(s_)             // x
            case 0x64: emit(d_)                       // d
            case 0x74: emit(t_)                       // t
            case 0x73, 0x7A, 0x6A: emit(s_)           // s z j
            case 0x6C: emit(l_)
            case 0x6D: emit(m_)
            case 0x6E: emit(n_)
            case 0x72: emit(r_)
            default: break                            // vowels, y w v h g, apostrophes
            }
            i += 1
        }
        return key
    }

    /// The key of a folded word of Cyrillic, Arabic script, Devanagari or Bengali (UTF-8;
    /// letters of other scripts are left out).
    static func native(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var key: UInt32 = 0
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            var v: UInt32
            if b0 < 0x80 { v = UInt32(b0); i += 1 }
            else if b0 < 0xE0, i + 1 < n { v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2 }
            else if b0 < 0xF0, i + 2 < n { v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3 }
            else { i += 1; continue }
            // Cyrillic дж (ж is D0 B6, Ж D0 96) is j.
            if (v == 0x0434 || v == 0x0414), i + 1 < n, bytes[i] == 0xD0, bytes[i + 1] == 0xB6 || bytes[i + 1] == 0x96 {
                v = 0x0436
                i += 2
            }
            if let c = classOf(v) { append(c, to: &key, count: &count) }
        }
        return key
    }

    private static let (b_, f_, k_, d_, t_, s_, l_, m_, n_, r_): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)

    private static func classOf(_ c: UInt32) -> UInt8? {
        switch c {
        // Cyrillic, either case: б п, ф, к, д, т, с з ш ж ч ц щ, л м н р
        case 0x0431, 0x043F, 0x0411, 0x041F: return b_
        case 0x0444, 0x0424: return f_
        case 0x043A, 0x041A: return k_
        case 0x0434, 0x0414: return d_
        case 0x0442, 0x0422: return t_
        case 0x0441, 0x0437, 0x0448, 0x0436, 0x0447, 0x0446, 0x0449,
             0x0421, 0x0417, 0x0428, 0x0416, 0x0427, 0x0426, 0x0429: return s_
        case 0x043B, 0x041B: return l_
        case 0x043C, 0x041C: return m_
        case 0x043D, 0x041D: return n_
        case 0x0440, 0x0420: return r_
        // Arabic script (Persian, Urdu, Pashto letters too): ب پ, ف, ق ك ک, د ڈ ډ, ت ٹ ټ ط,
        // the sibilants س ص ث ز ذ ض ظ ش ژ ج چ څ ځ ښ ږ, ل م ن ں ڼ, ر ڑ ړ
        case 0x0628, 0x067E: return b_
        case 0x0641: return f_
        case 0x0642, 0x0643, 0x06A9: return k_
        case 0x062F, 0x0688, 0x0689: return d_
        case 0x062A, 0x0679, 0x067C, 0x0637: return t_
        case 0x0633, 0x0635, 0x062B, 0x0632, 0x0630, 0x0636, 0x0638, 0x0634, 0x0698, 0x062C, 0x0686,
             0x0685, 0x0681, 0x069A, 0x0696: return s_
        case 0x0644: return l_
        case 0x0645: return m_
        case 0x0646, 0x06BA, 0x06BC: return n_
        case 0x0631, 0x0691, 0x0693: return r_
        // Devanagari: क क़, प ब भ, फ, ट ठ त थ, ड ढ द ध, च छ ज झ श ष स, ल, म, ण न ं, र ड़
        case 0x0915, 0x0958: return k_
        case 0x092A, 0x092C, 0x092D: return b_
        case 0x092B, 0x095E: return f_
        case 0x091F, 0x0920, 0x0924, 0x0925: return t_
        case 0x0921, 0x0922, 0x0926, 0x0927: return d_
        case 0x091A, 0x091B, 0x091C, 0x091D, 0x095B, 0x0936, 0x0937, 0x0938: return s_
        case 0x0932: return l_
        case 0x092E: return m_
        case 0x0923, 0x0928, 0x0902: return n_
        case 0x0930, 0x095C, 0x095D: return r_
        // Bengali: ক, প ব, ফ, ট ঠ ত থ, ড ঢ দ ধ, চ ছ জ ঝ শ ষ স, ল, ম, ণ ন ং, র ড় ঢ়
        case 0x0995: return k_
        case 0x09AA, 0x09AC: return b_
        case 0x09AB: return f_
        case 0x099F, 0x09A0, 0x09A4, 0x09A5: return t_
        case 0x09A1, 0x09A2, 0x09A6, 0x09A7: return d_
        case 0x099A, 0x099B, 0x099C, 0x099D, 0x09B6, 0x09B7, 0x09B8: return s_
        case 0x09B2: return l_
        case 0x09AE: return m_
        case 0x09A3, 0x09A8, 0x0982: return n_
        case 0x09B0, 0x09DC, 0x09DD: return r_
        default: return nil
        }
    }
}
