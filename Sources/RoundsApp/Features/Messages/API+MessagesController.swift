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
