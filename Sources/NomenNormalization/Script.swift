import CNomenICU

/// A writing system, as ICU's `UScriptCode` (ISO 15924).
///
/// ```swift
/// Script.of("Кабулов")          // .cyrillic
/// Script.of("ضمیر").shortName   // "Arab"
/// ```
public struct Script: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ICU's `UScriptCode`.
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The script for an ISO 15924 code or English name ("Cyrl", "Cyrillic"), if ICU knows it.
    public init?(named name: String) {
        let code = nomen_script_code(name)
        if code < 0 { return nil }
        self.code = code
    }

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let arabic = Script(code: 2)
    public static let bengali = Script(code: 4)
    public static let cyrillic = Script(code: 8)
    public static let devanagari = Script(code: 10)
    public static let greek = Script(code: 14)
    public static let han = Script(code: 17)
    public static let hangul = Script(code: 18)
    public static let hebrew = Script(code: 19)
    public static let hiragana = Script(code: 20)
    public static let katakana = Script(code: 22)
    public static let latin = Script(code: 25)
    public static let thai = Script(code: 38)
    public static let unknown = Script(code: 103)

    /// The ISO 15924 code ("Latn").
    public var shortName: String { String(cString: nomen_script_short_name(code)) }
    /// ICU's English name ("Latin").
    public var name: String { String(cString: nomen_script_long_name(code)) }
    public var description: String { shortName }

    /// Scripts written without spaces between words, where words come from a dictionary.
    public var isWrittenWithoutSpaces: Bool {
        self == .han || self == .hiragana || self == .katakana || self == .thai
            || code == 24 /* Lao */ || code == 23 /* Khmer */ || code == 28 /* Myanmar */
    }

    /// Scripts that distinguish upper and lower case.
    public var isCased: Bool {
        self == .latin || self == .cyrillic || self == .greek || code == 3 /* Armenian */
    }

    /// The script of one scalar (Common for digits and punctuation, Inherited for most marks).
    public static func of(_ scalar: Unicode.Scalar) -> Script {
        Script(code: nomen_script_of(scalar.value))
    }

    /// The dominant script of a text: the script of most of its letters, ignoring
    /// Common and Inherited; `.common` when it has no letters.
    public static func of(_ text: some StringProtocol) -> Script {
        dominant(in: text.unicodeScalars)
    }

    /// Letter counts per script of a text, most frequent first.
    public static func histogram(of text: some StringProtocol) -> [(script: Script, count: Int)] {
        var counts: [Script: Int] = [:]
        for s in text.unicodeScalars {
            let script = Script.of(s)
            if script == .common || script == .inherited { continue }
            counts[script, default: 0] += 1
        }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.script < $1.script }
    }

    static func dominant(in scalars: some Sequence<Unicode.Scalar>) -> Script {
        var counts: [Script: Int] = [:]
        for s in scalars {
            let script = Script.of(s)
            if script == .common || script == .inherited { continue }
            counts[script, default: 0] += 1
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? .common
    }

    public static func < (a: Script, b: Script) -> Bool { a.code < b.code }
}
