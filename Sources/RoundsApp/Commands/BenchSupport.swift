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
        let hash = try await app.services.passwordHasher.hash(SecretToken().value, on: app.threadPool)
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
