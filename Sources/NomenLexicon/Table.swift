#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory a ``Table`` reads from: its own allocation, or a mapped index file.
public final class TableStorage: @unchecked Sendable {
    public let base: UnsafeRawPointer
    public let byteCount: Int
    /// A mapped file's pages, which ``releaseResidentPages(_:)`` may drop.
    private let isMapped: Bool
    private let release: () -> Void

    init(base: UnsafeRawPointer, byteCount: Int, isMapped: Bool = false, release: @escaping () -> Void) {
        self.base = base
        self.byteCount = byteCount
        self.isMapped = isMapped
        self.release = release
    }

    deinit { release() }

    /// A copy of `bytes` in memory of its own, 16-byte aligned.
    static func copying(_ bytes: UnsafeRawBufferPointer) -> TableStorage {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        if let src = bytes.baseAddress, bytes.count > 0 { memory.copyMemory(from: src, byteCount: bytes.count) }
        return TableStorage(base: UnsafeRawPointer(memory), byteCount: bytes.count) { memory.deallocate() }
    }

    /// A file mapped read-only: its pages are the page cache's, shared between processes
    /// and read only when touched, so loading an index copies nothing.
    /// - Returns: nil when the file cannot be opened or mapped.
    public static func mapping(file path: String) -> TableStorage? {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 { return copying(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        return TableStorage(base: UnsafeRawPointer(p), byteCount: size, isMapped: true) { munmap(p, size) }
    }

    /// Drops a mapped file's pages in `range` (bytes, widened to whole pages) from this
    /// process; they stay in the page cache. Once the load has verified them, the process
    /// holds only the pages it reads again, which come back from the page cache without a
    /// disk read. Nothing for memory of its own.
    public func releaseResidentPages(_ range: Range<Int>? = nil) {
        let r = range ?? 0..<byteCount
        guard isMapped, r.lowerBound >= 0, r.upperBound <= byteCount, !r.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = r.lowerBound / page * page
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), r.upperBound - start, Int32(MADV_DONTNEED))
    }
}

/// An immutable array of plain values over a ``TableStorage``: built from a Swift array,
/// or viewing a section of a mapped index in place. Reads need no reference counting
/// and no copy, so one compiled index is shared by every thread at full speed.
public struct Table<Element: BitwiseCopyable>: RandomAccessCollection, Sendable {
    @usableFromInline let storage: TableStorage
    @usableFromInline let base: UnsafePointer<Element>
    public let count: Int

    public init(_ array: [Element]) {
        let s = array.withUnsafeBytes { TableStorage.copying($0) }
        storage = s
        base = s.base.assumingMemoryBound(to: Element.self)
        count = array.count
    }

    /// A view of `count` elements at `offset` bytes into `storage` (offset aligned for `Element`).
    init(storage: TableStorage, offset: Int, count: Int) {
        self.storage = storage
        base = (storage.base + offset).assumingMemoryBound(to: Element.self)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "table index out of range")
        return base[i]
    }

    /// Calls `body` with the elements as a buffer.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The elements as a Swift array.
    public var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

extension Table: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension Table: Equatable where Element: Equatable {
    public static func == (a: Table, b: Table) -> Bool { a.elementsEqual(b) }
}
