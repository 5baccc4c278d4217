import Foundation
import Tagged
import Plot
import RoundsCore

/// Review pages: the list each side sees, one review with its marked text and comments, and the
/// forms of whoever holds it (the advisor comments and returns; the applicant decides on suggestions).
enum ReviewPages {
    static func list(_ reviews: [Review], viewerIsAdvisor: Bool) -> BodyNode {
        .tag(
            "section",
            .h2(.text(viewerIsAdvisor ? "Reviews asked of you" : "Your review requests")),
            reviews.isEmpty
                ? .p(.text(viewerIsAdvisor ? "Nobody has asked you for a review yet." : "None yet. Ask for one from a statement's page, or send an export or your program list from the reviews page."))
                : .stackingTable(
                    ["What", viewerIsAdvisor ? "Applicant" : "Advisor", "Status", "Last change"],
                    rows: reviews.map { review in
                        [
                            .safeLink(SiteRoute.review(review.typedID).path, .safeText(review.title)),
                            .safeText(viewerIsAdvisor ? review.applicant.displayName : review.advisor.displayName),
                            .badge(review.status),
                            .safeText(DisplayFormat.dateTime(review.updatedAt)),
                        ]
                    }
                )
        )
    }

    /// The text with each commented passage marked and numbered like its comment; line breaks kept.
    static func markedText(_ text: String, anchors: [TextAnchor?]) -> BodyNode {
        var numbers: [Int?] = []
        var next = 1
        for anchor in anchors {
            numbers.append(anchor == nil ? nil : next)
            if anchor != nil { next += 1 }
        }
        return .div(
            .class("reviewed-text"),
            .forEach(AnchoredText.segments(text, anchors: anchors)) { segment in
                let marks = segment.comments.compactMap { numbers[$0] }
                if marks.isEmpty { return .safeText(segment.text) }
                return .tag(
                    "mark", .safeAttribute("title", "Comment " + marks.map(String.init).joined(separator: ", ")),
                    .safeText(segment.text), .tag("sup", .safeLink("#comment-\(marks[0])", .safeText("[\(marks.map(String.init).joined(separator: ","))]")))
                )
            }
        )
    }

    static func commentBody(_ comment: ReviewComment, number: Int?, by advisor: String) -> BodyNode {
        .group(
            .p(.class("quote"), .safeText((number.map { "[\($0)] " } ?? "") + "“\(ReviewDesk.excerpt(comment.quote))”")),
            comment.body.isEmpty ? .empty : .p(.safeText(comment.body)),
            comment.replacement.map { replacement in
                .p(.class("suggestion"), .text("Suggested: "), .tag("del", .safeText(comment.quote)), .text(" → "), .tag("ins", .safeText(replacement.isEmpty ? "(remove)" : replacement)),
                   .safeText(comment.decision == .pending ? "" : " — \(comment.decision == .accepted ? "accepted" : "rejected")"))
            } ?? .empty,
            .p(.class("hint"), .safeText("— \(advisor)"))
        )
    }

    struct ReviewPage {
        var review: Review
        var viewerIsAdvisor: Bool
        var commentDraft: ReviewCommentDraft
        var errors: ValidationReport
        var context: PageContext
    }

    static func review(_ p: ReviewPage) -> PageLayout {
        let review = p.review
        let id = review.typedID
        let csrf = p.context.csrfToken
        let anchors: [TextAnchor?] = review.comments.map(\.anchor)
        let openSuggestions = review.comments.filter { $0.isSuggestion && $0.decision == .pending }
        return PageLayout(
            title: review.title,
            context: p.context,
            content: .div(
                .p(.safeLink(p.viewerIsAdvisor ? SiteRoute.reviews.path : SiteRoute.statements.path, .text("← Reviews"))),
                .h1(.safeText(review.title)),
                .p(.safeText("\(review.subject.label) · asked by \(review.applicant.displayName) of \(review.advisor.displayName) on \(DisplayFormat.dateTime(review.createdAt)) · status: \(review.status.label)")),
                review.message.isEmpty ? .empty : .blockquote(.p(.safeText(review.message))),
                review.summary.isEmpty ? .empty : .group(.h2("The advisor's overall note"), .p(.safeText(review.summary))),
                .errorSummary(p.errors),
                .tag("section", .h2("What was sent"), Self.markedText(review.text, anchors: anchors)),
                .h2(.text("Comments (\(review.comments.count))")),
                review.comments.isEmpty ? .p(.text("No comments yet.")) : .ol(
                    .forEach(Array(review.comments.enumerated())) { index, comment in
                        .li(
                            .safeAttribute("id", "comment-\(index + 1)"),
                            Self.commentBody(comment, number: index + 1, by: review.advisor.displayName),
                            p.viewerIsAdvisor && review.status == .inReview
                                ? .postButton(SiteRoute.deleteReviewComment(id, comment.typedID).path, title: "Remove comment", csrfToken: csrf, style: "link")
                                : .empty
                        )
                    }),
                p.viewerIsAdvisor ? Self.advisorForms(p) : Self.applicantForms(review, openSuggestions: openSuggestions, csrf: csrf)
            )
        )
    }

