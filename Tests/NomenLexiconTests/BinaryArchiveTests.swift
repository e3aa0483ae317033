import Foundation
import Testing
import NomenLexicon
import NomenTestSupport

/// The container of compiled indexes: what is written is read back, and a damaged file is
/// rejected with a `FormatError`, never read out of bounds.
@Suite struct BinaryArchiveTests {
    static let version: UInt32 = 7

    static func sample() -> [UInt8] {
        var w = BinaryArchive.Writer(version: version)
        w.add("ints", [Int32(-1), 0, 1, Int32.max, Int32.min])
        w.add("bytes", [UInt8](arrayLiteral: 1, 2, 3))
        w.add("words", strings: ["Kabul", "", "Кабул", "کابل", "喀布尔"])
        w.add("empty", [UInt64]())
        w.add("doubles", [0.5, -2.25, Double.infinity])
        return Array(w.data())
    }

    static func expectFormatError(_ bytes: [UInt8], version: UInt32 = version, _ contains: String,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try BinaryArchive.Reader(data: bytes, expectedVersion: version)
            Issue.record("expected a FormatError (\(contains))", sourceLocation: sourceLocation)
        } catch let e as BinaryArchive.FormatError {
            #expect(e.message.contains(contains), "\(e.message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected a FormatError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func roundTrip() throws {
        let bytes = Self.sample()
        #expect(Array(bytes.prefix(8)) == BinaryArchive.magic)
        #expect(bytes.count % 8 == 0)
        let r = try BinaryArchive.Reader(data: bytes, expectedVersion: Self.version)
        #expect(r.version == Self.version)
        #expect(try r.array("ints", of: Int32.self) == [-1, 0, 1, Int32.max, Int32.min])
        #expect(try r.array("bytes", of: UInt8.self) == [1, 2, 3])
        #expect(try r.array("empty", of: UInt64.self) == [])
        #expect(try r.array("doubles", of: Double.self) == [0.5, -2.25, .infinity])
        let words = try r.strings("words")
        #expect(words.count == 5)
        #expect((0..<words.count).map { words[$0] } == ["Kabul", "", "Кабул", "کابل", "喀布尔"])
        // Out-of-range subscripts give "" rather than trapping.
        #expect(words[5] == "" && words[-1] == "")
    }

    /// A mapped file is checked slice by slice, each slice's pages dropped once read: a file
    /// of several slices still reads back whole, after its pages are dropped too, and a byte
    /// changed in a later slice is still caught.
    @Test func aMappedFileReadsBackAfterItsPagesAreDropped() throws {
        let values = (0..<(3 << 20)).map { UInt32(truncatingIfNeeded: $0 &* 2_654_435_761) } // 12 MB: two slices
        var w = BinaryArchive.Writer(version: Self.version)
        w.add("values", values)
        let bytes = Array(w.data())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nomen-mapped-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let storage = try #require(TableStorage.mapping(file: path))
        let reader = try BinaryArchive.Reader(storage: storage, expectedVersion: Self.version)
        storage.releaseResidentPages()
        let table = try reader.array("values", of: UInt32.self)
        #expect(table.count == values.count)
        #expect(table.elementsEqual(values))

        var damaged = bytes
        damaged[damaged.count - 100] ^= 1
        #expect(FileManager.default.createFile(atPath: path, contents: Data(damaged)))
        let damagedStorage = try #require(TableStorage.mapping(file: path))
        #expect(throws: BinaryArchive.FormatError.self) { try BinaryArchive.Reader(storage: damagedStorage, expectedVersion: Self.version) }
    }

    @Test func writingIsDeterministic() {
        #expect(Self.sample() == Self.sample())
    }

    @Test func missingSectionAndPartialElementAreErrors() throws {
        let r = try BinaryArchive.Reader(data: Self.sample(), expectedVersion: Self.version)
        #expect(throws: BinaryArchive.FormatError.self) { try r.array("nope", of: UInt8.self) }
        #expect(throws: BinaryArchive.FormatError.self) { try r.strings("nope") }
        // "bytes" holds 3 bytes: not a whole number of UInt32s.
        #expect(throws: BinaryArchive.FormatError.self) { try r.array("bytes", of: UInt32.self) }
    }

    @Test(arguments: [0, 8, 31, 32, 40, 100])
    func truncatedArchiveIsRejected(_ keep: Int) {
        let bytes = Self.sample()
        Self.expectFormatError(Array(bytes.prefix(keep)), keep < 32 ? "bad magic" : "truncated")
    }

