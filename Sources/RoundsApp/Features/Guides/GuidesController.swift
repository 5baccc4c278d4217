import Fluent
import Foundation
import RoundsCore
import SafeMarkdown
import Vapor

/// Guides for everyone: the list with full-text search and tags, one guide, and the Atom feed.
struct GuidesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.guides, use: self.list)
        routes.get(SiteRoute.guidesFeed, use: self.feed)
        routes.get(SiteRoute.guide(.key), use: self.show)
    }

    struct ListQuery: Content {
        var q: String?
        var tag: String?

        /// An unknown tag is ignored rather than refused: tag links outlive tags.
        var guideTag: GuideTag? { self.tag.flatMap(GuideTag.init(rawValue:)) }
        var words: String { String((self.q ?? "").prefix(200)) }
    }

    static func canWrite(_ user: User?) -> Bool {
        user.map { $0.has(.admin) || $0.has(.advisor) } == true
    }

    @Sendable func list(req: Request) async throws -> HTMLPage {
        let query = try req.query.decode(ListQuery.self)
        let guides = try await req.guides.search(query.words, tag: query.guideTag)
        return GuidePages.list(
            GuidePages.ListPage(words: query.words, tag: query.guideTag, guides: guides, canWrite: Self.canWrite(req.currentUser), context: req.pageContext)
        ).page()
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let viewer = req.currentUser
        let guide = try await req.guides.guide(req.parameters.get(GuideSlug.self), for: viewer)
        return GuidePages.detail(guide, html: SafeMarkdown.render(guide.body), canEdit: viewer.map(guide.isEditable(by:)) == true, context: req.pageContext).page()
    }

    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: date)
    }

    @Sendable func feed(req: Request) async throws -> Response {
        let guides = try await req.guides.published()
        let origin = req.application.config.server.origin
        let host = URL(string: origin)?.host ?? "rounds"
        let feed = AtomFeed(
            id: origin + SiteRoute.guidesFeed.path,
            title: "Rounds guides",
            selfLink: origin + SiteRoute.guidesFeed.path,
            alternateLink: origin + SiteRoute.guides.path,
            updated: guides.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 0),
            entries: guides.map { guide in
                let published = guide.publishedAt ?? guide.createdAt
                return AtomFeed.Entry(
                    id: AtomFeed.tagURI(host: host, year: Self.year(of: published), id: guide.id?.uuidString.lowercased() ?? guide.slug),
                    title: guide.title, link: origin + SiteRoute.guide(guide.route).path, published: published, updated: guide.updatedAt,
                    author: guide.authorName, summary: guide.summary, html: SafeMarkdown.render(guide.body).html, categories: guide.tags.map(\.label))
            })
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: feed.xml))
    }
}
