import CNomenICU

/// Unicode normalisation forms, computed by ICU's `unorm2` (thread-safe, shared instances).
///
/// ```swift
/// UnicodeNormalizer.normalize("Ko\u{308}ln", .nfc)   // "Köln"
/// UnicodeNormalizer.normalize("ＡＢＣ", .nfkcCasefold) // "abc"
/// ```
public enum UnicodeNormalizer {
    public enum Form: Int32, Sendable, CaseIterable {
        case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3, nfkcCasefold = 4
    }

    /// Normalizes UTF-16 code units.
    public static func normalize(utf16 units: [UInt16], _ form: Form) -> [UInt16] {
        if units.isEmpty { return [] }
        // A well-formed input never fails; an ICU failure leaves the text as it was.
        return (try? units.withUnsafeBufferPointer { src in
            try ICU.fillUTF16(capacity: units.count * 2 + 8, context: "normalizing") { dst, cap, status in
                nomen_normalize(form.rawValue, src.baseAddress, Int32(src.count), dst, cap, &status)
            }
        }) ?? units
    }

    /// Normalizes a string.
    public static func normalize(_ text: String, _ form: Form) -> String {
        String(decoding: normalize(utf16: Array(text.utf16), form), as: UTF16.self)
    }

    /// Whether the text is already in the given form.
    public static func isNormalized(_ text: String, _ form: Form) -> Bool {
        let units = Array(text.utf16)
        var status: Int32 = 0
        return nomen_is_normalized(form.rawValue, units, Int32(units.count), &status) == 1
    }
}
