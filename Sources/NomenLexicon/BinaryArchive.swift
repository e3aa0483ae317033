import Foundation

/// A versioned, checksummed container of named binary sections: the on-disk form of
/// a compiled lexicon index.
///
/// Layout (little-endian): the magic `NOMENIDX`, format version (UInt32), section
/// count (UInt32), payload length (UInt64), payload checksum (UInt64), then a
/// directory of sections (name: 24 bytes, offset: UInt64, length: UInt64), then the
/// payload with each section 64-byte aligned in the file (a reader needs 8). A reader checks the magic, version,
/// lengths and checksum before it trusts a byte, so a truncated or corrupted file is
/// rejected with an error and never read out of bounds.
public enum BinaryArchive {
    public static let magic: [UInt8] = Array("NOMENIDX".utf8)
    static let headerSize = 32
    static let directoryEntrySize = 40

    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }

    /// Collects sections, then writes them in one go.
    public struct Writer {
        var sections: [(name: String, bytes: [UInt8])] = []
        let version: UInt32

        public init(version: UInt32) { self.version = version }

        public mutating func add<T: BitwiseCopyable>(_ name: String, _ values: [T]) {
            let bytes = values.withUnsafeBytes { Array($0) }
            sections.append((name, bytes))
        }

        public mutating func add<T: BitwiseCopyable>(_ name: String, _ values: Table<T>) {
            let bytes = values.withUnsafeBufferPointer { Array(UnsafeRawBufferPointer($0)) }
            sections.append((name, bytes))
        }

        public mutating func add(_ name: String, strings: [String]) {
            var table = StringTable.Builder()
            for s in strings { table.append(s) }
            add("\(name).off", table.offsets)
            add("\(name).txt", table.bytes)
        }

        /// The archive in memory.
        public func data() -> Data {
            var out = Data()
            write { out.append(contentsOf: $0) }
            return out
        }

        /// Writes the archive to a file, section by section from where each is held (an
        /// index of 300 MB is not copied whole, nor more than once).
        /// - Throws: ``FormatError`` naming the file when it cannot be created or written.
        public func write(toFile path: String) throws {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw FormatError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
            var failure: Int32 = 0
            write { piece in
                var rest = piece
                while failure == 0 && !rest.isEmpty {
                    let n = Foundation.write(fd, rest.baseAddress!, rest.count)
                    if n < 0 { if errno != EINTR { failure = errno }; continue }
                    rest = UnsafeRawBufferPointer(rebasing: rest[n...])
                }
            }
            if close(fd) != 0 && failure == 0 { failure = errno }
            if failure != 0 { throw FormatError(message: "cannot write \(path): \(String(cString: strerror(failure)))") }
        }

        /// The archive, in pieces in file order, each handed to `sink`: the header, the
        /// directory, then each section after the zeros that align it. The checksum is
        /// computed over the same pieces first, so the header can hold it.
        func write(_ sink: (UnsafeRawBufferPointer) -> Void) {
            // Each section starts on a 64-byte boundary of the file (a cache line, when the
            // file is mapped at a page), so a table's entries split across lines no more
            // than their size makes them.
            let payloadStart = BinaryArchive.headerSize + sections.count * BinaryArchive.directoryEntrySize
            var directory: [UInt8] = []
            var padding: [Int] = []
            var offset = 0
            for (name, bytes) in sections {
                let pad = (64 - (payloadStart + offset) % 64) % 64
                padding.append(pad)
                offset += pad
                var nameBytes = Array(name.utf8.prefix(24))
                nameBytes += [UInt8](repeating: 0, count: 24 - nameBytes.count)
                directory += nameBytes
                directory += le(UInt64(offset))
                directory += le(UInt64(bytes.count))
                offset += bytes.count
            }
            let tail = (8 - offset % 8) % 8
            let bodyLength = directory.count + offset + tail
            let zeros = [UInt8](repeating: 0, count: 64)
            func body(_ emit: (UnsafeRawBufferPointer) -> Void) {
                directory.withUnsafeBytes(emit)
                for ((_, bytes), pad) in zip(sections, padding) {
                    zeros.withUnsafeBytes { emit(UnsafeRawBufferPointer(rebasing: $0[..<pad])) }
                    bytes.withUnsafeBytes(emit)
                }
                zeros.withUnsafeBytes { emit(UnsafeRawBufferPointer(rebasing: $0[..<tail])) }
            }
            var header = BinaryArchive.magic
            header += le(version)
            header += le(UInt32(sections.count))
            header += le(UInt64(bodyLength))
            // The checksum covers the header fields before it, so a flipped section count is caught too.
            var checksum = Checksum.Feed(length: UInt64(16 + bodyLength))
            header.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[8..<24])) }
            body { checksum.add($0) }
            header += le(checksum.value)
            header.withUnsafeBytes(sink)
            body(sink)
        }

        private func le<I: FixedWidthInteger>(_ v: I) -> [UInt8] {
            withUnsafeBytes(of: v.littleEndian) { Array($0) }
        }
    }

    /// A read, verified archive.
    public struct Reader: Sendable {
        private let storage: TableStorage
        private let sections: [String: Range<Int>]
        public let version: UInt32

        /// Verifies an archive held in memory (copied).
        public init(data bytes: [UInt8], expectedVersion: UInt32) throws {
            try self.init(storage: bytes.withUnsafeBytes { TableStorage.copying($0) }, expectedVersion: expectedVersion)
        }

        /// Verifies an archive in `storage` (a mapped file, typically).
        /// - Throws: ``FormatError`` for a wrong magic or version, a truncated file,
        ///   a checksum mismatch or a section outside the payload.
        public init(storage: TableStorage, expectedVersion: UInt32) throws {
            let bytes = UnsafeRawBufferPointer(start: storage.base, count: storage.byteCount)
            guard bytes.count >= BinaryArchive.headerSize, Array(bytes[0..<8]) == BinaryArchive.magic else {
                throw FormatError(message: "not a Nomen index (bad magic)")
            }
            let version = Self.read(UInt32.self, bytes, 8)
            guard version == expectedVersion else {
                throw FormatError(message: "index format version \(version), this nomen reads version \(expectedVersion): recompile it with `nomen lexicon compile`")
            }
            let count = Int(Self.read(UInt32.self, bytes, 12))
            let bodyLength = Self.read(UInt64.self, bytes, 16)
            let checksum = Self.read(UInt64.self, bytes, 24)
            guard bodyLength == UInt64(bytes.count - BinaryArchive.headerSize) else {
                throw FormatError(message: "index is truncated or has trailing bytes (expected \(bodyLength) bytes of body, found \(bytes.count - BinaryArchive.headerSize))")
            }
            var check = Checksum.State(length: bodyLength + 16)
            check.update(UnsafeRawBufferPointer(rebasing: bytes[8..<24]))
            // In slices, each dropped from the process once read (a mapped file's pages
            // stay in the page cache): reading every byte does not make them all resident.
            let slice = 8 << 20
            var at = BinaryArchive.headerSize
            while at < bytes.count {
                let end = min(bytes.count, at + slice)
                check.update(UnsafeRawBufferPointer(rebasing: bytes[at..<end]))
                storage.releaseResidentPages(at..<end)
                at = end
            }
            guard check.value == checksum else {
                throw FormatError(message: "index checksum mismatch: the file is corrupted")
            }
            let directorySize = count * BinaryArchive.directoryEntrySize
            guard count >= 0, directorySize <= bytes.count - BinaryArchive.headerSize else { throw FormatError(message: "index directory is truncated") }
            let payloadStart = BinaryArchive.headerSize + directorySize
            var sections: [String: Range<Int>] = [:]
            for i in 0..<count {
                let at = BinaryArchive.headerSize + i * BinaryArchive.directoryEntrySize
                let nameBytes = bytes[at..<(at + 24)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let offset = Self.read(UInt64.self, bytes, at + 24)
                let length = Self.read(UInt64.self, bytes, at + 32)
                let (start, o1) = UInt64(payloadStart).addingReportingOverflow(offset)
                let (end, o2) = start.addingReportingOverflow(length)
                guard !o1, !o2, end <= UInt64(bytes.count), start % 8 == 0 else {
                    throw FormatError(message: "index section \(name) lies outside the file")
                }
                sections[name] = Int(start)..<Int(end)
            }
            self.storage = storage
            self.sections = sections
            self.version = version
        }

        static func read<T: FixedWidthInteger>(_: T.Type, _ bytes: UnsafeRawBufferPointer, _ at: Int) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
        }

        /// A section as a table of `T`, viewing the archive in place.
        /// - Throws: ``FormatError`` when the section is missing or its length is not a multiple of `T`'s size.
        public func array<T: BitwiseCopyable>(_ name: String, of _: T.Type = T.self) throws -> Table<T> {
            guard let range = sections[name] else { throw FormatError(message: "index has no section \(name)") }
            let size = MemoryLayout<T>.stride
            guard range.count % size == 0 else { throw FormatError(message: "index section \(name) has a partial element") }
            return Table(storage: storage, offset: range.lowerBound, count: range.count / size)
        }

        /// A string table written with ``Writer/add(_:strings:)``.
        public func strings(_ name: String) throws -> StringTable {
            let table = StringTable(offsets: try array("\(name).off"), bytes: try array("\(name).txt"))
            guard table.isWellFormed else { throw FormatError(message: "index string table \(name) is malformed") }
            return table
        }
    }
}

