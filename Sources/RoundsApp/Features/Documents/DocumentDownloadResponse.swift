import Foundation
import RoundsCore
import Tagged
import Vapor

/// Serves a document's bytes to someone allowed to read it, and logs that they did.
enum DocumentDownloadResponse {
    static let notFound = Abort(.notFound, reason: "No such document of yours.")

    static func documentID(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get(DocumentID.self)?.rawValue else { throw Self.notFound }
        return id
    }

    static func serve(_ req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        let vault = req.documentVault
        guard let document = try await vault.readable(try Self.documentID(req), by: viewer) else { throw Self.notFound }
        let data = try await vault.download(document, by: viewer)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.mediaType)
        // The name carries the extension of the type we detected and serve, whatever it was uploaded as
        // ("poly.html" holding a PDF downloads as "poly.pdf").
        let name = FileSignature(mediaType: document.mediaType)?.downloadName(for: document.fileName) ?? document.fileName
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(Self.asciiName(name))\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// The stored name reduced to characters safe inside a quoted header value.
    static func asciiName(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
    }
}
