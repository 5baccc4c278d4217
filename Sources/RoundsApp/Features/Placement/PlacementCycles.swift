import Fluent
import Foundation
import RoundsCore
import SQLKit
import Tagged
import Vapor

/// Placement cycles over the database: advisors open, run and publish them; applicants and hosts submit
/// rank lists while a cycle is open.
struct PlacementCycles {
    static let maximumSessions = 200

    let db: any Database
    let now: Date
    let origin: String

    // MARK: advisors

    func create(by advisor: User, name: String, sessionIDs: [UUID], offerDays: Int) async throws -> PlacementCycle {
        var errors: [FieldError] = []
        let trimmed = name.trimmingWhitespace()
        if trimmed.isEmpty || name.textLength > 200 { errors.append(FieldError(field: "name", message: "Name the cycle (at most 200 characters).")) }
        if !(1...ApplicationTransitions.maximumOfferDays).contains(offerDays) {
            errors.append(FieldError(field: "offer_days", message: "Offers stay open 1 to \(ApplicationTransitions.maximumOfferDays) days."))
        }
        let unique = Array(Set(sessionIDs))
        if unique.isEmpty || unique.count > Self.maximumSessions {
            errors.append(FieldError(field: "session_ids", message: "Choose 1 to \(Self.maximumSessions) sessions."))
        }
        let open = try await self.openSessions(unique)
        if open.count != unique.count {
            errors.append(FieldError(field: "session_ids", message: "Choose only published sessions still open for applications."))
        }
        try ValidationReport(errors).throwIfInvalid()
        let cycle = PlacementCycle()
        cycle.name = trimmed
        cycle.status = PlacementCycle.Status.open
        cycle.offerDays = offerDays
        cycle.createdAt = self.now
        cycle.$advisor.id = try advisor.requireID()
        try await self.db.transaction { db in
            try await cycle.create(on: db)
            for session in unique { try await PlacementCycleSession(cycleID: try cycle.requireID(), sessionID: session).create(on: db) }
        }
        return cycle
    }

    private func openSessions(_ ids: [UUID]) async throws -> [OpportunitySession] {
        guard !ids.isEmpty else { return [] }
        return try await OpportunitySession.query(on: self.db).filter(\.$id ~~ ids)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .filter(Opportunity.self, \.$status == OpportunityStatus.published)
            .filter(\.$deadlineDay >= Day(self.now).ordinal)
            .all()
    }

    func cycle(_ id: UUID) async throws -> PlacementCycle {
        guard let cycle = try await PlacementCycle.find(id, on: self.db) else { throw Abort(.notFound, reason: "No such placement cycle.") }
        return cycle
    }

    /// The cycle's sessions with their opportunity and site.
    func sessions(of cycle: PlacementCycle) async throws -> [OpportunitySession] {
        try await OpportunitySession.query(on: self.db)
            .join(PlacementCycleSession.self, on: \OpportunitySession.$id == \PlacementCycleSession.$session.$id)
            .filter(PlacementCycleSession.self, \.$cycle.$id == cycle.requireID())
            .with(\.$opportunity) { $0.with(\.$site) }
            .sort(\.$startDay)
            .all()
    }

    // MARK: applicants

