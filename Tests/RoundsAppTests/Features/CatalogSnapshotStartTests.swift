import Fluent
import FluentSQL
import Foundation
import NIOConcurrencyHelpers
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// A restarted instance builds its search index from the previous process's snapshot only when the
/// database's change log proves it current, and then applies the changes made since; any doubt reads the
/// whole catalog as before. A snapshot holding a document the database never had (a "ghost") shows which
/// source an index was built from.
@Suite struct CatalogSnapshotStartTests {
    static let ghostID = UUID(uuidString: "0000000A-0000-0000-0000-00000000A0A0")!

    static func ghost() -> CatalogDocument {
        CatalogDocument(
            id: Self.ghostID, title: "Ghost Observership", description: "", type: .observership, specialtyID: "internal-medicine",
            isHandsOn: false, setting: .inpatient, rules: EligibilityRules(audiences: [.imgGraduate], acceptedVisaClasses: [.noneNeeded]),
            feeCents: 0, currency: "USD", letterPolicy: .none, requirements: [],
            site: .init(name: "Nowhere", city: "City", state: "NY", zip: "10016", coordinate: nil), sessions: []
        )
    }

    static func file() -> CatalogSnapshotFile {
        CatalogSnapshotFile(path: FileManager.default.temporaryDirectory.appendingPathComponent("rounds-snapshot-\(UUID().uuidString)/search").path)
    }

    /// A new instance, as after a restart: nothing in memory, the same database and snapshot file.
    static func restarted(_ app: Application, _ file: CatalogSnapshotFile) -> CatalogSearchService {
        CatalogSearchService(recheckInterval: .zero, snapshotFile: file, logger: app.logger) { [unowned app] in app.db }
    }

    static func key(_ app: Application, version: Int64? = nil) async throws -> CatalogSnapshot.Key {
        let identity = try #require(try await CatalogVersion.identity(on: app.db))
        let current = try await CatalogVersion.current(on: app.db).version
        return .init(epoch: identity.epoch, version: version ?? current, schemaRevision: identity.schemaRevision)
    }

    /// Writes the database's documents plus the ghost under `key`, as a previous process would have.
    static func writeWithGhost(_ app: Application, _ file: CatalogSnapshotFile, key: CatalogSnapshot.Key) async throws {
        try file.save(CatalogSnapshot(key: key, documents: try await CatalogDocuments.all(on: app.db) + [Self.ghost()]))
    }

    static func rename(_ app: Application, _ opportunity: Opportunity, _ title: String) async throws {
        opportunity.title = title
        try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
    }

    static func titles(_ index: CatalogIndex) -> Set<String> { Set(index.documents.map(\.title)) }

    /// The titles a restarted instance holds, once any snapshot it writes is written (the next case writes
    /// the file again).
    static func titlesAfterRestart(_ app: Application, _ file: CatalogSnapshotFile) async throws -> Set<String> {
        let service = Self.restarted(app, file)
        let titles = Self.titles(try await service.index(on: app.db))
        await service.waitForSnapshot()
        return titles
    }

