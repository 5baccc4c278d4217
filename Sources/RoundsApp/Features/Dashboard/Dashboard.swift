import Fluent
import Foundation
import RoundsCore
import Vapor

/// What the signed-in home page shows each role: what needs them next.
struct Dashboard {
    struct Offer {
        var application: LoadedApplication
        var expiresAt: Date?
    }

    struct Applicant {
        var offers: [Offer]
        var liveApplications: Int
        var lettersWaiting: Int
        var goals: [PortfolioStore.GoalProgress]
        /// The residency plan's open and overdue tasks (dated first), when the applicant has a season.
        var plan: ResidencyOverview?
    }

    struct Host {
        var waitingForReview: Int
        var offersPending: Int
        var sessions: [OpportunitySession]
        var openCycles: [PlacementCycle]
    }

    var applicant: Applicant?
    var host: Host?
    var advisorCycles: [PlacementCycle]?
    var sitesToVerify: Int?

    static func load(for user: User, req: Request) async throws -> Dashboard {
        var dashboard = Dashboard()
        let userID = try user.requireID()
        if user.has(.applicant) {
            let mine = try await ApplicationQueries.mine(user, on: req.db)
            let offers = mine.filter { $0.status == .offered }
                .map { Offer(application: $0, expiresAt: $0.application.offerExpiresAt) }
                .sorted { ($0.expiresAt ?? .distantFuture) < ($1.expiresAt ?? .distantFuture) }
            let letters = try await LetterRequest.query(on: req.db).filter(\.$applicant.$id == userID)
                .filter(\.$status ~~ [.requested, .viewed]).count()
            let goals = try await req.portfolio.overview(of: user).goals
            var plan: ResidencyOverview?
            let profile = try await ProfileStore.load(for: user, on: req.db)
            if let profile, profile.track != .preMed {
                plan = try await req.planner.overview(of: user, requested: nil, profile: profile)
            }
            dashboard.applicant = Applicant(
                offers: offers, liveApplications: mine.filter { $0.status.isLive }.count, lettersWaiting: letters, goals: goals, plan: plan)
        }
        if user.has(.host) {
            let today = Day(req.now).ordinal
            let sessions = try await OpportunitySession.query(on: req.db)
                .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
                .join(Site.self, on: \Opportunity.$site.$id == \Site.$id)
                .filter(Site.self, \.$host.$id == userID)
                .filter(\.$endDay >= today)
                .with(\.$opportunity)
                .sort(\.$startDay).limit(10).all()
            let cycles = try await PlacementCycle.query(on: req.db).filter(\.$status == .open).sort(\.$createdAt).limit(10).all()
            dashboard.host = Host(
                waitingForReview: try await ApplicationQueries.count(submittedTo: user, in: [.submitted, .underReview], on: req.db),
                offersPending: try await ApplicationQueries.count(submittedTo: user, in: [.offered], on: req.db), sessions: sessions, openCycles: cycles)
        }
        if user.has(.advisor) {
            dashboard.advisorCycles = try await PlacementCycle.query(on: req.db).filter(\.$advisor.$id == userID)
                .filter(\.$status != .published).sort(\.$createdAt).all()
        }
        if user.has(.admin) {
            dashboard.sitesToVerify = try await Site.query(on: req.db).filter(\.$isVerified == false).count()
        }
        return dashboard
    }
}
