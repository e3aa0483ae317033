import ArgumentParser
import Foundation
import Nomen

/// Exit statuses (sysexits): what scripts rely on.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
}

/// Writes to standard error, unbuffered.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}

/// Reports `message` as `place: error: message` on stderr and exits with `status`.
func fail(_ place: String, _ message: String, status: Int32) -> ExitCode {
    printError("\(place): error: \(message)")
    return ExitCode(status)
}

/// Reports lexicon diagnostics and returns the exit code they call for.
func report(_ error: LexiconError) -> ExitCode {
    for d in error.diagnostics { printError(d.description) }
    return ExitCode(error.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError)
}

/// Standard output, buffered: data goes here, diagnostics to stderr.
final class Output {
    static let shared = Output()
    private var buffer: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a whole input (a file, or `-` for standard input) as UTF-8 text.
/// - Throws: `ExitCode` 66 for a missing or unreadable input, 65 for invalid UTF-8 or a
///   file over the size limit, after printing `path:line:column: error: …`.
func readInput(_ path: String, limit: Int = Limits.maxDocumentBytes) throws -> String {
    let name = path == "-" ? "<stdin>" : path
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw fail(name, "no such file", status: ExitStatus.noInput)
        }
        if isDir.boolValue { throw fail(name, "is a folder, expected a file", status: ExitStatus.noInput) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail(name, "cannot open (permission denied?)", status: ExitStatus.noInput)
        }
        defer { try? handle.close() }
        data = (try? handle.readToEnd()) ?? Data()
    }
    if data.count > limit {
        throw fail(name, "input of \(data.count) bytes is over the limit of \(limit) bytes (--max-doc-bytes)", status: ExitStatus.dataError)
    }
    if data.count >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
        throw fail("\(name):1:1", "input is UTF-16 (byte order mark \(String(format: "%02X %02X", data[0], data[1]))); convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8", status: ExitStatus.dataError)
    }
    if LineReader.looksLikeUTF16(ArraySlice(data.prefix(200))) {
        throw fail("\(name):1:1", "input looks like UTF-16 without a byte order mark (NUL in every other byte); convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8", status: ExitStatus.dataError)
    }
    do {
        return try UTF8Validation.decode(data)
    } catch let e as InvalidUTF8 {
        throw fail("\(name):\(e.line):\(e.column)", "invalid UTF-8 at byte offset \(e.byteOffset)", status: ExitStatus.dataError)
    }
}

/// The documented limits of the command-line tool.
enum Limits {
    /// Largest document `tag` and `annotate` accept by default (bytes).
    static let maxDocumentBytes = 256 << 20
}
