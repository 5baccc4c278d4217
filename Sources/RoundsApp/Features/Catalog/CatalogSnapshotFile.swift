import Foundation
import RoundsCore

/// The file where an instance keeps its search documents between runs (`CatalogSnapshot`). Written whole under
/// a temporary name and renamed over the old file, so a reader (this instance after a crash, or another one
/// sharing the file) finds the old snapshot or the new one, never half of one.
struct CatalogSnapshotFile: Sendable {
    let path: String

    enum Loaded {
        case snapshot(CatalogSnapshot)
        /// Why the file was not used (missing, damaged, from another database, too old for the log).
        case refused(String)
    }

    /// The snapshot when the file holds one of this database (`identity`) at a version the change log can bring
    /// to `position`; the header is checked before the body is read.
    func load(identity: (epoch: UUID, schemaRevision: Int64), position: CatalogVersion.Position) -> Loaded {
        guard FileManager.default.fileExists(atPath: self.path) else { return .refused("there is no snapshot yet") }
        do {
            // Mapped, not copied: a file renamed over this one meanwhile leaves these bytes as they were.
            let data = try Data(contentsOf: URL(fileURLWithPath: self.path), options: .alwaysMapped)
            return try data.withUnsafeBytes { bytes -> Loaded in
                let key = try CatalogSnapshot.key(of: bytes)
                if key.epoch != identity.epoch { return .refused("it was written from another database") }
                if key.schemaRevision != identity.schemaRevision {
                    return .refused("it was written before the database's migrations changed (\(key.schemaRevision) then, \(identity.schemaRevision) now)")
                }
                if key.version > position.version { return .refused("it holds catalog version \(key.version), newer than the database's \(position.version)") }
                if key.version < position.trimmedThrough {
                    return .refused("it holds catalog version \(key.version); the change log starts after \(position.trimmedThrough)")
                }
                return .snapshot(try CatalogSnapshot(decoding: bytes))
            }
        } catch {
            return .refused(String(describing: error))
        }
    }

    func save(_ snapshot: CatalogSnapshot) throws {
        let url = URL(fileURLWithPath: self.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(snapshot.encoded()).write(to: url, options: .atomic)
    }
}
