import DelimitedText
import Fluent
import FluentSQLiteDriver
import Foundation
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct OpportunityTransferTests {
    @Test func anExportImportsIntoAnotherInstallationUnchanged() async throws {
        let exported = try await withRoundsApp { app in
            let host = try await Factories.user(app, email: "host@example.org", roles: [.host])
            try await CatalogDemoData.load(hostID: try host.requireID(), on: app.db, today: Day(app.services.clock.now()))
            return try await OpportunityTransfer.exportCSV(on: app.db)
        }
        try await withRoundsApp { app in
            try await Factories.user(app, email: "host@example.org", roles: [.host])
            let count = try await OpportunityTransfer.importCSV(exported, on: app.db)
            #expect(count == CatalogDemoData.opportunityCount)
            #expect(try await Site.query(on: app.db).count() == CatalogDemoData.zips.count)
            #expect(try await OpportunityTransfer.exportCSV(on: app.db) == exported)
            let list = try await CatalogTests.search(app, "per_page=1").content.decode(OpportunityListResponse.self)
            #expect(list.total == count)
        }
    }

    /// The import writes plain values straight to SQLite; each must be stored as SQLiteKit stores the
    /// same Swift value, or the models would read back something else (or nothing).
    @Test func plainValuesAreStoredAsSQLiteKitStoresTheSwiftValue() throws {
        let encoder = SQLiteDataEncoder()
        let id = UUID()
        let now = Date(timeIntervalSince1970: 1_780_000_000.125)
        let pairs: [(PlainValue, any Encodable)] = [
            (.text("Observership — “ä”"), "Observership — “ä”"), (.integer(-42), -42), (.bool(true), true), (.bool(false), false),
            (.uuid(id), id), (.date(now), now), (.integer(nil as Int?), nil as Int?), (.null, nil as String?),
        ]
        for (plain, swift) in pairs {
            #expect(plain.sqliteData == (try encoder.encode(swift)), "\(plain)")
        }
    }

    /// PlainInsert's own path (SQLite's values, PostgreSQL's COPY text) stores what SQLKit's binds store,
    /// for every kind of value and text that COPY must escape.
    @Test func plainInsertStoresWhatSQLKitsBindsStore() async throws {
        try await withRoundsApp { app in
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE plain_insert_check (n BIGINT, t TEXT, i BIGINT, b BOOLEAN, u UUID, d TIMESTAMPTZ, missing TEXT)").run()
            let texts = ["plain", "tab\there", "line\nbreak\r\n", "back\\slash \\N \\t", "“quotes” 'single' \"double\" — ä 👩‍⚕️", "", "\\N", "NULL"]
            let dates = [Date(timeIntervalSince1970: 1_780_000_000.123456), Date(timeIntervalSince1970: 946_684_799.5), Date(timeIntervalSince1970: -1.25)]
            let columns = ["n", "t", "i", "b", "u", "d", "missing"]
            func rows(from first: Int) -> [[PlainValue]] {
                texts.enumerated().map { index, text in
                    [.integer(first + index), .text(text), .integer(-index * 1_000_000_007), .bool(index % 2 == 0), .uuid(UUID()), .date(dates[index % dates.count]), .null]
                }
            }
            let plain = rows(from: 0)
            try await PlainInsert.rows(plain, into: "plain_insert_check", columns: columns, batch: 3, on: app.db)
            // The same values through SQLKit's binds, numbered after them.
            let bound = rows(from: 100).enumerated().map { index, row in [row[0]] + plain[index].dropFirst() }
            try await sql.insert(into: "plain_insert_check").columns(columns).rows(bound.map { $0.map(\.bind) }).run()
            let back = try await sql.select().columns("*").from("plain_insert_check").orderBy("n").all()
            #expect(back.count == 2 * texts.count)
            for index in texts.indices {
                let (mine, theirs) = (back[index], back[texts.count + index])
                #expect(try mine.decode(column: "t", as: String.self) == texts[index])
                #expect(try mine.decode(column: "i", as: Int.self) == -index * 1_000_000_007)
                #expect(try mine.decode(column: "b", as: Bool.self) == (index % 2 == 0))
                #expect(try mine.decode(column: "missing", as: String?.self) == nil)
                for column in ["t", "missing"] { #expect(try mine.decode(column: column, as: String?.self) == theirs.decode(column: column, as: String?.self)) }
                #expect(try mine.decode(column: "u", as: UUID.self) == theirs.decode(column: "u", as: UUID.self))
                #expect(try mine.decode(column: "d", as: Date.self) == theirs.decode(column: "d", as: Date.self), "\(dates[index % dates.count])")
            }
        }
    }

    @Test func aFileWithBadRowsReportsEveryProblemAndImportsNothing() async throws {
        try await withRoundsApp { app in
            try await Factories.user(app, email: "host@example.org", roles: [.host])
            let header = CatalogCSV.columns.joined(separator: ",")
            func row(_ overrides: [String: String]) -> String {
                var values: [String: String] = [
                    "host_email": "host@example.org", "site_name": "Lakeside", "site_kind": "hospital", "street": "1 Lake Rd", "city": "Chicago",
                    "state": "IL", "zip": "60611", "title": "Observership", "type": "observership", "specialty": "cardiology", "hands_on": "false",
                    "setting": "inpatient", "audiences": "img_graduate", "visa_classes": "b1_b2", "fee": "100", "currency": "USD",
                    "letter_policy": "none", "status": "published", "sessions": "2027-02-01/2027-02-28/2027-01-10/2",
                ]
                values.merge(overrides) { $1 }
                return CSV.line(CatalogCSV.columns.map { values[$0] ?? "" })
            }
            let text = header + "\r\n" + row([:]) + row(["zip": "99999"]) + row(["sessions": "2027-02-01/2027-01-01/2027-01-10/2"])
                + row(["fee": "-3", "type": "spa"]) + row(["host_email": "nobody@example.org"])
                + row(["sessions": "2020-02-01/2020-02-28/2020-01-10/2"]) + row(["sessions": "2027-02-01/2027-02-28/0027-01-10/2"])
            await #expect(throws: OpportunityTransfer.Failure.self) { try await OpportunityTransfer.importCSV(text, on: app.db) }
            do {
                _ = try await OpportunityTransfer.importCSV(text, on: app.db)
            } catch let failure as OpportunityTransfer.Failure {
                let described = failure.errors.map(\.description)
                #expect(described.contains("line 3, zip: Enter a five-digit US ZIP code that exists."))
                #expect(described.contains("line 4, sessions: “2027-02-01/2027-01-01/2027-01-10/2”: The last day must not be before the first."))
                #expect(described.contains { $0.hasPrefix("line 5, fee:") })
                #expect(described.contains { $0.hasPrefix("line 5, type:") })
                // Past sessions move between installations; a year that is a slip does not.
                #expect(!described.contains { $0.hasPrefix("line 7,") })
                #expect(described.contains { $0.hasPrefix("line 8, sessions: “2027-02-01/2027-02-28/0027-01-10/2”: Check the year of the deadline") })
            }
            #expect(try await Opportunity.query(on: app.db).count() == 0)
            #expect(try await Site.query(on: app.db).count() == 0)

            // With the bad rows gone, the unknown host is the last problem, and still nothing is written.
            let onlyUnknownHost = header + "\r\n" + row([:]) + row(["host_email": "nobody@example.org"])
            do {
                _ = try await OpportunityTransfer.importCSV(onlyUnknownHost, on: app.db)
                Issue.record("an unknown host was accepted")
            } catch let failure as OpportunityTransfer.Failure {
                #expect(failure.errors.map(\.description) == ["line 3, host_email: no host account uses nobody@example.org"])
            }
            #expect(try await Opportunity.query(on: app.db).count() == 0)
        }
    }
}
