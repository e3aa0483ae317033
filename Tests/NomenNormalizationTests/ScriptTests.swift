import Testing
import NomenNormalization

@Suite struct ScriptTests {
    @Test(arguments: [
        ("Kabulov", "Latn"), ("Кабулов", "Cyrl"), ("Кабулову", "Cyrl"), ("ضمیر کابلوف", "Arab"),
        ("طالبان", "Arab"), ("塔利班", "Hani"), ("Taliban'a", "Latn"), ("Талібан", "Cyrl"),
        ("123 — !", "Zyyy"), ("ሰላም", "Ethi"), ("한국", "Hang"),
    ])
    func detectsTheScriptOfATextOrToken(_ text: String, _ expected: String) {
        #expect(Script.of(text).shortName == expected)
    }

    @Test func mixedTextHistogram() {
        let h = Script.histogram(of: "Russia Россия روسيا روسيا")
        #expect(h.first?.script == .arabic)
        #expect(h.map(\.script).contains(.cyrillic))
    }
}
