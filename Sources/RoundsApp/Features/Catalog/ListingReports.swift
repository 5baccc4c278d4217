import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// A person's report of a listing, for the administrators.
final class ListingReport: Model, @unchecked Sendable {
    static let schema = "listing_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "opportunity_id") var opportunity: Opportunity
    @OptionalParent(key: "reporter_id") var reporter: User?
    @Field(key: "reporter_name") var reporterName: String
    @Field(key: "problem") var problem: ListingProblem
    @Field(key: "details") var details: String
    /// The listing's title when reported, kept if the host renames it.
    @Field(key: "opportunity_title") var opportunityTitle: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "resolution") var resolution: ListingReportResolution?
    @OptionalField(key: "resolution_note") var resolutionNote: String?

    init() {}
}

extension ListingReport: RouteIdentified { static let routeParameterName = "listingReportID" }

/// Reporting listings (anyone signed in, about a listed opportunity that is not their own) and deciding the
/// reports (administrators). The pages and the API both come here.
struct ListingReports {
    let db: any Database
    let now: Date
    let origin: String

    static let notFound = Abort(.notFound, reason: "No such listing in the catalog.")

    /// Files a report; once per listing and person (409 the second time).
    func report(_ opportunityID: UUID?, _ draft: ListingReportDraft, by reporter: User) async throws -> ListingReport {
        guard let opportunityID, let opportunity = try await Opportunity.query(on: self.db).filter(\.$id == opportunityID).with(\.$site).first(),
            opportunity.status == .published
        else { throw Self.notFound }
        guard opportunity.site.$host.id != reporter.id else {
            throw Abort(.unprocessableEntity, reason: "This is your own listing; edit or archive it instead.")
        }
        let (problem, details) = try draft.check().get()
        let report = ListingReport()
        report.$opportunity.id = opportunityID
        report.$reporter.id = try reporter.requireID()
        report.reporterName = reporter.displayName
        report.problem = problem
        report.details = details
        report.opportunityTitle = opportunity.title
        report.createdAt = self.now
        do {
            try await report.create(on: self.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "You reported this listing already; the administrators have it.")
        }
        return report
    }

    /// Whether `user` has reported the listing.
    func hasReported(_ opportunityID: UUID, by user: User) async throws -> Bool {
        try await ListingReport.query(on: self.db).filter(\.$opportunity.$id == opportunityID).filter(\.$reporter.$id == user.requireID()).count() > 0
    }

    /// Reports for the administrators, open ones first, newest first, at most 200.
    func all() async throws -> [ListingReport] {
        let reports = try await ListingReport.query(on: self.db).with(\.$opportunity).sort(\.$createdAt, .descending).limit(200).all()
        return reports.filter { $0.resolvedAt == nil } + reports.filter { $0.resolvedAt != nil }
    }

    /// An administrator decides a report. Withdrawing archives the listing, decides every open report of it,
    /// tells the host why and moves the catalog version, all in one transaction with the audit entry; a
    /// report already decided is 409.
    func resolve(_ reportID: UUID?, as resolution: ListingReportResolution, note raw: String, by admin: User) async throws -> ListingReport {
        guard let reportID, let report = try await ListingReport.query(on: self.db).filter(\.$id == reportID)
            .with(\.$opportunity, { $0.with(\.$site, { $0.with(\.$host) }) }).first()
        else { throw Abort(.notFound, reason: "No such report.") }
        guard let note = ReportText.checked(raw, limit: ListingReportDraft.limit, required: false) else {
            throw ValidationReport([FieldError(field: "note", message: "The note is at most \(ListingReportDraft.limit) characters.")])
        }
        if resolution == .withdraw && note.isEmpty {
            throw ValidationReport([FieldError(field: "note", message: "Say why the listing is withdrawn; its host reads it.")])
        }
        let opportunity = report.opportunity
        try await CatalogVersion.changing(on: self.db, touching: [.opportunity(report.$opportunity.id)]) { db in
            let decided = try await db.updateReturningCount(
                ListingReport.schema, set: [("resolved_at", self.now), ("resolution", resolution.rawValue), ("resolution_note", note)],
                where: {
                    let open = $0.where("resolved_at", .is, SQLLiteral.null)
                    return resolution == .withdraw
                        ? open.where("opportunity_id", .equal, SQLBind(report.$opportunity.id)) : open.where("id", .equal, SQLBind(reportID))
                }
            )
            guard decided >= 1 else { throw Abort(.conflict, reason: "This report was decided already.") }
            if resolution == .withdraw {
                opportunity.status = .archived
                try await opportunity.save(on: db)
                try await Notifier.notify(
                    opportunity.site.host, title: "\(opportunity.title) was withdrawn from the catalog",
                    body: "After a report, the administrators took it out of the catalog. Their reason: \(note)",
                    link: SiteRoute.hostOpportunity(try opportunity.requireTypedID()).path, origin: self.origin, now: self.now, on: db)
            }
            try await AdminAction.record(
                "listing.\(resolution.rawValue)", by: admin, subject: "listing \(opportunity.title) reported by \(report.reporterName)",
                subjectID: report.$opportunity.id, reason: note, now: self.now, on: db)
        }
        guard let decided = try await ListingReport.query(on: self.db).filter(\.$id == reportID).with(\.$opportunity).first() else {
            throw Abort(.notFound, reason: "No such report.")
        }
        return decided
    }
}

extension Request {
    var listingReports: ListingReports {
        ListingReports(db: self.db, now: self.now, origin: self.config.server.origin)
    }
}
