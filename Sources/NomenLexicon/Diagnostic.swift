/// A place in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in a lexicon, reported like a compiler does:
/// `Lexicons/curated/people.yaml:42:7: error: duplicate id "taliban" (first at Lexicons/curated/organizations.yaml:12:5)`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// What kind of problem it is. A struct over a private set of names, so codes can
    /// be added without breaking callers that switch on the ones they know.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let syntax = Code("syntax")
        public static let invalidUTF8 = Code("invalid-utf8")
        public static let missingField = Code("missing-field")
        public static let malformedField = Code("malformed-field")
        public static let invalidID = Code("invalid-id")
        public static let duplicateID = Code("duplicate-id")
        public static let unknownType = Code("unknown-type")
        public static let malformedLanguageTag = Code("malformed-language-tag")
        public static let emptyName = Code("empty-name")
        public static let unknownReference = Code("unknown-reference")
        public static let limitExceeded = Code("limit-exceeded")
        public static let unreadable = Code("unreadable")
        // Warnings
        public static let scriptMismatch = Code("script-mismatch")
        public static let sharedName = Code("shared-name")
        public static let emptyAfterNormalization = Code("empty-after-normalization")
        public static let unknownField = Code("unknown-field")
        public static let breakingPunctuation = Code("breaking-punctuation")
    }

    public let severity: Severity
    public let code: Code
    public let location: SourceLocation
    public let message: String

    public init(_ severity: Severity, _ code: Code, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Loading failed: the lexicon has errors. Carries every diagnostic of the files read
/// (warnings too), so a curator fixes them all in one pass.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Whether the failure is a missing file (exit 66) rather than bad data (exit 65).
    public var isMissingFile: Bool { errors.allSatisfy { $0.code == .unreadable } && !errors.isEmpty }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
