import Foundation
import Testing
import NomenTestSupport

/// The seed article, end to end: the README's first command gives F1 = 1.000 against its gold.
@Suite struct SeedTests {
    static let seed = "seeds/russia-recognizes-islamic-emirate"

    @Test func tagsTheSeedPerfectly() throws {
        let r = try CLI.run(["tag", "\(Self.seed).txt"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let entities = try #require(out?["entities"] as? [[String: Any]])
        #expect(entities.count >= 52)
        let eval = try CLI.run(["evaluate", "--gold", "\(Self.seed).gold.json", "--summary", "--min-f1", "1.0"])
        #expect(eval.status == 0, "\(eval.stdout)\(eval.stderr)")
        #expect(eval.stdout.contains("P=1.000 R=1.000 F1=1.000"))
    }

    @Test func theSecondForeignMinistryAndTheSupremeCourtAreRussias() throws {
        let r = try CLI.run(["tag", "\(Self.seed).txt", "--format", "jsonl"])
        let lines = r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let court = lines.first { $0["text"] as? String == "Supreme Court" }
        #expect(court?["id"] as? String == "supreme-court-of-russia")
        let ministries = lines.filter { ($0["text"] as? String)?.hasSuffix("Foreign Ministry") == true }
        #expect(ministries.count == 2)
        #expect(ministries.allSatisfy { $0["id"] as? String == "russian-foreign-ministry" })
        let dateline = lines.first { $0["text"] as? String == "ERBIL" }
        #expect(dateline?["id"] as? String == "erbil")
        let gulHasan = lines.first { $0["id"] as? String == "gul-hasan" }
        #expect(gulHasan?["text"] as? String == "Mawlawi Gul Hasan")
        #expect(gulHasan?["honorific"] as? String == "mawlawi")
    }
}
