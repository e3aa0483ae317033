import Foundation
import NomenNormalization

/// A transliteration error: an unknown scheme, or a rule file that does not compile.
public struct TransliterationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Transliterates names by a ``TransliterationScheme``.
///
/// ```swift
/// let t = try Transliterator(.init("Russian-Latin/BGN"))
/// t.transliterate("Андрей Руденко")   // "Andrey Rudenko"
/// ```
///
/// A `Transliterator` is a `Sendable` value: every thread that uses it gets its own
/// ICU instance, cloned from a compiled prototype, and its own cache keyed by input,
/// so the same token is transliterated once per thread and never under a lock.
/// ICU's transliteration is slow (a few MB/s) and quadratic on long inputs: give it
/// names and tokens, never whole documents.
public struct Transliterator: Sendable {
    public let scheme: TransliterationScheme
    /// Most inputs kept in one thread's cache before it is emptied.
    public static let cacheLimit = 200_000

    /// - Throws: ``TransliterationError`` when ICU has no such transform or a rule file
    ///   does not compile (with its `file:line:column`).
    public init(_ scheme: TransliterationScheme) throws {
        self.scheme = scheme
        // Checks that the scheme compiles (once per process); no ICU instance is made here.
        try Self.prototypes.check(scheme) { Self.compile(scheme) }
    }

    /// The transliteration of `text`. Rule-file schemes lowercase the input and
    /// recapitalise the first letter of each word that was capitalised.
    public func transliterate(_ text: String) -> String {
        if text.isEmpty { return text }
        let state = Self.perThread.value
        let cache: Cache
        if let c = state.cache[scheme] { cache = c } else {
            cache = Cache()
            state.cache[scheme] = cache
        }
        if let hit = cache.entries[text] { return hit }
        let result = compute(text, state: state)
        if cache.entries.count >= Self.cacheLimit { cache.entries.removeAll(keepingCapacity: true) }
        cache.entries[text] = result
        return result
    }

    private func compute(_ text: String, state: PerThread) -> String {
        let instance: ICUTransliterator
        if let existing = state.instances[scheme] {
            instance = existing
        } else if let proto = try? Self.prototype(scheme), let copy = try? proto.clone() {
            state.instances[scheme] = copy
            instance = copy
        } else {
            return text
        }
        guard scheme.isRuleFile else { return (try? instance.apply(text)) ?? text }
        // Rule files are written for one lowercase word, so `^` and `$` anchor to the
        // word's edges: transliterate word by word and restore capitals after.
        var out = ""
        var word = ""
        func flush() {
            if !word.isEmpty { out += (try? instance.apply(word)) ?? word }
            word = ""
        }
        for ch in text.lowercased() {
            if ch.isLetter { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return Self.recapitalize(out, like: text)
    }

    /// Capitalises each word of `text` whose counterpart in `model` starts with a capital.
    static func recapitalize(_ text: String, like model: String) -> String {
        let modelWords = model.split(whereSeparator: { $0 == " " || $0 == "-" })
        var index = 0
        var result = ""
        var atWordStart = true
        for ch in text {
            if ch == " " || ch == "-" {
                result.append(ch)
                if !atWordStart { index += 1 }
                atWordStart = true
                continue
            }
            if atWordStart, index < modelWords.count, modelWords[index].first?.isUppercase == true {
                result += ch.uppercased()
            } else {
                result.append(ch)
            }
            atWordStart = false
        }
        return result
    }

    // MARK: Prototypes and per-thread state

    /// One thread's results for one scheme; a class, so updating it never copies the table.
    final class Cache {
        var entries: [String: String] = [:]
    }

    final class PerThread {
        var instances: [TransliterationScheme: ICUTransliterator] = [:]
        var cache: [TransliterationScheme: Cache] = [:]
    }

    private static let perThread = ThreadLocal { PerThread() }
    private static let prototypes = PrototypeStore()

    final class PrototypeStore: @unchecked Sendable {
        private let lock = NSLock()
        private var store: [TransliterationScheme: Result<ICUTransliterator, TransliterationError>] = [:]

        /// Compiles a scheme once per process; only ever cloned afterwards, under the lock.
        func get(_ scheme: TransliterationScheme, make: () -> Result<ICUTransliterator, TransliterationError>) throws -> ICUTransliterator {
            lock.lock()
            defer { lock.unlock() }
            if let r = store[scheme] { return try r.get() }
            let r = make()
            store[scheme] = r
            return try r.get()
        }

        func check(_ scheme: TransliterationScheme, make: () -> Result<ICUTransliterator, TransliterationError>) throws {
            _ = try get(scheme, make: make)
        }

        func cloned(_ scheme: TransliterationScheme, make: () -> Result<ICUTransliterator, TransliterationError>) throws -> ICUTransliterator {
            let proto = try get(scheme, make: make)
            lock.lock()
            defer { lock.unlock() }
            do { return try proto.clone() } catch { throw TransliterationError(message: "\(error)") }
        }
    }

    static func prototype(_ scheme: TransliterationScheme) throws -> ICUTransliterator {
        // Hand out a clone: the prototype itself is never used to transliterate,
        // so no two threads ever share an ICU instance.
        try prototypes.cloned(scheme) { Self.compile(scheme) }
    }

    static func compile(_ scheme: TransliterationScheme) -> Result<ICUTransliterator, TransliterationError> {
        if scheme.isRuleFile {
            let name = String(scheme.id.dropFirst("nomen:".count))
            guard let dir = RuleFiles.directory else {
                return .failure(TransliterationError(message: "rule files not found (set NOMEN_DATA_DIR to the folder holding Rules/)"))
            }
            let url = dir.appendingPathComponent("\(name).txt")
            guard let rules = try? String(contentsOf: url, encoding: .utf8) else {
                return .failure(TransliterationError(message: "unknown scheme \(scheme.id): no rule file \(url.path)"))
            }
            do {
                return .success(try RuleFiles.compile(rules, id: name))
            } catch let e as ICUTransliterator.RuleError {
                return .failure(TransliterationError(message: "\(url.path):\(e.line):\(e.column): error: transliteration rule does not compile (\(e.icuError))"))
            } catch {
                return .failure(TransliterationError(message: "\(url.path): error: \(error)"))
            }
        }
        do {
            return .success(try ICUTransliterator(id: scheme.id))
        } catch {
            return .failure(TransliterationError(message: "unknown transliteration scheme \"\(scheme.id)\" (list them with `nomen translit --list`)"))
        }
    }
}

/// The project's transliteration rule files.
public enum RuleFiles {
    /// The folder of rule files, if found.
    public static let directory: URL? = ResourceLocator.directory(
        bundle: "Nomen_NomenTransliteration", subpath: "Rules", sourceFile: #filePath
    )

    /// Names of the shipped rule files (schemes `nomen:<name>`).
    public static var names: [String] {
        guard let dir = directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Compiles rule text. Comment lines (`#`) are kept as empty lines so ICU's line
    /// numbers are the file's.
    /// - Throws: ``ICUTransliterator/RuleError`` with the line and column.
    public static func compile(_ rules: String, id: String) throws -> ICUTransliterator {
        let text = rules.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") ? "" : String($0) }
            .joined(separator: "\n")
        return try ICUTransliterator(id: id, rules: text)
    }
}
