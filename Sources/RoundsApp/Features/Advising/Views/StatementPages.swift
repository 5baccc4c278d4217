import Foundation
import Tagged
import Plot
import RoundsCore

/// The applicant's statement pages: the list with a form for a new one, one statement with its
/// versions and the comments reviews left on it, and the word diff of two versions.
enum StatementPages {
    struct ListPage {
        var statements: [StatementStore.Listed]
        var reviews: [Review]
        var draft: StatementDraft
        var errors: ValidationReport
        var context: PageContext
    }

    static func list(_ p: ListPage) -> PageLayout {
        PageLayout(
            title: "Personal statements",
            context: p.context,
            content: .div(
                .h1("Personal statements"),
                .p(.text("Keep a statement per specialty. Every save is a new version; earlier ones stay as they were, and you can compare any two. Statements are checked for patient identifiers when saved, as reflections are.")),
                p.statements.isEmpty
                    ? .p(.text("No statements yet. Start one below."))
                    : .stackingTable(
                        ["Statement", "Specialty", "For", "Latest version", "Length"],
                        rows: p.statements.map { listed in
                            [
                                .safeLink(SiteRoute.statement(listed.statement.typedID).path, .safeText(listed.statement.title)),
                                .safeText(listed.statement.specialtyName),
                                .safeText(listed.statement.service.name),
                                .safeText("\(listed.latest.number), \(DisplayFormat.dateTime(listed.latest.createdAt))"),
                                .safeText(Self.lengthText(listed.latest.counts, service: listed.statement.service)),
                            ]
                        }
                    ),
                ReviewPages.list(p.reviews, viewerIsAdvisor: false),
                .h2("New statement"),
                .errorSummary(p.errors),
                .postForm(SiteRoute.statements.path, csrfToken: p.context.csrfToken, Self.fields(p.draft, errors: p.errors, noteHint: "Optional: what this first version is."), .submit("Save version 1"))
            )
        )
    }

    /// The fields of a version: the statement's title, specialty and service, the text, a note.
    static func fields(_ draft: StatementDraft, errors: ValidationReport, noteHint: String) -> BodyNode {
        let service = StatementService(rawValue: draft.service) ?? .eras
        return .group(
            .field("Title (only you see it)", name: "title", value: draft.title, error: errors.message(for: "title"), isRequired: true, maxLength: StatementDraft.titleLimit),
            .selectField(
                "Specialty", name: "specialty", choices: Specialties.residency.all.map { Choice(value: $0.id, label: $0.name) }, selected: draft.specialty,
                error: errors.message(for: "specialty"), includeBlank: "Choose a specialty"),
            .selectField(
                "Application service", name: "service", choices: StatementService.allCases.map { Choice(value: $0.rawValue, label: "\($0.name): \($0.characterLimit.formatted(.number)) characters") },
                selected: draft.service, error: errors.message(for: "service")),
            .textArea(
                "Statement", name: "text", value: draft.text, error: errors.message(for: "text"),
                hint: "Plain text, as \(service == .eras ? "MyERAS" : "AMCAS") takes it. \(Self.limitText(service))",
                maxLength: StatementService.storageLimit, rows: 18,
                limits: StatementService.allCases.map { "\($0 == .eras ? "ERAS" : "AMCAS"):\($0.characterLimit)" }.joined(separator: ","), countsWords: true),
            .field("Version note", name: "note", value: draft.note, error: errors.message(for: "note"), hint: noteHint, maxLength: StatementDraft.noteLimit)
        )
    }

    static func limitText(_ service: StatementService) -> String {
        let source = service.limitSource
        return "\(source.statement). Source: \(source.citation), \(source.url) (\(source.confidence), checked \(source.checked))."
    }

    static func lengthText(_ counts: StatementCounts, service: StatementService) -> String {
        let over = counts.overrun(for: service)
        return "\(counts.words.formatted(.number)) words, \(counts.characters.formatted(.number)) / \(service.characterLimit.formatted(.number)) characters" + (over > 0 ? " (\(over.formatted(.number)) over)" : "")
    }

    struct StatementPage {
        var statement: PersonalStatement
        var shown: StatementVersion
        /// Comments from the statement's reviews, placed in the shown version (nil anchor: outdated).
        var comments: [(comment: ReviewComment, review: Review, anchor: TextAnchor?)]
        var draft: StatementDraft
        var errors: ValidationReport
        var requestErrors: ValidationReport
        var requestForm: ReviewDesk.RequestForm
        var context: PageContext
    }

