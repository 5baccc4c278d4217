import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import RoundsApp

/// Guides (issue 22): written in Markdown by administrators and advisors, drafts until published,
/// searched and tagged, in an Atom feed, suggested on catalog and planner pages, and over JSON.
@Suite struct GuidesTests {
    static func form(
        title: String = "Asking for letters early", slug: String = "", summary: String = "Whom to ask and when.",
        body: String = "## When\n\nAsk **early**, near the end of the rotation.", tags: [String] = ["letters"], status: String = "draft"
    ) -> [(String, String)] {
        [("title", title), ("slug", slug), ("summary", summary), ("body", body), ("status", status)] + tags.map { ("tags[]", $0) }
    }

    @Test func anAdvisorWritesADraftOnlyEditorsSeeThenPublishesIt() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let created = try await advisor.post(SiteRoute.guides.path, form: Self.form())
            #expect(created.status == .seeOther)
            #expect(created.location == "/guides/asking-for-letters-early")
            let guide = try #require(try await Guide.query(on: app.db).first())
            #expect(guide.status == .draft && guide.publishedAt == nil)

            // A draft is invisible to readers and to other advisors, visible to its author and administrators.
            let anonymous = Browser(app)
            #expect(try await anonymous.get("/guides/asking-for-letters-early").status == .notFound)
            #expect(!(try await anonymous.get(SiteRoute.guides.path).text.contains("Asking for letters early")))
            let (other, _) = try await Factories.signedIn(app, email: "other@example.org", roles: [.advisor])
            #expect(try await other.get("/guides/asking-for-letters-early").status == .notFound)
            #expect(try await other.get("/guides/asking-for-letters-early/edit").status == .notFound)
            #expect(try await other.post("/guides/asking-for-letters-early/delete", form: []).status == .notFound)
            let own = try await advisor.get("/guides/asking-for-letters-early")
            #expect(own.status == .ok && own.text.contains("Draft: only you"))
            #expect(own.text.contains("<h3>When</h3>") && own.text.contains("<strong>early</strong>"))
            let (admin, _) = try await Factories.signedIn(app, email: "sam@example.org", roles: [.admin])
            #expect(try await admin.get("/guides/asking-for-letters-early/edit").status == .ok)

            // Published: everyone reads it, it is listed, and it keeps its first publication time.
            let published = try await advisor.post("/guides/asking-for-letters-early/edit", form: Self.form(status: "published"))
            #expect(published.status == .seeOther)
            let read = try await anonymous.get("/guides/asking-for-letters-early")
            #expect(read.status == .ok && !read.text.contains("Draft: only you"))
            #expect(try await anonymous.get(SiteRoute.guides.path).text.contains("Asking for letters early"))
            let first = try #require(try await Guide.query(on: app.db).first()?.publishedAt)
            _ = try await advisor.post("/guides/asking-for-letters-early/edit", form: Self.form(summary: "Changed.", status: "published"))
            #expect(try await Guide.query(on: app.db).first()?.publishedAt == first)

            // Only editors write.
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            #expect(try await applicant.post(SiteRoute.guides.path, form: Self.form(title: "Mine")).status == .forbidden)
            #expect(try await applicant.get("/guides/asking-for-letters-early/edit").status == .forbidden)

