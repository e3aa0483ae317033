import Foundation
import Nomen

/// The shipped lexicons, compiled once per test process and shared by every test.
public enum SharedIndex {
    public static let index: NomenIndex = {
        do {
            return try LexiconStore.compile(paths: try LexiconStore.defaultPaths())
        } catch {
            fatalError("the shipped lexicons do not compile: \(error)")
        }
    }()

    /// A tagger over the shipped lexicons.
    public static let tagger = Tagger(index: index)

    /// A matcher over the shipped lexicons.
    public static let matcher = NameMatcher(index: index.matcher)
}
