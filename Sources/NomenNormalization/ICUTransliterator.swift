import CNomenICU

/// One ICU transliterator (`utrans`). Not thread-safe: use one per thread, or
/// ``clone()`` it for another thread. `NomenTransliteration` builds its schemes,
/// caches and per-thread pools on this type.
public final class ICUTransliterator {
    /// A rule-text compile error, at the line and column ICU reports (both 1-based).
    public struct RuleError: Error, CustomStringConvertible, Sendable, Equatable {
        public let line: Int
        public let column: Int
        public let icuError: String
        public var description: String { "\(line):\(column): error: transliteration rule does not compile (\(icuError))" }
    }

    /// The ID it was opened with.
    public let id: String
    private let handle: OpaquePointer

    /// Opens a system transliterator by ID, e.g. `Russian-Latin/BGN` or `Any-Latin; Latin-ASCII`.
    /// - Throws: ``ICUError`` when ICU has no such transliterator.
    public init(id: String) throws {
        let units = Array(id.utf16)
        var status: Int32 = 0
        guard let h = nomen_translit_open(units, Int32(units.count), &status), status <= 0 else {
            throw ICUError(code: status, context: "opening transliterator \"\(id)\"")
        }
        self.id = id
        self.handle = h
    }

    /// Compiles a transliterator from ICU rule text.
    /// - Throws: ``RuleError`` with the line and column of the first syntax error.
    public init(id: String, rules: String) throws {
        let idUnits = Array(id.utf16)
        let ruleUnits = Array(rules.utf16)
        var status: Int32 = 0
        var line: Int32 = 0
        var offset: Int32 = 0
        let h = nomen_translit_open_rules(idUnits, Int32(idUnits.count), ruleUnits, Int32(ruleUnits.count), &line, &offset, &status)
        guard let h, status <= 0 else {
            if let h { nomen_translit_close(h) }
            // ICU reports the error as an offset into the whole rule text (line 0):
            // count lines up to it so the error names the file's own line and column.
            var l = 1
            var c = 1
            if line > 0 {
                l = Int(line)
                c = Int(offset) + 1
            } else {
                for unit in ruleUnits.prefix(max(0, Int(offset))) {
                    if unit == 0x0A { l += 1; c = 1 } else { c += 1 }
                }
            }
            throw RuleError(line: l, column: c, icuError: String(cString: nomen_icu_error_name(status)))
        }
        self.id = id
        self.handle = h
    }

    private init(id: String, handle: OpaquePointer) {
        self.id = id
        self.handle = handle
    }

    deinit { nomen_translit_close(handle) }

    /// An independent copy for use on another thread.
    public func clone() throws -> ICUTransliterator {
        var status: Int32 = 0
        guard let h = nomen_translit_clone(handle, &status), status <= 0 else {
            throw ICUError(code: status, context: "cloning transliterator \"\(id)\"")
        }
        return ICUTransliterator(id: id, handle: h)
    }

    /// Transliterates a string.
    /// - Complexity: ICU's rules are applied at every position: keep inputs short
    ///   (a token or a name), never a whole document.
    public func apply(_ text: String) throws -> String {
        var units = Array(text.utf16)
        if units.isEmpty { return text }
        var cap = units.count * 4 + 16
        for _ in 0..<3 {
            var buffer = units + [UInt16](repeating: 0, count: cap - units.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer {
                nomen_translit_apply(handle, $0.baseAddress, Int32(units.count), Int32(cap), &status)
            }
            if status == ICU.bufferOverflow || Int(length) > cap {
                cap = Int(length) * 2 + 16
                continue
            }
            if status > 0 { throw ICUError(code: status, context: "transliterating with \(id)") }
            units = Array(buffer[0..<Int(length)])
            return String(decoding: units, as: UTF16.self)
        }
        throw ICUError(code: ICU.bufferOverflow, context: "transliterating with \(id)")
    }

    /// Every system transliterator ID ICU offers (about 700).
    public static var availableIDs: [String] {
        (0..<Int(nomen_translit_count_ids())).map { i in
            var buffer = [UInt16](repeating: 0, count: 256)
            let n = nomen_translit_id_at(Int32(i), &buffer, 256)
            return String(decoding: buffer[0..<min(Int(n), 256)], as: UTF16.self)
        }
    }
}