/// Many strings in one byte buffer: compact, and loaded with one copy.
public struct StringTable: Sendable {
    public let offsets: Table<UInt32>
    public let bytes: Table<UInt8>

    public init(offsets: Table<UInt32>, bytes: Table<UInt8>) {
        self.offsets = offsets
        self.bytes = bytes
    }

    public var count: Int { max(0, offsets.count - 1) }

    /// Offsets start at 0, never decrease, and end inside the bytes.
    var isWellFormed: Bool {
        guard let first = offsets.first, first == 0, let last = offsets.last, Int(last) <= bytes.count else { return offsets.isEmpty }
        return offsets.withUnsafeBufferPointer { o in
            for i in 1..<o.count where o[i] < o[i - 1] { return false }
            return true
        }
    }

    public subscript(i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(offsets[i])..<Int(offsets[i + 1])]), as: UTF8.self) }
    }

    /// The bytes of string `i`.
    @inline(__always)
    public func range(_ i: Int) -> Range<Int> { Int(offsets[i])..<Int(offsets[i + 1]) }

    /// Reads string `i`'s offset and first byte, and returns the byte (0 when empty): a
    /// pass of these over many strings brings them into the cache with their misses
    /// overlapped, before a pass that uses them.
    @inline(__always)
    public func touch(_ i: Int) -> UInt8 {
        guard i >= 0, i < count else { return 0 }
        let start = Int(offsets[i])
        return start < bytes.count ? bytes[start] : 0
    }

    /// Calls `body` with the UTF-8 of string `i` (empty when out of range), no String made.
    @inline(__always)
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard i >= 0, i < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[Int(offsets[i])..<Int(offsets[i + 1])])) }
    }

    public struct Builder {
        public private(set) var offsets: [UInt32] = [0]
        public private(set) var bytes: [UInt8] = []
        public init() {}
        public mutating func append(_ s: String) {
            bytes.append(contentsOf: s.utf8)
            offsets.append(UInt32(bytes.count))
        }
        public mutating func append(bytes b: some Collection<UInt8>) {
            bytes.append(contentsOf: b)
            offsets.append(UInt32(bytes.count))
        }
        public func build() -> StringTable { StringTable(offsets: Table(offsets), bytes: Table(bytes)) }
    }
}

