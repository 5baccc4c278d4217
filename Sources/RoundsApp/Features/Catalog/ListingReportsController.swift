import Fluent
import Tagged
import Foundation
import RoundsCore
import Vapor

/// Reporting a listing from its page, and `/admin/listing-reports` for deciding the reports.
struct ListingReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(SignInRequired()).post(SiteRoute.reportListing(.key), use: self.report)
        let admins = routes.grouped(SignInRequired(roles: [.admin]))
        admins.get(SiteRoute.adminListingReports, use: self.index)
        admins.post(SiteRoute.resolveListingReport(.key), use: self.resolve)
    }

    struct ReportForm: Content {
        var problem: String?
        var details: String?
    }

    @Sendable func report(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        let report = try await req.listingReports.report(
            req.parameters.get(OpportunityID.self)?.rawValue, ListingReportDraft(problem: form.problem ?? "", details: form.details ?? ""), by: try req.requireUser())
        return req.redirect(
            to: SiteRoute.opportunity(OpportunityID(report.$opportunity.id)).path,
            flash: Flash(kind: .success, message: "Reported. The administrators will look at the listing and decide."))
    }

    @Sendable func index(req: Request) async throws -> HTMLPage {
        _ = try req.requireUser(.admin)
        return AdminListingReportsPage(reports: try await req.listingReports.all(), context: req.pageContext).layout().page()
    }

    struct ResolveForm: Content {
        var resolution: String?
        var note: String?
    }

    @Sendable func resolve(req: Request) async throws -> Response {
        let admin = try req.requireUser(.admin)
        let form = try req.content.decode(ResolveForm.self)
        guard let resolution = form.resolution.flatMap(ListingReportResolution.init) else {
            throw Abort(.unprocessableEntity, reason: "Choose to keep or to withdraw the listing.")
        }
        _ = try await req.listingReports.resolve(req.parameters.get(ListingReportID.self)?.rawValue, as: resolution, note: form.note ?? "", by: admin)
        return req.redirect(to: SiteRoute.adminListingReports.path, flash: Flash(kind: .success, message: "Decided: \(resolution.displayName.lowercased())."))
    }
}

/// A listing report as the API shows it to administrators.
struct ListingReportResponse: Content {
    var id: UUID
    var opportunityID: UUID
    var opportunityTitle: String
    var opportunityStatus: OpportunityStatus?
    var reporterName: String
    var problem: ListingProblem
    var details: String
    var createdAt: Date
    var resolution: ListingReportResolution?
    var resolutionNote: String?
    var resolvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, problem, details, resolution
        case opportunityID = "opportunity_id"
        case opportunityTitle = "opportunity_title"
        case opportunityStatus = "opportunity_status"
        case reporterName = "reporter_name"
        case createdAt = "created_at"
        case resolutionNote = "resolution_note"
        case resolvedAt = "resolved_at"
    }

    init(_ report: ListingReport) throws {
        self.id = try report.requireID()
        self.opportunityID = report.$opportunity.id
        self.opportunityTitle = report.opportunityTitle
        self.opportunityStatus = report.$opportunity.value?.status
        self.reporterName = report.reporterName
        self.problem = report.problem
        self.details = report.details
        self.createdAt = report.createdAt
        self.resolution = report.resolution
        self.resolutionNote = report.resolutionNote
        self.resolvedAt = report.resolvedAt
    }
}

/// What the reporter gets back: the report was filed.
struct FiledListingReportResponse: Content {
    var id: UUID
    var opportunityID: UUID
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case opportunityID = "opportunity_id"
        case createdAt = "created_at"
    }
}

extension API {
    /// Reporting a listing, and deciding the reports, over JSON.
    struct ListingReportsController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.grouped(SignInRequired()).post(APIRoute.listingReports(.key), use: self.report)
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminListingReports, use: self.index)
            admins.post(APIRoute.adminListingReportResolution(.key), use: self.resolve)
        }

        struct ReportInput: Content {
            var problem: String
            var details: String
        }

        @Sendable func report(req: Request) async throws -> Response {
            let input = try req.jsonBody(ReportInput.self)
            let report = try await req.listingReports.report(
                req.parameters.get(OpportunityID.self)?.rawValue, ListingReportDraft(problem: input.problem, details: input.details), by: try req.requireUser())
            return try await FiledListingReportResponse(id: try report.requireID(), opportunityID: report.$opportunity.id, createdAt: report.createdAt)
                .encodeResponse(status: .created, for: req)
        }

        @Sendable func index(req: Request) async throws -> [ListingReportResponse] {
            _ = try req.requireUser(.admin)
            return try await req.listingReports.all().map(ListingReportResponse.init)
        }

        struct ResolutionInput: Content {
            var resolution: ListingReportResolution
            var note: String?
        }

        @Sendable func resolve(req: Request) async throws -> ListingReportResponse {
            let admin = try req.requireUser(.admin)
            let input = try req.jsonBody(ResolutionInput.self)
            return try ListingReportResponse(
                try await req.listingReports.resolve(req.parameters.get(ListingReportID.self)?.rawValue, as: input.resolution, note: input.note ?? "", by: admin))
        }
    }
}
