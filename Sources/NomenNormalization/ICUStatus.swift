import CNomenICU

/// A failure reported by ICU, with ICU's own name for it.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The ICU `UErrorCode` value.
    public let code: Int32
    /// What the caller was doing ("opening transliterator Russian-Latin/BGN").
    public let context: String

    public init(code: Int32, context: String) {
        self.code = code
        self.context = context
    }

    /// ICU's name for the code, e.g. `U_INVALID_ID`.
    public var name: String { String(cString: nomen_icu_error_name(code)) }

    public var description: String { "\(context): ICU error \(name)" }
}

/// The ICU library this process runs against.
public enum ICU {
    /// ICU's version string, e.g. "72.1".
    public static var version: String { String(cString: nomen_icu_version()) }

    static let bufferOverflow: Int32 = 15 // U_BUFFER_OVERFLOW_ERROR

    /// Runs an ICU call that fills a UTF-16 buffer, growing the buffer once when ICU
    /// reports the length it needs.
    static func fillUTF16(
        capacity: Int,
        context: @autoclosure () -> String,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
    ) throws -> [UInt16] {
        var cap = max(capacity, 16)
        for _ in 0..<2 {
            var buffer = [UInt16](repeating: 0, count: cap)
            var status: Int32 = 0
            let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(cap), &status) }
            if status == bufferOverflow || Int(needed) > cap {
                cap = Int(needed) + 1
                continue
            }
            if status > 0 { throw ICUError(code: status, context: context()) }
            buffer.removeSubrange(Int(needed)...)
            return buffer
        }
        throw ICUError(code: bufferOverflow, context: context())
    }
}