/// A fast 64-bit checksum (word-at-a-time multiply-mix), for detecting corruption.
///
/// Words go to four lanes in turn, each mixed on its own, so the multiplies of four words
/// run side by side instead of one after another: an index of 300 MB is checked at the
/// speed of reading memory. The lanes are folded into one value at the end.
public enum Checksum {
    /// A checksum fed in pieces; each piece but the last must be a multiple of 8 bytes long.
    public struct State {
        var lanes: (UInt64, UInt64, UInt64, UInt64)
        /// The lane of the next word.
        var next = 0

        public init(length: UInt64) {
            lanes = (0x9E37_79B9_7F4A_7C15 ^ length, 0xC2B2_AE3D_27D4_EB4F ^ length,
                     0x1656_67B1_9E37_79F9 ^ length, 0x85EB_CA77_C2B2_AE63 ^ length)
        }

        @inline(__always)
        static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            (h ^ w) &* 0x100_0000_01B3 &+ (h >> 29)
        }

        @inline(__always)
        mutating func word(_ w: UInt64) {
            switch next {
            case 0: lanes.0 = Self.mix(lanes.0, w)
            case 1: lanes.1 = Self.mix(lanes.1, w)
            case 2: lanes.2 = Self.mix(lanes.2, w)
            default: lanes.3 = Self.mix(lanes.3, w)
            }
            next = (next + 1) & 3
        }

