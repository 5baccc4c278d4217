import Foundation
import RoundsCore
import SafeMarkdown
import Vapor

/// A guide in a list: everything but the body.
struct GuideSummaryResponse: Content {
    var slug: String
    var title: String
    var summary: String
    var tags: [String]
    var status: String
    var author: String
    var publishedAt: Date?
    var updatedAt: Date
    var url: String

    enum CodingKeys: String, CodingKey {
        case slug, title, summary, tags, status, author, url
        case publishedAt = "published_at"
        case updatedAt = "updated_at"
    }

    init(_ guide: Guide) {
        self.slug = guide.slug
        self.title = guide.title
        self.summary = guide.summary
        self.tags = guide.tags.map(\.rawValue)
        self.status = guide.status.rawValue
        self.author = guide.authorName
        self.publishedAt = guide.publishedAt
        self.updatedAt = guide.updatedAt
        self.url = SiteRoute.guide(guide.route).path
    }
}

struct GuideListResponse: Content {
    var total: Int
    var guides: [GuideSummaryResponse]
}

/// One guide with its Markdown and the HTML readers see.
struct GuideResponse: Content {
    var guide: GuideSummaryResponse
    var markdown: String
    var html: String

    init(_ guide: Guide) {
        self.guide = GuideSummaryResponse(guide)
        self.markdown = guide.body
        self.html = SafeMarkdown.render(guide.body).html
    }
}

/// A guide as written over JSON; `slug` may be left out (made from the title), `status` too (a draft).
struct GuideInput: Content {
    var title: String?
    var slug: String?
    var summary: String?
    var markdown: String?
    var tags: [String]?
    var status: String?

    var draft: GuideDraft {
        GuideDraft(
            title: self.title ?? "", slug: self.slug ?? "", summary: self.summary ?? "", body: self.markdown ?? "", tags: self.tags ?? [],
            status: self.status ?? GuideStatus.draft.rawValue)
    }
}
