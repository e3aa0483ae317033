import Foundation

/// Finds lexicons, compiles them into a binary index, and reuses that index while no
/// source has changed.
///
/// The default lexicons are the files named in `Lexicons/DEFAULT` (one path a line,
/// relative to that folder). The `Lexicons` folder is found, in order, at
/// `$NOMEN_LEXICONS`, in the current folder or one of its parents, beside the
/// executable or one of its parents (a checkout's `.build/release/nomen`), and at
/// `<prefix>/share/nomen/Lexicons` for an installed binary (`<prefix>/bin/nomen`).
///
/// Compiled indexes are cached in `$NOMEN_CACHE_DIR`, else `$XDG_CACHE_HOME/nomen`,
/// else `~/.cache/nomen`, named by a hash of the source paths; an index whose sources
/// changed size or time, or that another build of nomen compiled, is rebuilt automatically.
public enum LexiconStore {
    public struct Error: Swift.Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The `Lexicons` folder, if one is found.
    public static func lexiconsDirectory() -> URL? {
        let fm = FileManager.default
        func isLexicons(_ url: URL) -> Bool { fm.fileExists(atPath: url.appendingPathComponent("DEFAULT").path) }
        if let env = ProcessInfo.processInfo.environment["NOMEN_LEXICONS"] {
            let url = URL(fileURLWithPath: env)
            if isLexicons(url) { return url }
        }
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        starts.append(exe.deletingLastPathComponent())
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Lexicons")
                if isLexicons(candidate) { return candidate }
                let installed = dir.appendingPathComponent("share/nomen/Lexicons")
                if isLexicons(installed) { return installed }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lexicons")
        return isLexicons(source) ? source : nil
    }

    /// The default lexicon paths.
    /// - Throws: ``Error`` when no `Lexicons` folder is found.
    public static func defaultPaths() throws -> [String] {
        guard let dir = lexiconsDirectory() else {
            throw Error(message: "no Lexicons folder found: run from a Nomen checkout, set NOMEN_LEXICONS, or pass --lexicon")
        }
        let manifest = (try? String(contentsOf: dir.appendingPathComponent("DEFAULT"), encoding: .utf8)) ?? ""
        return LexiconFiles.lines(manifest).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { dir.appendingPathComponent($0).path }
    }

    /// The honorifics list beside the curated lexicons, if present.
    public static func honorifics(near paths: [String]) -> HonorificList {
        var candidates = paths.map { URL(fileURLWithPath: $0) }.flatMap { [$0.appendingPathComponent("honorifics.yaml"), $0.deletingLastPathComponent().appendingPathComponent("honorifics.yaml")] }
        if let dir = lexiconsDirectory() { candidates.append(dir.appendingPathComponent("curated/honorifics.yaml")) }
        for c in candidates where FileManager.default.fileExists(atPath: c.path) {
            if let list = try? HonorificList.load(file: c.path) { return list }
        }
        return .empty
    }

    static func cacheDirectory() -> URL {
        let env = ProcessInfo.processInfo.environment
        if let d = env["NOMEN_CACHE_DIR"] { return URL(fileURLWithPath: d) }
        if let x = env["XDG_CACHE_HOME"] { return URL(fileURLWithPath: x).appendingPathComponent("nomen") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/nomen")
    }

    /// The source files behind `paths` with their sizes and times: what an index was built from.
    static func fingerprint(_ paths: [String]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { files.append("\(p)\tmissing"); continue }
            if isDir.boolValue, let walker = fm.enumerator(atPath: p) {
                while let rel = walker.nextObject() as? String {
                    let ext = (rel as NSString).pathExtension.lowercased()
                    if LexiconFiles.extensions.contains(ext) { files.append((p as NSString).appendingPathComponent(rel)) }
                }
            } else {
                files.append(p)
            }
        }
        func stamp(_ f: String) -> String {
            let attrs = try? fm.attributesOfItem(atPath: f)
            let size = (attrs?[.size] as? Int) ?? -1
            let time = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(f)\t\(size)\t\(Int(time * 1000))"
        }
        // The program that compiles is a source too: another build of nomen may compile
        // the same lexicons differently, so its cached index is not this one's.
        let compiler = Bundle.main.executableURL.map { "compiler\t" + stamp($0.resolvingSymlinksInPath().path) } ?? "compiler\tunknown"
        return files.sorted().map(stamp) + [compiler]
    }

    /// Loads the index for `paths` from the cache, or compiles and caches it.
    /// - Parameter residentMatcher: see ``NomenIndex/read(file:residentMatcher:)``.
    /// - Parameter progress: told what is happening, for long compiles.
    /// - Throws: ``LexiconError`` for bad lexicons, ``Error`` otherwise.
    public static func index(for paths: [String], residentMatcher: Bool = false, progress: ((String) -> Void)? = nil) throws -> NomenIndex {
        // A path that is itself a compiled index is read directly.
        if paths.count == 1, paths[0].hasSuffix(".nomenidx") {
            guard FileManager.default.fileExists(atPath: paths[0]) else {
                throw LexiconError([Diagnostic(.error, .unreadable, at: SourceLocation(file: paths[0], line: 1, column: 1), "no such file")])
            }
            return try NomenIndex.read(file: paths[0], residentMatcher: residentMatcher)
        }
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let fingerprint = fingerprint(absolute)
        let name = String(Checksum.of(Array(absolute.joined(separator: "\n").utf8)), radix: 16)
        let cache = cacheDirectory().appendingPathComponent("\(name).nomenidx")
        if let cached = try? NomenIndex.read(file: cache.path, residentMatcher: residentMatcher), cached.sources == fingerprint {
            return cached
        }
        progress?("compiling \(absolute.count) lexicon path(s)…")
        // Parse the paths as given, so diagnostics name files as the user wrote them.
        let index = try compile(paths: paths, fingerprint: fingerprint)
        try? FileManager.default.createDirectory(at: cacheDirectory(), withIntermediateDirectories: true)
        try? index.write(to: cache.path)
        return index
    }

    /// Parses and compiles lexicons.
    public static func compile(paths: [String], fingerprint: [String]? = nil) throws -> NomenIndex {
        let lexicon = try Lexicon.load(paths: paths, warnings: false)
        let honorifics = honorifics(near: paths)
        return NomenIndex.build(lexicon, honorifics: honorifics, sources: fingerprint ?? Self.fingerprint(paths))
    }
}
