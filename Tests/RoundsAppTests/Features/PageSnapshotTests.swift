import Foundation
import RoundsCore
import SnapshotTesting
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// HTML snapshots of the main public pages (issue 15), so a change of layout or markup shows up as a
/// diff of `__Snapshots__/PageSnapshotTests/*.html.txt` to review. Ids and CSRF tokens, which differ on
/// every run, are replaced by placeholders; the clock is the tests' fixed one. To accept a change on
/// purpose, delete the snapshot file and run the test once (it records and fails), then review the diff.
@Suite struct PageSnapshotTests {
    static func normalized(_ html: String) -> String {
        var text = html.replacingOccurrences(
            of: #"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#, with: "<uuid>", options: .regularExpression
        )
        text = text.replacingOccurrences(of: #"name="csrf_token" value="[^"]*""#, with: #"name="csrf_token" value="<csrf>""#, options: .regularExpression)
        // One element per line, so a diff points at the element that changed.
        return text.replacingOccurrences(of: "><", with: ">\n<")
    }

    static func page(_ app: Application, _ path: String) async throws -> String {
        let response = try await Browser(app).get(path)
        #expect(response.status == .ok, "\(path)")
        return Self.normalized(response.body.string)
    }

    @Test func signedOutPages() async throws {
        try await withRoundsApp { app in
            let opportunity = try await CatalogTests.listing(app, title: "Cardiology Observership", zip: "10016", type: .observership)
            try await CatalogTests.listing(app, title: "Hospitalist Externship", zip: "60611", type: .externship, fee: 150_000)
            let pages: [(name: String, path: String)] = [
                ("home", SiteRoute.home.path),
                ("sign-in", SiteRoute.signIn.path),
                // By fee: the two listings' dates tie, and ties fall back to their random ids.
                ("opportunities", SiteRoute.opportunities.path(query: [("sort", "fee")])),
                ("opportunity", SiteRoute.opportunity(try opportunity.requireTypedID()).path),
            ]
            for page in pages {
                let html = try await Self.page(app, page.path)
                assertSnapshot(of: html, as: .lines, named: page.name, fileID: #fileID, file: #filePath, testName: "signedOutPages", line: #line, column: #column)
            }
        }
    }
}
