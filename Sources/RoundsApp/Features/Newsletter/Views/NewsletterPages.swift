import Foundation
import Plot
import RoundsCore
import SafeMarkdown

/// The visitor's newsletter pages: sign-up, confirmation, unsubscribe and the archive.
enum NewsletterPages {
    static func signUp(email: String, errors: ValidationReport, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Newsletter",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("The Rounds newsletter"),
                .p(.text("Once a month: new guides on US clinical experience, applications, letters and the Match. We send it only after you confirm from your inbox, and every issue has a one-click unsubscribe link.")),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.newsletter.path, csrfToken: context.csrfToken,
                    .field("E-mail", name: "email", value: email, type: "email", error: errors.message(for: "email"), autocomplete: "email", isRequired: true, maxLength: EmailAddress.maximumLength),
                    .submit("Subscribe")
                ),
                .p(.safeLink(SiteRoute.newsletterIssues.path, .text("Read past issues")))
            )
        )
    }

    static func confirm(token: String, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Confirm your subscription",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Confirm your subscription"),
                // A button, not the link alone: mail scanners open links, and must not subscribe anyone.
                .p(.text("Press the button to start receiving the Rounds newsletter at this address.")),
                .postForm(
                    SiteRoute.newsletterConfirm.path, csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)]),
                    .submit("Confirm subscription")
                )
            )
        )
    }

    static func unsubscribe(token: String, alreadyOff: Bool, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Unsubscribe",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Unsubscribe from the Rounds newsletter"),
                alreadyOff
                    ? .p(.text("This address is already unsubscribed; nothing more will be sent to it."))
                    : .group(
                        .p(.text("One click and no more issues are sent to this address. No sign-in needed.")),
                        .postForm(SiteRoute.newsletterUnsubscribe.path(query: [("token", token)]), csrfToken: context.csrfToken, .submit("Unsubscribe"))
                    )
            )
        )
    }

    static func unsubscribed(context: PageContext) -> PageLayout {
        PageLayout(
            title: "Unsubscribed",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("You are unsubscribed"),
                .p(.text("No more issues will be sent to this address. You can "), .safeLink(SiteRoute.newsletter.path, .text("subscribe again")), .text(" at any time."))
            )
        )
    }

    static func archive(_ issues: [NewsletterIssue], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Newsletter issues",
            context: context,
            content: .div(
                .h1("Past newsletter issues"),
                .p(.safeLink(SiteRoute.newsletter.path, .text("Subscribe")), .text(" to get the next one by e-mail.")),
                issues.isEmpty
                    ? .p(.text("No issue has been sent yet."))
                    : .ul(
                        .class("result-list"),
                        .forEach(issues) { issue in
                            .li(
                                .safeLink(SiteRoute.newsletterIssue(issue.route).path, .safeText(issue.subject)),
                                .safeText(issue.sentAt.map { " · " + DisplayFormat.date($0) } ?? "")
                            )
                        })
            )
        )
    }

    static func issue(_ issue: NewsletterIssue, intro: SafeHTML, guides: [Guide], context: PageContext) -> PageLayout {
        PageLayout(
            title: issue.subject,
            context: context,
            content: .tag(
                "article", .class("guide"),
                .h1(.safeText(issue.subject)),
                .p(.class("meta"), .safeText(issue.sentAt.map { "Sent " + DisplayFormat.date($0) } ?? "")),
                .div(.class("guide-body"), .sanitized(intro)),
                .h2("In this issue"),
                .ul(.class("result-list"), .forEach(guides) { guide in .li(GuidePages.card(guide)) }),
                .p(.safeLink(SiteRoute.newsletterIssues.path, .text("All issues")), .text(" · "), .safeLink(SiteRoute.newsletter.path, .text("Subscribe")))
            )
        )
    }
}
