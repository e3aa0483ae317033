import CNomenICU

/// Splits text into words with ICU's word break rules, using ICU's dictionaries for
/// scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Burmese).
///
/// ```swift
/// WordSegmenter().words(in: "塔利班政府宣布")  // ["塔", "利", "班", "政府", "宣布"] with ICU 72
/// ```
///
/// ICU's dictionary knows 政府 and 宣布 but not every transliterated name (塔利班), which is
/// why the tagger matches Han text character by character instead.
///
/// Not thread-safe (ICU break iterators are not): make one per thread.
public final class WordSegmenter {
    /// A word: its text, its span in scalar offsets (end exclusive), and what ICU
    /// says it is.
    public struct Word: Sendable, Equatable {
        public enum Kind: String, Sendable { case letter, number, kana, ideographic }
        public let text: String
        public let range: Range<Int>
        public let kind: Kind
    }

    private let iterator: OpaquePointer

    /// - Parameter locale: an ICU locale ("" for root rules).
    /// - Throws: ``ICUError`` when ICU cannot open the iterator.
    public init(locale: String = "") throws {
        var status: Int32 = 0
        guard let it = nomen_break_open_word(locale, &status), status <= 0 else {
            throw ICUError(code: status, context: "opening word break iterator")
        }
        iterator = it
    }

    deinit { nomen_break_close(iterator) }

    /// The words of `text` (spaces and punctuation left out).
    public func words(in text: String) -> [Word] {
        let units = Array(text.utf16)
        if units.isEmpty { return [] }
        // UTF-16 offset → scalar offset for every boundary.
        var scalarAt = [Int](repeating: 0, count: units.count + 1)
        var scalarIndex = 0
        var u = 0
        for s in text.unicodeScalars {
            let w = UTF16.width(s)
            for k in 0..<w { scalarAt[u + k] = scalarIndex }
            u += w
            scalarIndex += 1
        }
        scalarAt[units.count] = scalarIndex
        var result: [Word] = []
        units.withUnsafeBufferPointer { buffer in
            var status: Int32 = 0
            nomen_break_set_text(iterator, buffer.baseAddress, Int32(buffer.count), &status)
            guard status <= 0 else { return }
            var start = Int(nomen_break_first(iterator))
            while true {
                let end = Int(nomen_break_next(iterator))
                if end < 0 { break }
                let rule = nomen_break_rule_status(iterator)
                let kind: Word.Kind?
                switch rule {
                case 100..<200: kind = .number
                case 200..<300: kind = .letter
                case 300..<400: kind = .kana
                case 400..<500: kind = .ideographic
                default: kind = nil
                }
                if let kind {
                    let piece = String(decoding: buffer[start..<end], as: UTF16.self)
                    result.append(Word(text: piece, range: scalarAt[start]..<scalarAt[end], kind: kind))
                }
                start = end
            }
        }
        return result
    }
}
