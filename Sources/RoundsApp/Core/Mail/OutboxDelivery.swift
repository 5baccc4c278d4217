import Fluent
import Prometheus
import Foundation
import SQLKit
import Vapor

/// Delivers queued e-mail. Each message is claimed by a conditional update before sending, so several app
/// instances never send the same message twice; failures are retried with growing delays.
struct OutboxDelivery {
    static let maximumAttempts = 8
    /// How long a claimed message is left alone while an instance sends it.
    static let claimLease: TimeInterval = 5 * 60

    let db: any Database
    let from: String
    let send: @Sendable (MailMessage) async throws -> Void

    /// 1 min, 3 min, 9 min, … capped at 12 hours.
    static func retryDelay(afterAttempt attempt: Int) -> TimeInterval {
        var delay: TimeInterval = 60
        for _ in 1..<max(1, attempt) { delay *= 3 }
        return min(delay, 12 * 60 * 60)
    }

    /// Sends every message that is due; returns how many were sent and how many failed this round.
    @discardableResult
    func deliverDue(now: Date, limit: Int = 50) async throws -> (sent: Int, failed: Int) {
        let due = try await OutboxMessage.query(on: self.db)
            .filter(\.$sentAt == nil)
            .filter(\.$nextAttemptAt <= now)
            .filter(\.$attempts < Self.maximumAttempts)
            .sort(\.$nextAttemptAt)
            .limit(limit)
            .all()
        var sent = 0
        var failed = 0
        for message in due {
            let id = try message.requireID()
            let attempt = message.attempts + 1
            let claimed = try await self.db.updateReturningCount(
                OutboxMessage.schema,
                set: [("attempts", attempt), ("next_attempt_at", now.addingTimeInterval(Self.claimLease))],
                where: {
                    $0.where("id", .equal, SQLBind(id))
                        .where("attempts", .equal, SQLBind(message.attempts))
                        .where("sent_at", .is, SQLLiteral.null)
                }
            )
            guard claimed == 1 else { continue }
            do {
                try await self.send(MailMessage(from: self.from, to: message.recipient, subject: message.subject, body: message.body, listUnsubscribe: message.listUnsubscribe))
                message.sentAt = now
                message.lastError = nil
                message.attempts = attempt
                try await message.save(on: self.db)
                sent += 1
                RoundsMetrics.outboxSent.increment()
            } catch {
                message.attempts = attempt
                message.lastError = String(String(describing: error).prefix(500))
                message.nextAttemptAt = now.addingTimeInterval(Self.retryDelay(afterAttempt: attempt))
                try await message.save(on: self.db)
                failed += 1
                RoundsMetrics.outboxFailures.increment()
            }
        }
        return (sent, failed)
    }
}

/// While `rounds serve` runs with an SMTP server configured, delivers the outbox every few seconds.
final class OutboxWorker: LifecycleHandler, @unchecked Sendable {
    static let interval: Duration = .seconds(5)
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        guard application.isServing, let smtp = application.config.mail.smtp else { return }
        let client = SMTPClient(configuration: smtp, eventLoopGroup: application.eventLoopGroup)
        let delivery = OutboxDelivery(db: application.db, from: application.config.mail.from, send: { try await client.send($0) })
        let clock = application.services.clock
        let logger = application.logger
        self.task = Task {
            while !Task.isCancelled {
                do {
                    let result = try await delivery.deliverDue(now: clock.now())
                    if result.failed > 0 { logger.warning("Outbox: \(result.failed) message(s) failed; will retry") }
                } catch {
                    logger.error("Outbox delivery round failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: Self.interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        self.task?.cancel()
        await self.task?.value
    }
}

extension Application {
    /// Whether this process runs `serve` (the default command) rather than `migrate`, `seed` and so on.
    var isServing: Bool {
        let arguments = self.environment.arguments.dropFirst()
        let command = arguments.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "serve"
        return command == "serve"
    }
}
