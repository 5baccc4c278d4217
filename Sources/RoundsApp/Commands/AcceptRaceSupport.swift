import Fluent
import Foundation
import RoundsCore
import Vapor

/// The fixture and the check of `rounds-bench accept-race`: one session with few seats and many
/// applicants holding offers, so several app instances can be raced against one database.
public enum AcceptRaceSupport {
    public struct Offer: Sendable {
        public var applicationID: UUID
        public var token: String
    }

    /// A verified site, a published opportunity with one session of `seats` seats, and `applicants`
    /// applicants (with API tokens) each holding an open offer for it. Returns the session id and the offers.
    public static func prepare(_ app: Application, applicants: Int, seats: Int) async throws -> (session: UUID, offers: [Offer]) {
        let now = app.services.clock.now()
        let run = UUID().uuidString.prefix(8).lowercased()
        // Everyone authenticates by API token here; one hash of a random password serves all accounts.
        let unusableHash = try await app.services.passwordHasher.hash(SecretToken().value)
        let host = User(email: "race-host-\(run)@rounds.test", displayName: "Race Host", passwordHash: unusableHash, roles: [.host])
        try await host.create(on: app.db)
        let place = ZIPCodes.directory.place("10016")!
        let site = Site(
            hostID: try host.requireID(), name: "Race Hospital \(run)", kind: .hospital, street: "1 Main Street", city: place.city, state: place.state,
            zip: "10016", coordinate: place.coordinate, website: nil, isVerified: true
        )
        try await site.create(on: app.db)
        let opportunity = Opportunity()
        opportunity.$site.id = try site.requireID()
        opportunity.apply(try OpportunityDraft.raceDraft.parse().get())
        opportunity.status = OpportunityStatus.published
        let start = Day(now).adding(days: 60)
        let session = OpportunitySession(opportunityID: UUID(), start: start, end: start.adding(days: 27), deadline: start.adding(days: -14), seats: seats)
        try await CatalogVersion.changing(on: app.db, touching: [.site(try site.requireID())]) { db in
            try await opportunity.create(on: db)
            session.$opportunity.id = try opportunity.requireID()
            try await session.create(on: db)
        }
        var offers: [Offer] = []
        for index in 0..<applicants {
            let user = User(email: "race-\(run)-\(index)@rounds.test", displayName: "Racer \(index)", passwordHash: unusableHash, roles: [.applicant])
            try await user.create(on: app.db)
            let token = try await APITokens.create(for: user, name: "race", on: app.db, now: now)
            let application = SessionApplication(
                applicantID: try user.requireID(), sessionID: try session.requireID(), status: .offered, statement: "Racing for a seat.",
                offerExpiresAt: now.addingTimeInterval(86_400), now: now
            )
            try await application.create(on: app.db)
            offers.append(Offer(applicationID: try application.requireID(), token: token.secret))
        }
        return (try session.requireID(), offers)
    }

    /// How many applications of the session are accepted, and what its seat counter says.
    public static func counts(_ app: Application, session: UUID) async throws -> (accepted: Int, seatsTaken: Int) {
        let accepted = try await SessionApplication.query(on: app.db).filter(\.$session.$id == session)
            .filter(\.$status == ApplicationStatus.accepted).count()
        let seatsTaken = try await OpportunitySession.find(session, on: app.db)?.seatsTaken ?? -1
        return (accepted, seatsTaken)
    }
}

extension OpportunityDraft {
    static var raceDraft: OpportunityDraft {
        var draft = OpportunityDraft()
        draft.title = "Accept race observership"
        draft.description = "A session raced for by many applicants at once."
        draft.type = OpportunityType.observership.rawValue
        draft.specialty = "internal-medicine"
        draft.isHandsOn = false
        draft.setting = ClinicalSetting.inpatient.rawValue
        draft.audiences = [Audience.imgGraduate.rawValue]
        draft.visaClasses = [VisaClass.b1b2.rawValue]
        draft.fee = "0"
        draft.currency = "USD"
        draft.letterPolicy = LetterPolicy.onRequest.rawValue
        return draft
    }
}
