import Testing
import NomenLexicon
import NomenNormalization
import NomenTestSupport

/// The shipped honorifics and particles (Lexicons/curated/honorifics.yaml).
@Suite struct HonorificListTests {
    static let file = CLI.repositoryRoot.appendingPathComponent("Lexicons/curated/honorifics.yaml").path

    @Test func mawlawiHasLatinCyrillicAndArabicScriptForms() throws {
        let list = try HonorificList.load(file: Self.file)
        let mawlawi = try #require(list.honorifics.first { $0.key == "mawlawi" })
        let scripts = Set(mawlawi.forms.map { Script.of($0.text) })
        #expect(scripts.isSuperset(of: [.latin, .cyrillic, .arabic]))
        let forms = Set(mawlawi.forms.map(\.text))
        #expect(forms.isSuperset(of: ["Mawlawi", "Maulvi", "Мавлави", "مولوی"]))
        #expect(mawlawi.forms.contains { $0.language == "ps" && $0.text == "مولوي" })
        #expect(!mawlawi.follows && !mawlawi.alsoName)
    }

    @Test func positionsAndAlsoNameFlagsAreRead() throws {
        let list = try HonorificList.load(file: Self.file)
        let byKey = Dictionary(list.honorifics.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["akhund"]?.follows == true)
        #expect(byKey["akhund"]?.alsoName == true)
        #expect(byKey["sahib"]?.follows == true)
        #expect(byKey["sheikh"]?.alsoName == true)
        #expect(byKey["mullah"]?.follows == false)
        for key in ["mullah", "sheikh", "haji", "mawlawi"] {
            #expect(byKey[key] != nil, "\(key)")
        }
        #expect(Set(list.particles.map(\.key)).isSuperset(of: ["al", "bin", "ud-din", "ullah", "zada"]))
        // Every entry has forms, and every form is a well-formed language tag's non-empty name.
        for entry in list.honorifics + list.particles {
            #expect(!entry.forms.isEmpty, "\(entry.key)")
            for form in entry.forms {
                #expect(LanguageTag.isWellFormed(form.language), "\(entry.key): \(form.language)")
                let blank = form.text.allSatisfy { $0.isWhitespace }
                #expect(!blank, "\(entry.key)")
            }
        }
    }

    /// The folder walk skips honorifics.yaml: it is not a lexicon of entities.
    @Test func folderLoadingSkipsTheHonorifics() throws {
        let lexicon = try Lexicon.load(paths: [CLI.repositoryRoot.appendingPathComponent("Lexicons/curated").path], warnings: false)
        #expect(lexicon.entity(id: "mawlawi") == nil)
        #expect(!lexicon.entities.contains { $0.location?.file.hasSuffix("honorifics.yaml") == true })
    }

    @Test func missingFileThrowsUnreadable() {
        do {
            _ = try HonorificList.load(file: Fixture.path("no-honorifics.yaml"))
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.isMissingFile)
        } catch { Issue.record("\(error)") }
    }

    /// A syntax error is reported where it is, like the lexicon reader does (line 5, column 16).
    @Test func syntaxErrorNamesItsPlace() {
        let file = Fixture.path("broken/syntax.yaml")
        do {
            _ = try HonorificList.load(file: file)
            Issue.record("expected an error")
        } catch let e as LexiconError {
            #expect(e.errors.map(\.code) == [.syntax])
            #expect(e.errors.first?.location == Location(file: file, line: 5, column: 16))
        } catch { Issue.record("\(error)") }
    }

    /// An entry the list cannot use (no key, no forms) is reported, not silently dropped.
    @Test func malformedEntryIsReported() throws {
        let file = try Fixture.temporaryFile("honorifics.yaml", """
        honorifics:
        - key: mullah
          forms:
            en: [Mullah]
        - key: haji
          form:
            en: [Haji]
        particles: []

        """)
        #expect(throws: LexiconError.self) { try HonorificList.load(file: file) }
    }
}
