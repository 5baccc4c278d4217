import Fluent
import RoundsCore
import Vapor

/// The applicant's document vault in HTML, and downloads for whoever may read a document.
struct DocumentsController: RouteCollection {
    let maximumBodyBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let applicants = routes.grouped(SignInRequired(roles: [.applicant]))
        applicants.get(SiteRoute.documents, use: self.index)
        applicants.on(.POST, SiteRoute.documents, body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.upload)
        applicants.post(SiteRoute.deleteDocument(.key), use: self.delete)
        routes.grouped(SignInRequired()).get(SiteRoute.document(.key), use: self.download)
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        try await self.page(req, errors: ValidationReport(), status: .ok)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.requireUser(.applicant)
        do {
            let form = try UploadForm.decode(req)
            let document = try await req.documentVault.upload(by: user, kind: form.kind, fileName: form.file.filename, bytes: form.bytes)
            return req.redirect(to: SiteRoute.documents.path, flash: Flash(kind: .success, message: "Uploaded \(document.fileName)."))
        } catch let report as ValidationReport {
            return try await self.page(req, errors: report, status: .unprocessableEntity).encodeResponse(for: req)
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        try await DocumentDownloadResponse.serve(req)
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let id = try DocumentDownloadResponse.documentID(req)
        guard try await req.documentVault.delete(id, by: try req.requireUser(.applicant)) else { throw DocumentDownloadResponse.notFound }
        return req.redirect(to: SiteRoute.documents.path, flash: Flash(kind: .success, message: "Document deleted."))
    }

    private func page(_ req: Request, errors: ValidationReport, status: HTTPResponseStatus) async throws -> HTMLPage {
        let documents = try await req.documentVault.documents(of: try req.requireUser(.applicant))
        return DocumentPages.vault(documents, errors: errors, maximumBytes: req.config.uploadMaximumBytes, context: req.pageContext).page(status: status)
    }
}
