import Fluent
import Foundation
import RoundsCore
import Tagged
import SQLKit
import Vapor

/// Threads of messages per application, and an applicant's questions about an opportunity before applying.
/// Only the two parties read and write one; an administrator reads it only once a message in it has been
/// reported.
struct MessageDesk {
    let db: any Database
    let now: Date
    let origin: String
    let store: any DocumentStore
    let maximumAttachmentBytes: Int

    /// A file sent with a message, as uploaded.
    struct Attachment {
        var fileName: String
        var bytes: [UInt8]
    }

    static let notFound = Abort(.notFound, reason: "No such conversation of yours.")

    /// A conversation as `viewer` may see it, with the side they are on (nil for an administrator reading a
    /// reported thread) and whether they may write in it now.
    struct Thread {
        enum Subject {
            case application(LoadedApplication)
            /// One applicant's questions about one opportunity, before applying; the opportunity has its
            /// site and host loaded.
            case questions(opportunity: Opportunity, applicant: User)
        }

        var subject: Subject
        var party: ApplicationParty?
        var canWrite: Bool
        var messages: [ApplicationMessage]
        var reports: [MessageReport]

        var opportunity: Opportunity {
            switch self.subject {
            case .application(let loaded): loaded.opportunity
            case .questions(let opportunity, _): opportunity
            }
        }
        var applicant: User {
            switch self.subject {
            case .application(let loaded): loaded.applicant
            case .questions(_, let applicant): applicant
            }
        }
        var host: User { self.opportunity.site.host }
        /// The thread's page.
        var path: String {
            switch self.subject {
            case .application(let loaded): SiteRoute.applicationMessages(try? loaded.application.requireTypedID()).path
            case .questions(let opportunity, let applicant): SiteRoute.questions(try? opportunity.requireTypedID(), try? applicant.requireTypedID()).path
            }
        }
    }

    func thread(_ applicationID: UUID?, for viewer: User) async throws -> Thread {
        guard let applicationID, let loaded = try await LoadedApplication.load(applicationID, on: self.db) else { throw Self.notFound }
        let party = Self.party(of: viewer, in: loaded)
        let messages = try await ApplicationMessage.query(on: self.db).filter(\.$application.$id == applicationID)
            .sort(\.$createdAt).sort(\.$id).all()
        return try await self.visible(Thread(subject: .application(loaded), party: party, canWrite: party != nil, messages: messages, reports: []), to: viewer)
    }

    /// `applicantID`'s questions about an opportunity. The applicant asks while the opportunity is published
    /// and its host takes questions; the host answers once there is a question, whatever the setting.
    func questions(about opportunityID: UUID?, from applicantID: UUID?, for viewer: User) async throws -> Thread {
        guard let opportunityID, let applicantID,
            let opportunity = try await Opportunity.query(on: self.db).filter(\.$id == opportunityID).with(\.$site, { $0.with(\.$host) }).first(),
            let applicant = try await User.find(applicantID, on: self.db)
        else { throw Self.notFound }
        let messages = try await ApplicationMessage.query(on: self.db).filter(\.$opportunity.$id == opportunityID).filter(\.$applicant.$id == applicantID)
            .sort(\.$createdAt).sort(\.$id).all()
        let open = opportunity.status == .published && opportunity.acceptsQuestions
        var party: ApplicationParty?
        var canWrite = false
        if viewer.id == applicantID, applicant.has(.applicant), opportunity.site.$host.id != applicantID, open || !messages.isEmpty {
            party = .applicant
            canWrite = open
        } else if viewer.id == opportunity.site.$host.id, viewer.has(.host), !messages.isEmpty {
            party = .host
            canWrite = true
        }
        let thread = Thread(subject: .questions(opportunity: opportunity, applicant: applicant), party: party, canWrite: canWrite, messages: messages, reports: [])
        return try await self.visible(thread, to: viewer)
    }

