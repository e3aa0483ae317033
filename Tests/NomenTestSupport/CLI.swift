import Foundation

/// Runs the built `nomen` binary, for end-to-end tests.
public enum CLI {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public let stdoutBytes: [UInt8]
    }

    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return dir
    }()

    /// The `nomen` executable beside the test bundle (SwiftPM's products folder).
    public static let executable: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("nomen"))
            dir = dir.deletingLastPathComponent()
        }
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("nomen")) }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/nomen"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// The folder that holds every file the test process writes, removed when the process
    /// exits, so repeated runs leave nothing behind in the system's temporary folder.
    public static let scratchRoot: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nomen-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nomen-tests-\(getpid())")
            try? FileManager.default.removeItem(at: dir)
        }
        return dir
    }()

    /// A cache folder private to the test run, so tests never share a compiled index
    /// with a user's, and parallel tests agree on one.
    public static let cacheDirectory: URL = {
        let dir = scratchRoot.appendingPathComponent("cache")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// Runs `nomen` (or another `program`: gzip, python3, java) with `arguments`, feeding
    /// `stdin`, from the repository root, with the tests' nomen cache.
    @discardableResult
    public static func run(_ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:],
                           currentDirectory: URL? = nil, program: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program ?? executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["NOMEN_CACHE_DIR"] = cacheDirectory.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while writing stdin, so a large output never deadlocks.
        let group = DispatchGroup()
        let out = DataBox()
        let err = DataBox()
        group.enter()
        DispatchQueue.global().async { out.data = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err.data = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: Data(stdin)) }
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out.data, as: UTF8.self),
                      stderr: String(decoding: err.data, as: UTF8.self), stdoutBytes: [UInt8](out.data))
    }

    /// Runs with text on stdin.
    @discardableResult
    public static func run(_ arguments: [String], input: String) throws -> Result {
        try run(arguments, stdin: Array(input.utf8))
    }

    /// A fresh temporary folder, inside ``scratchRoot``.
    public static func temporaryDirectory(_ name: String = "nomen-test") -> URL {
        let dir = scratchRoot.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Data written by one thread and read after it finished (the DispatchGroup orders them).
final class DataBox: @unchecked Sendable {
    var data = Data()
}
