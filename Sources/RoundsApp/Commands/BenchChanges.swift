import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// A stream of catalog changes for `rounds-bench search --changes-per-second`: title edits, accepted
/// seats, new listings and withdrawals, each in the same kind of transaction the app runs (the change and
/// its catalog version together), so the benchmark measures the real path from commit to search.
public final class BenchChanges: @unchecked Sendable {
    public enum Kind: String, Sendable { case edit, seatTaken = "seat taken", newListing = "new listing", withdrawal }

    /// One committed change and what search must show for it.
    public struct Applied: Sendable {
        public var kind: Kind
        public var opportunityID: UUID
        /// The title search must show, or nil once the listing must be gone.
        public var expectedTitle: String?
        /// For a seat: the seats taken search must show in the listing's first session.
        public var expectedSeatsTaken: Int?
        public var committedAt: ContinuousClock.Instant

        init(kind: Kind, opportunityID: UUID, expectedTitle: String?, expectedSeatsTaken: Int? = nil, committedAt: ContinuousClock.Instant) {
            self.kind = kind
            self.opportunityID = opportunityID
            self.expectedTitle = expectedTitle
            self.expectedSeatsTaken = expectedSeatsTaken
            self.committedAt = committedAt
        }
    }

    private let app: Application
    private let lock = NSLock()
    /// Guarded by `lock`: changes are committed from several tasks at once.
    private var published: [UUID]
    private let template: Opportunity
    private let sessionTemplate: OpportunitySession

    private init(app: Application, published: [UUID], template: Opportunity, sessionTemplate: OpportunitySession) {
        self.app = app
        self.published = published
        self.template = template
        self.sessionTemplate = sessionTemplate
    }

    /// Reads the published listings to change.
    public static func prepare(_ app: Application) async throws -> BenchChanges {
        let ids = try await app.db.sql.select().column("id").from(Opportunity.schema).where("status", .equal, OpportunityStatus.published).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
        guard let first = ids.first, let template = try await Opportunity.query(on: app.db).filter(\.$id == first).with(\.$sessions).first(),
            let session = template.sessions.first
        else { throw Abort(.internalServerError, reason: "Import a catalog first.") }
        return BenchChanges(app: app, published: ids, template: template, sessionTemplate: session)
    }

    /// Change number `n`: of ten, four edit a title, two accept a seat (the seat ledger's own update, as an
    /// accepted offer runs it), two list something new, two withdraw a listing. Safe from several tasks.
    public func apply(_ n: Int) async throws -> Applied {
        let marker = "Bench\(Self.letters(n))"
        switch n % 10 {
        case 4..<6:
            for attempt in 0..<100 {
                let id = self.pick(n * 31 + attempt)
                let rows = try await self.app.db.sql.select().columns("id", "seats_taken").from(OpportunitySession.schema)
                    .where("opportunity_id", .equal, id).orderBy("start_day").limit(1).all()
                guard let row = rows.first else { continue }
                let session = try row.decode(column: "id", as: UUID.self)
                let taken = try row.decode(column: "seats_taken", as: Int.self)
                guard try await self.app.db.transaction({ db in try await SeatLedger.take(session: session, on: db) }) else { continue }
                return Applied(kind: .seatTaken, opportunityID: id, expectedTitle: nil, expectedSeatsTaken: taken + 1, committedAt: .now)
            }
            throw Abort(.internalServerError, reason: "Every seat is taken.")
        case 0..<4:
            let id = self.pick(n * 7_919)
            let title = "Updated \(marker) Observership"
            try await CatalogVersion.changing(on: self.app.db, touching: [.opportunity(id)]) { db in
                try await db.sql.update(Opportunity.schema).set("title", to: title).where("id", .equal, id).run()
            }
            return Applied(kind: .edit, opportunityID: id, expectedTitle: title, committedAt: .now)
        case 6..<8:
            let opportunity = self.copyOfTemplate(title: "New \(marker) Externship")
            let id = UUID()
            opportunity.id = id
            let session = OpportunitySession(
                opportunityID: id, start: Day(ordinal: self.sessionTemplate.startDay), end: Day(ordinal: self.sessionTemplate.endDay),
                deadline: Day(ordinal: self.sessionTemplate.deadlineDay), seats: self.sessionTemplate.seats
            )
            try await CatalogVersion.changing(on: self.app.db, touching: [.opportunity(id)]) { db in
                try await opportunity.create(on: db)
                try await session.create(on: db)
            }
            self.lock.withLock { self.published.append(id) }
            return Applied(kind: .newListing, opportunityID: id, expectedTitle: opportunity.title, committedAt: .now)
        default:
            let id = self.lock.withLock { self.published.remove(at: (n * 104_729) % self.published.count) }
            try await CatalogVersion.changing(on: self.app.db, touching: [.opportunity(id)]) { db in
                try await db.sql.update(Opportunity.schema).set("status", to: OpportunityStatus.archived).where("id", .equal, id).run()
            }
            return Applied(kind: .withdrawal, opportunityID: id, expectedTitle: nil, committedAt: .now)
        }
    }

    /// Whether this instance's search shows the change yet (asked the way a search request asks).
    public func isVisible(_ change: Applied) async throws -> Bool {
        try await self.isVisible(change, in: self.app)
    }

    /// Whether `instance`'s search shows the change yet: another app on the same database.
    public func isVisible(_ change: Applied, in instance: Application) async throws -> Bool {
        try await self.visible([change], in: instance)[0]
    }

    /// Which of `changes` `instance`'s search shows yet, all judged by one index value: one request's
    /// worth of work for the watcher, however many changes wait (it asks every few milliseconds, and a
    /// request to the index per waiting change took CPU from the load it measures).
    public func visible(_ changes: [Applied], in instance: Application) async throws -> [Bool] {
        let index = try await instance.catalogSearch.index(on: instance.db)
        return changes.map { change in
            let document = index.document(id: change.opportunityID)
            if let seats = change.expectedSeatsTaken { return document?.sessions.first?.seatsTaken == seats }
            return document?.title == change.expectedTitle
        }
    }

    private func pick(_ k: Int) -> UUID {
        self.lock.withLock { self.published[k % self.published.count] }
    }

    private func copyOfTemplate(title: String) -> Opportunity {
        let t = self.template
        let copy = Opportunity()
        copy.$site.id = t.$site.id
        copy.title = title
        copy.description = t.description
        copy.type = t.type
        copy.specialty = t.specialty
        copy.isHandsOn = t.isHandsOn
        copy.setting = t.setting
        copy.audiences = t.audiences
        copy.maximumYearsSinceGraduation = t.maximumYearsSinceGraduation
        copy.requiresStep1Pass = t.requiresStep1Pass
        copy.visaClasses = t.visaClasses
        copy.feeCents = t.feeCents
        copy.currency = t.currency
        copy.refundTerms = t.refundTerms
        copy.letterPolicy = t.letterPolicy
        copy.requirements = t.requirements
        copy.status = .published
        copy.listedAt = Date()
        return copy
    }

    /// A number as letters, so each change's title has its own searchable word.
    private static func letters(_ n: Int) -> String {
        var n = n
        var out = ""
        repeat {
            out.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
            n /= 26
        } while n > 0
        return out
    }
}
