#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's entry point for programs that have their own `main`.
///
/// SwiftPM renames an executable target's `main` (so its tests can link it), and
/// libFuzzer's own `main` then never runs; each target's `@main` calls this instead.
/// C signature: `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// A libFuzzer callback: called once per input; returns 0 (-1 keeps the input out of the corpus).
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

public enum Fuzz {
    /// Runs libFuzzer with the process's arguments (`-max_total_time=60 corpus/` …) and
    /// exits with its status: 0 when the run ended without a crash.
    public static func run(_ callback: FuzzCallback) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
        exit(status)
    }

    /// The input as a byte array (libFuzzer passes a null pointer for the empty input).
    @inline(__always)
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Traps with `message` when `condition` is false: libFuzzer records the input as a crash.
    ///
    /// Unlike `precondition`, it also fires in `-Ounchecked` builds, and the message
    /// names the property that broke.
    @inline(__always)
    public static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                             file: StaticString = #fileID, line: UInt = #line) {
        if !condition() {
            fail(message(), file: file, line: line)
        }
    }

    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        let text = "\n==FUZZ CHECK FAILED== \(file):\(line): \(message)\n"
        text.utf8CString.withUnsafeBufferPointer { buf in
            _ = write(2, buf.baseAddress, buf.count - 1)
        }
        abort()
    }

    /// A short, escaped rendering of a string for failure messages.
    public static func show(_ s: String, limit: Int = 200) -> String {
        var out = ""
        for (i, scalar) in s.unicodeScalars.enumerated() {
            if i >= limit { out += "…"; break }
            out += scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
                ? String(scalar) : scalar.escaped(asASCII: true)
        }
        return "\"\(out)\""
    }

    /// A folder for temporary files of this process, made once.
    public static let temporaryDirectory: String = {
        let base = (try? directoryExists("/dev/shm")) == true ? "/dev/shm" : "/tmp"
        let dir = "\(base)/nomen-fuzz-\(getpid())"
        mkdir(dir, 0o700)
        atexit { removeTemporaryDirectory() }
        return dir
    }()

    private static func directoryExists(_ path: String) throws -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Writes `bytes` to `name` in ``temporaryDirectory`` and returns its path.
    public static func writeTemporary(_ bytes: [UInt8], name: String) -> String {
        let path = "\(temporaryDirectory)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot create \(path)") }
        var written = 0
        bytes.withUnsafeBufferPointer { buf in
            while written < buf.count {
                let n = write(fd, buf.baseAddress! + written, buf.count - written)
                if n <= 0 { break }
                written += n
            }
        }
        close(fd)
        guard written == bytes.count else { fail("cannot write \(path)") }
        return path
    }
}

private func removeTemporaryDirectory() {
    let dir = Fuzz.temporaryDirectory
    if let d = opendir(dir) {
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink("\(dir)/\(name)") }
        }
        closedir(d)
    }
    rmdir(dir)
}
