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

    /// The name mark, then the navigation. The menu is a disclosure that starts open, so it works without
    /// the script; on narrow screens the script closes it behind its "Menu" button.
    private func header() -> BodyNode {
        .header(
            .class("site-header"),
            .div(
                .class("bar"),
                .a(
                    .class("brand"), .href(SiteRoute.home.path),
                    .raw(BrandMark.inline),
                    .span(.class("name"), .text("Rounds")),
                    .span(.class("tagline"), .text("US clinical experience"))
                ),
                .tag(
                    "nav",
                    .safeAttribute("aria-label", "Main"),
                    .tag(
                        "details", .class("menu"), .flag("open"),
                        .tag("summary", .text("Menu")),
                        .ul(.forEach(self.navigationLinks()) { link in
                            .li(
                                link.startsGroup ? .class("group-start") : .empty,
                                .tag(
                                    "a", .safeAttribute("href", link.path),
                                    self.context.path == link.path ? .safeAttribute("aria-current", "page") : .empty, .safeText(link.title))
                            )
                        })
                    )
                ),
                self.accountArea()
            )
        )
    }

    private struct NavigationLink {
        var title: String
        var path: String
        /// The first link of a role's group, set apart from the one before it.
        var startsGroup = false
    }

    private func navigationLinks() -> [NavigationLink] {
        self.navigationGroups().flatMap { group in
            group.enumerated().map { index, link in NavigationLink(title: link.title, path: link.path, startsGroup: index == 0) }
        }
    }

    /// The links by role, each role's links together.
    private func navigationGroups() -> [[(title: String, path: String)]] {
        let everyone = [("Find opportunities", SiteRoute.opportunities.path), ("Guides", SiteRoute.guides.path)]
        guard let viewer = self.context.viewer else { return [everyone] }
        var groups = [everyone]
        if viewer.roles.contains(.applicant) {
            groups.append([
                ("My profile", SiteRoute.profile.path), ("Portfolio", SiteRoute.portfolio.path), ("Documents", SiteRoute.documents.path),
                ("Applications", SiteRoute.applications.path), ("Letters", SiteRoute.letters.path), ("Cycles", SiteRoute.cycles.path),
                ("Residency", SiteRoute.residency.path), ("Statements", SiteRoute.statements.path), ("Advisor sessions", SiteRoute.advisingSessions.path),
            ])
        }
        if viewer.roles.contains(.host) {
            groups.append(
                [("My sites", SiteRoute.hostSites.path), ("Inbox", SiteRoute.hostApplications.path), ("Questions", SiteRoute.hostQuestions.path)]
                    + (viewer.roles.contains(.applicant) ? [] : [("Cycles", SiteRoute.cycles.path)]))
        }
        if viewer.roles.contains(.advisor) {
            groups.append([
                ("Placement cycles", SiteRoute.advisorCycles.path), ("Program letters", SiteRoute.reviewerPrograms.path),
                ("Program directory", SiteRoute.adminDirectory.path), ("Shared rank lists", SiteRoute.advisorRankLists.path),
                ("Reviews", SiteRoute.reviews.path), ("My slots", SiteRoute.advisorSlots.path),
            ])
        }
        if viewer.roles.contains(.admin) {
            groups.append(
                [
                    ("Users", SiteRoute.adminUsers.path), ("Reports", SiteRoute.adminReports.path), ("Listing reports", SiteRoute.adminListingReports.path),
                    ("Verify sites", SiteRoute.adminSites.path), ("Programs", SiteRoute.adminPrograms.path), ("Letter reads", SiteRoute.adminLetterReads.path),
                    ("Season dates", SiteRoute.adminSeason.path), ("Newsletter", SiteRoute.adminNewsletter.path),
                ] + (viewer.roles.contains(.advisor) ? [] : [("Program directory", SiteRoute.adminDirectory.path)]))
        }
        let notifications = viewer.unreadNotifications > 0 ? "Notifications (\(viewer.unreadNotifications))" : "Notifications"
        groups.append([(notifications, SiteRoute.notifications.path), ("Account", SiteRoute.account.path)])
        return groups
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