    static func statement(_ p: StatementPage) -> PageLayout {
        let id = p.statement.typedID
        let versions = p.statement.versions
        let latest = versions.last
        let counts = p.shown.counts
        let over = counts.overrun(for: p.statement.service)
        let placed = p.comments.filter { $0.anchor != nil }
        let outdated = p.comments.filter { $0.anchor == nil }
        let numbers: [Choice] = versions.map { Choice(value: String($0.number), label: String($0.number)) }
        let previous = String(max(1, (latest?.number ?? 1) - 1))
        let last = String(latest?.number ?? 1)
        return PageLayout(
            title: p.statement.title,
            context: p.context,
            content: .div(
                .p(.safeLink(SiteRoute.statements.path, .text("← All statements"))),
                .h1(.safeText(p.statement.title)),
                .p(.safeText("\(p.statement.specialtyName) · \(p.statement.service.name) · version \(p.shown.number) of \(versions.count), saved \(DisplayFormat.dateTime(p.shown.createdAt))" + (p.shown.note.isEmpty ? "" : " · “\(p.shown.note)”"))),
                .p(
                    .class(over > 0 ? "error" : "hint"),
                    .safeText(Self.lengthText(counts, service: p.statement.service) + (over > 0 ? ": \(p.statement.service == .eras ? "MyERAS" : "AMCAS") will not take it until it is shorter." : "."))
                ),
                .p(.class("hint"), .safeText("Limit: " + Self.limitText(p.statement.service))),
                .tag("section", .class("statement-text"), .h2("Text"), ReviewPages.markedText(p.shown.text, anchors: p.comments.map(\.anchor))),
                Self.reviewComments(placed: placed, outdated: outdated),
                .h2("Versions"),
                .ol(.forEach(versions) { version in
                    .li(
                        version.id == p.shown.id
                            ? .strong(.safeText("Version \(version.number)"))
                            : .safeLink(SiteRoute.statement(id).path(query: [("version", "\(version.number)")]), .safeText("Version \(version.number)")),
                        .safeText(" — \(DisplayFormat.dateTime(version.createdAt)), \(version.counts.words.formatted(.number)) words" + (version.note.isEmpty ? "" : ": \(version.note)"))
                    )
                }),
                versions.count < 2
                    ? .empty
                    : .tag(
                        "form", .safeAttribute("method", "get"), .safeAttribute("action", SiteRoute.statementDiff(id).path), .class("search-form"),
                        .selectField("Compare version", name: "from", choices: numbers, selected: previous),
                        .selectField("with version", name: "to", choices: numbers, selected: last),
                        .submit("Show changes")
                    ),
                .h2("Save a new version"),
                .errorSummary(p.errors),
                .postForm(
                    SiteRoute.statementVersions(id).path, csrfToken: p.context.csrfToken,
                    Self.fields(p.draft, errors: p.errors, noteHint: "Optional: what changed, for your own history."), .submit("Save as version \((latest?.number ?? 0) + 1)")),
                .h2("Ask an advisor to review it"),
                .errorSummary(p.requestErrors),
                .postForm(
                    SiteRoute.reviews.path, csrfToken: p.context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "subject"), ("value", ReviewSubject.statement.rawValue)]),
                    .selectField(
                        "Version to send", name: "version", choices: versions.reversed().map { Choice(value: $0.id!.uuidString, label: "Version \($0.number)") },
                        selected: p.requestForm.version ?? latest?.id?.uuidString, error: p.requestErrors.message(for: "version")),
                    .field(
                        "Advisor's e-mail", name: "advisor_email", value: p.requestForm.advisor_email ?? "", type: "email", error: p.requestErrors.message(for: "advisor_email"),
                        hint: "The advisor sees this version only, never your other versions or statements.", isRequired: true, id: "request-advisor-email"),
                    .textArea("Note to the advisor", name: "message", value: p.requestForm.message ?? "", error: p.requestErrors.message(for: "message"), maxLength: ReviewDesk.messageLimit, rows: 3),
                    .submit("Request a review")
                )
            )
        )
    }

    typealias PlacedComment = (comment: ReviewComment, review: Review, anchor: TextAnchor?)

    /// Comments numbered as their passages are marked (placed ones, in order), then the outdated ones.
    static func reviewComments(placed: [PlacedComment], outdated: [PlacedComment]) -> BodyNode {
        guard !placed.isEmpty || !outdated.isEmpty else { return .empty }
        let numbered: [(Int, PlacedComment)] = Array(placed.enumerated()).map { ($0.offset + 1, $0.element) }
        let list: BodyNode = .ol(.forEach(numbered) { number, entry in
            .li(.safeAttribute("id", "comment-\(number)"), ReviewPages.commentBody(entry.comment, number: number, by: entry.review.advisor.displayName))
        })
        let old: BodyNode = outdated.isEmpty
            ? .empty
            : .group(
                .h3("Outdated comments"),
                .p(.class("hint"), .text("Their passage is not in this version any more.")),
                .ul(.forEach(outdated) { entry in .li(.class("outdated"), ReviewPages.commentBody(entry.comment, number: nil, by: entry.review.advisor.displayName)) })
            )
        return .tag("section", .h2("Comments from reviews"), list, old)
    }

    static func diff(statement: PersonalStatement, from: StatementVersion, to: StatementVersion, result: WordDiff.Result, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Changes: \(statement.title)",
            context: context,
            content: .div(
                .p(.safeLink(SiteRoute.statement(statement.typedID).path, .safeText("← \(statement.title)"))),
                .h1(.safeText("Version \(from.number) → version \(to.number)")),
                .p(.safeText("\(result.addedWords.formatted(.number)) words added, \(result.removedWords.formatted(.number)) removed. Removed words are struck through, added ones underlined.")),
                .div(
                    .class("word-diff"),
                    .forEach(result.changes) { change in
                        switch change {
                        case .same(let text): .safeText(text)
                        case .added(let text): .tag("ins", .safeText(text))
                        case .removed(let text): .tag("del", .safeText(text))
                        }
                    }
                )
            )
        )
    }
}

extension PersonalStatement {
    var typedID: StatementID? { self.id.map(StatementID.init(rawValue:)) }
}
