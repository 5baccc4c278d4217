import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Two applicants linked as a couple for one Match year: the proposer asks with the partner's e-mail,
/// the partner confirms, and then either edits their list of pairs.
final class RankCouple: Model, @unchecked Sendable {
    static let schema = "rank_couples"

    @ID(key: .id) var id: UUID?
    @Field(key: "match_year") var matchYear: Int
    @Parent(key: "proposer_id") var proposer: User
    @Parent(key: "partner_id") var partner: User
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    init() {}
}

/// One pair on a couple's list: the proposer's program and the partner's, nil for "no match".
final class RankCouplePair: Model, @unchecked Sendable {
    static let schema = "rank_couple_pairs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "couple_id") var couple: RankCouple
    @Field(key: "position") var position: Int
    @OptionalField(key: "first_program_id") var firstProgramID: UUID?
    @OptionalField(key: "second_program_id") var secondProgramID: UUID?

    init() {}
}

/// A couple's list as one partner sees it: their side first.
struct CoupleRankState {
    var matchYear: Int
    var couple: RankCouple
    /// The viewer proposed the link (their programs are the pairs' first side).
    var viewerProposed: Bool
    var partner: User
    var confirmed: Bool { self.couple.confirmedAt != nil }
    /// Open programs of each partner, by key, and in name order for choosing.
    var myPrograms: [ResidencyProgram]
    var partnerPrograms: [ResidencyProgram]
    var programs: [String: ResidencyProgram]
    var list: CoupleRankList
    var closed: String?
    /// Where the NRMP limit on ranks comes from.
    var limitSource: Provenance
    /// Each partner certifies the pairs (the NRMP uses each partner's certified list).
    var myCertification: RankOrderList.Certification = .never
    var partnerCertification: RankOrderList.Certification = .never

    /// The pairs from the viewer's side: (mine, partner's), nil for "no match".
    var rows: [(mine: ResidencyProgram?, partners: ResidencyProgram?)] {
        self.list.pairs.map { pair in
            let (mine, partners) = self.viewerProposed ? (pair.first, pair.second) : (pair.second, pair.first)
            return (mine.flatMap { self.programs[$0] }, partners.flatMap { self.programs[$0] })
        }
    }

    /// A pair given from the viewer's side, in the list's order (proposer first).
    func pair(mine: String?, partners: String?) -> CoupleRankList.Pair {
        self.viewerProposed ? .init(first: mine, second: partners) : .init(first: partners, second: mine)
    }

    var firstKeys: Set<String> { Set((self.viewerProposed ? self.myPrograms : self.partnerPrograms).compactMap { $0.id?.uuidString }) }
    var secondKeys: Set<String> { Set((self.viewerProposed ? self.partnerPrograms : self.myPrograms).compactMap { $0.id?.uuidString }) }
}

/// Links couples and changes their lists; each change is one transaction.
struct CoupleRankLists {
    let db: any Database
    let now: Date
    let origin: String
    let reference: ResidencyReference

    static let noCouple = Abort(.notFound, reason: "No such couple of yours for this Match year.")

    func couple(of user: User, year: Int) async throws -> RankCouple? {
        let id = try user.requireID()
        return try await RankCouple.query(on: self.db).filter(\.$matchYear == year)
            .group(.or) { $0.filter(\.$proposer.$id == id).filter(\.$partner.$id == id) }
            .with(\.$proposer).with(\.$partner).first()
    }

    /// The viewer's couple for the year with both partners' open programs and the pairs; nil when not linked.
    func state(of user: User, year: Int) async throws -> CoupleRankState? {
        guard let couple = try await self.couple(of: user, year: year) else { return nil }
        let proposed = couple.$proposer.id == user.id
        let partner = proposed ? couple.partner : couple.proposer
        func open(_ owner: User) async throws -> [ResidencyProgram] {
            try await ResidencyProgram.query(on: self.db).filter(\.$owner.$id == owner.requireID()).filter(\.$matchYear == year).sort(\.$name).all()
                .filter { !$0.status.isClosed }
        }
        let mine = try await open(user)
        let partners = try await open(partner)
        let rows = try await RankCouplePair.query(on: self.db).filter(\.$couple.$id == couple.requireID()).sort(\.$position).all()
        let saved = CoupleRankList(
            pairs: rows.map { .init(first: $0.firstProgramID?.uuidString, second: $0.secondProgramID?.uuidString) },
            maximumRanks: self.reference.fees.nrmp.maximumRanks)
        var state = CoupleRankState(
            matchYear: year, couple: couple, viewerProposed: proposed, partner: partner, myPrograms: mine, partnerPrograms: partners,
            programs: Dictionary(uniqueKeysWithValues: (mine + partners).compactMap { p in p.id.map { ($0.uuidString, p) } }), list: saved,
            closed: nil, limitSource: self.reference.fees.nrmp.provenance)
        // Pairs naming a program since closed (withdrawn, rejected) no longer count.
        state.list = saved.keeping(first: state.firstKeys, second: state.secondKeys)
        state.closed = try await self.closed(year)
        (state.myCertification, state.partnerCertification) = try await self.certifications(of: couple, viewer: user, partner: partner, list: state.list)
        return state
    }

    /// Why couples' lists cannot change now (the rank list deadline passed), or nil.
    private func closed(_ year: Int) async throws -> String? {
        let deadline = try await RankListStore(db: self.db, now: self.now, reference: self.reference).deadline(of: year)
        return RankOrderList.closedRefusal(deadline: deadline, now: self.now)
    }

