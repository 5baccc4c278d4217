import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// The certification of one applicant's rank order list for one Match year.
final class RankCertification: Model, @unchecked Sendable {
    static let schema = "rank_certifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "certified_at") var certifiedAt: Date
    @Field(key: "certified_name") var certifiedName: String
    /// SHA-256 of the order certified (`RankOrderList.canonicalOrder`).
    @Field(key: "order_digest") var orderDigest: String

    init() {}
}

/// One program on the supplemental list linked to a ranked program.
final class SupplementalEntry: Model, @unchecked Sendable {
    static let schema = "rank_supplemental_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var owner: User
    @Field(key: "match_year") var matchYear: Int
    @Field(key: "advanced_program_id") var advancedProgramID: UUID
    @Field(key: "program_id") var programID: UUID
    @Field(key: "position") var position: Int

    init() {}
}

/// One applicant's rank order list for a Match year: the ranked programs in order, those that could be
/// ranked, the certification and the deadline.
struct RankListState {
    var matchYear: Int
    var ranked: [ResidencyProgram]
    var rankable: [ResidencyProgram]
    /// Every program of the year by key, for naming supplemental entries.
    var programs: [String: ResidencyProgram]
    var list: RankOrderList
    var certification: RankOrderList.Certification
    var deadline: Milestone?
    /// Why the list cannot change now (the deadline passed), or nil.
    var closed: String?
    var maximumRanks: Provenance

    /// The supplemental list linked to a ranked program, as programs, best first.
    func supplemental(of program: ResidencyProgram) -> [ResidencyProgram] {
        self.list.supplementalList(of: program.id?.uuidString ?? "").compactMap { self.programs[$0] }
    }
}

/// Reads and changes rank order lists; every change is one transaction that renumbers the list.
struct RankListStore {
    let db: any Database
    let now: Date
    let reference: ResidencyReference

    static func digest(_ list: RankOrderList) -> String { SecretToken.hexSHA256(Data(list.canonicalOrder.utf8)) }

    func state(of user: User, year: Int) async throws -> RankListState {
        let userID = try user.requireID()
        let programs = try await ResidencyProgram.query(on: self.db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).all()
        let ranked = programs.filter { $0.rank != nil }.sorted { ($0.rank ?? 0, $0.name) < ($1.rank ?? 0, $1.name) }
        let rankable = programs.filter { $0.rank == nil && !$0.status.isClosed }.sorted { $0.name < $1.name }
        // Entries whose program has since closed (withdrawn, rejected) no longer count.
        let open = Set(programs.filter { !$0.status.isClosed }.compactMap(\.id))
        let entries = try await SupplementalEntry.query(on: self.db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).sort(\.$position).all()
        let supplemental = Dictionary(grouping: entries.filter { open.contains($0.programID) }, by: { $0.advancedProgramID.uuidString })
            .mapValues { $0.map(\.programID.uuidString) }
        let list = RankOrderList(
            keys: ranked.compactMap { $0.id?.uuidString }, maximumRanks: self.reference.fees.nrmp.maximumRanks, supplemental: supplemental)
        let certified = try await RankCertification.query(on: self.db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).first()
        let deadline = try await self.deadline(of: year)
        return RankListState(
            matchYear: year, ranked: ranked, rankable: rankable, programs: Dictionary(uniqueKeysWithValues: programs.compactMap { p in p.id.map { ($0.uuidString, p) } }),
            list: list,
            certification: RankOrderList.certification(
                certifiedDigest: certified?.orderDigest, digest: Self.digest(list), at: certified?.certifiedAt, name: certified?.certifiedName),
            deadline: deadline, closed: RankOrderList.closedRefusal(deadline: deadline, now: self.now), maximumRanks: self.reference.fees.nrmp.provenance)
    }

    /// The year's rank order list deadline, corrections applied; nil when not published. Couples' lists
    /// close at it too.
    func deadline(of year: Int) async throws -> Milestone? {
        try await SeasonCorrection.calendar(self.reference.calendar, on: self.db)[year]?[.rankOrderListDeadline]
    }

    /// The list a share shows its advisor: the year asked for (`requested`) or the owner's default.
    func state(of share: RankListShare, requested: Int?) async throws -> RankListState {
        let planner = ResidencyPlanner(db: self.db, now: self.now, reference: self.reference)
        guard let year = try await planner.matchYear(for: share.owner, requested: requested) else { throw ResidencyPlanner.noSeason }
        return try await self.state(of: share.owner, year: year)
    }

