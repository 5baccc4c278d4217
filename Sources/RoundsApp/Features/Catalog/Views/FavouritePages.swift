import Fluent
import Foundation
import Plot
import RoundsCore
import Tagged

/// `/account/favourites`: the listings a person keeps, newest first, each removable.
enum FavouritePages {
    static func list(_ favourites: [Favourite], context: PageContext) -> PageLayout {
        PageLayout(
            title: "Favourites",
            context: context,
            content: .div(
                .h1("Favourites"),
                .p(.text("Listings you keep to come back to (\"Add to favourites\" on a listing's page). "), .safeLink(SiteRoute.savedSearches.path, .text("Saved searches"))),
                favourites.isEmpty
                    ? .p(.class("hint"), .text("No favourites yet."))
                    : .tag("ul", [.class("result-list")] + favourites.map { self.row($0, context: context) })
            )
        )
    }

    private static func row(_ favourite: Favourite, context: PageContext) -> BodyNode {
        let opportunity = favourite.opportunity
        let id = OpportunityID(favourite.$opportunity.id)
        let listed = opportunity.status == .published && opportunity.site.isVerified
        return .tag(
            "li",
            listed ? .h2(.safeLink(SiteRoute.opportunity(id).path, .safeText(opportunity.title))) : .h2(.safeText(opportunity.title)),
            .p(.class("hint"), .safeText("\(opportunity.site.name), \(opportunity.site.city) \(opportunity.site.state)" + (listed ? "" : " · no longer listed"))),
            .postForm(
                SiteRoute.favourite(id).path, csrfToken: context.csrfToken,
                .voidTag("input", [("type", "hidden"), ("name", "keep"), ("value", "false")]),
                .voidTag("input", [("type", "hidden"), ("name", "next"), ("value", SiteRoute.favourites.path)]),
                .submit("Remove “\(opportunity.title)”")
            )
        )
    }
}