    @Test func everyTruncationIsRejected() {
        let bytes = Self.sample()
        for keep in 0..<bytes.count {
            #expect(throws: BinaryArchive.FormatError.self, "kept \(keep) bytes") {
                try BinaryArchive.Reader(data: Array(bytes.prefix(keep)), expectedVersion: Self.version)
            }
        }
    }

    @Test func trailingBytesAreRejected() {
        Self.expectFormatError(Self.sample() + [0], "trailing")
    }

    /// Any changed byte after the header fails the checksum.
    @Test func everyFlippedBodyByteIsRejected() {
        let bytes = Self.sample()
        for i in 32..<bytes.count {
            var damaged = bytes
            damaged[i] ^= 0x5A
            Self.expectFormatError(damaged, "checksum")
        }
    }

    @Test func flippedChecksumIsRejected() {
        var bytes = Self.sample()
        bytes[24] ^= 1
        Self.expectFormatError(bytes, "checksum")
    }

    @Test func wrongVersionIsRejected() {
        Self.expectFormatError(Self.sample(), version: Self.version + 1, "version 7")
        var bytes = Self.sample()
        bytes[8] ^= 0x10
        Self.expectFormatError(bytes, "version")
    }

    @Test func wrongMagicIsRejected() {
        var bytes = Self.sample()
        bytes[0] = UInt8(ascii: "X")
        Self.expectFormatError(bytes, "bad magic")
        Self.expectFormatError(Array("PK\u{3}\u{4} not an index at all, but long enough to have a header".utf8), "bad magic")
    }

    /// A single flipped bit anywhere in the file, header included, is detected: the section
    /// count (bytes 12–15) is outside the checksum, and a count of 4 instead of 6 (one bit)
    /// would shift every section and read other bytes as data.
    @Test func everySingleBitFlipIsRejected() {
        let bytes = Self.sample()
        var undetected: [String] = []
        for i in 0..<bytes.count {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[i] ^= UInt8(1) << bit
                if (try? BinaryArchive.Reader(data: damaged, expectedVersion: Self.version)) != nil {
                    undetected.append("byte \(i) bit \(bit)")
                }
            }
        }
        #expect(undetected.isEmpty, "undetected flips: \(undetected)")
    }

    /// Whatever the section count says, nothing is read outside the file.
    @Test(arguments: [UInt32(0), 1, 4, 7, 20, 1000, UInt32.max])
    func wrongSectionCountNeverReadsOutOfBounds(_ count: UInt32) {
        var bytes = Self.sample()
        withUnsafeBytes(of: count.littleEndian) { for (k, b) in $0.enumerated() { bytes[12 + k] = b } }
        if let r = try? BinaryArchive.Reader(data: bytes, expectedVersion: Self.version) {
            _ = try? r.array("ints", of: Int32.self)
            _ = try? r.strings("words")
        }
    }

    /// Random bytes with a valid header and checksum: rejected or read, never a trap.
    @Test func randomBodiesWithAValidChecksumNeverTrap() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let count = UInt32.random(in: 0...6, using: &rng)
            let body = (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var bytes = BinaryArchive.magic
            withUnsafeBytes(of: Self.version.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: count.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: UInt64(body.count).littleEndian) { bytes += $0 }
            withUnsafeBytes(of: Checksum.of(body).littleEndian) { bytes += $0 }
            bytes += body
            if let r = try? BinaryArchive.Reader(data: bytes, expectedVersion: Self.version) {
                _ = try? r.strings("words")
                _ = try? r.array("ints", of: Int32.self)
            }
        }
    }

    @Test func stringTableRejectsMalformedOffsets() throws {
        var w = BinaryArchive.Writer(version: Self.version)
        w.add("bad.off", [UInt32(0), 10, 4])   // decreasing
        w.add("bad.txt", Array("abcdefghij".utf8))
        w.add("far.off", [UInt32(0), 99])      // past the bytes
        w.add("far.txt", Array("abc".utf8))
        w.add("start.off", [UInt32(2), 3])     // not starting at 0
        w.add("start.txt", Array("abc".utf8))
        let r = try BinaryArchive.Reader(data: Array(w.data()), expectedVersion: Self.version)
        for name in ["bad", "far", "start"] {
            #expect(throws: BinaryArchive.FormatError.self, "\(name)") { try r.strings(name) }
        }
    }

    @Test func checksumFedInPiecesEqualsTheWhole() {
        let bytes = (0..<301).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = Checksum.of(bytes)
        // Pieces of multiples of eight bytes, then the rest: as the reader feeds the header's
        // sixteen bytes and then the body. The words' lanes go on across pieces.
        for cut in stride(from: 0, through: 296, by: 8) {
            var state = Checksum.State(length: UInt64(bytes.count))
            bytes.withUnsafeBytes { raw in
                state.update(UnsafeRawBufferPointer(rebasing: raw[0..<cut]))
                state.update(UnsafeRawBufferPointer(rebasing: raw[cut...]))
            }
            #expect(state.value == whole, "cut at \(cut)")
        }
    }

    @Test func checksumSeesEveryOrderOfWords() {
        // Words in different lanes, and in the same lane, swapped: the checksum changes.
        let words: [UInt64] = (0..<8).map { 0x0101_0101_0101_0101 &* UInt64($0 + 1) }
        func sum(_ w: [UInt64]) -> UInt64 { Checksum.of(w.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }) }
        let original = sum(words)
        for a in 0..<words.count {
            for b in (a + 1)..<words.count {
                var swapped = words
                swapped.swapAt(a, b)
                #expect(sum(swapped) != original, "words \(a) and \(b) swapped")
            }
        }
    }

    @Test func stringIndexFindsManyStringsAndRejectsTheirNeighbours() {
        // Enough strings that probes meet other strings' slots (the hash tags tell them apart).
        let tokens = (0..<20_000).map { "w\($0 &* 7919 % 100_003)x" }
        let index = StringIndex.build(tokens)
        #expect(index.isConsistent)
        for (i, t) in tokens.enumerated() { #expect(index.id(of: t) == Int32(i)) }
        for i in 0..<20_000 where index.id(of: "w\(i)y") != -1 || index.id(of: "v\(i)x") != -1 {
            Issue.record("found a string never added: w\(i)y or v\(i)x")
        }
    }

    @Test func stringIndexFindsEveryStringAndNothingElse() {
        let tokens = ["kabul", "кабул", "کابل", "", "taliban", "喀布尔"]
        let index = StringIndex.build(tokens)
        for (i, t) in tokens.enumerated() { #expect(index.id(of: t) == Int32(i), "\(t)") }
        for t in ["kabu", "kabull", "Kabul", "talib"] { #expect(index.id(of: t) == -1, "\(t)") }
        #expect(StringIndex.build([]).id(of: "x") == -1)
    }

    /// An archive is written to its file section by section, its checksum fed in pieces
    /// that end inside words (sections of 13 and 14 bytes): the file reads back, checksum
    /// and all, and holds what the archive in memory holds.
    @Test func aFileWrittenSectionBySectionReadsBack() throws {
        var w = BinaryArchive.Writer(version: Self.version)
        w.add("odd", [UInt8](1...13))
        w.add("shorts", [UInt16](0..<7))
        w.add("words", strings: ["Kabul", "Кабул", "喀布尔"])
        w.add("longs", (0..<1_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nomen-written-\(UUID().uuidString).bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try w.write(toFile: path)
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(file == Array(w.data()))
        let r = try BinaryArchive.Reader(data: file, expectedVersion: Self.version)
        #expect(Array(try r.array("odd", of: UInt8.self)) == [UInt8](1...13))
        #expect(Array(try r.array("shorts", of: UInt16.self)) == [UInt16](0..<7))
        #expect(try r.array("longs", of: UInt64.self).last == 999 &* 0x9E37_79B9_7F4A_7C15)
        // A byte of the last section changed: the checksum of the pieces is the file's.
        var damaged = file
        damaged[damaged.count - 9] ^= 1
        Self.expectFormatError(damaged, "checksum")
    }

    @Test func aFileThatCannotBeCreatedIsAnErrorNamingIt() {
        let w = BinaryArchive.Writer(version: Self.version)
        let path = "/nonexistent-\(UUID().uuidString)/index.nomenidx"
        do {
            try w.write(toFile: path)
            Issue.record("expected an error")
        } catch let e as BinaryArchive.FormatError {
            #expect(e.message.hasPrefix("cannot create \(path)"), "\(e.message)")
        } catch { Issue.record("\(error)") }
    }
}
