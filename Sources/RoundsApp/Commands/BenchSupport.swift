import Fluent
import Foundation
import RoundsCore
import Vapor

/// The few app operations `rounds-bench` needs, public so the benchmark can drive the real code paths.
public enum BenchSetup {
    /// Creates every table.
    public static func migrate(_ app: Application) async throws {
        try await app.autoMigrate()
    }

    /// A host account that owns the imported catalog.
    public static func host(_ app: Application) async throws {
        let hash = try await app.services.passwordHasher.hash(SecretToken().value)
        try await User(email: "bench-host@rounds.test", displayName: "Bench Host", passwordHash: hash, roles: [.host]).create(on: app.db)
    }

    /// `rounds import opportunities` on a CSV text; returns the number of rows imported.
    public static func importCSV(_ text: String, _ app: Application) async throws -> Int {
        try await OpportunityTransfer.importCSV(text, on: app.db)
    }

    /// A cold start's two steps, timed apart: reading the catalog from the database, then building the index.
    public static func coldStart(_ app: Application) async throws -> (documents: Int, read: Duration, build: Duration) {
        let clock = ContinuousClock()
        var documents: [CatalogDocument] = []
        let read = try await clock.measure { documents = try await CatalogDocuments.all(on: app.db) }
        var index = CatalogIndex([])
        let build = clock.measure { index = CatalogIndex(documents) }
        return (index.count, read, build)
    }

    /// A restart's cold start from a search snapshot: the catalog written to a snapshot file (as a build
    /// does), the file read back, and a new instance's first index, which starts from it.
    public static func snapshotStart(_ app: Application, directory: String) async throws -> (bytes: Int, write: Duration, read: Duration, start: Duration) {
        let clock = ContinuousClock()
        let file = CatalogSnapshotFile(path: URL(fileURLWithPath: directory).appendingPathComponent("search").path)
        guard let identity = try await CatalogVersion.identity(on: app.db) else { throw Abort(.internalServerError, reason: "The database has no catalog id.") }
        let position = try await CatalogVersion.current(on: app.db)
        let documents = try await CatalogDocuments.all(on: app.db)
        let key = CatalogSnapshot.Key(epoch: identity.epoch, version: position.version, schemaRevision: identity.schemaRevision)
        let write = try clock.measure { try file.save(CatalogSnapshot(key: key, documents: documents)) }
        let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let read = clock.measure { _ = file.load(identity: identity, position: position) }
        let service = CatalogSearchService(recheckInterval: .seconds(1), snapshotFile: file, logger: app.logger) { [unowned app] in app.db }
        var count = 0
        let start = try await clock.measure { count = try await service.index(on: app.db).count }
        guard await service.startedFromSnapshot, count == documents.count else {
            throw Abort(.internalServerError, reason: "The new instance did not start from the snapshot.")
        }
        return (bytes, write, read, start)
    }

    /// The centre of a ZIP code from the bundled directory (the same the server uses).
    public static func coordinate(zip: String) -> Coordinate? {
        ZIPCodes.directory.place(zip)?.coordinate
    }

    /// One GET through a real HTTP client; fails on anything but 200.
    public static func get(_ app: Application, _ url: String) async throws -> ByteBuffer? {
        let response = try await app.client.get(URI(string: url))
        guard response.status == .ok else { throw Abort(response.status, reason: "\(url) answered \(response.status)") }
        return response.body
    }
}
