import Plot
import Vapor

/// The HTML page for any error status (404, 403, 429, 500, …).
struct ErrorPage {
    var status: HTTPResponseStatus
    var reason: String
    var context: PageContext

    var title: String {
        switch self.status.code {
        case 404: "Page not found"
        case 403: "Not allowed"
        case 401: "Please sign in"
        case 429: "Too many attempts"
        case 400..<500: "Please check your request"
        default: "Something went wrong"
        }
    }

    func render() -> String {
        PageLayout(
            title: self.title,
            context: self.context,
            content: .div(
                .class("error-page"),
                .h1(.safeText(self.title)),
                .p(.safeText(self.reason)),
                .p(.a(.href(SiteRoute.home.path), .text("Go to the home page")))
            )
        ).document().render()
    }
}
