import Foundation
import NomenLexicon
import NomenTestSupport

/// NomenLexicon's SourceLocation (Testing has one too).
typealias Location = NomenLexicon.SourceLocation

/// The lexicon fixtures under `Tests/Fixtures/lexicons/` (see the README there).
enum Fixture {
    static let root = CLI.repositoryRoot.appendingPathComponent("Tests/Fixtures/lexicons")

    /// The absolute path of a fixture, e.g. `Fixture.path("broken/syntax.yaml")`.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Loads lexicon paths and returns every diagnostic, whether loading threw or not.
    static func load(_ paths: [String]) -> (lexicon: Lexicon?, diagnostics: [Diagnostic]) {
        do {
            let lexicon = try Lexicon.load(paths: paths)
            return (lexicon, lexicon.diagnostics)
        } catch let e as LexiconError {
            return (nil, e.diagnostics)
        } catch {
            return (nil, [Diagnostic(.error, .unreadable, at: SourceLocation(file: "?", line: 0, column: 0), "unexpected \(error)")])
        }
    }

    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, bytes: Array(text.utf8))
    }

    static func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
        let url = CLI.temporaryDirectory("nomen-lexicon-test").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// Entities compared on everything a lexicon file carries, not where they were read from.
struct EntitySnapshot: Equatable, CustomStringConvertible {
    struct Name: Equatable {
        let text: String
        let language: String
        let ambiguous: Bool
        let exactCase: Bool
        let generated: Bool
    }

    let id: String
    let type: String
    let name: String
    var names: [Name]
    let wikidata: String?
    let description_: String?
    let country: String?
    let context: [String]
    let sameAs: [String]
    let population: Int?
    let source: String

    init(_ e: Entity) {
        id = e.id
        type = e.type.name
        name = e.name
        names = e.names.map { Name(text: $0.text, language: $0.language, ambiguous: $0.ambiguous,
                                   exactCase: $0.caseRule == .exact, generated: $0.generated) }
        wikidata = e.wikidata
        description_ = e.description
        country = e.country
        context = e.context
        sameAs = e.sameAs
        population = e.population
        source = e.source
    }

    /// The same entity with its names grouped by language (stable within a language): the
    /// lexicon formats list names by language, so they cannot keep an order across languages.
    var byLanguage: EntitySnapshot {
        var copy = self
        var order: [String] = []
        for n in names where !order.contains(n.language) { order.append(n.language) }
        copy.names = order.sorted().flatMap { lang in names.filter { $0.language == lang } }
        return copy
    }

    var description: String { "\(id) \(type) \(name) \(names.map { "\($0.language):\($0.text)\($0.generated ? "(generated)" : "")" })" }
}
