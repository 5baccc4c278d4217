import Fluent
import Vapor

/// While `rounds serve` runs, expires offers whose time ran out, so applicants and hosts hear of it and
/// the seat's fate is settled even when nobody opens the application.
final class OfferExpiryWorker: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        guard application.isServing else { return }
        let interval = application.config.offerSweepInterval
        let clock = application.services.clock
        let db = application.db
        let origin = application.config.server.origin
        let logger = application.logger
        self.task = Task {
            while !Task.isCancelled {
                do {
                    let expired = try await ApplicationWorkflow(db: db, now: clock.now(), origin: origin).expireOverdueOffers()
                    if expired > 0 { logger.info("Expired \(expired) unanswered offer(s)") }
                } catch {
                    logger.error("Offer expiry round failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        self.task?.cancel()
        await self.task?.value
    }
}