    /// Saves an applicant's list (or, with a partner, a couple's list the partner must confirm).
    func saveApplicantList(_ cycle: PlacementCycle, by applicant: User, choices: PlacementChoices, partnerEmail: String?) async throws {
        try self.requireOpen(cycle)
        let sessions = try await self.sessions(of: cycle)
        var named: User?
        if case .couple = choices {
            guard let email = partnerEmail?.trimmingWhitespace().lowercased(), !email.isEmpty,
                let found = try await User.find(email: email, on: self.db), found.has(.applicant), found.id != applicant.id
            else {
                throw ValidationReport([FieldError(field: "partner_email", message: "Give the e-mail of your partner's applicant account.")])
            }
            named = found
        }
        let partner = named
        let profiles = (mine: try await ProfileStore.load(for: applicant, on: self.db), partners: try await partner.asyncMap { try await ProfileStore.load(for: $0, on: self.db) } ?? nil)
        let year = Calendar.utc.component(.year, from: self.now)
        let rules = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id!, $0.opportunity.eligibilityRules) })
        let report = choices.check(cycleSessions: Set(rules.keys)) { session, isPartner in
            guard let profile = isPartner ? profiles.partners : profiles.mine, let rule = rules[session] else { return false }
            return Eligibility.evaluate(rule, for: profile, currentYear: year).isEligible
        }
        try report.throwIfInvalid()
        let applicantID = try applicant.requireID()
        let list = try await PlacementApplicantList.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$applicant.$id == applicantID).first()
            ?? PlacementApplicantList()
        list.$cycle.id = try cycle.requireID()
        list.$applicant.id = applicantID
        list.$partner.id = try partner?.requireID()
        list.partnerConfirmed = false
        list.choices = choices.stored
        list.updatedAt = self.now
        try await self.db.transaction { db in
            try await list.save(on: db)
            if let partner {
                try await Notifier.notify(
                    partner, title: "Confirm your pair: \(cycle.name)",
                    body: "\(applicant.displayName) listed you as their partner in the placement cycle \(cycle.name). Confirm to match together.",
                    link: SiteRoute.placementCycle(try cycle.requireTypedID()).path, origin: self.origin, now: self.now, on: db
                )
            }
        }
    }

    /// The partner confirms a couple's list that names them.
    func confirmPartnership(_ cycle: PlacementCycle, by partner: User) async throws {
        try self.requireOpen(cycle)
        let changed = try await self.db.updateReturningCount(
            PlacementApplicantList.schema, set: [("partner_confirmed", true)],
            where: { $0.where("cycle_id", .equal, SQLBind(cycle.id)).where("partner_id", .equal, SQLBind(partner.id)) }
        )
        guard changed > 0 else { throw Abort(.notFound, reason: "Nobody has listed you as their partner in this cycle.") }
    }

    func applicantList(_ cycle: PlacementCycle, of applicant: User) async throws -> PlacementApplicantList? {
        try await PlacementApplicantList.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$applicant.$id == applicant.requireID()).first()
    }

    // MARK: hosts

    /// The applicants who ranked `session` (alone or in a confirmed or pending pair).
    func applicants(ranking session: OpportunitySession, in cycle: PlacementCycle) async throws -> [User] {
        let sessionID = try session.requireID()
        var ids: Set<UUID> = []
        for list in try await PlacementApplicantList.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).all() {
            guard let choices = PlacementChoices(stored: list.choices, isCouple: list.$partner.id != nil) else { continue }
            switch choices {
            case .single(let sessions): if sessions.contains(sessionID) { ids.insert(list.$applicant.id) }
            case .couple(let pairs):
                if pairs.contains(where: { $0.mine == sessionID }) { ids.insert(list.$applicant.id) }
                if let partner = list.$partner.id, pairs.contains(where: { $0.partners == sessionID }) { ids.insert(partner) }
            }
        }
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: self.db).filter(\.$id ~~ Array(ids)).sort(\.$displayName).all()
    }

    /// A host's session in the cycle, or 404.
    func hostSession(_ cycle: PlacementCycle, _ sessionID: UUID, host: User) async throws -> OpportunitySession {
        guard let session = try await self.sessions(of: cycle).first(where: { $0.id == sessionID }), session.opportunity.site.$host.id == host.id else {
            throw Abort(.notFound, reason: "No such session of yours in this cycle.")
        }
        return session
    }

    func saveHostList(_ cycle: PlacementCycle, session: OpportunitySession, applicantIDs: [UUID]) async throws {
        try self.requireOpen(cycle)
        let allowed = Set(try await self.applicants(ranking: session, in: cycle).compactMap(\.id))
        var errors: [FieldError] = []
        if Set(applicantIDs).count != applicantIDs.count { errors.append(FieldError(field: "applicant_ids", message: "Rank each applicant once.")) }
        if !Set(applicantIDs).isSubset(of: allowed) {
            errors.append(FieldError(field: "applicant_ids", message: "Rank only applicants who ranked this session."))
        }
        try ValidationReport(errors).throwIfInvalid()
        let list = try await PlacementHostList.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$session.$id == session.requireID()).first()
            ?? PlacementHostList()
        list.$cycle.id = try cycle.requireID()
        list.$session.id = try session.requireID()
        list.choices = applicantIDs.map(\.uuidString).joined(separator: ",")
        list.updatedAt = self.now
        try await list.save(on: self.db)
    }

    func hostList(_ cycle: PlacementCycle, session: OpportunitySession) async throws -> [UUID] {
        let list = try await PlacementHostList.query(on: self.db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$session.$id == session.requireID()).first()
        return list?.choices.split(separator: ",").compactMap { UUID(uuidString: String($0)) } ?? []
    }

    /// Lists may change until the result is published (a matched cycle can be run again).
    func requireOpen(_ cycle: PlacementCycle) throws {
        guard cycle.status != .published else {
            throw Abort(.conflict, reason: "The cycle \(cycle.name) is \(cycle.status); rank lists can no longer change.")
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Request {
    var placementCycles: PlacementCycles { PlacementCycles(db: self.db, now: self.now, origin: self.config.server.origin) }

    /// The route's `cycleID`, and the cycle it names (404 when none).
    func placementCycleID() throws -> UUID {
        guard let id = self.parameters.get(CycleID.self)?.rawValue else { throw Abort(.notFound, reason: "No such placement cycle.") }
        return id
    }

    func placementCycle() async throws -> PlacementCycle {
        try await self.placementCycles.cycle(try self.placementCycleID())
    }

    /// The route's `sessionID` within a cycle.
    func placementSessionID() throws -> UUID {
        guard let id = self.parameters.get(SessionID.self)?.rawValue else { throw Abort(.notFound, reason: "No such session of yours in this cycle.") }
        return id
    }
}