    /// Applies one move (page) or a whole new order (API) and renumbers; refused after the deadline, for a
    /// program that is not the applicant's or cannot be ranked, or past the NRMP limit (`ValidationReport`).
    func change(
        for user: User, year: Int,
        _ edit: @escaping @Sendable (inout RankOrderList, _ open: Set<String>, _ types: [String: PositionType]) throws(RankOrderList.Refusal) -> Void
    ) async throws {
        let userID = try user.requireID()
        try await self.db.transaction { db in
            // One change at a time per applicant.
            try await db.lockRow(User.schema, id: userID)
            let store = RankListStore(db: db, now: self.now, reference: self.reference)
            let state = try await store.state(of: user, year: year)
            if let closed = state.closed { throw ValidationReport([FieldError(field: "rank_list", message: closed)]) }
            var list = state.list
            let programs = state.ranked + state.rankable
            let open = Set(programs.compactMap { $0.id?.uuidString })
            let types = Dictionary(uniqueKeysWithValues: programs.compactMap { p in p.positionType.flatMap { type in p.id.map { ($0.uuidString, type) } } })
            do {
                try edit(&list, open, types)
            } catch let refusal as RankOrderList.Refusal {
                throw ValidationReport([FieldError(field: "rank_list", message: refusal.description)])
            }
            for program in programs {
                let rank = program.id.flatMap { list.rank(of: $0.uuidString) }
                if program.rank != rank {
                    program.rank = rank
                    program.updatedAt = self.now
                    try await program.save(on: db)
                }
            }
            if list.supplemental != state.list.supplemental { try await Self.saveSupplemental(list, of: userID, year: year, on: db) }
        }
    }

    /// Applies one change to a supplemental list (`RankOrderList.SupplementalRefusal` becomes a
    /// `ValidationReport`); the programs that may be listed are the applicant's open programs of the year.
    func changeSupplemental(
        for user: User, year: Int,
        _ edit: @escaping @Sendable (inout RankOrderList, _ open: Set<String>, _ types: [String: PositionType]) throws(RankOrderList.SupplementalRefusal) -> Void
    ) async throws {
        try await self.change(for: user, year: year) { list, open, types throws(RankOrderList.Refusal) in
            let result = Result<Void, RankOrderList.SupplementalRefusal> { () throws(RankOrderList.SupplementalRefusal) in try edit(&list, open, types) }
            if case .failure(let refusal) = result { throw .supplemental(refusal) }
        }
    }

    private static func saveSupplemental(_ list: RankOrderList, of userID: UUID, year: Int, on db: any Database) async throws {
        try await SupplementalEntry.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).delete()
        for (advanced, programs) in list.supplemental.sorted(by: { $0.key < $1.key }) {
            guard let advancedID = UUID(uuidString: advanced) else { continue }
            for (index, program) in programs.enumerated() {
                guard let programID = UUID(uuidString: program) else { continue }
                let entry = SupplementalEntry()
                entry.$owner.id = userID
                entry.matchYear = year
                entry.advancedProgramID = advancedID
                entry.programID = programID
                entry.position = index + 1
                try await entry.create(on: db)
            }
        }
    }

    /// Certifies the list as it stands, with the name typed; refused after the deadline or for a wrong name.
    func certify(_ user: User, year: Int, typedName: String) async throws -> RankListState {
        let state = try await self.state(of: user, year: year)
        if let closed = state.closed { throw ValidationReport([FieldError(field: "name", message: closed)]) }
        if let refusal = state.list.certificationRefusal(typedName: typedName, accountName: user.displayName) {
            throw ValidationReport([FieldError(field: "name", message: refusal)])
        }
        let userID = try user.requireID()
        try await self.db.transaction { db in
            try await RankCertification.query(on: db).filter(\.$owner.$id == userID).filter(\.$matchYear == year).delete()
            let certification = RankCertification()
            certification.$owner.id = userID
            certification.matchYear = year
            certification.certifiedAt = self.now
            certification.certifiedName = user.displayName
            certification.orderDigest = Self.digest(state.list)
            try await certification.create(on: db)
        }
        return try await self.state(of: user, year: year)
    }

    /// The list as CSV: rank, program, specialty, city, state, NRMP code.
    static func csv(_ state: RankListState) -> String {
        func row(_ program: ResidencyProgram) -> RankListCSV.Row {
            (name: program.name, specialty: program.specialty, city: program.city, state: program.state, nrmpCode: program.nrmpCode)
        }
        let supplemental = state.ranked.map { advanced in
            state.supplemental(of: advanced).map(row)
        }
        return RankListCSV.write(state.ranked.map(row), supplemental: supplemental)
    }
}

extension Request {
    var rankLists: RankListStore { RankListStore(db: self.db, now: self.now, reference: self.residency) }
}