    /// The thread with its reports, if `viewer` is a party or an administrator investigating a report.
    private func visible(_ thread: Thread, to viewer: User) async throws -> Thread {
        var thread = thread
        thread.reports = thread.messages.isEmpty
            ? [] : try await MessageReport.query(on: self.db).filter(\.$message.$id ~~ thread.messages.compactMap(\.id)).sort(\.$createdAt).all()
        guard thread.party != nil || (viewer.has(.admin) && !thread.reports.isEmpty) else { throw Self.notFound }
        return thread
    }

    /// The thread a message belongs to, as `viewer` may see it.
    func thread(of message: ApplicationMessage, for viewer: User) async throws -> Thread {
        if let applicationID = message.$application.id { return try await self.thread(applicationID, for: viewer) }
        return try await self.questions(about: message.$opportunity.id, from: message.$applicant.id, for: viewer)
    }

    /// The page of the thread a message belongs to.
    static func path(of message: ApplicationMessage) -> String {
        if let applicationID = message.$application.id { return SiteRoute.applicationMessages(ApplicationID(applicationID)).path }
        let opportunityID: OpportunityID? = message.$opportunity.id.map { OpportunityID($0) }
        let applicantID: UserID? = message.$applicant.id.map { UserID($0) }
        return SiteRoute.questions(opportunityID, applicantID).path
    }

    /// One applicant's questions about one opportunity, as the host's list shows them.
    struct QuestionThread {
        var opportunityID: UUID
        var opportunityTitle: String
        var applicantID: UUID
        var applicantName: String
        var messageCount: Int
        var lastAt: Date
        /// The applicant wrote last, so the host owes an answer.
        var awaitingAnswer: Bool
    }

    /// Every question thread about the host's opportunities, the ones awaiting an answer first, then newest.
    func questionThreads(hostedBy host: User) async throws -> [QuestionThread] {
        let messages = try await ApplicationMessage.query(on: self.db)
            .join(Opportunity.self, on: \ApplicationMessage.$opportunity.$id == \Opportunity.$id)
            .join(Site.self, on: \Opportunity.$site.$id == \Site.$id)
            .filter(Site.self, \.$host.$id == host.requireID())
            .with(\.$opportunity).with(\.$applicant)
            .sort(\.$createdAt).sort(\.$id).all()
        var threads: [String: QuestionThread] = [:]
        for message in messages {
            guard let opportunity = message.opportunity, let applicant = message.applicant else { continue }
            let opportunityID = try opportunity.requireID()
            let applicantID = try applicant.requireID()
            let key = "\(opportunityID)/\(applicantID)"
            var thread = threads[key] ?? QuestionThread(
                opportunityID: opportunityID, opportunityTitle: opportunity.title, applicantID: applicantID,
                applicantName: applicant.displayName, messageCount: 0, lastAt: message.createdAt, awaitingAnswer: false)
            thread.messageCount += 1
            thread.lastAt = message.createdAt
            thread.awaitingAnswer = message.party == .applicant
            threads[key] = thread
        }
        return threads.values.sorted { ($0.awaitingAnswer ? 0 : 1, $1.lastAt) < ($1.awaitingAnswer ? 0 : 1, $0.lastAt) }
    }

    /// How many messages `applicant` has in their questions about an opportunity.
    func questionCount(about opportunityID: UUID, from applicant: User) async throws -> Int {
        try await ApplicationMessage.query(on: self.db).filter(\.$opportunity.$id == opportunityID).filter(\.$applicant.$id == applicant.requireID()).count()
    }

    /// The applicant, or the host once the application is submitted: drafts have no conversation.
    static func party(of user: User, in loaded: LoadedApplication) -> ApplicationParty? {
        guard loaded.status != .draft else { return nil }
        return loaded.parties(of: user).first
    }

