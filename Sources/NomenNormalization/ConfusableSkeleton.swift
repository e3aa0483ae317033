import CNomenICU

/// UTS #39 confusable skeletons (ICU `uspoof`): "Kаbul" with a Cyrillic а and
/// "Kabul" have the same skeleton. Not thread-safe: one per thread.
public final class ConfusableSkeleton {
    private let checker: OpaquePointer

    /// - Throws: ``ICUError`` when ICU's confusable data cannot be loaded.
    public init() throws {
        var status: Int32 = 0
        guard let c = nomen_spoof_open(&status), status <= 0 else {
            throw ICUError(code: status, context: "opening spoof checker")
        }
        checker = c
    }

    deinit { nomen_spoof_close(checker) }

    /// The skeleton of `text`.
    public func skeleton(_ text: String) -> String {
        let units = Array(text.utf16)
        let out = (try? ICU.fillUTF16(capacity: units.count * 2 + 8, context: "computing skeleton") { dst, cap, status in
            nomen_spoof_skeleton(checker, units, Int32(units.count), dst, cap, &status)
        }) ?? units
        return String(decoding: out, as: UTF16.self)
    }

    /// Whether the text mixes scripts in a way that looks like a spoof (a Cyrillic
    /// letter inside a Latin word).
    public func isSuspicious(_ text: String) -> Bool {
        let units = Array(text.utf16)
        var status: Int32 = 0
        return nomen_spoof_check(checker, units, Int32(units.count), &status) != 0
    }
}
