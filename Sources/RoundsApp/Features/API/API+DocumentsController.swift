import Fluent
import RoundsCore
import Tagged
import Vapor

extension API {
    /// The applicant's document vault over JSON; uploads are multipart/form-data with `kind` and `file`.
    struct DocumentsController: RouteCollection {
        let maximumBodyBytes: Int

        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
            applicants.get(APIRoute.documents, use: self.index)
            applicants.on(.POST, APIRoute.documents, body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.upload)
            signedIn.get(APIRoute.document(.key), use: self.download)
            applicants.delete(APIRoute.document(.key), use: self.delete)
        }

        @Sendable func index(req: Request) async throws -> [DocumentResponse] {
            try await req.documentVault.documents(of: try req.requireUser(.applicant)).map(DocumentResponse.init)
        }

        @Sendable func upload(req: Request) async throws -> Response {
            let form = try UploadForm.decode(req)
            let document = try await req.documentVault.upload(by: try req.requireUser(.applicant), kind: form.kind, fileName: form.file.filename, bytes: form.bytes)
            return try await DocumentResponse(document).encodeResponse(status: .created, for: req)
        }

        @Sendable func download(req: Request) async throws -> Response {
            try await DocumentDownloadResponse.serve(req)
        }

        @Sendable func delete(req: Request) async throws -> HTTPStatus {
            let id = try DocumentDownloadResponse.documentID(req)
            guard try await req.documentVault.delete(id, by: try req.requireUser(.applicant)) else { throw DocumentDownloadResponse.notFound }
            return .noContent
        }
    }
}

/// An upload form (HTML and API alike).
struct UploadForm: Content {
    var kind: String
    var file: File

    var bytes: [UInt8] { Array(self.file.data.readableBytesView) }

    static func decode(_ req: Request) throws -> UploadForm {
        try req.decodeMultipart(UploadForm.self, fields: "kind and file", what: "a document")
    }
}

extension Request {
    /// Decodes an upload form sent as multipart/form-data (415 otherwise). The multipart parser's own
    /// errors, from a body that is not the multipart it claims to be, become 400 naming the `fields`.
    func decodeMultipart<Form: Decodable>(_ type: Form.Type, fields: String, what: String) throws -> Form {
        guard self.headers.contentType?.type == "multipart", self.headers.contentType?.subType == "form-data" else {
            throw Abort(.unsupportedMediaType, reason: "Upload \(what) as multipart/form-data with the fields \(fields).")
        }
        return try self.decodeBody(Form.self, unreadable: "The body is not valid multipart/form-data; send the fields \(fields).")
    }
}

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
