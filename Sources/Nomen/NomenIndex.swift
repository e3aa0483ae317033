import Foundation

/// A compiled lexicon set: the tagger's automaton and tables and the matcher's keys,
/// with the list of sources it was built from. Written and read as one binary file.
public final class NomenIndex: Sendable {
    public let tagger: CompiledLexicon
    public let matcher: MatcherIndex
    /// "path<TAB>size<TAB>mtime" of each source file.
    public let sources: [String]

    init(tagger: CompiledLexicon, matcher: MatcherIndex, sources: [String]) {
        self.tagger = tagger
        self.matcher = matcher
        self.sources = sources
    }

    /// Compiles parsed lexicons.
    /// The tagger's part and the matcher's read the lexicon and nothing of each other: they
    /// are built side by side, the tagger's on a thread of its own (each thread has its own
    /// transliterators and caches), so a compile takes the longer of the two, not their sum.
    public static func build(_ lexicon: Lexicon, honorifics: HonorificList, sources: [String] = []) -> NomenIndex {
        let (matcher, compiled) = bothAtOnce({ MatcherIndex.build(lexicon, honorifics: honorifics) },
                                             { CompiledLexicon.compile(lexicon, honorifics: honorifics) })
        return NomenIndex(tagger: compiled, matcher: matcher, sources: sources)
    }

    public func write(to path: String) throws {
        var w = BinaryArchive.Writer(version: CompiledLexicon.formatVersion &* 100 &+ MatcherIndex.formatVersion)
        tagger.write(into: &w)
        matcher.write(into: &w)
        w.add("sources", strings: sources)
        let tmp = path + ".tmp-\(getpid())"
        do { try w.write(toFile: tmp) } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: tmp, toPath: path)
    }

    /// Reads and verifies an index file.
    /// - Parameter residentMatcher: keep the pages of the matcher's tables in the process
    ///   once its checks have read them, for a process that looks up names (every lookup
    ///   reads postings all over them), instead of dropping them as tagging does.
    /// - Throws: ``BinaryArchive/FormatError`` for a truncated, corrupted or foreign file.
    public static func read(file: String, residentMatcher: Bool = false) throws -> NomenIndex {
        // Mapped, not read: the tables view the file's pages in place, shared with the
        // page cache and with other processes that map the same index.
        guard let storage = TableStorage.mapping(file: file) else {
            throw BinaryArchive.FormatError(message: "cannot read index \(file)")
        }
        let reader = try BinaryArchive.Reader(storage: storage, expectedVersion: CompiledLexicon.formatVersion &* 100 &+ MatcherIndex.formatVersion)
        // Each part's checks read its tables whole; the pages they made resident are dropped
        // after each (see TableStorage.releaseResidentPages), so the peak is one part's, not
        // the file's, and tagging brings back only the pages it reads.
        let tagger = try CompiledLexicon.read(from: reader)
        storage.releaseResidentPages()
        let matcher = try MatcherIndex.read(from: reader, entityCount: tagger.entityCount)
        // Dropped, the pages come back one fault at a time: for lookups, a few hundred
        // faults the first time a long postings list is read (the slowest queries' time).
        if !residentMatcher { storage.releaseResidentPages() }
        let sources = try reader.strings("sources")
        return NomenIndex(tagger: tagger, matcher: matcher, sources: (0..<sources.count).map { sources[$0] })
    }
}
