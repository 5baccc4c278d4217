import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor

@testable import RoundsApp

/// Builds the app on a database of its own (SQLite in memory, or a fresh PostgreSQL database copied from
/// a migrated template when DATABASE_URL is set), runs `body`, and shuts everything down on every path.
func withRoundsApp<T>(
    clock: ManualClock = ManualClock(),
    logs: LogCapture? = nil,
    adjust: (inout AppConfig) -> Void = { _ in },
    _ body: (Application) async throws -> T
) async throws -> T {
    let database = try await TestDatabase.make()
    let app = try await Application.make(.testing)
    // Each test app's blocking work (SQLite statements, fsyncs of the file-backed tests, bcrypt) on a pool
    // of its own: on the process-wide pool of two threads, one test's fsync held up every test's queries.
    let pool = NIOThreadPool(numberOfThreads: 2)
    pool.start()
    app.threadPool = pool
    app.logger.logLevel = TestDatabase.logLevel
    if let logs {
        // The same redaction the executable installs, in front of the capture.
        app.logger = Logger(label: "rounds.test") { RedactingLogHandler(wrapping: logs.handler(label: $0, level: .debug)) }
        app.logger.logLevel = .debug
    }
    var config = AppConfig.testing(database: database.location)
    let temporaryStorage = config.storageDirectory
    adjust(&config)
    let services = AppServices(
        clock: clock,
        passwordHasher: PasswordHashing(cost: config.security.bcryptCost),
        passwordPolicy: TestDatabase.passwordPolicy,
        breachedPasswords: config.security.pwnedPasswordsURL.map { PwnedPasswordsRange(baseURL: $0, client: app.client) }
    )
    do {
        try await configure(app, config: config, services: services)
        if !database.isMigrated || config.database != database.location { try await app.autoMigrate() }
        // Vapor's in-memory testing builds a new responder (every route registered again) for each request;
        // the server builds it once per start. Built once here too: that was a sixth of the suite's CPU.
        let responder = app.responder.current
        app.responder.use { _ in responder }
        let result = try await body(app)
        try await app.asyncShutdown()
        try await database.drop()
        try? FileManager.default.removeItem(atPath: temporaryStorage)
        return result
    } catch {
        try? await app.asyncShutdown()
        try? await database.drop()
        try? FileManager.default.removeItem(atPath: temporaryStorage)
        throw error
    }
}

/// One test's database.
struct TestDatabase: Sendable {
    var location: AppConfig.DatabaseLocation
    var isMigrated: Bool
    var drop: @Sendable () async throws -> Void

    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }()

    static var isPostgres: Bool { postgresURL != nil }

    /// Quiet by default; LOG_LEVEL=debug shows the app's logs while debugging a test.
    static let logLevel: Logger.Level =
        ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical

    /// Built once per test process: it indexes about 25,000 words.
    static let passwordPolicy: PasswordPolicy = (try? CommonPasswords.policy(year: 2026)) ?? PasswordPolicy(commonPasswords: [], referenceYear: 2026)

    static func make() async throws -> TestDatabase {
        guard let url = postgresURL else {
            return TestDatabase(location: .sqliteMemory, isMigrated: false, drop: {})
        }
        let name = try await PostgresTemplate.shared.copy()
        return TestDatabase(
            location: .postgres(url: PostgresTemplate.url(url, database: name)),
            isMigrated: true,
            drop: { try await PostgresTemplate.shared.drop(name) }
        )
    }
}
