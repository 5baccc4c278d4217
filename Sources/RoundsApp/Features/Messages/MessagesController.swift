import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// `/applications/:id/messages` for the two parties, reports, the e-mail setting, and `/admin/reports`.
struct MessagesController: RouteCollection {
    let maximumBodyBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(SignInRequired())
        signedIn.get(SiteRoute.applicationMessages(.key), use: self.show)
        signedIn.on(.POST, SiteRoute.applicationMessages(.key), body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.post)
        signedIn.get(SiteRoute.messageAttachment(.key), use: self.attachment)
        signedIn.post(SiteRoute.reportMessage(.key), use: self.report)
        signedIn.post(SiteRoute.messageEmail, use: self.setEmail)
        signedIn.get(SiteRoute.questions(.key, .key), use: self.show)
        signedIn.on(.POST, SiteRoute.questions(.key, .key), body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.post)
        let hosts = routes.grouped(SignInRequired(roles: [.host]))
        hosts.get(SiteRoute.hostQuestions, use: self.hostQuestions)
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminReports, use: self.reports)
        admins.post(SiteRoute.resolveReport(.key), use: self.resolve)
    }

    /// The thread the path names: an application's, or an applicant's questions about an opportunity.
    static func thread(_ req: Request, for user: User) async throws -> MessageDesk.Thread {
        if let applicationID = req.parameters.get(ApplicationID.self) { return try await req.messageDesk.thread(applicationID.rawValue, for: user) }
        return try await req.messageDesk.questions(
            about: req.parameters.get(OpportunityID.self)?.rawValue, from: req.parameters.get(UserID.self)?.rawValue, for: user)
    }

    @Sendable func show(req: Request) async throws -> HTMLPage {
        let user = try req.requireUser()
        let thread = try await Self.thread(req, for: user)
        return MessagesPage(thread: thread, viewer: user, maximumAttachmentBytes: req.config.uploadMaximumBytes, context: req.pageContext).layout().page()
    }

    /// The text and an optional file, from a form (multipart when it carries a file) or JSON.
    struct MessageForm: Content {
        var body: String?
        var file: File?

        /// A file input left empty arrives as a part with no name and no bytes: no attachment.
        var attachment: MessageDesk.Attachment? {
            guard let file, file.data.readableBytes > 0 || !file.filename.isEmpty else { return nil }
            return MessageDesk.Attachment(fileName: file.filename, bytes: Array(file.data.readableBytesView))
        }

        static func decode(_ req: Request) throws -> MessageForm {
            if req.headers.contentType?.type == "multipart" {
                return try req.decodeMultipart(MessageForm.self, fields: "body and file", what: "a message")
            }
            return try req.content.decode(MessageForm.self)
        }
    }

    @Sendable func post(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let desk = req.messageDesk
        let thread = try await Self.thread(req, for: user)
        let form = try MessageForm.decode(req)
        do {
            _ = try await desk.post(MessageDraft(body: form.body ?? ""), attachment: form.attachment, on: thread, by: user)
        } catch let report as ValidationReport {
            return try await MessagesPage(
                thread: thread, viewer: user, maximumAttachmentBytes: req.config.uploadMaximumBytes, typed: form.body ?? "", errors: report, context: req.pageContext)
                .layout().page(status: .unprocessableEntity).encodeResponse(for: req)
        }
        return req.redirect(to: thread.path, flash: Flash(kind: .success, message: "Message sent."))
    }

    @Sendable func attachment(req: Request) async throws -> Response {
        try await Self.attachmentResponse(req)
    }

    /// The file as a download, never shown inline.
    static func attachmentResponse(_ req: Request) async throws -> Response {
        let (message, data) = try await req.messageDesk.attachment(req.parameters.get(MessageID.self)?.rawValue, for: try req.requireUser())
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: message.attachmentMediaType ?? "application/octet-stream")
        let name = message.attachmentName ?? "attachment"
        let served = message.attachmentMediaType.flatMap(FileSignature.init(mediaType:))?.downloadName(for: name) ?? name
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(DocumentDownloadResponse.asciiName(served))\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    struct ReportForm: Content {
        var reason: String?
    }

    @Sendable func report(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ReportForm.self)
        let report = try await req.messageDesk.report(req.parameters.get(MessageID.self)?.rawValue, reason: MessageReportDraft(reason: form.reason ?? ""), by: user)
        return req.redirect(
            to: MessageDesk.path(of: report.message),
            flash: Flash(kind: .success, message: "Reported. The administrators will read the conversation and decide."))
    }

    struct EmailForm: Content {
        var message_email: String?
        var next: String?
    }

    @Sendable func setEmail(req: Request) async throws -> Response {
        let form = try req.content.decode(EmailForm.self)
        try await req.messageDesk.setEmail(form.message_email, for: try req.requireUser())
        let next = form.next.flatMap { RedirectTarget.isSafe($0) ? $0 : nil } ?? SiteRoute.account.path
        let setting = MessageEmail(rawValue: form.message_email ?? "")?.displayName ?? ""
        return req.redirect(to: next, flash: Flash(kind: .success, message: "Saved: \(setting)."))
    }

    @Sendable func hostQuestions(req: Request) async throws -> HTMLPage {
        let host = try req.requireUser(.host)
        return HostQuestionsPage(threads: try await req.messageDesk.questionThreads(hostedBy: host), context: req.pageContext).layout().page()
    }

    @Sendable func reports(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        let reports = try await MessageReport.query(on: req.db).with(\.$message).sort(\.$createdAt, .descending).limit(200).all()
        return AdminReportsPage(reports: reports, context: req.pageContext).layout().page()
    }

    struct ResolveForm: Content {
        var resolution: String?
        var note: String?
    }

    @Sendable func resolve(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let form = try req.content.decode(ResolveForm.self)
        guard let resolution = form.resolution.flatMap(ReportResolution.init) else {
            throw Abort(.unprocessableEntity, reason: "Choose to keep or to remove the message.")
        }
        try await req.messageDesk.resolve(req.parameters.get(MessageReportID.self)?.rawValue, as: resolution, note: form.note ?? "", by: admin)
        return req.redirect(to: SiteRoute.adminReports.path, flash: Flash(kind: .success, message: "Decided: \(resolution.displayName.lowercased())."))
    }
}
