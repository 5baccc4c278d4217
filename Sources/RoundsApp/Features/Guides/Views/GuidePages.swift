import Foundation
import Plot
import RoundsCore
import SafeMarkdown

/// The public guide pages: the list with its search and tags, and one guide.
enum GuidePages {
    struct ListPage {
        var words: String
        var tag: GuideTag?
        var guides: [Guide]
        var canWrite: Bool
        var context: PageContext
    }

    static func list(_ p: ListPage) -> PageLayout {
        PageLayout(
            title: p.tag.map { "Guides: \($0.label)" } ?? "Guides",
            context: p.context,
            content: .div(
                .h1(.safeText(p.tag.map { "Guides: \($0.label)" } ?? "Guides")),
                .p(
                    .text("Short, practical guides to US clinical experience, applications, letters, the Match and visas, written by Rounds' advisors. "),
                    .safeLink(SiteRoute.guidesFeed.path, .text("Follow them in a feed reader (Atom)."))
                ),
                p.canWrite ? .p(.safeLink(SiteRoute.manageGuides.path, .text("Write and manage guides"))) : .empty,
                .tag(
                    "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.guides.path), .class("search-form"),
                    .field("Search guides", name: "q", value: p.words, maxLength: 200),
                    p.tag.map { .voidTag("input", [("type", "hidden"), ("name", "tag"), ("value", $0.rawValue)]) } ?? .empty,
                    .submit("Search")
                ),
                Self.tagLinks(selected: p.tag, words: p.words),
                .p(.class("result-count"), .safeText(counted(p.guides.count, "guide") + ".")),
                .ul(.class("result-list"), .forEach(p.guides) { guide in .li(Self.card(guide)) })
            )
        )
    }

    private static func tagLinks(selected: GuideTag?, words: String) -> BodyNode {
        let query: (GuideTag?) -> [(String, String)] = { tag in
            (words.isEmpty ? [] : [("q", words)]) + (tag.map { [("tag", $0.rawValue)] } ?? [])
        }
        return .tag(
            "nav", .safeAttribute("aria-label", "Guide tags"), .class("tag-links"),
            .ul(
                .li(selected == nil ? .strong(.text("All")) : .safeLink(SiteRoute.guides.path(query: query(nil)), .text("All"))),
                .forEach(GuideTag.allCases) { tag in
                    .li(tag == selected ? .strong(.safeText(tag.label)) : .safeLink(SiteRoute.guides.path(query: query(tag)), .safeText(tag.label)))
                }
            )
        )
    }

    /// A guide in a list: title, summary, tags and date.
    static func card(_ guide: Guide) -> BodyNode {
        .div(
            .class("guide-card"),
            .h3(.safeLink(SiteRoute.guide(guide.route).path, .safeText(guide.title))),
            .p(.safeText(guide.summary)),
            Self.meta(guide)
        )
    }

    static func meta(_ guide: Guide) -> BodyNode {
        var parts = ["By " + guide.authorName]
        if let published = guide.publishedAt { parts.append("published " + DisplayFormat.date(published)) }
        if guide.updatedAt > (guide.publishedAt ?? guide.updatedAt).addingTimeInterval(60) { parts.append("updated " + DisplayFormat.date(guide.updatedAt)) }
        return .p(
            .class("meta"),
            .safeText(parts.joined(separator: ", ") + ". "),
            .group(guide.tags.map { tag in .group(.safeLink(SiteRoute.guides.path(query: [("tag", tag.rawValue)]), .safeText(tag.label)), .text(" ")) })
        )
    }

    static func detail(_ guide: Guide, html: SafeHTML, canEdit: Bool, context: PageContext) -> PageLayout {
        PageLayout(
            title: guide.title,
            context: context,
            content: .tag(
                "article", .class("guide"),
                guide.isPublished ? .empty : .p(.class("notice"), .text("Draft: only you and administrators can see this guide until it is published.")),
                .h1(.safeText(guide.title)),
                .p(.class("lead"), .safeText(guide.summary)),
                Self.meta(guide),
                canEdit ? .p(.safeLink(SiteRoute.editGuide(guide.route).path, .text("Edit this guide"))) : .empty,
                .div(.class("guide-body"), .sanitized(html)),
                .p(.safeLink(SiteRoute.guides.path, .text("All guides")))
            )
        )
    }

    /// "Related guides" on catalog and planner pages; nothing when there are none.
    static func related(_ guides: [Guide]) -> BodyNode {
        guard !guides.isEmpty else { return .empty }
        return .tag(
            "aside", .class("related-guides"), .safeAttribute("aria-labelledby", "related-guides"),
            .h2(.id("related-guides"), .text("Related guides")),
            .ul(.forEach(guides) { guide in .li(.safeLink(SiteRoute.guide(guide.route).path, .safeText(guide.title)), .text(": "), .safeText(guide.summary)) })
        )
    }
}

extension Node where Context == HTML.BodyContext {
    /// HTML the Markdown sanitizer produced; `SafeHTML` cannot be made from anything else.
    static func sanitized(_ html: SafeHTML) -> BodyNode {
        .raw(html.html)
    }
}
