import Fluent
import Foundation
import RoundsCore
import Tagged
import SQLKit
import Vapor

/// Daily digests for people who chose them: the messages not yet e-mailed, at most one e-mail a day.
struct MessageDigest {
    let db: any Database
    let now: Date
    let origin: String

    /// Sends the digests that are due; returns how many were sent.
    func sendDue() async throws -> Int {
        let waiting = try await ApplicationMessage.query(on: self.db).filter(\.$mailedAt == nil).filter(\.$removedAt == nil)
            .filter(\.$recipient.$id != nil).with(\.$application) { $0.with(\.$session) { $0.with(\.$opportunity) } }.with(\.$opportunity)
            .sort(\.$createdAt).all()
        let byRecipient = Dictionary(grouping: waiting) { $0.$recipient.id! }
        var sent = 0
        for (recipientID, messages) in byRecipient {
            guard let recipient = try await User.find(recipientID, on: self.db), recipient.messageEmail == MessageEmail.daily.rawValue else { continue }
            if let last = recipient.messageDigestAt, self.now.timeIntervalSince(last) < MessageEmail.digestInterval { continue }
            let ids = messages.compactMap(\.id)
            let lines = messages.map { message in
                let title = message.application?.session.opportunity.title ?? message.opportunity?.title ?? ""
                let link = MessageDesk.path(of: message)
                return "- \(message.authorName) about \(title), \(DisplayFormat.dateTime(message.createdAt)):\n  \(MessageDesk.excerpt(message.body))\n  \(self.origin)\(link)"
            }
            let mailed = try await self.db.transaction { db -> Bool in
                // Claimed by the digest time, so two instances never send the same digest.
                let claimed = try await db.updateReturningCount(
                    User.schema, set: [("message_digest_at", self.now)],
                    where: {
                        let update = $0.where("id", .equal, SQLBind(recipientID))
                        if let last = recipient.messageDigestAt { return update.where("message_digest_at", .equal, SQLBind(last)) }
                        return update.where("message_digest_at", .is, SQLLiteral.null)
                    }
                )
                guard claimed == 1 else { return false }
                try await ApplicationMessage.query(on: db).filter(\.$id ~~ ids).set(\.$mailedAt, to: self.now).update()
                try await Outbox.enqueue(
                    to: recipient.email, subject: "Rounds: \(messages.count) new message\(messages.count == 1 ? "" : "s")",
                    body: "Hello \(recipient.displayName),\n\nNew messages since your last digest:\n\n\(lines.joined(separator: "\n\n"))\n\n"
                        + "You get one e-mail a day about messages; change it on any conversation's page.\n",
                    now: self.now, on: db
                )
                return true
            }
            if mailed { sent += 1 }
        }
        return sent
    }
}

/// While `rounds serve` runs, sends the daily message digests that are due.
enum MessageDigestWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(name: "Message digests", interval: \.reminderSweepInterval) { application in
            let digests = MessageDigest(db: application.db, now: application.services.clock.now(), origin: application.config.server.origin)
            let sent = try await digests.sendDue()
            if sent > 0 { application.logger.info("Sent \(sent) message digest(s)") }
        }
    }
}
