import NomenNormalization

/// The curator's warnings: things that load but deserve a look.
enum LexiconValidator {
    /// Punctuation that ends a name in running text (the tagger's breakers).
    static let breaking = Set(",;:!?()[]{}،؛؟、，；：！？（）".unicodeScalars)
    /// Dashes (en, em, horizontal bar), which the tagger reads as relating two names.
    static let dashes = Set("\u{2013}\u{2014}\u{2015}".unicodeScalars)

    /// The dash that ends a name in running text, and whether it does so by standing before a
    /// word with case (else by a space beside it), or nil. A dash before a word of a script
    /// with case relates two names (the Pakistan–Taliban talks: China–Pakistan Economic
    /// Corridor is never read as one name); a dash beside a space ends a name in any script
    /// (Сила Сибири — 2).
    static func breakingDash(_ text: String) -> (dash: Unicode.Scalar, beforeCasedWord: Bool)? {
        let scalars = Array(text.unicodeScalars)
        func cased(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.isCased }
        func space(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.isWhitespace }
        let positions = scalars.indices.filter { dashes.contains(scalars[$0]) }
        if let k = positions.first(where: { cased($0 + 1) }) { return (scalars[k], true) }
        if let k = positions.first(where: { space($0 - 1) || space($0 + 1) }) { return (scalars[k], false) }
        return nil
    }

    /// The name without the one word in brackets that ends it (Janata Dal of Janata Dal
    /// (United), Pakistan Muslim League of Pakistan Muslim League (Nawaz)): the tagger reads
    /// such a word as the name's, since the word before the bracket and it are a pair the
    /// compiled lexicon keeps. Other names are returned whole.
    static func withoutBracketedWord(_ text: String) -> Substring {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return Substring(text) }
        let word = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let before = text[..<open]
        guard !word.isEmpty, !word.contains(where: { $0.isWhitespace || $0 == "(" }), before.hasSuffix(" "),
              before.contains(where: \.isLetter) else { return Substring(text) }
        return before
    }

    static func warnings(_ entities: [Entity]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let folder = Folder(.name)
        var owners: [String: (id: String, at: SourceLocation?)] = [:]
        for e in entities {
            for v in e.names {
                let at = v.location ?? e.location ?? SourceLocation(file: "?", line: 1, column: 1)
                let key = folder.key(v.text).filter { !$0.isWhitespace && !$0.isPunctuation }
                if key.isEmpty {
                    out.append(Diagnostic(.warning, .emptyAfterNormalization, at: at, "name \"\(v.text)\" of \"\(e.id)\" normalises to nothing"))
                    continue
                }
                // The tagger reads a comma, a colon, a bracket … as the end of a name: a name that
                // has one is never found in running text.
                if e.isCurated, !v.generated, let p = Self.withoutBracketedWord(v.text).unicodeScalars.first(where: { Self.breaking.contains($0) }) {
                    out.append(Diagnostic(.warning, .breakingPunctuation, at: at,
                                          "name \"\(v.text)\" of \"\(e.id)\" has \"\(p)\", which ends a name in running text: the tagger never finds it"))
                }
                if e.isCurated, !v.generated, let (dash, beforeCasedWord) = breakingDash(v.text) {
                    let place = beforeCasedWord ? "before a word with case" : "beside a space"
                    out.append(Diagnostic(.warning, .breakingPunctuation, at: at,
                                          "name \"\(v.text)\" of \"\(e.id)\" has \"\(dash)\" \(place), which ends a name in running text: the tagger never finds it"
                                          + (beforeCasedWord ? " (write a hyphen)" : "")))
                }
                // Generated names (GeoNames, iso-codes) are many and untagged by language: only curated ones are checked.
                if !v.generated, e.isCurated, let expected = LanguageTag.expectedScripts(v.language) {
                    let script = Script.of(v.text)
                    if script != .common, !expected.contains(script) {
                        out.append(Diagnostic(.warning, .scriptMismatch, at: at,
                                              "name \"\(v.text)\" of \"\(e.id)\" is in \(script.name) script, unusual for language \"\(v.language)\""))
                    }
                }
                if !e.isCurated { continue }
                let folded = folder.key(v.text)
                if let owner = owners[folded], owner.id != e.id, !v.ambiguous {
                    out.append(Diagnostic(.warning, .sharedName, at: at,
                                          "name \"\(v.text)\" of \"\(e.id)\" is also a name of \"\(owner.id)\"\(owner.at.map { " (at \($0))" } ?? ""): mark it ambiguous or remove one"))
                } else if owners[folded] == nil {
                    owners[folded] = (e.id, at)
                }
            }
        }
        return out
    }
}
