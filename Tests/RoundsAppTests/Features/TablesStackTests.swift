import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 18: tables become stacked lists under 600 px. Every table of more than two columns on every page
/// the demo accounts reach is a `stackingTable`: its cells carry their column's heading, which the
/// stylesheet shows before each value once the columns no longer fit side by side.
@Suite struct TablesStackTests {
    @Test func everyWideTableStacksOnNarrowScreens() async throws {
        try await withRoundsApp { app in
            try await DemoData.load(on: app.db, hasher: app.services.passwordHasher, now: app.services.clock.now())
            try await DemoData.loadFeatures(app)
            var checked: Set<String> = []
            for account in DemoData.accounts {
                let browser = try await HostileStringsCrawlTests.signIn(app, email: account.email)
                let pages = try await HostileStringsCrawlTests.crawl(browser, from: [SiteRoute.home.path] + HostileStringsCrawlTests.startPaths, limit: 100)
                for (path, html) in pages {
                    for (index, table) in Self.tables(in: html).enumerated() {
                        let problems = Self.problems(in: table)
                        if problems.isEmpty { checked.insert("\(path)#\(index)") }
                        #expect(problems.isEmpty, "\(account.email) \(path), table \(index + 1): \(problems)")
                    }
                }
            }
            #expect(checked.count > 20, "only \(checked.count) tables seen")
        }
    }

    /// Each `<table …>…</table>` of a page.
    static func tables(in html: String) -> [String] {
        html.components(separatedBy: "<table").dropFirst().compactMap { $0.components(separatedBy: "</table>").first }
    }

    /// Why a table would not stack: not a stacking table, or a cell without its column's heading.
    static func problems(in table: String) -> [String] {
        // `<th` also starts `<thead`: only a space or `>` after it opens a heading cell.
        let headings = table.components(separatedBy: "</thead>")[0].components(separatedBy: "<th").dropFirst()
            .filter { $0.first == " " || $0.first == ">" }
            .map { cell in String(cell.drop(while: { $0 != ">" }).dropFirst().prefix(while: { $0 != "<" })) }
        guard headings.count > 2 else { return [] }
        var problems: [String] = []
        if !(table.prefix(while: { $0 != ">" }).contains("stacking")) { problems.append("not a stacking table (\(headings))") }
        let body = table.components(separatedBy: "<tbody>").dropFirst().joined()
        for row in body.components(separatedBy: "<tr").dropFirst() {
            let cells = row.components(separatedBy: "<td").dropFirst().filter { $0.first == " " || $0.first == ">" }.map { String($0.prefix(while: { $0 != ">" })) }
            for (heading, cell) in zip(headings, cells) where !heading.isEmpty && !cell.contains("data-label=") {
                problems.append("a \(heading) cell without its label")
            }
        }
        return problems
    }
}
