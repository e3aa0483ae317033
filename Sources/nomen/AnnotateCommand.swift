import ArgumentParser
import Foundation
import Nomen

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate a corpus: JSONL, folders of .txt files, gzip, or standard input, on all cores.",
        discussion: """
        Input: JSONL ({"id", "text", ...} a line; other fields are carried through), a folder of .txt files
        (recursive; the id is the relative path), a .gz of either, or - for standard input.
        Output: one JSONL line per input line, in input order: {"id", ..., "entities": [...]} or
        {"id", "error": {"code", "message", "line"}}. Exit 0 when every document succeeded, 65 when any
        failed, after all were processed. With --output the file appears only when complete
        (written as FILE.partial, then renamed); --resume continues a run that was interrupted.
          nomen annotate corpus.jsonl --output annotated.jsonl
          cat corpus.jsonl | nomen annotate - > annotated.jsonl      # a streaming filter (Spark, parallel)
        """
    )

    @Argument(help: "Inputs: .jsonl, .jsonl.gz, folders of .txt, or - for standard input.")
    var inputs: [String] = ["-"]

    @Option(help: "Write here instead of standard output.")
    var output: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Continue an interrupted run: skip documents already in --output, append the rest.")
    var resume = false

    @Option(name: .customLong("max-doc-bytes"), help: "Documents (lines) larger than this become error records.")
    var maxDocBytes: Int = 64 << 20

    @Option(help: "Offset unit: scalar, utf16, utf8.")
    var offsets: OffsetUnit = .scalar

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resume && output == nil { throw ValidationError("--resume needs --output") }
        if maxDocBytes < 1 { throw ValidationError("--max-doc-bytes must be positive") }
    }

    func run() throws {
        for input in inputs where input != "-" {
            if !FileManager.default.fileExists(atPath: input) { throw fail(input, "no such file or folder", status: ExitStatus.noInput) }
            if !FileManager.default.isReadableFile(atPath: input) { throw fail(input, "cannot read (permission denied)", status: ExitStatus.noInput) }
        }
        let index = try lexicons.index()
        let tagger = Tagger(index: index)
        lexicons.checkDataFiles(tagger)
        let processor = DocumentProcessor(tagger: tagger, unit: offsets, maxDocumentBytes: maxDocBytes)
        let sink: OutputSink
        var done = ResumeState()
        do {
            if let output {
                if resume { done = try ResumeState.read(output) }
                sink = try OutputSink(path: output, keeping: done.keptLines)
            } else {
                sink = OutputSink()
            }
        } catch let e as ExitCode { throw e } catch {
            throw fail(output ?? "<stdout>", "\(error)", status: ExitStatus.failure)
        }
        let sources = RecordSource(inputs: inputs, maxRecordBytes: maxDocBytes)
        let progress = Progress(enabled: !lexicons.quiet && isatty(2) == 1, totalBytes: sources.totalBytes)
        let pipeline = Pipeline(processor: processor, jobs: jobs, skip: done)
        let stats = pipeline.run(source: sources, sink: sink, progress: progress)
        progress.finish()
        do { try sink.finish() } catch {
            throw fail(output ?? "<stdout>", "cannot write: \(error)", status: ExitStatus.failure)
        }
        for problem in sources.problems { printError(problem) }
        if !lexicons.quiet {
            let seconds = max(stats.seconds, 1e-9)
            printError(String(format: "nomen: %d documents (%d failed, %d skipped), %d mentions, %.1f MB in %.2f s: %.0f docs/s, %.2f MB/s",
                              stats.documents, stats.failed, stats.skipped, stats.mentions, Double(stats.bytes) / 1e6, seconds,
                              Double(stats.documents) / seconds, Double(stats.bytes) / 1e6 / seconds))
        }
        if stats.failed + done.failedKept > 0 || !sources.problems.isEmpty { throw ExitCode(ExitStatus.dataError) }
    }
}

/// What an earlier, interrupted run already wrote.
///
/// Output lines are written in input order, one per input record, so the complete
/// lines of the earlier output stand for the first records of the input: a resumed run
/// keeps them, skips that many records and appends the rest. (Matching by id instead
/// would lose or repeat documents whose ids repeat or are missing.)
struct ResumeState {
    var keptLines: [String] = []
    /// Whether a kept line is an error record: the exit status counts it.
    var failedKept = 0

    /// Reads the partial output an interrupted run left, or the complete one; drops a
    /// truncated last line.
    static func read(_ output: String) throws -> ResumeState {
        var state = ResumeState()
        let path = FileManager.default.fileExists(atPath: output + ".partial") ? output + ".partial" : output
        guard let data = FileManager.default.contents(atPath: path) else { return state }
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count {
            guard let nl = bytes[start...].firstIndex(of: 0x0A) else { break } // a truncated last line is dropped
            let line = bytes[start..<nl]
            start = nl + 1
            if let members = try? JSONObjectScanner.members(line), members.contains(where: { $0.key == "error" }) {
                state.failedKept += 1
            }
            state.keptLines.append(String(decoding: line, as: UTF8.self))
        }
        return state
    }

    /// How many records of the input the kept lines stand for.
    var skipCount: Int { keptLines.count }
}

/// Where output lines go: standard output, or FILE.partial renamed to FILE when complete.
final class OutputSink {
    private let handle: FileHandle
    private let path: String?
    private var buffer: [UInt8] = []

    init() {
        handle = FileHandle.standardOutput
        path = nil
    }

    init(path: String, keeping lines: [String]) throws {
        self.path = path
        let partial = path + ".partial"
        FileManager.default.createFile(atPath: partial, contents: nil)
        guard let h = FileHandle(forWritingAtPath: partial) else {
            throw fail(partial, "cannot create", status: ExitStatus.failure)
        }
        handle = h
        try h.truncate(atOffset: 0)
        for l in lines { write(bytes: Array(l.utf8)) }
        flush()
    }

    /// Writes one line given as UTF-8 (without its newline).
    func write(bytes line: [UInt8]) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
    }

    /// Writes what is buffered: after every batch, so a streaming consumer sees it.
    func flush() {
        if buffer.isEmpty { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        flush()
        guard let path else { return }
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
    }
}

/// A live progress line on stderr (only on a terminal).
final class Progress: @unchecked Sendable {
    let enabled: Bool
    let totalBytes: Int?
    private let start = Date()
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    func update(documents: Int, bytes: Int, failed: Int) {
        guard enabled, Date().timeIntervalSince(last) >= 0.25 else { return }
        last = Date()
        let t = max(Date().timeIntervalSince(start), 1e-6)
        var line = String(format: "\r%d docs · %.1f MB · %.0f docs/s · %.2f MB/s · %d errors", documents, Double(bytes) / 1e6,
                          Double(documents) / t, Double(bytes) / 1e6 / t, failed)
        if let total = totalBytes, bytes > 0, total > bytes {
            let eta = Double(total - bytes) / (Double(bytes) / t)
            line += String(format: " · ETA %d:%02d", Int(eta) / 60, Int(eta) % 60)
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        shown = true
    }

    func finish() {
        if enabled && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
