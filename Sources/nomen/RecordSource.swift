import Foundation
import Nomen

/// Reads the records of `nomen annotate`'s inputs in order: JSONL lines (from files,
/// gzip files through `gzip -dc`, or standard input) and the .txt files of folders.
final class RecordSource {
    enum Payload {
        case json(ArraySlice<UInt8>)
        case file(path: String, id: String)
        /// A line over the size limit, of this many bytes, not held in memory.
        case oversized(Int)
    }

    struct Record {
        let payload: Payload
        /// 1-based line of a JSONL input, or the file's number in its folder.
        let line: Int
        /// Input bytes it stands for (for progress).
        let bytes: Int
    }

    let inputs: [String]
    let maxRecordBytes: Int
    /// Input problems that are not documents (an unreadable gzip stream), reported at the end.
    private(set) var problems: [String] = []

    init(inputs: [String], maxRecordBytes: Int) {
        self.inputs = inputs
        self.maxRecordBytes = maxRecordBytes
    }

    /// Total input size when every input is a plain file or folder (for an ETA).
    var totalBytes: Int? {
        var total = 0
        for input in inputs {
            if input == "-" || input.hasSuffix(".gz") { return nil }
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: input, isDirectory: &isDir)
            if isDir.boolValue {
                for f in textFiles(input) { total += fileSize(f.path) }
            } else {
                total += fileSize(input)
            }
        }
        return total
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private func textFiles(_ folder: String) -> [(path: String, id: String)] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [(String, String)] = []
        while let rel = walker.nextObject() as? String {
            if rel.hasSuffix(".txt") { out.append(((folder as NSString).appendingPathComponent(rel), rel)) }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    /// Calls `body` with every record, in order.
    func forEach(_ body: (Record) -> Void) {
        for input in inputs {
            var isDir: ObjCBool = false
            if input != "-", FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue {
                for (n, f) in textFiles(input).enumerated() {
                    body(Record(payload: .file(path: f.path, id: f.id), line: n + 1, bytes: fileSize(f.path)))
                }
                continue
            }
            if input.hasSuffix(".gz") {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "exec gzip -dc -- \"$0\"", input]
                let pipe = Pipe()
                let errors = Pipe()
                process.standardOutput = pipe
                process.standardError = errors
                do { try process.run() } catch {
                    problems.append("\(input): error: cannot run gzip: \(error)")
                    continue
                }
                readLines(fd: pipe.fileHandleForReading.fileDescriptor, body)
                process.waitUntilExit()
                if process.terminationStatus != 0 {
                    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    problems.append("\(input): error: gzip stream is damaged or truncated (\(message)); the documents before the damage were annotated")
                }
                continue
            }
            if input == "-" {
                readLines(fd: 0, body)
            } else {
                let fd = open(input, O_RDONLY)
                if fd < 0 {
                    problems.append("\(input): error: cannot open")
                    continue
                }
                readLines(fd: fd, body)
                close(fd)
            }
        }
    }

    /// Splits a stream into lines; a line longer than the limit is reported as one
    /// oversized record without being held in memory whole.
    private func readLines(fd: Int32, _ body: (Record) -> Void) {
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var pending: [UInt8] = []
        var oversized = 0
        var line = 0
        func emit(_ bytes: ArraySlice<UInt8>) {
            line += 1
            var content = bytes
            if content.last == 0x0D { content = content.dropLast() }
            // A byte order mark before the first line (Windows tools write one) is not part of it.
            if line == 1, content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
            body(Record(payload: .json(content), line: line, bytes: bytes.count + 1))
        }
        func emitOversized() {
            line += 1
            body(Record(payload: .oversized(oversized), line: line, bytes: oversized))
            oversized = 0
        }
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var start = 0
            while start < n {
                // memchr: the libc scan, many bytes at a time (firstIndex(of:) goes byte by byte).
                let newline = buffer.withUnsafeBufferPointer { b in
                    memchr(b.baseAddress! + start, 0x0A, n - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) }
                }
                if let nl = newline {
                    if oversized > 0 {
                        oversized += nl - start
                        emitOversized()
                    } else if pending.isEmpty {
                        emit(buffer[start..<nl])
                    } else {
                        pending += buffer[start..<nl]
                        emit(pending[...])
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = nl + 1
                } else {
                    if oversized > 0 {
                        oversized += n - start
                    } else {
                        pending += buffer[start..<n]
                        if pending.count > maxRecordBytes {
                            oversized = pending.count
                            pending = []
                        }
                    }
                    start = n
                }
            }
        }
        if oversized > 0 { emitOversized() }
        else if !pending.isEmpty { emit(pending[...]) }
    }
}