        public mutating func update(_ raw: UnsafeRawBufferPointer) {
            var i = 0
            let n = raw.count
            while next != 0 && i + 8 <= n {
                word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            var (a, b, c, d) = lanes
            while i + 32 <= n {
                a = Self.mix(a, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = Self.mix(b, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = Self.mix(c, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = Self.mix(d, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
            lanes = (a, b, c, d)
            while i + 8 <= n {
                word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < n {
                lanes.0 = (lanes.0 ^ UInt64(raw[i])) &* 0x100_0000_01B3
                i += 1
            }
        }

        public var value: UInt64 {
            var h = lanes.0
            h = Self.mix(h, lanes.1)
            h = Self.mix(h, lanes.2)
            h = Self.mix(h, lanes.3)
            return h ^ (h >> 31)
        }
    }

    /// A checksum fed in pieces of any length: what is not yet a whole word waits for the
    /// next piece, so the value is that of the pieces run together.
    struct Feed {
        private var state: State
        private var pending: (UInt64, Int) = (0, 0)

        init(length: UInt64) { state = State(length: length) }

        mutating func add(_ raw: UnsafeRawBufferPointer) {
            var i = 0
            // Bytes waiting from the last piece, completed to a word first.
            while pending.1 > 0 && pending.1 < 8 && i < raw.count {
                pending.0 |= UInt64(raw[i]) << UInt64(8 * pending.1)
                pending.1 += 1
                i += 1
            }
            if pending.1 == 8 {
                withUnsafeBytes(of: pending.0.littleEndian) { state.update($0) }
                pending = (0, 0)
            }
            let words = (raw.count - i) / 8 * 8
            if words > 0 { state.update(UnsafeRawBufferPointer(rebasing: raw[i..<(i + words)])) }
            for k in (i + words)..<raw.count {
                pending.0 |= UInt64(raw[k]) << UInt64(8 * pending.1)
                pending.1 += 1
            }
        }

        var value: UInt64 {
            var s = state
            withUnsafeBytes(of: pending.0.littleEndian) { s.update(UnsafeRawBufferPointer(rebasing: $0[..<pending.1])) }
            return s.value
        }
    }

    public static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
        let array = Array(bytes)
        var state = State(length: UInt64(array.count))
        array.withUnsafeBytes { state.update($0) }
        return state.value
    }
}
