import Foundation
import Testing

@testable import RoundsCore

@Suite struct GuideTests {
    @Test func addressesAreMadeFromTitles() {
        #expect(GuideDraft.slug(from: "Observerships & electives: what's the difference?") == "observerships-electives-what-s-the-difference")
        #expect(GuideDraft.slug(from: "Résumé für IMGs") == "resume-fur-imgs")
        #expect(GuideDraft.slug(from: "¿?") == "")
        #expect(GuideDraft.slug(from: String(repeating: "word ", count: 40)).utf8.count <= GuideDraft.slugLimit)
        #expect(GuideDraft.isValidSlug("a-b-1") && !GuideDraft.isValidSlug("a--b") && !GuideDraft.isValidSlug("-a") && !GuideDraft.isValidSlug("A"))
    }

    @Test func aDraftIsCheckedFieldByField() throws {
        let good = GuideDraft(title: "  Letters  ", summary: "Whom to ask.", body: "Text", tags: ["letters", "eras", "letters"], status: "published")
        let content = try good.check().get()
        #expect(content.title == "Letters" && content.slug == "letters" && content.tags == [.eras, .letters] && content.status == .published)

        let bad = GuideDraft(title: "ab", slug: "new", summary: "", body: "   ", tags: [], status: "secret")
        guard case .failure(let report) = bad.check() else { Issue.record("accepted"); return }
        #expect(Set(report.errors.map(\.field)) == ["title", "slug", "summary", "body", "tags", "status"])
        // Upper limits count what was sent (as the API's maxLength), so padding cannot slip past them.
        let padded = GuideDraft(title: " " + String(repeating: "t", count: GuideDraft.titleLimit), summary: "s", body: "b", tags: ["match"])
        #expect((try? padded.check().get()) == nil)
        let control = GuideDraft(title: "Bad \u{7} title", summary: "Bell \u{7}", body: "b", tags: ["match"])
        guard case .failure(let controls) = control.check() else { Issue.record("accepted"); return }
        #expect(controls.errors.map(\.field) == ["title", "summary"])
    }

    @Test func searchNeedsEveryWordAndRanksTitlesFirst() {
        let guides = [
            GuideSearch.Indexed(id: 1, title: "Letters", tags: [.letters], summary: "Whom to ask.", body: "Visas come up too."),
            GuideSearch.Indexed(id: 2, title: "Visas for observers", tags: [.visas], summary: "B-1.", body: "Observerships."),
            GuideSearch.Indexed(id: 3, title: "Research posts", tags: [.research], summary: "Labs.", body: "Résumé tips."),
        ]
        #expect(GuideSearch.rank(guides, query: "visa") == [2, 1])
        #expect(GuideSearch.rank(guides, query: "visas letters") == [1])
        #expect(GuideSearch.rank(guides, query: "resume") == [3])
        #expect(GuideSearch.rank(guides, query: "the") == [1, 2, 3])  // only stop words: everything, in order
        #expect(GuideSearch.rank(guides, query: "astrology").isEmpty)
    }

    @Test func relatedTagsFollowTheListing() {
        #expect(GuideTag.related(to: .research, audiences: [.preMed]) == [.clinicalExperience, .research, .preMed])
        #expect(GuideTag.related(to: .observership, audiences: [.imgGraduate]) == [.clinicalExperience, .visas])
    }

    @Test func theFeedEscapesTextAndDropsCharactersXMLForbids() {
        let date = Date(timeIntervalSince1970: 1_796_256_000)
        let feed = AtomFeed(
            id: "https://rounds.example/guides.atom", title: "Rounds & co", selfLink: "https://rounds.example/guides.atom", alternateLink: "https://rounds.example/guides",
            updated: date,
            entries: [
                .init(
                    id: AtomFeed.tagURI(host: "rounds.example", year: 2026, id: "abc"), title: "A <b> \"title\"", link: "https://rounds.example/guides/a?x=1&y=2",
                    published: date, updated: date, author: "Priya", summary: "Bell \u{7} here", html: "<p>x &amp; y</p>", categories: ["ERAS"])
            ])
        let xml = feed.xml
        #expect(xml.contains("<title>Rounds &amp; co</title>"))
        #expect(xml.contains("<title>A &lt;b&gt; &quot;title&quot;</title>"))
        #expect(xml.contains(#"href="https://rounds.example/guides/a?x=1&amp;y=2""#))
        #expect(xml.contains("<summary>Bell  here</summary>"))
        #expect(xml.contains(#"<content type="html">&lt;p&gt;x &amp;amp; y&lt;/p&gt;</content>"#))
        #expect(xml.contains("<id>tag:rounds.example,2026:guides/abc</id>"))
        #expect(xml.contains("<updated>2026-12-03T00:00:00Z</updated>"))
    }
}
