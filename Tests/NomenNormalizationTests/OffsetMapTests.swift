import Testing
import NomenNormalization

@Suite struct OffsetMapTests {
    @Test func convertsBetweenUnits() {
        let map = OffsetMap("Ж😀x")
        #expect(map.offset(2, in: .utf16) == 3)
        #expect(map.offset(2, in: .utf8) == 6)
        #expect(map.scalarOffset(3, from: .utf16) == 2)
        #expect(map.scalarOffset(2, from: .utf16) == nil)  // inside the surrogate pair
    }

    @Test func roundTripsOnRandomStrings() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let s = RandomText.string(using: &rng, length: Int.random(in: 0..<60, using: &rng))
            let map = OffsetMap(s)
            let scalars = Array(s.unicodeScalars)
            #expect(map.scalarCount == scalars.count)
            for i in 0...scalars.count {
                let u16 = map.offset(i, in: .utf16)
                let u8 = map.offset(i, in: .utf8)
                #expect(u16 == String(String.UnicodeScalarView(scalars[0..<i])).utf16.count)
                #expect(u8 == String(String.UnicodeScalarView(scalars[0..<i])).utf8.count)
                #expect(map.scalarOffset(u16, from: .utf16) == i)
                #expect(map.scalarOffset(u8, from: .utf8) == i)
            }
        }
    }

    @Test func foldedSpansStayInsideTheSourceOnRandomStrings() {
        var rng = SeededGenerator(seed: 11)
        let folder = Folder(.name)
        for _ in 0..<300 {
            let s = RandomText.string(using: &rng, length: Int.random(in: 0..<50, using: &rng))
            let folded = folder.fold(s)
            let count = s.unicodeScalars.count
            var previousStart = 0
            for i in folded.scalars.indices {
                let r = folded.sourceRange(of: i..<(i + 1))
                #expect(r.lowerBound >= previousStart && r.upperBound <= count && r.lowerBound < r.upperBound)
                previousStart = r.lowerBound
            }
        }
    }
}
