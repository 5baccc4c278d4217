import Fluent
import RoundsCore
import Tagged
import Vapor

/// Catalog reads that the opportunity page and the API answer alike.
enum CatalogQueries {
    /// A public opportunity in full, with eligibility when an applicant with a profile asks.
    static func detail(id: UUID, req: Request) async throws -> OpportunityDetailResponse? {
        let index = try await req.application.catalogSearch.index(on: req.db)
        guard let document = index.document(id: id) else { return nil }
        let profile = try await req.applicantProfile()
        let eligibility = profile.map { Eligibility.evaluate(document.rules, for: $0, currentYear: Calendar.utc.component(.year, from: req.now)) }
        let item = SearchPage.Item(
            document: document, score: 0, distanceMiles: nil, nextOpenSession: document.nextOpenSession(on: req.today), eligibility: eligibility
        )
        return OpportunityDetailResponse(
            summary: OpportunitySummary(item),
            description: document.description,
            requirements: document.requirements.map(\.rawValue).sorted(),
            maximumYearsSinceGraduation: document.rules.maximumYearsSinceGraduation,
            requiresStep1Pass: document.rules.requiresStep1Pass,
            sessions: document.sessions.map(OpportunitySummary.SessionSummary.init),
            acceptsQuestions: try await Opportunity.find(id, on: req.db)?.acceptsQuestions ?? false
        )
    }
}
