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
