import Testing
@testable import NomenLexicon

@Suite struct ProminenceTests {
    @Test func countsTheLanguagesOfAnEntitysNames() {
        let names = [NameVariant("Amir Khan Muttaqi", language: "en"), NameVariant("Amir Khan Mutaqi", language: "en"),
                     NameVariant("Амир Хан Муттаки", language: "ru"), NameVariant("امیر خان متقی", language: "fa"),
                     NameVariant("Muttaqi", language: "und")]
        let e = Entity(id: "amir-khan-muttaqi", type: .person, name: "Amir Khan Muttaqi", names: names)
        #expect(Prominence.languages(e) == 3)
        #expect(Prominence.languages(Entity(id: "x", type: .person, name: "X", names: [])) == 0)
    }

    @Test(arguments: [
        ([13, 2], 0),          // Muttaqi: the foreign minister and a namesake official
        ([2, 9], 1),           // in either order
        ([14, 4, 4, 3], nil),  // Sharif: the second is written in four languages, more than a quarter
        ([12, 3, 2], 0),
        ([7, 1], nil),         // too few languages to tell prominence
        ([9, 9], nil),
    ] as [([Int], Int?)])
    func dominatesOnlyByAWideMargin(_ counts: [Int], _ expected: Int?) {
        #expect(Prominence.dominant(counts.indices, languages: { counts[$0] }) == expected)
    }
}
