import Vapor

/// The stylesheet and the one script, read from the bundle once at boot and served with an ETag.
struct SiteAssets: Sendable {
    let stylesheet: BundledAsset
    /// Enhancements only; every page works without it: live counters on limited fields, drag-and-drop on
    /// the rank order list, a reviewer's selection copied into the passage field, the mobile menu.
    let script: BundledAsset

    static func load() throws -> SiteAssets {
        SiteAssets(stylesheet: try BundledAsset.load("rounds", "css"), script: try BundledAsset.load("rounds", "js"))
    }
}

struct BundledAsset: Sendable {
    let text: String
    let etag: String

    static func load(_ name: String, _ ext: String) throws -> BundledAsset {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw ResourceMissing(name: "\(name).\(ext)")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return BundledAsset(text: text, etag: "\"\(SecretToken.hash(text).prefix(16))\"")
    }

    func response(for req: Request, contentType: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: self.etag)
        if req.headers.first(name: .ifNoneMatch) == self.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(string: self.text))
    }
}

struct ResourceMissing: Error, CustomStringConvertible {
    var name: String
    var description: String { "The bundled resource \(self.name) is missing; the build is broken." }
}
