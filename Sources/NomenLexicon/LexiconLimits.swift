/// The limits a lexicon must keep, each enforced with a diagnostic. Documented in the README.
public enum LexiconLimits {
    /// Largest lexicon source file read (bytes).
    public static let maxFileBytes = 2 << 30
    /// Most entities in one lexicon set.
    public static let maxEntities = 10_000_000
    /// Most names one entity may carry.
    public static let maxNamesPerEntity = 10_000
    /// Longest name, in Unicode scalars.
    public static let maxNameLength = 1_000
    /// Deepest YAML nesting accepted.
    public static let maxYAMLDepth = 32
    /// Most YAML nodes visited, aliases expanded: stops "billion laughs" documents.
    public static let maxYAMLNodes = 20_000_000
}
