import Testing
@testable import NomenTagger

/// Numbers in the fields `annotate` carries: what RFC 8259's grammar allows and a strict
/// reader (Foundation's) can read back is accepted; a number beyond a Double's range is not.
@Suite struct JSONObjectScannerTests {
    static func accepts(_ line: String) -> Bool {
        (try? JSONObjectScanner.members(Array(line.utf8)[...])) != nil
    }

    @Test(arguments: ["1e308", "-1.7976931348623157e308", "1e-999", "12345678901234567890123", "0.000000000000000000000000000001", "-0", "5"])
    func numbersInRangeAreAccepted(_ n: String) {
        #expect(Self.accepts("{\"text\":\"Kabul\",\"n\":\(n)}"))
    }

    @Test(arguments: ["1e309", "-1e309", "1.5e5555", "1" + String(repeating: "0", count: 400)])
    func numbersBeyondADoubleAreRefused(_ n: String) {
        #expect(!Self.accepts("{\"text\":\"Kabul\",\"n\":\(n)}"))
        #expect(!Self.accepts("{\"text\":\"Kabul\",\"meta\":{\"list\":[1,\(n)]}}"))
    }

    @Test func theErrorSaysWhy() throws {
        do {
            _ = try JSONObjectScanner.members(Array("{\"n\":1e999}".utf8)[...])
            Issue.record("1e999 was accepted")
        } catch JSONObjectScanner.Failure.syntax(let offset, let reason) {
            #expect(reason == "number out of range")
            #expect(offset == 5)
        }
    }
}
