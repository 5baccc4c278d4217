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
    private var admin: Application?
    private var isTemplateReady = false

    /// Replaces the database name in a postgres:// URL.
    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(database)"
        return components.string ?? url
    }

    private func adminDatabase() async throws -> any SQLDatabase {
        if let admin { return admin.db as! any SQLDatabase }
        // Kept for the whole test process: it only issues CREATE and DROP DATABASE.
        let app = try await Application.make(.testing)
        let config = try SQLPostgresConfigurationFactory.make(TestDatabase.postgresURL!)
        app.databases.use(config, as: .psql)
        self.admin = app
        return app.db as! any SQLDatabase
    }

    private func prepareTemplate() async throws {
        guard !self.isTemplateReady else { return }
        let admin = try await self.adminDatabase()
        try await admin.raw("DROP DATABASE IF EXISTS \(unsafeRaw: self.templateName) WITH (FORCE)").run()
        try await admin.raw("CREATE DATABASE \(unsafeRaw: self.templateName)").run()
        let app = try await Application.make(.testing)
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
        self.isTemplateReady = true
    }

    func copy() async throws -> String {
        try await self.prepareTemplate()
        let name = "rounds_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await self.adminDatabase()
            .raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE \(unsafeRaw: self.templateName)").run()
        return name
    }

    func drop(_ name: String) async throws {
        try await self.adminDatabase().raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
    }
}

enum SQLPostgresConfigurationFactory {
    static func make(_ url: String) throws -> DatabaseConfigurationFactory {
        .postgres(configuration: try SQLPostgresConfiguration(url: url))
    }
}
