import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// A stream of catalog changes for `rounds-bench search --changes-per-second`: title edits, new listings
/// and withdrawals, each in the same kind of transaction the host pages run (the change and its catalog
/// version together), so the benchmark measures the real path from commit to search.
public final class BenchChanges: @unchecked Sendable {
    public enum Kind: String, Sendable { case edit, newListing = "new listing", withdrawal }

    /// One committed change and what search must show for it.
    public struct Applied: Sendable {
        public var kind: Kind
        public var opportunityID: UUID
        /// The title search must show, or nil once the listing must be gone.
        public var expectedTitle: String?
        public var committedAt: ContinuousClock.Instant
    }

    private let app: Application
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

    /// Change number `n`: six in ten edit a title, two list something new, two withdraw a listing.
    /// Called from one task at a time.
    public func apply(_ n: Int) async throws -> Applied {
        let marker = "Bench\(Self.letters(n))"
        switch n % 10 {
        case 0..<6:
            let id = self.published[(n * 7_919) % self.published.count]
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
            self.published.append(id)
            return Applied(kind: .newListing, opportunityID: id, expectedTitle: opportunity.title, committedAt: .now)
        default:
            let id = self.published.remove(at: (n * 104_729) % self.published.count)
            try await CatalogVersion.changing(on: self.app.db, touching: [.opportunity(id)]) { db in
                try await db.sql.update(Opportunity.schema).set("status", to: OpportunityStatus.archived).where("id", .equal, id).run()
            }
            return Applied(kind: .withdrawal, opportunityID: id, expectedTitle: nil, committedAt: .now)
        }
    }

    /// Whether this instance's search shows the change yet (asked the way a search request asks).
    public func isVisible(_ change: Applied) async throws -> Bool {
        let index = try await self.app.catalogSearch.index(on: self.app.db)
        return index.document(id: change.opportunityID)?.title == change.expectedTitle
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
