import Vapor

extension Response {
    /// A CSV answer. Every CSV Rounds serves is someone's private data (exports, lists), so none is cached;
    /// with a file name, browsers save it instead of showing it.
    static func csv(_ text: String, fileName: String? = nil) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        if let fileName { headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"") }
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

extension Response {
    /// An iCalendar feed. Feeds are fetched by calendar apps with a secret address and show private
    /// plans, so none is cached.
    static func iCalendar(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
