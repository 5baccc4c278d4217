import Plot

extension Node where Context == HTML.BodyContext {
    /// "← Previous · Page n of m · Next →", each page linked through `path(number)`; nothing when one
    /// page holds everything.
    static func pagination(page: Int, of pages: Int, path: (Int) -> String) -> BodyNode {
        guard pages > 1 else { return .empty }
        return .tag(
            "nav", .safeAttribute("aria-label", "Pages"), .class("pagination"),
            page > 1 ? .safeLink(path(page - 1), .safeText("← Previous")) : .empty,
            .span(.safeText(" Page \(page) of \(pages) ")),
            page < pages ? .safeLink(path(page + 1), .safeText("Next →")) : .empty
        )
    }
}
