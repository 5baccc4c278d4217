import Fluent
import FluentSQLiteDriver
import Foundation
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct FoundationTests {
    @Test func healthAnswersWhenTheDatabaseDoes() async throws {
        try await withRoundsApp { app in
            let response = try await Browser(app).get(SiteRoute.healthz.path)
            #expect(response.status == .ok)
            #expect(response.text == "ok\n")
        }
    }

    @Test func everyMigrationRevertsAndRunsAgain() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp()
            try await app.autoRevert()
            let tables = try await Self.tables(app)
            #expect(tables.isDisjoint(with: ["users", "user_sessions", "api_tokens", "recovery_codes"]))
            try await app.autoMigrate()
            #expect(try await User.query(on: app.db).count() == 0)
            #expect(try await Browser(app).signUp().status == .seeOther)
        }
    }

    /// A foreign key with no index leading with it makes every lookup by it read the whole table (and every
    /// deletion of a parent row check every child row): at 100,000 listings, the sessions of one listing
    /// were found among 200,000 rows (issue 24's accepted seats and applied changes).
    @Test func everyForeignKeyIsIndexed() async throws {
        try await withRoundsApp { app in
            let sql = app.db as! any SQLDatabase
            var checked = 0
            for table in try await Self.tables(app).sorted() where !table.hasPrefix("sqlite_") {
                var keys: Set<String> = []
                var leading: Set<String> = []
                if TestDatabase.isPostgres {
                    let foreign = try await sql.raw("""
                        SELECT kcu.column_name AS name FROM information_schema.table_constraints tc
                        JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name
                        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = \(bind: table)
                        """).all()
                    keys = Set(try foreign.map { try $0.decode(column: "name", as: String.self) })
                    let indexes = try await sql.raw("SELECT indexdef FROM pg_indexes WHERE tablename = \(bind: table)").all()
                    for row in indexes {
                        let definition = try row.decode(column: "indexdef", as: String.self)
                        // A partial index serves only the rows its condition names.
                        if !definition.contains(" WHERE "), let open = definition.lastIndex(of: "(") {
                            leading.insert(String(definition[definition.index(after: open)...].prefix { $0 != "," && $0 != ")" }))
                        }
                    }
                } else {
                    let foreign = try await sql.raw("SELECT \"from\" AS name FROM pragma_foreign_key_list(\(bind: table))").all()
                    keys = Set(try foreign.map { try $0.decode(column: "name", as: String.self) })
                    let indexed = try await sql.raw("""
                        SELECT ii.name AS name FROM pragma_index_list(\(bind: table)) il, pragma_index_info(il.name) ii WHERE ii.seqno = 0 AND il.partial = 0
                        """).all()
                    leading = Set(try indexed.map { try $0.decode(column: "name", as: String.self) })
                }
                checked += keys.count
                #expect(keys.subtracting(leading).isEmpty, "\(table): no index for \(keys.subtracting(leading).sorted())")
            }
            #expect(checked > 50)
        }
    }

    static func tables(_ app: Application) async throws -> Set<String> {
        let sql = app.db as! any SQLDatabase
        if TestDatabase.isPostgres {
            let rows = try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'").all()
            return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        }
        let rows = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
        return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
    }

    @Test func aSQLiteFileRunsInWALWithFullSyncAndForeignKeys() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-durability-\(UUID().uuidString).sqlite").path
        // Booted the way `rounds serve` boots: the durability check runs before anything else connects.
        let app = try await Application.make(.testing)
        app.logger.logLevel = TestDatabase.logLevel
        do {
            var config = AppConfig.testing(database: .sqliteFile(path: path))
            config.sqlLogLevel = .trace
            try await configure(app, config: config)
            try await app.asyncBoot()
            try await app.db.withConnection { connection in
                let single = connection as! any SQLDatabase
                let problems = try await SQLiteDurability.problems(on: single)
                #expect(problems == [])
                // A connection that is not durable is caught.
                try await single.raw("PRAGMA synchronous = OFF").run()
                let weakened = try await SQLiteDurability.problems(on: single)
                #expect(weakened == ["synchronous is 0, expected 2 (FULL)"])
                try await single.raw("PRAGMA synchronous = FULL").run()
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// SQLite is written through one connection whichever event loop asks: a TEMP table lives in one
    /// connection only, so every loop seeing it proves they share it (two connections to one file made
    /// the blocking pool's threads spin on each other's locks until CI hung).
    @Test func sqliteIsOneConnectionWhicheverEventLoopAsks() async throws {
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 3)
        let databases = Databases(threadPool: .singleton, on: loops)
        databases.use(.singleConnectionSQLite(.memory, sqlLogLevel: nil), as: .sqlite)
        let logger = Logger(label: "one-connection")
        func sql(_ loop: any EventLoop) throws -> any SQLDatabase {
            try #require(databases.database(logger: logger, on: loop) as? any SQLDatabase)
        }
        let all = Array(loops.makeIterator())
        var seen: [Int] = []
        do {
            try await sql(all[0]).raw("CREATE TEMP TABLE probe (n INTEGER)").run()
            try await sql(all[0]).raw("INSERT INTO probe VALUES (1)").run()
            for loop in all.dropFirst() {
                seen.append((try? await sql(loop).raw("SELECT n FROM temp.probe").all().count) ?? 0)
            }
        } catch {
            Issue.record(error)
        }
        #expect(seen == [1, 1])
        await databases.shutdownAsync()
        try await loops.shutdownGracefully()
    }

    @Test func productionDefaultsAreSafeAndRefuseToBootWithoutThePublicURL() throws {
        let production = AppConfig(database: .sqliteFile(path: "x.sqlite"))
        #expect(production.security.bcryptCost >= 12)
        #expect(production.sessions.idleTimeout == 30 * 60)
        #expect(production.sessions.absoluteTimeout == 12 * 60 * 60)
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .production, from: [:]) }
        let configured = try AppConfig.load(for: .production, from: ["ROUNDS_PUBLIC_URL": "https://rounds.example.org"])
        #expect(configured.server.isBehindTLS)
        #expect(!configured.preparesDevelopmentDatabase)
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["ROUNDS_PORT": "eighty"]) }
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["DATABASE_URL": "mysql://x"]) }
        // Serving HTTPS directly needs both files, and then counts as behind TLS with an https origin.
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["ROUNDS_TLS_CERT_FILE": "c.pem"]) }
        let tls = try AppConfig.load(for: .development, from: ["ROUNDS_TLS_CERT_FILE": "c.pem", "ROUNDS_TLS_KEY_FILE": "k.pem", "ROUNDS_PORT": "8443"])
        #expect(tls.server.isBehindTLS)
        #expect(tls.server.origin == "https://127.0.0.1:8443")
        // The breached-password check is off unless asked for.
        #expect(try AppConfig.load(for: .development, from: [:]).security.pwnedPasswordsURL == nil)
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_PWNED_PASSWORDS": "on"]).security.pwnedPasswordsURL == PwnedPasswordsRange.defaultBaseURL)
        let postgres = try AppConfig.load(for: .development, from: ["DATABASE_URL": "postgres://u@h/db"])
        #expect(postgres.database == .postgres(url: "postgres://u@h/db"))
        #expect(!postgres.preparesDevelopmentDatabase)
        // The search snapshot lives beside the SQLite file unless placed or turned off; PostgreSQL has none by default.
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_SQLITE_PATH": "data/r.sqlite"]).searchSnapshotPath == "data/r.sqlite.search")
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_SEARCH_SNAPSHOT": "off"]).searchSnapshotPath == nil)
        #expect(postgres.searchSnapshotPath == nil)
        let placed = try AppConfig.load(for: .development, from: ["DATABASE_URL": "postgres://u@h/db", "ROUNDS_SEARCH_SNAPSHOT": "/var/cache/rounds/search"])
        #expect(placed.searchSnapshotPath == "/var/cache/rounds/search")
    }

    @Test func aServerErrorShowsOnlyARequestID() async throws {
        try await withRoundsApp { app in
            struct Leaky: Error, CustomStringConvertible {
                var description: String { "SELECT * FROM users at /srv/rounds/Sources/App.swift:42" }
            }
            let request = Request(application: app, method: .GET, url: URI(path: "/api/v1/me"), on: app.eventLoopGroup.next())
            let response = RoundsErrorMiddleware().response(for: Leaky(), request: request)
            #expect(response.status == .internalServerError)
            let body = response.body.string ?? ""
            #expect(body.contains(request.id))
            #expect(response.headers.first(name: "X-Request-ID") == request.id)
            #expect(!body.contains("SELECT") && !body.contains("/srv/") && !body.contains("swift"))

            let page = Request(application: app, method: .GET, url: URI(path: "/profile"), on: app.eventLoopGroup.next())
            let html = RoundsErrorMiddleware().response(for: Leaky(), request: page)
            #expect(html.headers.contentType == .html)
            #expect(html.body.string?.contains("Something went wrong") == true)
            #expect(html.body.string?.contains("SELECT") == false)
        }
    }

    @Test func theDemoDataLoadsOnceAndItsAccountsSignIn() async throws {
        try await withRoundsApp { app in
            let hasher = app.services.passwordHasher
            let created = try await DemoData.load(on: app.db, hasher: hasher, now: app.services.clock.now())
            #expect(created == DemoData.accounts.count)
            #expect(try await DemoData.load(on: app.db, hasher: hasher, now: app.services.clock.now()) == 0)
            let response = try await Browser(app).signIn(email: "applicant@rounds.test", password: DemoData.password)
            #expect(response.status == .seeOther)
            #expect(try await ApplicantProfile.query(on: app.db).count() == 2)

            // The demo applicant's vault and one submitted application, once.
            try await ApplicationDemoData.load(app)
            try await ApplicationDemoData.load(app)
            let documents = try await Document.query(on: app.db).all()
            #expect(documents.map(\.fileName).sorted() == ["Amara Okafor CV.pdf", "Immunizations.pdf", "Insurance.pdf"])
            #expect(documents.allSatisfy { $0.mediaType == "application/pdf" })
            let applications = try await SessionApplication.query(on: app.db).all()
            #expect(applications.map(\.status) == [.submitted])
        }
    }
}