    @Test func aBuildWritesTheSnapshotAndARestartStartsFromIt() async throws {
        try await withRoundsApp { app in
            let nephrology = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "60611")
            let file = Self.file()
            let first = Self.restarted(app, file)
            #expect(Self.titles(try await first.index(on: app.db)) == ["Nephrology Observership", "Cardiology Observership"])
            await first.waitForSnapshot()
            let written = try Data(contentsOf: URL(fileURLWithPath: file.path)).withUnsafeBytes { try CatalogSnapshot(decoding: $0) }
            #expect(written.key == (try await Self.key(app)))
            #expect(Set(written.documents.map(\.title)) == ["Nephrology Observership", "Cardiology Observership"])
            // The catalog's id stays as changes are recorded.
            try await Self.rename(app, nephrology, "Renal Observership")
            #expect(try await CatalogVersion.identity(on: app.db)?.epoch == written.key.epoch)

            // Restarted after that change: the snapshot, then the one logged change read from the database.
            try await Self.writeWithGhost(app, file, key: written.key)
            let restarted = Self.restarted(app, file)
            let index = try await restarted.index(on: app.db)
            #expect(Self.titles(index) == ["Renal Observership", "Cardiology Observership", "Ghost Observership"])
            var renal = SearchQuery()
            renal.text = "renal"
            #expect(index.search(renal, today: Day(Date())).items.map(\.document.title) == ["Renal Observership"])
            // Caught up by more than half the log's length, it writes the snapshot again; otherwise it keeps it.
            await restarted.waitForSnapshot()
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)).withUnsafeBytes { try CatalogSnapshot.key(of: $0) } == written.key)
        }
    }

    @Test func searchesDuringTheFirstBuildShareItAndWaitForIt() async throws {
        try await withRoundsApp { app in
            try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "60611")
            // As in production: changes are looked for at most once a minute here, so only the start waits.
            let service = CatalogSearchService(recheckInterval: .seconds(60), logger: app.logger) { [unowned app] in app.db }
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await service.index(on: app.db).count } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 2, count: 8))
            #expect(await service.catalogReads == 1)
            // And the version is asked once for all of them, not once by each search that came while it was asked.
            #expect(await service.versionChecks == 1)
        }
    }

    @Test func aSearchMakesItsDatabaseOnlyWhenItAsksTheVersion() async throws {
        try await withRoundsApp { app in
            try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            let service = CatalogSearchService(recheckInterval: .seconds(60), logger: app.logger) { [unowned app] in app.db }
            let made = NIOLockedValueBox(0)
            let database: @Sendable () -> any Database = { [unowned app] in
                made.withLockedValue { $0 += 1 }
                return app.db
            }
            for _ in 0..<5 { #expect(try await service.index(on: database()).count == 1) }
            // The first search asks the version; the others, within the minute, ask nothing and make no database.
            #expect(await service.versionChecks == 1)
            #expect(made.withLockedValue { $0 } == 1)
        }
    }

    @Test func aSnapshotTheLogCannotProveCurrentIsNotUsed() async throws {
        try await withRoundsApp { app in
            let nephrology = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            let file = Self.file()
            let current = try await Self.key(app)
            var otherDatabase = current
            otherDatabase.epoch = UUID()
            var otherSchema = current
            otherSchema.schemaRevision += 1
            var ahead = current
            ahead.version += 1
            for key in [otherDatabase, otherSchema, ahead] {
                try await Self.writeWithGhost(app, file, key: key)
                #expect(try await Self.titlesAfterRestart(app, file) == ["Nephrology Observership"], "\(key)")
            }

            // A change that touched everything after it, or a log cut past it.
            try await Self.writeWithGhost(app, file, key: current)
            try await CatalogVersion.changing(on: app.db, touching: [.everything]) { _ in }
            #expect(try await Self.titlesAfterRestart(app, file) == ["Nephrology Observership"])
            let afterEverything = try await Self.key(app)
            try await Self.writeWithGhost(app, file, key: afterEverything)
            try await Self.rename(app, nephrology, "Renal Observership")
            try await app.db.sql.update(CatalogVersion.schema).set("trimmed_through", to: SQLRaw("version")).run()
            #expect(try await Self.titlesAfterRestart(app, file) == ["Renal Observership"])

            // A damaged file: read from the database, and the file written again whole.
            try await Self.writeWithGhost(app, file, key: try await Self.key(app))
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
            bytes[bytes.count - 3] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: file.path))
            let repaired = Self.restarted(app, file)
            #expect(Self.titles(try await repaired.index(on: app.db)) == ["Renal Observership"])
            await repaired.waitForSnapshot()
            let rewritten = try Data(contentsOf: URL(fileURLWithPath: file.path)).withUnsafeBytes { try CatalogSnapshot(decoding: $0) }
            #expect(rewritten.documents.map(\.title) == ["Renal Observership"])

            // The control: the same file, proven current, is used.
            try await Self.writeWithGhost(app, file, key: try await Self.key(app))
            #expect(try await Self.titlesAfterRestart(app, file) == ["Renal Observership", "Ghost Observership"])
        }
    }
}
