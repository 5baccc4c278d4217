import Fluent
import FluentSQL
import Foundation
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Every change to what search shows is logged at its catalog version, and an instance's index follows
/// the log, changed documents only, rebuilding only when the log cannot say what changed.
@Suite struct CatalogChangeLogTests {
    static func titles(_ app: Application, _ query: String) async throws -> [String] {
        try await CatalogTests.search(app, query).content.decode(OpportunityListResponse.self).items.map(\.title)
    }

    @Test func aChangeIsLoggedAtTheVersionItTakes() async throws {
        try await withRoundsApp { app in
            let opportunity = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            let before = try await CatalogVersion.current(on: app.db).version
            opportunity.title = "Nephrology and Dialysis Observership"
            try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
            let position = try await CatalogVersion.current(on: app.db)
            #expect(position.version == before + 1)
            #expect(try await CatalogVersion.changes(after: before, through: position, on: app.db) == [.opportunity(try opportunity.requireID())])
            // Nothing after the newest version.
            #expect(try await CatalogVersion.changes(after: position.version, through: position, on: app.db) == [])
        }
    }

    /// PostgreSQL takes the version and writes the log in one statement, SQLite in two: both log every entry
    /// of a change at the one version it takes, and an empty list as "everything".
    @Test func everyEntryOfAChangeIsLoggedAtItsVersion() async throws {
        try await withRoundsApp { app in
            let (first, second, site) = (UUID(), UUID(), UUID())
            let before = try await CatalogVersion.current(on: app.db).version
            try await app.db.transaction { db in try await CatalogVersion.record([.opportunity(first), .site(site), .opportunity(second)], on: db) }
            try await app.db.transaction { db in try await CatalogVersion.record([], on: db) }
            let rows = try await app.db.sql.select().columns("version", "opportunity_id", "site_id").from(CatalogVersion.changesSchema)
                .where("version", .greaterThan, SQLBind(before)).all()
            let logged = try rows.map { row in
                (
                    try row.decode(column: "version", as: Int64.self) - before,
                    try row.decode(column: "opportunity_id", as: UUID?.self), try row.decode(column: "site_id", as: UUID?.self)
                )
            }
            #expect(logged.count == 4)
            #expect(logged.filter { $0.0 == 1 }.map { "\($0.1?.uuidString ?? "-") \($0.2?.uuidString ?? "-")" }.sorted()
                == ["\(first.uuidString) -", "\(second.uuidString) -", "- \(site.uuidString)"].sorted())
            #expect(logged.filter { $0.0 == 2 }.map { "\($0.1 == nil) \($0.2 == nil)" } == ["true true"])
            #expect(try await CatalogVersion.current(on: app.db).version == before + 2)
        }
    }

    @Test func theIndexAppliesLoggedChangesWithoutRebuilding() async throws {
        try await withRoundsApp { app in
            let nephrology = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "60611")
            #expect(try await Self.titles(app, "q=observership&sort=fee").count == 2)
            let rebuilds = await app.catalogSearch.generation

            nephrology.title = "Nephrology and Dialysis Observership"
            try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try nephrology.requireID())]) { db in try await nephrology.save(on: db) }
            #expect(try await Self.titles(app, "q=dialysis") == ["Nephrology and Dialysis Observership"])

            // A site change reaches every opportunity of the site.
            let site = try #require(try await Site.find(nephrology.$site.id, on: app.db))
            site.isVerified = false
            try await CatalogVersion.changing(on: app.db, touching: [.site(try site.requireID())]) { db in try await site.save(on: db) }
            #expect(try await Self.titles(app, "q=observership") == ["Cardiology Observership"])
            #expect(await app.catalogSearch.generation == rebuilds)

            // A change too large to list, or a log cut past this index's version, rebuilds.
            site.isVerified = true
            try await CatalogVersion.changing(on: app.db, touching: [.everything]) { db in try await site.save(on: db) }
            #expect(try await Self.titles(app, "q=dialysis") == ["Nephrology and Dialysis Observership"])
            #expect(await app.catalogSearch.generation == rebuilds + 1)
            try await app.db.sql.update(CatalogVersion.schema).set("trimmed_through", to: SQLRaw("version + 1")).run()
            nephrology.title = "Renal Observership"
            try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try nephrology.requireID())]) { db in try await nephrology.save(on: db) }
            #expect(try await Self.titles(app, "q=renal") == ["Renal Observership"])
            #expect(await app.catalogSearch.generation == rebuilds + 2)
        }
    }

    @Test func theLogIsCutInTheChangesOwnTransaction() async throws {
        try await withRoundsApp { app in
            let opportunity = try await CatalogTests.listing(app, title: "Nephrology Observership", zip: "10016")
            // Just below a cut: the next change takes the version that cuts.
            let cutAt = CatalogVersion.keptVersions + CatalogVersion.trimEvery
            try await app.db.sql.update(CatalogVersion.schema).set("version", to: SQLBind(cutAt - 1)).run()
            try await CatalogVersion.changing(on: app.db, touching: [.opportunity(try opportunity.requireID())]) { db in try await opportunity.save(on: db) }
            let position = try await CatalogVersion.current(on: app.db)
            #expect(position == .init(version: cutAt, trimmedThrough: cutAt - CatalogVersion.keptVersions))
            let oldest = try await app.db.sql.select().column(SQLFunction("MIN", args: SQLIdentifier("version")), as: "oldest").from(CatalogVersion.changesSchema).first()
            #expect(try oldest?.decode(column: "oldest", as: Int64.self) == cutAt)
            // An index at a version the cut removed cannot be told what changed.
            #expect(try await CatalogVersion.changes(after: position.trimmedThrough - 1, through: position, on: app.db) == nil)
            // Nor can one across a version without an entry (taken by a process that does not log, as while upgrading).
            try await app.db.sql.update(CatalogVersion.schema).set("version", to: SQLBind(cutAt + 1)).run()
            #expect(try await CatalogVersion.changes(after: cutAt, through: .init(version: cutAt + 1, trimmedThrough: position.trimmedThrough), on: app.db) == nil)
        }
    }

    @Test func seatsLeftFollowAcceptsAndWithdrawalsWithoutRebuilding() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app, seats: 1)
            func search(_ query: String) async throws -> OpportunityListResponse {
                try await CatalogTests.search(app, query).content.decode(OpportunityListResponse.self)
            }
            #expect(try await search("q=hospitalist").items.first?.nextSession?.seatsLeft == 1)
            #expect(try await search("has_seats=true").facets["has_seats"] == ["true": 1])
            let rebuilds = await app.catalogSearch.generation

            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.offered(amara)
            #expect(try await fixture.act(amara, .accept, on: id).status == .ok)
            #expect(try await search("q=hospitalist").items.first?.nextSession?.seatsLeft == 0)
            #expect(try await search("has_seats=true").total == 0)
            #expect(try await search("has_seats=false").items.map(\.title) == ["Hospitalist Observership"])

            #expect(try await fixture.act(amara, .withdraw, on: id).status == .ok)
            #expect(try await search("has_seats=true").items.first?.nextSession?.seatsLeft == 1)
            #expect(await app.catalogSearch.generation == rebuilds)
            #expect(try await CatalogTests.search(app, "has_seats=maybe").status == .badRequest)
        }
    }
}
