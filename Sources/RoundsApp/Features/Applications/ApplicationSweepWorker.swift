import Fluent
import Vapor

/// While `rounds serve` runs, expires offers whose time ran out (so both sides hear of it even when nobody
/// opens the application), completes accepted places whose session has ended, and marks letter requests
/// whose link ran out as expired.
enum ApplicationSweepWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(name: "Offer expiry", interval: \.offerSweepInterval) { application in
            let now = application.services.clock.now()
            let origin = application.config.server.origin
            let logger = application.logger
            let workflow = ApplicationWorkflow(db: application.db, now: now, origin: origin)
            let expired = try await workflow.expireOverdueOffers()
            if expired > 0 { logger.info("Expired \(expired) unanswered offer(s)") }
            let completed = try await workflow.completeFinishedPlacements()
            if completed > 0 { logger.info("Completed \(completed) finished placement(s)") }
            let storage = application.documentStore()
            let letters = LetterDesk(db: application.db, storage: storage, now: now, origin: origin)
            let lapsed = try await letters.expireOverdueLinks()
            if lapsed > 0 { logger.info("Expired \(lapsed) unanswered letter link(s)") }
        }
    }
}