    /// Sends a message to the other side: stored, noticed in the app and, if their setting says so, e-mailed
    /// at once — all in one transaction.
    /// An attachment is checked like a document (PDF, PNG or JPEG by content, the upload size limit, a plain
    /// name) and stored before the transaction; if the transaction fails, the stored bytes are removed.
    func post(_ draft: MessageDraft, attachment: Attachment? = nil, on thread: Thread, by author: User) async throws -> ApplicationMessage {
        guard let party = thread.party else { throw Self.notFound }
        guard thread.canWrite else {
            throw Abort(.conflict, reason: "This opportunity takes no questions now; the host can still answer the ones asked.")
        }
        let recipient = party == .applicant ? thread.host : thread.applicant
        var errors: [FieldError] = []
        var body = ""
        switch draft.check(allowing: [thread.applicant.displayName, thread.host.displayName]) {
        case .success(let text): body = text
        case .failure(let report): errors += report.errors
        }
        var checked: DocumentUpload.Checked?
        if let attachment {
            switch DocumentUpload.check(kind: DocumentKind.other.rawValue, fileName: attachment.fileName, bytes: attachment.bytes, maximumBytes: self.maximumAttachmentBytes) {
            case .success(let result): checked = result
            case .failure(let report): errors += report.errors
            }
        }
        guard errors.isEmpty else { throw ValidationReport(errors) }
        let message = try ApplicationMessage(in: thread.subject, author: author, party: party, recipientID: try recipient.requireID(), body: body, now: self.now)
        if let attachment, let checked {
            message.attachmentKey = try await self.store.write(attachment.bytes)
            message.attachmentName = checked.fileName
            message.attachmentMediaType = checked.signature.mediaType
            message.attachmentByteCount = attachment.bytes.count
            message.attachmentSHA256 = SecretToken.hexSHA256(Data(attachment.bytes))
        }
        do {
            try await self.record(message, to: recipient, in: thread, by: author)
        } catch {
            if let key = message.attachmentKey { try? await self.store.delete(key) }
            throw error
        }
        return message
    }

    private func record(_ message: ApplicationMessage, to recipient: User, in thread: Thread, by author: User) async throws {
        let body = message.body
        let setting = recipient.messageEmail.flatMap(MessageEmail.init) ?? .each
        let subject = thread.opportunity.title
        let title = message.$opportunity.id == nil ? "Message from \(author.displayName): \(subject)" : "Question from \(author.displayName): \(subject)"
        let link = thread.path
        try await self.db.transaction { db in
            if setting == .each { message.mailedAt = self.now }
            try await message.create(on: db)
            try await UserNotification(userID: try recipient.requireID(), title: title, body: Self.excerpt(body), link: link, now: self.now).create(on: db)
            if setting == .each {
                let file = message.attachmentName.map { "\n\nAttached in Rounds: \($0)" } ?? ""
                try await Outbox.enqueue(
                    to: recipient.email, subject: "Rounds: \(title)",
                    body: "\(author.displayName) wrote about \(subject):\n\n\(body)\(file)\n\nAnswer in Rounds: \(self.origin)\(link)\n"
                        + "(Change how Rounds e-mails you about messages on that page.)\n",
                    now: self.now, on: db
                )
            }
        }
    }

    /// The attachment of a message in a conversation `viewer` may read; a removed message has none.
    func attachment(_ messageID: UUID?, for viewer: User) async throws -> (ApplicationMessage, Data) {
        guard let messageID, let message = try await ApplicationMessage.find(messageID, on: self.db) else { throw Self.notFound }
        _ = try await self.thread(of: message, for: viewer)
        guard message.removedAt == nil, let key = message.attachmentKey else { throw Abort(.notFound, reason: "No such attachment.") }
        return (message, try await self.store.read(key))
    }

