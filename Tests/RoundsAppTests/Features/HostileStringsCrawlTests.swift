import Fluent
import Foundation
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 13, defect 1: user text reached attributes unescaped (the page head's meta tags). This loads the
/// demo data, appends attribute-breaking strings to every free-text column people write, then follows
/// every link each demo account (and a letter writer, a supervisor and a visitor) can reach and checks
/// that no page carries a payload in working form.
@Suite struct HostileStringsCrawlTests {
    static let payload =
        #"x"><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>alert(1)</script>"#
        + #"' onmouseover='alert(2)' \u{202E}javascript:alert(3)"#

    /// Every column holding text that a person typed (names, titles, descriptions, notes, file names).
    static let freeTextColumns: [String: [String]] = [
        "users": ["display_name"],
        "applicant_profiles": ["medical_school", "school_country"],
        "api_tokens": ["name"],
        "programs": ["name", "city"],
        "residency_programs": ["name", "city", "notes"],
        "directory_programs": ["name", "sponsoring_institution", "city"],
        "directory_facts": ["source", "verified_by"],
        "directory_changes": ["changed_by_name", "old_value", "new_value", "source"],
        "letter_requests": ["writer_name", "writer_title", "writer_institution", "message", "decline_note", "file_name"],
        "experiences": [
            "title", "organization", "city", "country", "supervisor_name", "supervisor_title", "description",
            "amcas_reflection", "eras_reflection", "verified_by",
        ],
        "hour_logs": ["activities"],
        "experience_verifications": ["verifier_name", "note"],
        "placement_evaluations": ["comments"],
        "procedure_logs": ["procedure"],
        "opportunities": ["title", "description", "refund_terms"],
        "sites": ["name", "street", "city", "website"],
        "placement_cycles": ["name"],
        "applications": ["statement"],
        "application_events": ["note"],
        "documents": ["file_name"],
        "notifications": ["title", "body"],
        "guides": ["title", "summary", "body"],
        "statements": ["title"],
        "statement_versions": ["text", "note"],
        "reviews": ["title", "text", "message", "summary"],
        "review_comments": ["quote", "body", "replacement"],
        "advisor_slots": ["location", "note"],
        "application_messages": ["author_name", "body"],
        "message_reports": ["reporter_name", "reason", "message_body"],
        "listing_reports": ["reporter_name", "details", "opportunity_title"],
        "saved_searches": ["name", "query"],
    ]

    /// What the demo data leaves out, so the pages showing it are crawled too: a saved search, a
    /// favourite, a reported listing and a couple ranking a pair.
    static func addSearchesFavouritesReportsAndACouple(_ app: Application) async throws {
        let now = app.services.clock.now()
        let amara = try #require(try await User.find(email: "applicant@rounds.test", on: app.db))
        let jordan = try #require(try await User.find(email: "premed@rounds.test", on: app.db))
        let listing = try #require(try await Opportunity.query(on: app.db).filter(\.$status == .published).sort(\.$id).first())
        _ = try await SavedSearches(db: app.db, now: now).save(SavedSearchDraft(name: "Cardiology", alert: "weekly"), query: "q=cardiology", profile: nil, by: amara)
        try await Favourites(db: app.db, now: now).add(listing.id, for: amara)
        _ = try await ListingReports(db: app.db, now: now, origin: "http://localhost").report(
            listing.id, ListingReportDraft(problem: "misleading", details: "The department does not exist."), by: jordan)
        let couples = CoupleRankLists(db: app.db, now: now, origin: "http://localhost", reference: app.residency)
        let year = 2027
        _ = try await couples.propose(amara, year: year, partnerEmail: jordan.email)
        try await couples.confirm(jordan, year: year)
        try await couples.change(amara, year: year) { list, state throws(CoupleRankList.Refusal) in
            guard let program = state.myPrograms.first?.id?.uuidString else { return }
            try list.add(state.pair(mine: program, partners: nil), first: state.firstKeys, second: state.secondKeys)
        }
        #expect(try await RankCouplePair.query(on: app.db).count() == 1, "the couple ranks a pair of the demo applicant's programs")
    }

    /// What must never reach a page: markup the payload would open, or a working script URL.
    static func findings(in html: String) -> [String] {
        var found: [String] = []
        for fragment in [#""><meta"#, "<script>alert", "onmouseover='alert", #"http-equiv="refresh""#] where html.contains(fragment) {
            found.append(fragment)
        }
        let lowered = html.lowercased()
        for attribute in ["href=\"javascript:", "src=\"javascript:", "action=\"javascript:"] where lowered.contains(attribute) {
            found.append(attribute)
        }
        return found
    }

    @Test func noPageCarriesAWorkingPayloadFromAnyField() async throws {
        try await withRoundsApp { app in
            try await DemoData.load(on: app.db, hasher: app.services.passwordHasher, now: app.services.clock.now())
            try await DemoData.loadFeatures(app)
            try await Self.addSearchesFavouritesReportsAndACouple(app)
            let sql = try #require(app.db as? any SQLDatabase)
            // Known link tokens, so the writer's and the supervisor's pages are crawled too.
            for (table, token) in [("letter_requests", "writer-token"), ("experience_verifications", "supervisor-token")] {
                try await sql.raw(
                    """
                    UPDATE \(unsafeRaw: table) SET token_hash = \(bind: SecretToken.hash(token))
                    WHERE id = (SELECT id FROM \(unsafeRaw: table) ORDER BY id LIMIT 1)
                    """
                ).run()
            }
            var rows = 0
            for (table, columns) in Self.freeTextColumns {
                for column in columns {
                    try await sql.raw(
                        """
                        UPDATE \(unsafeRaw: table) SET \(unsafeRaw: column) = \(unsafeRaw: column) || ' ' || \(bind: Self.payload)
                        WHERE \(unsafeRaw: column) IS NOT NULL
                        """
                    ).run()
                }
                rows += try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            #expect(rows > 50, "the demo data fills the columns")

            var visited = 0
            var crawlers: [(String, Browser)] = [("visitor", Browser(app))]
            for account in DemoData.accounts {
                crawlers.append((account.email, try await Self.signIn(app, email: account.email)))
            }
            for (who, browser) in crawlers {
                let starts = [SiteRoute.home.path, "\(SiteRoute.letterLink.path)?token=writer-token", "\(SiteRoute.verifyExperience.path)?token=supervisor-token"]
                let pages = try await Self.crawl(browser, from: starts + Self.startPaths, limit: 100)
                visited += pages.count
                for (path, html) in pages {
                    let found = Self.findings(in: html)
                    #expect(found.isEmpty, "\(who) \(path): \(found)")
                }
            }
            #expect(visited > 150)
        }
    }

    /// The pages each role starts from; links lead on from there.
    static let startPaths = [
        SiteRoute.opportunities.path, SiteRoute.profile.path, SiteRoute.portfolio.path, SiteRoute.documents.path, SiteRoute.applications.path, SiteRoute.letters.path,
        SiteRoute.cycles.path, SiteRoute.hostSites.path, SiteRoute.hostApplications.path, SiteRoute.notifications.path, SiteRoute.advisorCycles.path,
        SiteRoute.reviewerPrograms.path, SiteRoute.adminSites.path, SiteRoute.adminPrograms.path, SiteRoute.adminLetterReads.path, SiteRoute.account.path,
        SiteRoute.residencyDirectory.path, SiteRoute.adminDirectory.path, SiteRoute.visaPaths.path, SiteRoute.researchPrograms.path,
        SiteRoute.statements.path, SiteRoute.reviews.path, SiteRoute.advisingSessions.path, SiteRoute.advisorSlots.path,
        SiteRoute.adminReports.path, SiteRoute.accountData.path, SiteRoute.hostQuestions.path, SiteRoute.adminListingReports.path,
        SiteRoute.savedSearches.path, SiteRoute.favourites.path, SiteRoute.coupleRankList.path(query: [("year", "2027")]),
    ]

    /// A demo account signed in; roles that need two-factor sign-in get the factories' secret first.
    static func signIn(_ app: Application, email: String) async throws -> Browser {
        let user = try #require(try await User.find(email: email, on: app.db))
        if user.mustUseTwoFactor {
            user.totpSecret = AuthenticatorSecret(bytes: Factories.totpSecret).base32
            user.totpEnabledAt = app.services.clock.now()
            try await user.save(on: app.db)
        }
        let browser = Browser(app)
        let response = try await browser.signIn(email: email, password: DemoData.password)
        if response.location == SiteRoute.signInTwoFactor.path {
            try await browser.post(SiteRoute.signInTwoFactor.path, form: [("code", Factories.totpCode(app))])
        }
        #expect(browser.sessionToken != nil, "\(email) signed in")
        return browser
    }

    /// Follows same-site links breadth first (never sign-out), at most `limit` pages; HTML answers only.
    static func crawl(_ browser: Browser, from starts: [String], limit: Int) async throws -> [(String, String)] {
        var queue = starts
        var seen = Set(starts)
        var pages: [(String, String)] = []
        var detailPages: [String: Int] = [:]
        while !queue.isEmpty, pages.count < limit {
            let path = queue.removeFirst()
            let response = try await browser.get(path)
            #expect(response.status.code < 500, "GET \(path)")
            guard response.headers.contentType?.subType == "html" else { continue }
            pages.append((path, response.text))
            for link in Self.links(in: response.text) where !seen.contains(link) {
                // Many pages of one kind (320 listings) say nothing new after the first few.
                let kind = link.split(separator: "/").prefix(2).joined(separator: "/")
                if detailPages[kind, default: 0] >= 4 { continue }
                detailPages[kind, default: 0] += 1
                seen.insert(link)
                queue.append(link)
            }
        }
        return pages
    }

    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { tail in
            guard let end = tail.firstIndex(of: "\"") else { return nil }
            let link = String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            guard link.hasPrefix("/"), !link.hasPrefix("//"), link != SiteRoute.signOut.path else { return nil }
            return String(link.prefix(while: { $0 != "#" }))
        }
    }
}
