import Fluent
import Vapor

/// While `rounds serve` runs, expires offers whose time ran out (so both sides hear of it even when nobody
/// opens the application), completes accepted places whose session has ended, and marks letter requests
/// whose link ran out as expired.
final class ApplicationSweepWorker: LifecycleHandler, @unchecked Sendable {
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
                    let workflow = ApplicationWorkflow(db: db, now: clock.now(), origin: origin)
                    let expired = try await workflow.expireOverdueOffers()
                    if expired > 0 { logger.info("Expired \(expired) unanswered offer(s)") }
                    let completed = try await workflow.completeFinishedPlacements()
                    if completed > 0 { logger.info("Completed \(completed) finished placement(s)") }
                    let storage = DocumentStorage(storageDirectory: application.config.storageDirectory, threadPool: application.threadPool)
                    let letters = LetterDesk(db: db, storage: storage, now: clock.now(), origin: origin)
                    let lapsed = try await letters.expireOverdueLinks()
                    if lapsed > 0 { logger.info("Expired \(lapsed) unanswered letter link(s)") }
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
