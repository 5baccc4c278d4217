import Fluent
import RoundsCore
import Vapor

/// The writer's pages behind their link. No account: the token is the credential, read from the query
/// on GET and from a hidden field on POST.
struct LetterLinkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.letterLink, use: self.show)
        routes.on(.POST, SiteRoute.letterLinkUpload, body: .collect(maxSize: ByteCount(value: LetterFile.maximumBytes + 64 * 1_024)), use: self.upload)
        routes.post(SiteRoute.letterLinkDecline, use: self.decline)
    }

    struct UploadForm: Content {
        var token: String
        var file: File
    }

    struct DeclineForm: Content {
        var token: String?
        var note: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        return try await self.answer(req) {
            let letter = try await req.letterLink.open(token: token, ip: req.clientIP)
            return try await LetterLinkPages.page(letter, token: token, errors: ValidationReport(), context: req.pageContext).page().encodeResponse(for: req)
        }
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let form: UploadForm
        do {
            form = try req.content.decode(UploadForm.self)
        } catch let error as any AbortError {
            throw error
        } catch {
            throw Abort(.badRequest, reason: "Choose the letter (a PDF) to upload.")
        }
        return try await self.answer(req) {
            do {
                let letter = try await req.letterLink.upload(
                    token: form.token, fileName: form.file.filename, bytes: Array(form.file.data.readableBytesView), ip: req.clientIP
                )
                return req.redirect(
                    to: SiteRoute.letterLink.path(query: [("token", form.token)]),
                    flash: Flash(kind: .success, message: "Thank you: \(letter.fileName ?? "the letter") is uploaded. \(letter.applicant.displayName) has been told.")
                )
            } catch let report as ValidationReport {
                let letter = try await req.letterLink.usable(token: form.token, ip: req.clientIP)
                return try await LetterLinkPages.page(letter, token: form.token, errors: report, context: req.pageContext)
                    .page(status: .unprocessableEntity).encodeResponse(for: req)
            }
        }
    }

    @Sendable func decline(req: Request) async throws -> Response {
        let form = try req.content.decode(DeclineForm.self)
        return try await self.answer(req) {
            let letter = try await req.letterLink.decline(token: form.token ?? "", note: form.note ?? "", ip: req.clientIP)
            return try await LetterLinkPages.closed(
                "You declined the request; \(letter.applicant.displayName) has been told. Thank you for answering.", context: req.pageContext
            ).page().encodeResponse(for: req)
        }
    }

    /// Known links that are over (410) get a page that says why, not an error page.
    private func answer(_ req: Request, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as any AbortError where error.status == .gone || error.status == .conflict {
            return try await LetterLinkPages.closed(error.reason, context: req.pageContext).page(status: error.status).encodeResponse(for: req)
        }
    }
}
