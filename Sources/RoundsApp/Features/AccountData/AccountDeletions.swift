import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Deleting one's own account: what it takes with it (shown before anyone confirms), the request (password,
/// and a second-factor code where it is on), the grace period, and the deletion itself.
struct AccountDeletions {
    let db: any Database
    let now: Date
    let config: AppConfig

    /// What deleting `user` would do, counted from their data.
    struct Consequences: Sendable {
        var liveApplications = 0
        var acceptedPlaces = 0
        var letters = 0
        var assignedLetters = 0
        var documents = 0
        var experiences = 0
        var verifiedExperiences = 0
        var statements = 0
        var upcomingBookings = 0
        var reviewsAsAdvisor = 0
        /// Reasons the account cannot be deleted yet; empty when it can.
        var blockers: [String] = []
        var grace: TimeInterval
    }

    func consequences(for user: User) async throws -> Consequences {
        let id = try user.requireID()
        var result = Consequences(grace: self.config.accountDeletionGrace)
        let applications = try await SessionApplication.query(on: self.db).filter(\.$applicant.$id == id).all()
        result.liveApplications = applications.filter { $0.status.isLive && $0.status != .draft }.count
        result.acceptedPlaces = applications.filter { $0.status == .accepted }.count
        let letters = try await LetterRequest.query(on: self.db).filter(\.$applicant.$id == id).all()
        result.letters = letters.count
        result.assignedLetters = letters.filter { $0.assignedCount > 0 }.count
        result.documents = try await Document.query(on: self.db).filter(\.$owner.$id == id).count()
        let experiences = try await Experience.query(on: self.db).filter(\.$owner.$id == id).all()
        result.experiences = experiences.count
        result.verifiedExperiences = experiences.filter { $0.verifiedBy != nil }.count
        result.statements = try await PersonalStatement.query(on: self.db).filter(\.$owner.$id == id).count()
        result.upcomingBookings = try await AdvisorSlot.query(on: self.db)
            .filter(\.$bookedBy.$id == id).filter(\.$startsAt > self.now).filter(\.$cancelledAt == nil).count()
        result.reviewsAsAdvisor = try await Review.query(on: self.db).filter(\.$advisor.$id == id).count()
        result.blockers = try await self.blockers(for: user)
        return result
    }

    /// Rows that must not go with the account: sites others apply to, and placement cycles others are in.
    func blockers(for user: User) async throws -> [String] {
        let id = try user.requireID()
        var blockers: [String] = []
        let sites = try await Site.query(on: self.db).filter(\.$host.$id == id).count()
        if sites > 0 {
            blockers.append(
                "You host \(sites == 1 ? "a site" : "\(sites) sites"). Applicants' applications and records depend on \(sites == 1 ? "it" : "them"), and Rounds cannot "
                    + "hand a site to another host yet, so a host account cannot be deleted here; ask the administrators to suspend your sites and disable your account.")
        }
        let cycles = try await PlacementCycle.query(on: self.db).filter(\.$advisor.$id == id).count()
        if cycles > 0 {
            blockers.append(
                "You run \(cycles == 1 ? "a placement cycle" : "\(cycles) placement cycles"), which other people's placements depend on; Rounds cannot hand "
                    + "\(cycles == 1 ? "it" : "them") to another advisor yet, so ask the administrators to disable your account instead.")
        }
        if user.has(.admin) {
            let admins = try await User.query(on: self.db).filter(\.$storedRoles ~~ Role.admin.rawValue).filter(\.$disabledAt == nil).all()
                .filter { $0.has(.admin) && $0.id != id }
            if admins.isEmpty { blockers.append("You are the only administrator; make someone else one first.") }
        }
        return blockers
    }

    static let wrongCode = ValidationReport([FieldError(field: "code", message: "This code is not right; type the current one from your app or a recovery code.")])

    /// Schedules the deletion after checking the password (and second factor), and signs the account out
    /// everywhere in the same transaction: nobody is left signed in to an account on its way out.
    func schedule(_ user: User, password: String, code: String?, accounts: AccountService, twoFactor: TwoFactorService) async throws -> Date {
        guard try await accounts.isCurrentPassword(password, of: user) else { throw ValidationReport([AccountService.wrongCurrentPassword]) }
        if user.hasTwoFactor {
            guard try await twoFactor.verify(code ?? "", for: user) else { throw Self.wrongCode }
        }
        let blockers = try await self.blockers(for: user)
        guard blockers.isEmpty else { throw Abort(.conflict, reason: blockers.joined(separator: " ")) }
        let due = self.now.addingTimeInterval(self.config.accountDeletionGrace)
        let id = try user.requireID()
        try await self.db.transaction { db in
            let changed = try await db.updateReturningCount(
                User.schema, set: [("deletion_requested_at", self.now), ("deletion_due_at", due)],
                where: { $0.where("id", .equal, SQLBind(id)).where("deletion_due_at", .is, SQLLiteral.null) }
            )
            guard changed == 1 else { throw Abort(.conflict, reason: "Your account is already scheduled for deletion.") }
            try await UserSession.query(on: db).filter(\.$user.$id == id).delete()
            try await APIToken.query(on: db).filter(\.$user.$id == id).delete()
            try await Outbox.enqueue(
                to: user.email, subject: "Your Rounds account will be deleted on \(Self.day(due))",
                body: """
                    Hello \(user.displayName),

                    You asked Rounds to delete your account. It will be deleted on \(Self.day(due)) (UTC), with
                    everything in it. Until then you can change your mind: signing in cancels the deletion.
                    If you did not ask for this, sign in now and change your password.
                    """,
                now: self.now, on: db
            )
        }
        user.deletionRequestedAt = self.now
        user.deletionDueAt = due
        return due
    }

