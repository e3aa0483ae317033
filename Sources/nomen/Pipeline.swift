import Foundation
import Nomen

/// Reads records, tags them on `jobs` threads and writes the results in input order,
/// with a fixed number of batches in flight so memory stays bounded whatever the
/// corpus size. One compiled tagger is shared; each thread has its own scanner and caches.
final class Pipeline: @unchecked Sendable {
    struct Stats {
        var documents = 0
        var failed = 0
        var skipped = 0
        var mentions = 0
        var bytes = 0
        var seconds = 0.0
    }

    let processor: DocumentProcessor
    let jobs: Int
    let skip: ResumeState
    static let batchRecords = 128
    static let batchBytes = 4 << 20

    private let lock = NSCondition()
    private var queue: [(seq: Int, records: [RecordSource.Record])] = []
    private var results: [Int: [DocumentProcessor.Result]] = [:]
    private var readerDone = false
    private var inFlight = 0

    init(processor: DocumentProcessor, jobs: Int, skip: ResumeState) {
        self.processor = processor
        self.jobs = jobs
        self.skip = skip
    }

    func process(_ r: RecordSource.Record) -> DocumentProcessor.Result {
        switch r.payload {
        case .json(let bytes):
            return processor.process(jsonLine: bytes, line: r.line)
        case .oversized(let size):
            return DocumentProcessor.Result(
                line: "{\"id\":null,\"error\":{\"code\":\"document-too-large\",\"message\":\(JSONText.quote("line of \(size) bytes is over the limit of \(processor.maxDocumentBytes) bytes (--max-doc-bytes)")),\"line\":\(r.line)}}",
                mentions: 0, failed: true)
        case .file(let path, let id):
            let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            guard let bytes else {
                return DocumentProcessor.Result(
                    line: "{\"id\":\(JSONText.quote(id)),\"error\":{\"code\":\"unreadable\",\"message\":\"cannot read the file\",\"line\":\(r.line)}}",
                    mentions: 0, failed: true)
            }
            return processor.process(textFile: bytes, id: id, line: r.line)
        }
    }

    func run(source: RecordSource, sink: OutputSink, progress: Progress) -> Stats {
        var stats = Stats()
        let start = Date()
        let maxInFlight = jobs * 2 + 2
        var workers: [Thread] = []
        for _ in 0..<jobs {
            let t = Thread { [self] in worker() }
            t.stackSize = 8 << 20
            t.start()
            workers.append(t)
        }
        // The writer runs on its own thread; this thread reads.
        let writerDone = DispatchSemaphore(value: 0)
        let writer = Thread { [self] in
            var next = 0
            while true {
                lock.lock()
                while results[next] == nil && !(readerDone && queue.isEmpty && inFlight == 0 && results.isEmpty) {
                    lock.wait()
                }
                guard let batch = results.removeValue(forKey: next) else {
                    lock.unlock()
                    break
                }
                inFlight -= 1
                lock.broadcast()
                lock.unlock()
                for r in batch {
                    sink.write(bytes: r.bytes)
                    written.documents += 1
                    written.mentions += r.mentions
                    if r.failed { written.failed += 1 }
                }
                sink.flush()
                next += 1
                progress.update(documents: written.documents, bytes: bytesDone.value, failed: written.failed)
            }
            writerDone.signal()
        }
        writer.start()

        var seq = 0
        var batch: [RecordSource.Record] = []
        var batchBytes = 0
        func submit() {
            guard !batch.isEmpty else { return }
            lock.lock()
            while inFlight >= maxInFlight { lock.wait() }
            queue.append((seq, batch))
            inFlight += 1
            lock.broadcast()
            lock.unlock()
            seq += 1
            batch = []
            batchBytes = 0
        }
        var seen = 0
        source.forEach { record in
            stats.bytes += record.bytes
            seen += 1
            if seen <= skip.skipCount {
                stats.skipped += 1
                return
            }
            // The record's bytes may live in a reused buffer: copy JSON lines into the batch.
            var r = record
            if case .json(let bytes) = record.payload { r = RecordSource.Record(payload: .json(ArraySlice(Array(bytes))), line: record.line, bytes: record.bytes) }
            batch.append(r)
            batchBytes += record.bytes
            if batch.count >= Self.batchRecords || batchBytes >= Self.batchBytes { submit() }
            bytesDone.add(record.bytes)
        }
        submit()
        lock.lock()
        readerDone = true
        lock.broadcast()
        lock.unlock()
        for _ in workers {}
        writerDone.wait()
        stats.documents = written.documents
        stats.failed = written.failed
        stats.mentions = written.mentions
        stats.seconds = Date().timeIntervalSince(start)
        return stats
    }

    private let bytesDone = AtomicCounter()
    /// Written by the writer thread only; read after it has finished.
    private var written = Stats()

    private func worker() {
        while true {
            lock.lock()
            while queue.isEmpty && !readerDone { lock.wait() }
            if queue.isEmpty && readerDone {
                lock.broadcast()
                lock.unlock()
                return
            }
            let job = queue.removeFirst()
            lock.unlock()
            let out = job.records.map(process)
            lock.lock()
            results[job.seq] = out
            lock.broadcast()
            lock.unlock()
        }
    }
}

/// A counter shared between threads.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var v = 0
    func add(_ n: Int) { lock.lock(); v += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return v }
}
