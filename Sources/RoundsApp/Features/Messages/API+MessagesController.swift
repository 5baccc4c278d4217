import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// A message as the API shows it; a removed message has no body.
struct MessageResponse: Content {
    var id: UUID
    var authorName: String
    var party: ApplicationParty
    var body: String?
    var createdAt: Date
    var removed: Bool
    var attachment: Attachment?

    struct Attachment: Content {
        var fileName: String
        var mediaType: String
        var byteCount: Int
        var url: String

        enum CodingKeys: String, CodingKey {
            case url
            case fileName = "file_name"
            case mediaType = "media_type"
            case byteCount = "byte_count"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, party, body, removed, attachment
        case authorName = "author_name"
        case createdAt = "created_at"
    }

    init(_ message: ApplicationMessage) throws {
        self.id = try message.requireID()
        self.authorName = message.authorName
        self.party = message.party
        self.body = message.removedAt == nil ? message.body : nil
        self.createdAt = message.createdAt
        self.removed = message.removedAt != nil
        if let name = message.attachmentName, let type = message.attachmentMediaType, let count = message.attachmentByteCount, message.removedAt == nil {
            self.attachment = Attachment(fileName: name, mediaType: type, byteCount: count, url: APIRoute.messageAttachment(MessageID(self.id)).path)
        }
    }
}

/// A report as administrators see it: the message as reported, why, and the decision.
struct AdminReportResponse: Content {
    var id: UUID
    var messageID: UUID
    var applicationID: UUID
    var reporterName: String
    var reason: String
    var messageAuthor: String
    var messageBody: String
    var createdAt: Date
    var resolution: ReportResolution?
    var resolutionNote: String?
    var resolvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, reason, resolution
        case messageID = "message_id"
        case applicationID = "application_id"
        case reporterName = "reporter_name"
        case messageAuthor = "message_author"
        case messageBody = "message_body"
        case createdAt = "created_at"
        case resolutionNote = "resolution_note"
        case resolvedAt = "resolved_at"
    }

    init(_ report: MessageReport) throws {
        self.id = try report.requireID()
        self.messageID = report.$message.id
        self.applicationID = report.message.$application.id
        self.reporterName = report.reporterName
        self.reason = report.reason
        self.messageAuthor = report.message.authorName
        self.messageBody = report.messageBody
        self.createdAt = report.createdAt
        self.resolution = report.resolution
        self.resolutionNote = report.resolutionNote
        self.resolvedAt = report.resolvedAt
    }
}

struct MessageReportResponse: Content {
    var id: UUID
    var messageID: UUID
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case messageID = "message_id"
        case createdAt = "created_at"
    }
}

extension API {
    /// An application's conversation over JSON, for its two parties.
    struct MessagesController: RouteCollection {
        let maximumBodyBytes: Int

        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.applicationMessages(.key), use: self.index)
            signedIn.on(.POST, APIRoute.applicationMessages(.key), body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.post)
            signedIn.get(APIRoute.messageAttachment(.key), use: self.attachment)
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminReports, use: self.reports)
            admins.post(APIRoute.adminReportResolution(.key), use: self.resolve)
            signedIn.post(APIRoute.messageReports(.key), use: self.report)
        }

        @Sendable func index(req: Request) async throws -> [MessageResponse] {
            try await req.messageDesk.thread(req.parameters.get(ApplicationID.self)?.rawValue, for: try req.requireUser()).messages.map(MessageResponse.init)
        }

        struct MessageInput: Content {
            var body: String
        }

        /// JSON for text only; multipart/form-data with `body` and `file` to attach a file.
        @Sendable func post(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let desk = req.messageDesk
            let thread = try await desk.thread(req.parameters.get(ApplicationID.self)?.rawValue, for: user)
            let message: ApplicationMessage
            if req.headers.contentType?.type == "multipart" {
                let form = try RoundsApp.MessagesController.MessageForm.decode(req)
                message = try await desk.post(MessageDraft(body: form.body ?? ""), attachment: form.attachment, on: thread, by: user)
            } else {
                message = try await desk.post(MessageDraft(body: try req.jsonBody(MessageInput.self).body), on: thread, by: user)
            }
            return try await MessageResponse(message).encodeResponse(status: .created, for: req)
        }

        @Sendable func reports(req: Request) async throws -> [AdminReportResponse] {
            _ = try req.requireUser(.admin)
            return try await MessageReport.query(on: req.db).with(\.$message).sort(\.$createdAt, .descending).limit(200).all().map(AdminReportResponse.init)
        }

        struct ResolutionInput: Content {
            var resolution: ReportResolution
            var note: String?
        }

        @Sendable func resolve(req: Request) async throws -> AdminReportResponse {
            let admin = try req.requireUser(.admin)
            let input = try req.jsonBody(ResolutionInput.self)
            let id = req.parameters.get(MessageReportID.self)?.rawValue
            try await req.messageDesk.resolve(id, as: input.resolution, note: input.note ?? "", by: admin)
            guard let id, let report = try await MessageReport.query(on: req.db).filter(\.$id == id).with(\.$message).first() else {
                throw Abort(.notFound, reason: "No such report.")
            }
            return try AdminReportResponse(report)
        }

        @Sendable func attachment(req: Request) async throws -> Response {
            try await RoundsApp.MessagesController.attachmentResponse(req)
        }

        struct ReportInput: Content {
            var reason: String
        }

        @Sendable func report(req: Request) async throws -> Response {
            let input = try req.jsonBody(ReportInput.self)
            let report = try await req.messageDesk.report(
                req.parameters.get(MessageID.self)?.rawValue, reason: MessageReportDraft(reason: input.reason), by: try req.requireUser())
            return try await MessageReportResponse(id: try report.requireID(), messageID: report.$message.id, createdAt: report.createdAt)
                .encodeResponse(status: .created, for: req)
        }
    }
}
