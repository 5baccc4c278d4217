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
    /// The application whose thread it is in, or the opportunity and applicant of a question thread.
    var applicationID: UUID?
    var opportunityID: UUID?
    var applicantID: UUID?
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
        case opportunityID = "opportunity_id"
        case applicantID = "applicant_id"
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
        self.opportunityID = report.message.$opportunity.id
        self.applicantID = report.message.$applicant.id
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

/// One applicant's questions about one of the host's opportunities.
struct QuestionThreadResponse: Content {
    var opportunityID: UUID
    var opportunityTitle: String
    var applicantID: UUID
    var applicantName: String
    var messageCount: Int
    var lastAt: Date
    var awaitingAnswer: Bool
    var url: String

    enum CodingKeys: String, CodingKey {
        case url
        case opportunityID = "opportunity_id"
        case opportunityTitle = "opportunity_title"
        case applicantID = "applicant_id"
        case applicantName = "applicant_name"
        case messageCount = "message_count"
        case lastAt = "last_at"
        case awaitingAnswer = "awaiting_answer"
    }

    init(_ thread: MessageDesk.QuestionThread) {
        self.opportunityID = thread.opportunityID
        self.opportunityTitle = thread.opportunityTitle
        self.applicantID = thread.applicantID
        self.applicantName = thread.applicantName
        self.messageCount = thread.messageCount
        self.lastAt = thread.lastAt
        self.awaitingAnswer = thread.awaitingAnswer
        self.url = APIRoute.questions(OpportunityID(thread.opportunityID), UserID(thread.applicantID)).path
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
    /// Conversations over JSON, for their two parties: an application's, and questions before applying.
    struct MessagesController: RouteCollection {
        let maximumBodyBytes: Int

        func boot(routes: any RoutesBuilder) throws {
            let signedIn = routes.grouped(SignInRequired())
            signedIn.get(APIRoute.applicationMessages(.key), use: self.index)
            signedIn.on(.POST, APIRoute.applicationMessages(.key), body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.post)
            signedIn.get(APIRoute.messageAttachment(.key), use: self.attachment)
            signedIn.get(APIRoute.questions(.key, .key), use: self.index)
            signedIn.on(.POST, APIRoute.questions(.key, .key), body: .collect(maxSize: ByteCount(value: self.maximumBodyBytes)), use: self.post)
            let hosts = routes.grouped(SignInRequired(roles: [.host]))
            hosts.get(APIRoute.hostQuestions, use: self.hostQuestions)
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminReports, use: self.reports)
            admins.post(APIRoute.adminReportResolution(.key), use: self.resolve)
            signedIn.post(APIRoute.messageReports(.key), use: self.report)
        }

        @Sendable func index(req: Request) async throws -> [MessageResponse] {
            try await RoundsApp.MessagesController.thread(req, for: try req.requireUser()).messages.map(MessageResponse.init)
        }

        struct MessageInput: Content {
            var body: String
        }

        /// JSON for text only; multipart/form-data with `body` and `file` to attach a file.
        @Sendable func post(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let desk = req.messageDesk
            let thread = try await RoundsApp.MessagesController.thread(req, for: user)
            let message: ApplicationMessage
            if req.headers.contentType?.type == "multipart" {
                let form = try RoundsApp.MessagesController.MessageForm.decode(req)
                message = try await desk.post(MessageDraft(body: form.body ?? ""), attachment: form.attachment, on: thread, by: user)
            } else {
                message = try await desk.post(MessageDraft(body: try req.jsonBody(MessageInput.self).body), on: thread, by: user)
            }
            return try await MessageResponse(message).encodeResponse(status: .created, for: req)
        }

        @Sendable func hostQuestions(req: Request) async throws -> [QuestionThreadResponse] {
            try await req.messageDesk.questionThreads(hostedBy: try req.requireUser(.host)).map(QuestionThreadResponse.init)
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
