import FuzzSupport
import Nomen

/// Folding and Unicode normalisation on any text (the bytes read as UTF-8, invalid
/// sequences repaired to U+FFFD).
///
/// Properties, for every folding profile:
/// - folding is idempotent: fold(fold(x)) == fold(x);
/// - the folded text is its scalars, and each folded scalar maps back to a non-empty,
///   in-bounds source cluster; clusters never go backwards;
/// - `sourceRange(of:)` stays inside the source for any folded range;
/// - `key` equals `fold(...).text`.
/// And for every ICU normalisation form: the result is in that form and normalising
/// again changes nothing; word segmentation gives sorted, in-bounds words whose text
/// is their span.
@main
enum FuzzNormalize {
    static let folders = FoldingProfile.all.map { Folder($0) }
    static let segmenter = try? WordSegmenter()

    static func main() {
        // A C function pointer cannot capture context: the closure names the type.
        Fuzz.run { data, size in FuzzNormalize.test(Fuzz.bytes(data, size)) }
    }

    static func test(_ input: [UInt8]) -> Int32 {
        let bytes = input
        let text = String(decoding: bytes, as: UTF8.self)
        let source = Array(text.unicodeScalars)
        for folder in folders { checkFolding(folder, text: text, source: source) }
        for form in UnicodeNormalizer.Form.allCases { checkNormalization(form, text: text) }
        if let segmenter { checkWords(segmenter, text: text, source: source) }
        return 0
    }

    static func checkFolding(_ folder: Folder, text: String, source: [Unicode.Scalar]) {
        let profile = folder.profile.name
        let folded = folder.fold(text)
        let n = folded.scalars.count
        Fuzz.check(folded.sourceStarts.count == n && folded.sourceEnds.count == n,
                   "\(profile): \(n) scalars but \(folded.sourceStarts.count) starts and \(folded.sourceEnds.count) ends")
        Fuzz.check(Array(folded.text.unicodeScalars) == folded.scalars, "\(profile): text is not its scalars for \(Fuzz.show(text))")
        var previousStart = 0
        for i in 0..<n {
            let start = folded.sourceStarts[i], end = folded.sourceEnds[i]
            Fuzz.check(0 <= start && start < end && end <= source.count,
                       "\(profile): folded scalar \(i) maps to \(start)..<\(end), outside 0..<\(source.count) or empty, for \(Fuzz.show(text))")
            Fuzz.check(start >= previousStart, "\(profile): folded scalar \(i) maps back before scalar \(i - 1) for \(Fuzz.show(text))")
            previousStart = start
        }
        // A few folded ranges, chosen from the input's length so they vary with it.
        if n > 0 {
            for (a, b) in [(0, n), (n / 3, n - n / 3), (n / 2, n / 2), (n, n), (0, 0)] where a <= b {
                let r = folded.sourceRange(of: a..<b)
                Fuzz.check(r.lowerBound >= 0 && r.upperBound <= source.count,
                           "\(profile): sourceRange(of: \(a)..<\(b)) = \(r) outside 0..<\(source.count) for \(Fuzz.show(text))")
            }
        }
        Fuzz.check(folder.key(text) == folded.text, "\(profile): key differs from fold().text for \(Fuzz.show(text))")
        let again = folder.fold(folded.text).text
        Fuzz.check(again == folded.text,
                   "\(profile): folding is not idempotent: \(Fuzz.show(text)) → \(Fuzz.show(folded.text)) → \(Fuzz.show(again))")
    }

    static func checkNormalization(_ form: UnicodeNormalizer.Form, text: String) {
        let once = UnicodeNormalizer.normalize(text, form)
        Fuzz.check(UnicodeNormalizer.isNormalized(once, form),
                   "\(form): normalize(\(Fuzz.show(text))) = \(Fuzz.show(once)) is not in \(form)")
        let twice = UnicodeNormalizer.normalize(once, form)
        Fuzz.check(twice == once, "\(form): not idempotent: \(Fuzz.show(text)) → \(Fuzz.show(once)) → \(Fuzz.show(twice))")
    }

    static func checkWords(_ segmenter: WordSegmenter, text: String, source: [Unicode.Scalar]) {
        var previousEnd = 0
        for word in segmenter.words(in: text) {
            let r = word.range
            Fuzz.check(r.lowerBound >= previousEnd && r.lowerBound < r.upperBound && r.upperBound <= source.count,
                       "word \(r) is empty, out of order or outside 0..<\(source.count) in \(Fuzz.show(text))")
            let span = String(String.UnicodeScalarView(source[r]))
            Fuzz.check(word.text == span, "word \(r) has text \(Fuzz.show(word.text)) but its span is \(Fuzz.show(span))")
            previousEnd = r.upperBound
        }
    }
}
