import Foundation
import Plot
import RoundsCore
import SafeMarkdown

/// The editors' guide pages: the guides they keep, and the form that writes one.
enum GuideEditorPages {
    static func manage(_ guides: [Guide], isAdmin: Bool, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Manage guides",
            context: context,
            content: .div(
                .h1("Manage guides"),
                .p(.text(isAdmin ? "Every guide on Rounds, latest change first." : "Your guides, latest change first. Administrators can edit every guide.")),
                .p(.a(.class("button primary"), .href(SiteRoute.newGuide.path), .text("New guide"))),
                guides.isEmpty
                    ? .p(.text("No guides yet."))
                    : .stackingTable(
                        ["Guide", "Status", "Author", "Last change"],
                        rows: guides.map { guide in
                            [
                                .safeLink(SiteRoute.editGuide(guide.route).path, .safeText(guide.title)),
                                .safeText(guide.isPublished ? "Published" : "Draft"),
                                .safeText(guide.authorName),
                                .safeText(DisplayFormat.dateTime(guide.updatedAt)),
                            ]
                        }
                    )
            )
        )
    }

    struct FormPage {
        /// Nil for a new guide.
        var guide: Guide?
        var draft: GuideDraft
        var errors: ValidationReport
        /// The saved body as readers see it (editing an existing guide).
        var preview: SafeHTML?
        var context: PageContext
    }

    static func form(_ p: FormPage) -> PageLayout {
        let title = p.guide.map { "Edit “\($0.title)”" } ?? "New guide"
        let action = p.guide.map { SiteRoute.editGuide($0.route).path } ?? SiteRoute.guides.path
        return PageLayout(
            title: title,
            context: p.context,
            content: .div(
                .h1(.safeText(title)),
                .errorSummary(p.errors),
                .postForm(
                    action, csrfToken: p.context.csrfToken,
                    .field("Title", name: "title", value: p.draft.title, error: p.errors.message(for: "title"), isRequired: true, maxLength: GuideDraft.titleLimit),
                    .field(
                        "Address", name: "slug", value: p.draft.slug, error: p.errors.message(for: "slug"),
                        hint: "The guide's address: /guides/ followed by this. Leave empty to make it from the title.", maxLength: GuideDraft.slugLimit),
                    .textArea(
                        "Summary", name: "summary", value: p.draft.summary, error: p.errors.message(for: "summary"),
                        hint: "One or two sentences; lists, related guides and the feed show it.", maxLength: GuideDraft.summaryLimit, rows: 3),
                    .checkboxGroup(
                        "Tags", name: "tags", choices: GuideTag.allCases.map { Choice(value: $0.rawValue, label: $0.label) }, checked: Set(p.draft.tags),
                        error: p.errors.message(for: "tags")),
                    .textArea(
                        "Guide (Markdown)", name: "body", value: p.draft.body, error: p.errors.message(for: "body"),
                        hint: "Markdown: # headings, *emphasis*, **strong**, lists, > quotes, [links](https://…). HTML is shown as text, not run.",
                        maxLength: GuideDraft.bodyLimit, rows: 20),
                    .selectField(
                        "Status", name: "status", choices: GuideStatus.allCases.map { Choice(value: $0.rawValue, label: $0 == .draft ? "Draft (only editors see it)" : "Published") },
                        selected: p.draft.status, error: p.errors.message(for: "status")),
                    .submit(p.guide == nil ? "Save guide" : "Save changes")
                ),
                p.guide.map { guide in
                    .group(
                        .p(.safeLink(SiteRoute.guide(guide.route).path, .text("View the guide as readers see it"))),
                        .postButton(SiteRoute.deleteGuide(guide.route).path, title: "Delete this guide", csrfToken: p.context.csrfToken, style: "danger")
                    )
                } ?? .empty,
                p.preview.map { html in
                    .tag("section", .class("guide-preview"), .h2("Saved version"), .div(.class("guide-body"), .sanitized(html)))
                } ?? .empty
            )
        )
    }
}
