import Plot
import RoundsCore
import Vapor

/// The document every page shares: head, navigation by role, flash message, footer.
struct PageLayout {
    var title: String
    var context: PageContext
    var content: BodyNode

    func document() -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` also writes og:title and twitter:title meta tags with the text unescaped
                // inside their attributes; ours writes the one element, escaped.
                .element(named: "title", nodes: [.raw("\(self.title) · Rounds".htmlEscaped)]),
                .stylesheet(SiteRoute.stylesheet.path),
                .link(.rel(.icon), .href(SiteRoute.favicon.path), .type("image/svg+xml")),
                .script(.src(SiteRoute.script.path), .attribute(named: "defer", value: "defer"))
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text("Skip to content")),
                self.header(),
                .tag(
                    "main",
                    .id("main"),
                    self.flash(),
                    self.content
                ),
                .footer(
                    .p(
                        .text("Rounds: find, prove and use US clinical experience. "),
                        .a(.href(SiteRoute.newsletter.path), .text("Monthly newsletter")), .text(". "),
                        .text("All times are UTC unless shown otherwise.")
                    )
                )
            )
        )
    }

    private func header() -> BodyNode {
        .header(
            .class("site-header"),
            .tag(
                "nav",
                .safeAttribute("aria-label", "Main"),
                .a(.class("brand"), .href(SiteRoute.home.path), .text("Rounds")),
                .ul(.forEach(self.navigationLinks()) { link in .li(.a(.href(link.path), .text(link.title))) }),
                self.accountArea()
            )
        )
    }

    private func navigationLinks() -> [(title: String, path: String)] {
        var links: [(String, String)] = [("Find opportunities", SiteRoute.opportunities.path), ("Guides", SiteRoute.guides.path)]
        guard let viewer = self.context.viewer else { return links }
        if viewer.roles.contains(.applicant) {
            links.append(("My profile", SiteRoute.profile.path))
            links.append(("Portfolio", SiteRoute.portfolio.path))
            links.append(("Documents", SiteRoute.documents.path))
            links.append(("Applications", SiteRoute.applications.path))
            links.append(("Letters", SiteRoute.letters.path))
            links.append(("Cycles", SiteRoute.cycles.path))
            links.append(("Residency", SiteRoute.residency.path))
            links.append(("Statements", SiteRoute.statements.path))
            links.append(("Advisor sessions", SiteRoute.advisingSessions.path))
        }
        if viewer.roles.contains(.host) {
            links.append(("My sites", SiteRoute.hostSites.path))
            links.append(("Inbox", SiteRoute.hostApplications.path))
            links.append(("Questions", SiteRoute.hostQuestions.path))
            if !viewer.roles.contains(.applicant) { links.append(("Cycles", SiteRoute.cycles.path)) }
        }
        links.append((viewer.unreadNotifications > 0 ? "Notifications (\(viewer.unreadNotifications))" : "Notifications", SiteRoute.notifications.path))
        if viewer.roles.contains(.advisor) {
            links.append(("Placement cycles", SiteRoute.advisorCycles.path))
            links.append(("Program letters", SiteRoute.reviewerPrograms.path))
            links.append(("Program directory", SiteRoute.adminDirectory.path))
            links.append(("Shared rank lists", SiteRoute.advisorRankLists.path))
            links.append(("Reviews", SiteRoute.reviews.path))
            links.append(("My slots", SiteRoute.advisorSlots.path))
        }
        if viewer.roles.contains(.admin) {
            links.append(("Users", SiteRoute.adminUsers.path))
            links.append(("Reports", SiteRoute.adminReports.path))
            links.append(("Listing reports", SiteRoute.adminListingReports.path))
            links.append(("Verify sites", SiteRoute.adminSites.path))
            links.append(("Programs", SiteRoute.adminPrograms.path))
            links.append(("Letter reads", SiteRoute.adminLetterReads.path))
            links.append(("Season dates", SiteRoute.adminSeason.path))
            links.append(("Newsletter", SiteRoute.adminNewsletter.path))
            if !viewer.roles.contains(.advisor) { links.append(("Program directory", SiteRoute.adminDirectory.path)) }
        }
        links.append(("Account", SiteRoute.account.path))
        return links
    }

    private func accountArea() -> BodyNode {
        if let viewer = self.context.viewer {
            return .div(
                .class("account-area"),
                .span(.class("viewer"), .safeText(viewer.displayName)),
                .postButton(SiteRoute.signOut.path, title: "Sign out", csrfToken: self.context.csrfToken, style: "link")
            )
        }
        return .div(
            .class("account-area"),
            .a(.href(SiteRoute.signIn.path), .text("Sign in")),
            .a(.class("button"), .href(SiteRoute.signUp.path), .text("Sign up"))
        )
    }

    private func flash() -> BodyNode {
        guard let flash = self.context.flash else { return .empty }
        return .div(
            .class("flash flash-\(flash.kind.rawValue)"),
            .safeAttribute("role", flash.kind == .error ? "alert" : "status"),
            .safeText(flash.message)
        )
    }
}

/// An HTML page as a Vapor response, with the status the handler chose (422 for a form with errors).
struct HTMLPage: AsyncResponseEncodable {
    var html: HTML
    var status: HTTPResponseStatus = .ok

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: self.status, headers: headers, body: .init(string: self.html.render()))
    }
}

extension PageLayout {
    func page(status: HTTPResponseStatus = .ok) -> HTMLPage {
        HTMLPage(html: self.document(), status: status)
    }
}
