import Testing
import NomenLexicon
import NomenTestSupport

/// `same_as`: a curated entity absorbs the generated entities it names (merge/curated.yaml
/// and merge/generated.jsonl).
@Suite struct SameAsMergeTests {
    static func load() throws -> Lexicon {
        try Lexicon.load(paths: [Fixture.path("merge/curated.yaml"), Fixture.path("merge/generated.jsonl")])
    }

    @Test func absorbedGeneratedEntitiesDisappear() throws {
        let lexicon = try Self.load()
        #expect(lexicon.entities.map(\.id) == ["afghanistan", "islamic-republic-of-afghanistan", "kabul", "geonames-1140026"])
        #expect(lexicon.entity(id: "iso3166-af") == nil)
        #expect(lexicon.entity(id: "geonames-1138958") == nil)
    }

    @Test func curatedEntityAbsorbsTheGeneratedNames() throws {
        let lexicon = try Self.load()
        let afghanistan = try #require(lexicon.entity(id: "afghanistan"))
        // Its own names first, then the generated ones it lacked (by language and text), marked generated.
        #expect(afghanistan.names.map { "\($0.language):\($0.text)" } == ["en:Afghanistan", "ru:Афганистан", "de:Afghanistan", "es:Afganistán"])
        #expect(afghanistan.names.map(\.generated) == [false, false, true, true])
        #expect(afghanistan.isCurated)
        let kabul = try #require(lexicon.entity(id: "kabul"))
        #expect(kabul.names.map { "\($0.language):\($0.text)" } == ["en:Kabul", "und:Kabul", "und:Kabol", "und:Kaboul"])
        #expect(kabul.population == 3_043_532)
        #expect(kabul.country == "afghanistan")
    }

    /// iso-codes calls Afghanistan "Islamic Republic of Afghanistan", which the curated
    /// lexicon keeps as an entity of its own: that name is not absorbed.
    @Test func aNameThatAnotherCuratedEntityCarriesIsNotAbsorbed() throws {
        let lexicon = try Self.load()
        let afghanistan = try #require(lexicon.entity(id: "afghanistan"))
        #expect(!afghanistan.names.contains { $0.text == "Islamic Republic of Afghanistan" })
        let republic = try #require(lexicon.entity(id: "islamic-republic-of-afghanistan"))
        #expect(republic.names.map(\.text) == ["Islamic Republic of Afghanistan"])
    }

    @Test func generatedEntitiesPointAtTheCuratedCountry() throws {
        let lexicon = try Self.load()
        let herat = try #require(lexicon.entity(id: "geonames-1140026"))
        #expect(herat.country == "afghanistan")
        #expect(herat.source == "geonames")
    }

    /// Merging does not depend on the order the files are given in.
    @Test func orderOfFilesDoesNotMatter() throws {
        let reversed = try Lexicon.load(paths: [Fixture.path("merge/generated.jsonl"), Fixture.path("merge/curated.yaml")])
        let forward = try Self.load()
        for id in ["afghanistan", "kabul", "islamic-republic-of-afghanistan"] {
            #expect(Set(reversed.entity(id: id)?.names.map(\.text) ?? []) == Set(forward.entity(id: id)?.names.map(\.text) ?? []), "\(id)")
        }
        #expect(reversed.entity(id: "iso3166-af") == nil)
    }

    /// The shipped cities name their country; after loading with the countries and the
    /// curated lexicon, that reference must resolve to an entity (a country the curated
    /// lexicon absorbed, or a generated one), as it does for an imported GeoNames file.
    @Test func shippedCitiesReferToLoadedCountries() throws {
        let root = CLI.repositoryRoot
        let cities = root.appendingPathComponent("Lexicons/generated/cities15000.jsonl").path
        let text = try #require(try? String(contentsOfFile: cities, encoding: .utf8))
        let sample = text.split(separator: "\n").prefix(200).joined(separator: "\n") + "\n"
        let file = try Fixture.temporaryFile("cities-sample.jsonl", sample)
        let lexicon = try Lexicon.load(paths: [root.appendingPathComponent("Lexicons/curated").path,
                                               root.appendingPathComponent("Lexicons/generated/countries.jsonl").path, file],
                                       warnings: false)
        let ids = Set(lexicon.entities.map(\.id))
        let unresolved = lexicon.entities.filter { $0.source == "geonames" }.compactMap(\.country).filter { !ids.contains($0) }
        #expect(unresolved.isEmpty, "cities whose country is no loaded id, e.g. \(Array(Set(unresolved)).sorted().prefix(5))")
    }
}