    /// A party flags a message for the administrators; once per message and person.
    func report(_ messageID: UUID?, reason draft: MessageReportDraft, by reporter: User) async throws -> MessageReport {
        guard let messageID, let message = try await ApplicationMessage.find(messageID, on: self.db) else { throw Self.notFound }
        let thread = try await self.thread(of: message, for: reporter)
        guard thread.party != nil else { throw Self.notFound }
        guard message.$author.id != reporter.id else { throw Abort(.unprocessableEntity, reason: "You can report the other side's messages, not your own.") }
        let reason = try draft.check().get()
        let report = try MessageReport(message: message, reporter: reporter, reason: reason, now: self.now)
        do {
            try await report.create(on: self.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "You reported this message already; the administrators have it.")
        }
        report.$message.value = message
        return report
    }

    /// An administrator decides a report: kept, or the message's text removed. Recorded in the audit log
    /// in the same transaction; a report already decided is 409.
    func resolve(_ reportID: UUID?, as resolution: ReportResolution, note: String, by admin: User) async throws {
        guard let reportID, let report = try await MessageReport.query(on: self.db).filter(\.$id == reportID).with(\.$message).first() else {
            throw Abort(.notFound, reason: "No such report.")
        }
        guard let note = ReportText.checked(note, limit: MessageReportDraft.limit, required: false) else {
            throw ValidationReport([FieldError(field: "note", message: "The note is at most \(MessageReportDraft.limit) characters.")])
        }
        let removedFile = resolution == .remove ? report.message.attachmentKey : nil
        try await self.db.transaction { db in
            let decided = try await db.updateReturningCount(
                MessageReport.schema, set: [("resolved_at", self.now), ("resolution", resolution.rawValue), ("resolution_note", note)],
                where: { $0.where("id", .equal, SQLBind(reportID)).where("resolved_at", .is, SQLLiteral.null) }
            )
            guard decided == 1 else { throw Abort(.conflict, reason: "This report was decided already.") }
            if resolution == .remove {
                _ = try await db.updateReturningCount(
                    ApplicationMessage.schema,
                    set: [
                        ("body", ""), ("removed_at", self.now), ("attachment_key", String?.none), ("attachment_name", String?.none),
                        ("attachment_media_type", String?.none), ("attachment_byte_count", Int?.none), ("attachment_sha256", String?.none),
                    ],
                    where: { $0.where("id", .equal, SQLBind(report.$message.id)).where("removed_at", .is, SQLLiteral.null) }
                )
            }
            try await AdminAction.record(
                "message.\(resolution.rawValue)", by: admin, subject: "message from \(report.message.authorName) reported by \(report.reporterName)",
                subjectID: report.$message.id, reason: note, now: self.now, on: db
            )
        }
        // A removed message's file goes too, once the decision is committed.
        if let removedFile { try? await self.store.delete(removedFile) }
    }

    /// Changes how `user` hears of new messages by e-mail.
    func setEmail(_ raw: String?, for user: User) async throws {
        guard let raw, let setting = MessageEmail(rawValue: raw) else {
            throw ValidationReport([FieldError(field: "message_email", message: "Choose how Rounds e-mails you about messages.")])
        }
        user.messageEmail = setting.rawValue
        try await user.save(on: self.db)
    }

    /// The first line or so of a message, for notices.
    static func excerpt(_ body: String) -> String {
        let line = body.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        return line.textLength > 140 ? String(line.unicodeScalars.prefix(139)) + "…" : line
    }
}

extension Application {
    /// The desk for work outside a request (demo data, workers).
    func messageDesk(now: Date) -> MessageDesk {
        MessageDesk(db: self.db, now: now, origin: self.config.server.origin, store: self.documentStore(), maximumAttachmentBytes: self.config.uploadMaximumBytes)
    }
}

extension Request {
    var messageDesk: MessageDesk {
        MessageDesk(
            db: self.db, now: self.now, origin: self.config.server.origin, store: self.documentStorage, maximumAttachmentBytes: self.config.uploadMaximumBytes)
    }
}