    /// Deletes every account whose grace period is over. Returns how many were deleted.
    func deleteDue(store: any DocumentStore, origin: String, logger: Logger) async throws -> Int {
        let due = try await User.query(on: self.db).filter(\.$deletionDueAt <= self.now).all()
        var deleted = 0
        for user in due {
            let blockers = try await self.blockers(for: user)
            guard blockers.isEmpty else {
                logger.warning("An account due for deletion is kept: \(blockers.joined(separator: " "))")
                continue
            }
            if try await self.delete(user, store: store, origin: origin) { deleted += 1 }
        }
        return deleted
    }

    /// Withdraws the person's live applications (hosts are told, accepted seats go back and are offered to
    /// the waitlist), then deletes the account and everything that belongs to it in one transaction — only
    /// if it is still due, so a sign-in a moment earlier wins — and finally the stored files.
    private func delete(_ user: User, store: any DocumentStore, origin: String) async throws -> Bool {
        let id = try user.requireID()
        let workflow = ApplicationWorkflow(db: self.db, now: self.now, origin: origin)
        let live = try await SessionApplication.query(on: self.db).filter(\.$applicant.$id == id)
            .filter(\.$status ~~ ApplicationStatus.live.filter { $0 != .draft }).all()
        for application in live {
            do {
                try await workflow.perform(ApplicationWorkflow.Change(action: .withdraw, note: "The applicant deleted their Rounds account."), on: application.requireID(), by: .user(user))
            } catch let abort as any AbortError where abort.status == .conflict {
                continue  // changed a moment ago; the rows go below either way
            }
        }
        var keys = try await Document.query(on: self.db).filter(\.$owner.$id == id).all().map(\.storageKey)
        keys += try await LetterRequest.query(on: self.db).filter(\.$applicant.$id == id).all().compactMap(\.storageKey)
        // Files sent in the person's conversations (their applications' and their questions), by either side, go with them.
        keys += try await ApplicationMessage.query(on: self.db)
            .join(SessionApplication.self, on: \ApplicationMessage.$application.$id == \SessionApplication.$id)
            .filter(SessionApplication.self, \.$applicant.$id == id).all().compactMap(\.attachmentKey)
        keys += try await ApplicationMessage.query(on: self.db).filter(\.$applicant.$id == id).all().compactMap(\.attachmentKey)
        let gone = try await self.db.transaction { db -> Bool in
            let stillDue = try await User.query(on: db).filter(\.$id == id).filter(\.$deletionDueAt <= self.now).count()
            guard stillDue == 1 else { return false }
            // Attachments reference documents with ON DELETE RESTRICT; remove them before the cascade.
            let applicationIDs = try await SessionApplication.query(on: db).filter(\.$applicant.$id == id).all(\.$id)
            if !applicationIDs.isEmpty {
                try await ApplicationDocument.query(on: db).filter(\.$application.$id ~~ applicationIDs).delete()
            }
            try await User.query(on: db).filter(\.$id == id).delete()
            try await Outbox.enqueue(
                to: user.email, subject: "Your Rounds account is deleted",
                body: """
                    Hello \(user.displayName),

                    As you asked, your Rounds account and everything in it are deleted. Backups made before today
                    keep a copy until they are rotated out. Thank you for using Rounds.
                    """,
                now: self.now, on: db
            )
            return true
        }
        guard gone else { return false }
        for key in keys { try? await store.delete(key) }
        return true
    }

    static func day(_ date: Date) -> String {
        ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
    }
}

/// While `rounds serve` runs, deletes the accounts whose grace period is over (as often as reminders are
/// looked for). The deletion's conditional checks make running it on every instance safe.
enum AccountDeletionWorker {
    static func make() -> PeriodicWorker {
        PeriodicWorker(name: "Account deletion", interval: \.reminderSweepInterval) { application in
            let deletions = AccountDeletions(db: application.db, now: application.services.clock.now(), config: application.config)
            let deleted = try await deletions.deleteDue(store: application.documentStore(), origin: application.config.server.origin, logger: application.logger)
            if deleted > 0 { application.logger.info("Deleted \(deleted) account(s) whose grace period was over") }
        }
    }
}
