import RoundsCore
import Vapor

extension Request {
    /// The words a page's "narrow this list" box sent as `q`, trimmed and cut at 200 characters (the
    /// box's own limit), "" when none.
    var searchWords: String {
        String((self.query[String.self, at: "q"] ?? "").trimmingWhitespace().prefix(200))
    }
}
