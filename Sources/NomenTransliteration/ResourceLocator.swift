import Foundation

/// Finds the data files shipped with Nomen without `Bundle.module`, whose accessor
/// stops the process when the bundle is missing (an installed binary copied alone).
///
/// Looks, in order, in `$NOMEN_DATA_DIR/<subpath>`, next to the executable
/// (`<dir>/<bundle>.resources/<subpath>`, where SwiftPM puts resources), in
/// `<dir>/../share/nomen/<subpath>` (an installed layout), and in the source tree the
/// module was built from.
public enum ResourceLocator {
    /// The folder holding `subpath`, or nil when none of the places has it.
    public static func directory(bundle: String, subpath: String, sourceFile: String) -> URL? {
        var candidates: [URL] = []
        if let dir = ProcessInfo.processInfo.environment["NOMEN_DATA_DIR"] {
            candidates.append(URL(fileURLWithPath: dir).appendingPathComponent(subpath))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let exeDir = executable.deletingLastPathComponent()
        candidates.append(exeDir.appendingPathComponent("\(bundle).resources").appendingPathComponent(subpath))
        candidates.append(exeDir.appendingPathComponent("\(bundle).bundle").appendingPathComponent(subpath))
        candidates.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/nomen").appendingPathComponent(subpath))
        if let main = Bundle.main.resourceURL {
            candidates.append(main.appendingPathComponent("\(bundle).resources").appendingPathComponent(subpath))
        }
        let source = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Resources").appendingPathComponent(subpath))
        var isDir: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue }
    }
}
