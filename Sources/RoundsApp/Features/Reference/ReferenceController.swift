import Fluent
import RoundsCore
import Vapor

/// Public reference pages: what each visa path allows and forbids, and research programs for pre-meds
/// (filtered by the signed-in applicant's status). Nothing private is shown; signed in, the page
/// marks what applies to the viewer.
struct ReferenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.visaPaths, use: self.visaPaths)
        routes.get(SiteRoute.researchPrograms, use: self.researchPrograms)
    }

    @Sendable func visaPaths(req: Request) async throws -> HTMLPage {
        ReferencePages.visaPaths(try VisaPaths.shipped.get(), context: req.pageContext).page()
    }

    @Sendable func researchPrograms(req: Request) async throws -> HTMLPage {
        var status: VisaStatus?
        if let user = req.currentUser, user.has(.applicant) {
            status = try await ProfileStore.load(for: user, on: req.db)?.visaStatus
        }
        let showAll = (try? req.query.get(String.self, at: "all")) == "1"
        return ReferencePages.researchPrograms(try ResearchPrograms.shipped.get(), status: status, showAll: showAll, today: Day(req.now), context: req.pageContext).page()
    }
}
