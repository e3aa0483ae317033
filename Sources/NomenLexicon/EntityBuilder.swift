/// Checks the fields of one entity as a reader finds them, whatever the format, and
/// collects diagnostics instead of stopping at the first.
struct EntityBuilder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ code: Diagnostic.Code, _ loc: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, code, at: loc, message))
    }

    mutating func warning(_ code: Diagnostic.Code, _ loc: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, code, at: loc, message))
    }

    mutating func checkID(_ id: String?, at loc: SourceLocation) -> String? {
        guard let id else {
            error(.missingField, loc, "entity has no \"id\"")
            return nil
        }
        guard Entity.isValidID(id) else {
            error(.invalidID, loc, "malformed id \"\(id)\": use lowercase letters, digits and hyphens ([a-z0-9-]+)")
            return nil
        }
        return id
    }

    mutating func checkType(_ type: String?, at loc: SourceLocation, id: String) -> EntityType? {
        guard let type else {
            error(.missingField, loc, "entity \"\(id)\" has no \"type\"")
            return nil
        }
        guard let t = EntityType(type) else {
            error(.unknownType, loc, "unknown type \"\(type)\" (known: \(EntityType.known.sorted().joined(separator: ", ")))")
            return nil
        }
        return t
    }

    mutating func checkLanguage(_ tag: String, at loc: SourceLocation) -> Bool {
        if LanguageTag.isWellFormed(tag) { return true }
        error(.malformedLanguageTag, loc, "malformed language tag \"\(tag)\" (expected BCP 47, e.g. en, fa-AF, zh-Hant)")
        return false
    }

    mutating func checkName(_ text: String, at loc: SourceLocation, id: String) -> Bool {
        if text.allSatisfy({ $0.isWhitespace }) {
            error(.emptyName, loc, "empty name in entity \"\(id)\"")
            return false
        }
        if text.unicodeScalars.count > LexiconLimits.maxNameLength {
            error(.limitExceeded, loc, "name longer than \(LexiconLimits.maxNameLength) characters in entity \"\(id)\"")
            return false
        }
        return true
    }
}
