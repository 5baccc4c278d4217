import Foundation

/// Reference lists shipped with RoundsCore (Resources/data, sources and licences in its README): US first
/// names and surnames, and the US ZIP codes with their cities and counties. The identifier guard reads
/// them; the app reads them for passwords and distances.
public enum ReferenceData {
    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "The bundled resource data/\(self.name) is missing; the build is broken." }
    }

    /// The file's text, or `Missing` when the bundle lacks it.
    public static func text(_ file: String) throws -> String {
        let name = (file as NSString).deletingPathExtension
        let ext = (file as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "data") else { throw Missing(name: file) }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The bytes of a file under `data/` (a path such as `residency/visa-paths.json`).
    public static func bytes(_ path: String) throws -> Data {
        let directory = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        let subdirectory = directory.isEmpty ? "data" : "data/\(directory)"
        guard let url = Bundle.module.url(forResource: (file as NSString).deletingPathExtension, withExtension: (file as NSString).pathExtension, subdirectory: subdirectory)
        else { throw Missing(name: path) }
        return try Data(contentsOf: url)
    }

    /// The non-empty lines of a list file.
    public static func lines(_ file: String) throws -> [String] {
        try Self.text(file).split(whereSeparator: \.isNewline).map(String.init)
    }
}