    /// Asks `partnerEmail`'s applicant account to rank as a couple for the year; they confirm.
    func propose(_ user: User, year: Int, partnerEmail raw: String) async throws -> RankCouple {
        let email = raw.trimmingWhitespace().lowercased()
        guard !email.isEmpty, raw.textLength <= EmailAddress.maximumLength,
            let partner = try await User.query(on: self.db).filter(\.$email == email).first(), partner.has(.applicant), partner.id != user.id
        else {
            throw ValidationReport([FieldError(field: "partner_email", message: "Give the e-mail of your partner's applicant account (not your own).")])
        }
        let couple = RankCouple()
        couple.matchYear = year
        couple.$proposer.id = try user.requireID()
        couple.$partner.id = try partner.requireID()
        couple.createdAt = self.now
        try await self.db.transaction { db in
            let store = CoupleRankLists(db: db, now: self.now, origin: self.origin, reference: self.reference)
            for person in [user, partner] where try await store.couple(of: person, year: year) != nil {
                throw Abort(.conflict, reason: person.id == user.id
                    ? "You are already linked (or asked to link) with someone for the \(year) Match; end that first."
                    : "\(partner.displayName) is already linked with someone for the \(year) Match.")
            }
            do {
                try await couple.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw Abort(.conflict, reason: "One of you was linked with someone a moment ago.")
            }
            try await Notifier.notify(
                partner, title: "\(user.displayName) asks to rank as a couple",
                body: "For the \(year) Match. Confirm on your couple's list page to rank pairs of programs together, or decline there.",
                link: SiteRoute.coupleRankList.path(query: [("year", "\(year)")]), origin: self.origin, now: self.now, on: db)
        }
        return couple
    }

    /// The asked partner confirms the link.
    func confirm(_ user: User, year: Int) async throws {
        guard let couple = try await self.couple(of: user, year: year), couple.$partner.id == user.id else { throw Self.noCouple }
        guard couple.confirmedAt == nil else { throw Abort(.conflict, reason: "You confirmed this couple already.") }
        try await self.db.transaction { db in
            couple.confirmedAt = self.now
            try await couple.save(on: db)
            try await Notifier.notify(
                couple.proposer, title: "\(user.displayName) confirmed your couple",
                body: "You can now rank pairs of programs together for the \(year) Match.",
                link: SiteRoute.coupleRankList.path(query: [("year", "\(year)")]), origin: self.origin, now: self.now, on: db)
        }
    }

    /// Either partner ends the link (or the asked one declines); the pairs go with it.
    func leave(_ user: User, year: Int) async throws -> User {
        guard let couple = try await self.couple(of: user, year: year) else { throw Self.noCouple }
        if couple.confirmedAt != nil, let closed = try await self.closed(year) {
            throw ValidationReport([FieldError(field: "couple", message: closed)])
        }
        let other = couple.$proposer.id == user.id ? couple.partner : couple.proposer
        try await self.db.transaction { db in
            try await couple.delete(on: db)
            try await Notifier.notify(
                other, title: "\(user.displayName) ended your couple for the \(year) Match",
                body: "Your pairs are gone; your own rank order list is as it was.",
                link: SiteRoute.rankList.path(query: [("year", "\(year)")]), origin: self.origin, now: self.now, on: db)
        }
        return other
    }

    /// Runs `body` in one transaction with the couple's row locked (one change or certification at a time)
    /// and its state read under the lock; 404 for a couple not confirmed, a refusal of `field` after the deadline.
    func locked(
        _ user: User, year: Int, field: String, _ body: @escaping @Sendable (any Database, UUID, CoupleRankState) async throws -> Void
    ) async throws {
        guard let couple = try await self.couple(of: user, year: year), couple.confirmedAt != nil else { throw Self.noCouple }
        let coupleID = try couple.requireID()
        try await self.db.transaction { db in
            try await db.lockRow(RankCouple.schema, id: coupleID)
            let store = CoupleRankLists(db: db, now: self.now, origin: self.origin, reference: self.reference)
            guard let state = try await store.state(of: user, year: year) else { throw Self.noCouple }
            if let closed = state.closed { throw ValidationReport([FieldError(field: field, message: closed)]) }
            try await body(db, coupleID, state)
        }
    }

    /// Applies one change to the pairs of a confirmed couple, refused after the deadline (`ValidationReport`).
    func change(_ user: User, year: Int, _ edit: @escaping @Sendable (inout CoupleRankList, CoupleRankState) throws(CoupleRankList.Refusal) -> Void) async throws {
        try await self.locked(user, year: year, field: "pairs") { db, coupleID, state in
            var list = state.list
            do {
                try edit(&list, state)
            } catch let refusal as CoupleRankList.Refusal {
                throw ValidationReport([FieldError(field: "pairs", message: refusal.description)])
            }
            try await RankCouplePair.query(on: db).filter(\.$couple.$id == coupleID).delete()
            for (index, pair) in list.pairs.enumerated() {
                let row = RankCouplePair()
                row.$couple.id = coupleID
                row.position = index + 1
                row.firstProgramID = pair.first.flatMap(UUID.init(uuidString:))
                row.secondProgramID = pair.second.flatMap(UUID.init(uuidString:))
                try await row.create(on: db)
            }
        }
    }
}

extension Request {
    var coupleRankLists: CoupleRankLists { CoupleRankLists(db: self.db, now: self.now, origin: self.config.server.origin, reference: self.residency) }
}
