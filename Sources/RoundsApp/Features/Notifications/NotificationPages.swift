import Foundation
import Plot

enum NotificationPages {
    static func list(_ list: NotificationListResponse, context: PageContext) -> PageLayout {
        let items: [BodyNode] = list.items.map { item in
            .tag(
                "li",
                .class(item.readAt == nil ? "notification unread" : "notification"),
                .strong(.safeLink(item.link, .safeText(item.title))),
                .p(.safeText(item.body)),
                .p(.class("meta"), .safeText(DisplayFormat.dateTime(item.createdAt)))
            )
        }
        return PageLayout(
            title: "Notifications",
            context: context,
            content: .div(
                .h1("Notifications"),
                list.unread > 0
                    ? .postButton(SiteRoute.readNotifications.path, title: "Mark all \(list.unread) as read", csrfToken: context.csrfToken)
                    : .p("Nothing unread."),
                items.isEmpty ? .p("No notifications yet.") : .tag("ul", .class("notifications"), .group(items))
            )
        )
    }
}
