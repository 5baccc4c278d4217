import Foundation
import Plot
import RoundsCore
import Tagged

/// The saved searches page and the alert unsubscribe pages.
enum SavedSearchPages {
    static func list(_ searches: [SavedSearch], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Saved searches",
            context: context,
            content: .div(
                .h1("Saved searches"),
                .p(.text("Save a search from the search page (\"Save this search\"). An alert e-mails the listings that entered the catalog since the last one and match the search; each e-mail has a one-click link to stop it. "),
                   .safeLink(SiteRoute.favourites.path, .text("Your favourite listings"))),
                searches.isEmpty
                    ? .p(.class("hint"), .text("No saved searches yet."))
                    : .tag("ul", [.class("result-list")] + searches.map { self.row($0, context: context) })
            )
        )
    }

    private static func row(_ search: SavedSearch, context: PageContext) -> BodyNode {
        let id = try? search.requireTypedID()
        let field = "alert-\(search.id?.uuidString ?? "")"
        return .tag(
            "li",
            .h2(.safeLink(SiteRoute.opportunities.path + (search.query.isEmpty ? "" : "?\(search.query)"), .safeText(search.name))),
            .p(.class("hint"), .safeText(search.query.isEmpty ? "Every listing" : search.query.replacingOccurrences(of: "&", with: " · ").removingPercentEncoding ?? search.query)),
            .postForm(
                SiteRoute.savedSearch(id).path, csrfToken: context.csrfToken,
                .div(
                    .class("field"),
                    .tag("label", .safeAttribute("for", field), .safeText("Alert for “\(search.name)”")),
                    .tag("select", [.safeAttribute("id", field), .safeAttribute("name", "alert")] + SearchAlert.allCases.map { alert in
                        .tag("option", [.safeAttribute("value", alert.rawValue)] + (alert == search.alert ? [.safeAttribute("selected", "selected")] : []) + [.safeText(alert.displayName)])
                    })
                ),
                .submit("Save the alert")
            ),
            .postForm(SiteRoute.deleteSavedSearch(id).path, csrfToken: context.csrfToken, .submit("Remove “\(search.name)”"))
        )
    }

    static func unsubscribe(token: String, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Stop a search alert",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Stop this search alert"),
                .p(.text("One click and Rounds stops e-mailing new matches for this saved search. The search stays saved. No sign-in needed.")),
                .postForm(SiteRoute.searchAlertUnsubscribe.path(query: [("token", token)]), csrfToken: context.csrfToken, .submit("Stop the e-mails"))
            )
        )
    }

    static func unsubscribed(_ search: SavedSearch, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Alert stopped",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Alert stopped"),
                .p(.safeText("No more e-mails for “\(search.name)”. You can turn it on again from "), .safeLink(SiteRoute.savedSearches.path, .text("your saved searches")), .text("."))
            )
        )
    }
}