    private static func advisorForms(_ p: ReviewPage) -> BodyNode {
        let id = p.review.typedID
        let csrf = p.context.csrfToken
        switch p.review.status {
        case .requested:
            return .postButton(SiteRoute.reviewAction(id, .start).path, title: "Start the review", csrfToken: csrf, style: "primary")
        case .inReview:
            return .group(
                .h2("Comment on a passage"),
                .p(.class("hint"), .text("Copy the words you mean from the text above into “Passage” (enough of them to be found once). Tick “Suggest a replacement” to propose new words the applicant can accept into a new version.")),
                .postForm(
                    SiteRoute.reviewComments(id).path, csrfToken: csrf,
                    .textArea("Passage", name: "quote", value: p.commentDraft.quote, error: p.errors.message(for: "quote"), maxLength: TextAnchor.maximumQuote, rows: 2),
                    .voidTag("input", [("type", "hidden"), ("name", "near"), ("value", p.commentDraft.near)]),
                    .textArea("Comment", name: "body", value: p.commentDraft.body, error: p.errors.message(for: "body"), maxLength: ReviewCommentDraft.bodyLimit, rows: 4),
                    p.review.subject.takesSuggestions
                        ? .group(
                            .div(.class("field"), .tag("label", .voidTag("input", [("type", "checkbox"), ("name", "suggests"), ("value", "yes")] + (p.commentDraft.suggests ? [("checked", "checked")] : [])), .text(" Suggest a replacement"))),
                            .textArea("Replacement", name: "replacement", value: p.commentDraft.replacement, error: p.errors.message(for: "replacement"), hint: "Leave empty to suggest removing the passage.", maxLength: ReviewCommentDraft.replacementLimit, rows: 2))
                        : .empty,
                    .submit("Add comment")
                ),
                .h2("Return the review"),
                .postForm(
                    SiteRoute.reviewAction(id, .return).path, csrfToken: csrf,
                    .textArea("Overall note (optional)", name: "summary", value: "", error: p.errors.message(for: "summary"), maxLength: ReviewDesk.summaryLimit, rows: 4),
                    .submit("Return to the applicant")
                )
            )
        case .returned, .closed:
            return .p(.text("You returned this review."))
        }
    }

    private static func applicantForms(_ review: Review, openSuggestions: [ReviewComment], csrf: String) -> BodyNode {
        let id = review.typedID
        switch review.status {
        case .requested:
            return .group(.p(.text("Waiting for the advisor to start.")), .postButton(SiteRoute.reviewAction(id, .withdraw).path, title: "Withdraw the request", csrfToken: csrf, style: "danger"))
        case .inReview:
            return .p(.text("The advisor is reviewing it; you will be told when it comes back."))
        case .returned:
            return .group(
                openSuggestions.isEmpty
                    ? .empty
                    : .group(
                        .h2("Decide on the suggestions"),
                        .p(.class("hint"), .text("Accepted replacements are made in your latest version and saved as a new version; a suggestion whose passage is no longer there cannot be accepted.")),
                        .postForm(
                            SiteRoute.reviewDecisions(id).path, csrfToken: csrf,
                            .forEach(openSuggestions) { comment in
                                .tag(
                                    "fieldset", .tag("legend", .safeText("“\(ReviewDesk.excerpt(comment.quote))” → “\(ReviewDesk.excerpt(comment.replacement ?? ""))”")),
                                    .forEach(SuggestionDecision.allCases) { decision in
                                        .tag(
                                            "label",
                                            .voidTag("input", [("type", "radio"), ("name", "decision-\(comment.id!.uuidString)"), ("value", decision.rawValue)] + (decision == .pending ? [("checked", "checked")] : [])),
                                            .safeText(" " + (decision == .pending ? "Decide later" : decision == .accepted ? "Accept" : "Reject") + " ")
                                        )
                                    }
                                )
                            },
                            .submit("Save decisions")
                        )
                    ),
                .postButton(SiteRoute.reviewAction(id, .close).path, title: "Close the review", csrfToken: csrf)
            )
        case .closed:
            return .p(.text("This review is closed."))
        }
    }

    static func index(reviews: [Review], viewerIsAdvisor: Bool, form: ReviewDesk.RequestForm, errors: ValidationReport, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Reviews",
            context: context,
            content: .div(
                .h1("Reviews"),
                Self.list(reviews, viewerIsAdvisor: viewerIsAdvisor),
                viewerIsAdvisor
                    ? .empty
                    : .group(
                        .h2("Send an export or your program list"),
                        .p(.class("hint"), .text("The advisor receives the text as it is now (supervisors' e-mail addresses and your private notes left out) and sees nothing else of yours. Statements are sent from their own page.")),
                        .errorSummary(errors),
                        .postForm(
                            SiteRoute.reviews.path, csrfToken: context.csrfToken,
                            .selectField(
                                "What to send", name: "subject", choices: ReviewSubject.allCases.filter { $0 != .statement }.map { Choice(value: $0.rawValue, label: $0.label) },
                                selected: form.subject, error: errors.message(for: "subject")),
                            .field("Advisor's e-mail", name: "advisor_email", value: form.advisor_email ?? "", type: "email", error: errors.message(for: "advisor_email"), isRequired: true),
                            .textArea("Note to the advisor", name: "message", value: form.message ?? "", error: errors.message(for: "message"), maxLength: ReviewDesk.messageLimit, rows: 3),
                            .submit("Request a review")
                        )
                    )
            )
        )
    }
}

extension Review {
    var typedID: ReviewID? { self.id.map(ReviewID.init(rawValue:)) }
}

extension ReviewComment {
    var typedID: ReviewCommentID? { self.id.map(ReviewCommentID.init(rawValue:)) }
}
