import Fluent
import FluentPostgresDriver
import Foundation
import RoundsCore
import SQLKit
import Vapor

@testable import RoundsApp

/// Per-test PostgreSQL databases copied from one migrated template: much faster than migrating each time,
/// and tests stay isolated while running in parallel on one server.
actor PostgresTemplate {
    static let shared = PostgresTemplate()

    private let templateName = "rounds_test_template_\(ProcessInfo.processInfo.processIdentifier)"
    // Tasks, not flags: the actor is re-entered at every await, so a flag set after the work would let
    // concurrent tests start the same work twice.
    private var admin: Task<Application, any Error>?
    private var template: Task<Void, any Error>?

    /// Replaces the database name in a postgres:// URL.
    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(database)"
        return components.string ?? url
    }

    private func adminDatabase() async throws -> any SQLDatabase {
        if self.admin == nil {
            // Kept for the whole test process: it only issues CREATE and DROP DATABASE.
            self.admin = Task {
                let app = try await Application.make(.testing)
                app.logger.logLevel = TestDatabase.logLevel
                // Every test queues its CREATE DATABASE here, and copying the template takes a moment each;
                // a long wait for a connection is expected, not a deadlock.
                app.databases.use(
                    .postgres(
                        configuration: try SQLPostgresConfiguration(url: TestDatabase.postgresURL!),
                        maxConnectionsPerEventLoop: 2,
                        connectionPoolTimeout: .seconds(600)
                    ),
                    as: .psql
                )
                return app
            }
        }
        return try await self.admin!.value.db as! any SQLDatabase
    }

    private func prepareTemplate() async throws {
        if self.template == nil {
            self.template = Task { try await self.migrateTemplate() }
        }
        try await self.template!.value
    }

    private func migrateTemplate() async throws {
        let admin = try await self.adminDatabase()
        try await admin.raw("DROP DATABASE IF EXISTS \(unsafeRaw: self.templateName) WITH (FORCE)").run()
        try await admin.raw("CREATE DATABASE \(unsafeRaw: self.templateName)").run()
        let app = try await Application.make(.testing)
        app.logger.logLevel = TestDatabase.logLevel
        do {
            var config = AppConfig.testing(database: .postgres(url: Self.url(TestDatabase.postgresURL!, database: self.templateName)))
            config.sqlLogLevel = .trace
            try await configure(app, config: config, services: nil)
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func copy() async throws -> String {
        try await self.prepareTemplate()
        let name = "rounds_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await self.adminDatabase()
            .raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: self.templateName)").run()
        return name
    }

    /// A database with nothing in it, e.g. to restore a backup into.
    func createEmpty() async throws -> String {
        let name = "rounds_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await self.adminDatabase().raw("CREATE DATABASE \(unsafeRaw: name)").run()
        return name
    }

    func drop(_ name: String) async throws {
        try await self.adminDatabase().raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
    }
}