            let deleted = try await advisor.post("/guides/asking-for-letters-early/delete", form: [])
            #expect(deleted.status == .seeOther)
            #expect(try await Guide.query(on: app.db).count() == 0)
        }
    }

    @Test func aGuideWithErrorsIsRefusedWholeWithEveryFieldNamed() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let refused = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "A", summary: "", body: " ", tags: []))
            #expect(refused.status == .unprocessableEntity)
            for message in ["title of 3 to 120", "summary of 1 to 300", "Write the guide in Markdown", "at least one tag"] {
                #expect(refused.text.contains(message), "\(message)")
            }
            #expect(try await advisor.post(SiteRoute.guides.path, form: Self.form(tags: ["astrology"])).text.contains("Tags are one or more of"))
            #expect(try await advisor.post(SiteRoute.guides.path, form: Self.form(slug: "new")).text.contains("is the address of a page"))
            #expect(try await advisor.post(SiteRoute.guides.path, form: Self.form(slug: "Bad Slug")).text.contains("lower-case letters"))
            #expect(try await advisor.post(SiteRoute.guides.path, form: Self.form(status: "secret")).status == .unprocessableEntity)
            #expect(try await Guide.query(on: app.db).count() == 0)

            #expect(try await advisor.post(SiteRoute.guides.path, form: Self.form()).status == .seeOther)
            let clash = try await advisor.post(SiteRoute.guides.path, form: Self.form(summary: "Another."))
            #expect(clash.status == .unprocessableEntity && clash.text.contains("Another guide has the address"))
            #expect(try await Guide.query(on: app.db).count() == 1)
        }
    }

    @Test func hostileMarkdownAndTitlesRenderInertOnEveryGuidePage() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let hostile = #""><script>alert(1)</script>' onmouseover='x"#
            let body = "<script>alert(2)</script>\n\n[click](javascript:alert(3)) <img src=x onerror=alert(4)>\n\n<p"
            let created = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Guide " + hostile, slug: "hostile", summary: hostile, body: body, status: "published"))
            #expect(created.status == .seeOther)
            for path in ["/guides/hostile", "/guides", "/guides/hostile/edit", "/guides/manage", "/guides?q=guide"] {
                let page = try await advisor.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<script>alert"), "\(path)")
                #expect(!page.text.contains("' onmouseover='x"), "\(path)")
                #expect(!page.text.lowercased().contains("href=\"javascript"), "\(path)")
                #expect(!page.text.contains("onerror=alert(4)>"), "\(path)")
            }
            let feed = try await Browser(app).get(SiteRoute.guidesFeed.path)
            #expect(!feed.text.contains("<script>"))
        }
    }

    @Test func searchAndTagsFindPublishedGuidesBestFirst() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Visas for observers", summary: "B-1 and observerships.", body: "Observerships and letters.", tags: ["visas"], status: "published"))
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Letters that help", summary: "Writers.", body: "Ask about visas too.", tags: ["letters"], status: "published"))
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Draft about visas", tags: ["visas"], status: "draft"))
            let reader = Browser(app)
            let visas = try await reader.get("/guides?q=visa")
            #expect(visas.text.contains("2 guides."))
            let first = try #require(visas.text.range(of: "Visas for observers")), second = try #require(visas.text.range(of: "Letters that help"))
            #expect(first.lowerBound < second.lowerBound)  // the title counts most
            #expect(!visas.text.contains("Draft about visas"))
            let tagged = try await reader.get("/guides?tag=letters")
            #expect(tagged.text.contains("1 guide.") && tagged.text.contains("Letters that help"))
            #expect(try await reader.get("/guides?q=nothing+matches+this").text.contains("0 guides."))
        }
    }

    @Test func theAtomFeedIsWellFormedAndCarriesPublishedGuidesOnly() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Published & <fine>", body: "A control \u{1} character XML forbids.", status: "published"))
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Still a draft", slug: "draft"))
            let feed = try await Browser(app).get(SiteRoute.guidesFeed.path)
            #expect(feed.status == .ok)
            #expect(feed.headers.contentType?.subType == "atom+xml")
            let parser = XMLParser(data: Data(feed.text.utf8))
            let collector = ElementCollector()
            parser.delegate = collector
            #expect(parser.parse(), "the feed is not well-formed XML: \(String(describing: parser.parserError))")
            #expect(collector.titles == ["Rounds guides", "Published & <fine>"])
            #expect(collector.count(of: "entry") == 1)
            #expect(collector.texts["id"]?.last?.hasPrefix("tag:") == true)
        }
    }

    @Test func relatedGuidesShowOnTheOpportunityAndPlannerPages() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Clinical experience basics", tags: ["us-clinical-experience"], status: "published"))
            _ = try await advisor.post(SiteRoute.guides.path, form: Self.form(title: "Match basics", tags: ["match"], status: "published"))
            let opportunity = try await ApplicationFixture.make(app).opportunity
            let page = try await Browser(app).get(SiteRoute.opportunity(try opportunity.requireTypedID()).path)
            #expect(page.text.contains("Related guides") && page.text.contains("Clinical experience basics"))
            #expect(!page.text.contains("Match basics"))
            let (applicant, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let plan = try await applicant.get(SiteRoute.residency.path)
            #expect(plan.text.contains("Related guides") && plan.text.contains("Match basics"))
        }
    }

    @Test func theAPIReadsForEveryoneAndWritesForEditorsOnly() async throws {
        try await withRoundsApp { app in
            let (_, advisor) = try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
            let input: [String: any Sendable] = ["title": "Interview days", "summary": "What to expect.", "markdown": "Be *on time*.", "tags": ["match"], "status": "published"]
            let created = try await advisor.send(.POST, APIRoute.guides.path, json: input)
            #expect(created.status == .created)
            let answer = try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any]
            #expect(answer?["html"] as? String == "<p>Be <em>on time</em>.</p>")
            #expect((answer?["guide"] as? [String: Any])?["slug"] as? String == "interview-days")

            let anonymous = APIClient(app: app)
            let list = try await anonymous.send(.GET, APIRoute.guides.path + "?q=interview&tag=match")
            #expect(list.status == .ok && list.text.contains("\"total\":1"))
            #expect(try await anonymous.send(.GET, APIRoute.guides.path + "?tag=astrology").status == .badRequest)
            #expect(try await anonymous.send(.GET, APIRoute.guides.path + "?q=" + String(repeating: "a", count: 201)).status == .badRequest)
            #expect(try await anonymous.send(.GET, "/api/v1/guides/interview-days").status == .ok)
            #expect(try await anonymous.send(.POST, APIRoute.guides.path, json: input).status == .unauthorized)

            let (_, applicant) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            #expect(try await applicant.send(.POST, APIRoute.guides.path, json: input).status == .forbidden)
            let (_, other) = try await Factories.signedIn(app, email: "other@example.org", roles: [.advisor])
            #expect(try await other.send(.PUT, "/api/v1/guides/interview-days", json: input).status == .notFound)
            #expect(try await other.send(.DELETE, "/api/v1/guides/interview-days").status == .notFound)

            var missing = input
            missing["tags"] = [String]()
            let refused = try await advisor.send(.PUT, "/api/v1/guides/interview-days", json: missing)
            #expect(refused.status == .unprocessableEntity && refused.text.contains("tags"))
            #expect(try await advisor.send(.DELETE, "/api/v1/guides/interview-days").status == .noContent)
            #expect(try await anonymous.send(.GET, "/api/v1/guides/interview-days").status == .notFound)
        }
    }
}

/// Element names, titles and texts of an XML document, for checking the feed.
final class ElementCollector: NSObject, XMLParserDelegate, @unchecked Sendable {
    var names: [String] = []
    var texts: [String: [String]] = [:]
    private var current = ""

    var titles: [String] { self.texts["title"] ?? [] }
    func count(of name: String) -> Int { self.names.filter { $0 == name }.count }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        self.names.append(elementName)
        self.current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        self.current += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        self.texts[elementName, default: []].append(self.current)
        self.current = ""
    }
}
