import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// A host's own site as the API shows it, with its review state and opportunities.
struct HostSiteResponse: Content {
    struct OpportunityRow: Content {
        var id: UUID
        var title: String
        var status: OpportunityStatus
    }

    var id: UUID
    var name: String
    var kind: String
    var street: String
    var city: String
    var state: String
    var zip: String
    var website: String?
    var reviewState: SiteReviewState
    var reviewNote: String?
    var opportunities: [OpportunityRow]

    enum CodingKeys: String, CodingKey {
        case id, name, kind, street, city, state, zip, website, opportunities
        case reviewState = "review_state"
        case reviewNote = "review_note"
    }

    init(_ site: Site, opportunities: [Opportunity]) throws {
        self.id = try site.requireID()
        self.name = site.name
        self.kind = site.kind
        self.street = site.street
        self.city = site.city
        self.state = site.state
        self.zip = site.zip
        self.website = site.website
        self.reviewState = site.reviewState
        self.reviewNote = site.reviewNote
        self.opportunities = try opportunities.sorted { $0.title < $1.title }.map { OpportunityRow(id: try $0.requireID(), title: $0.title, status: $0.status) }
    }
}

struct QuestionSettingResponse: Content {
    var opportunityID: UUID
    var acceptsQuestions: Bool

    enum CodingKeys: String, CodingKey {
        case opportunityID = "opportunity_id"
        case acceptsQuestions = "accepts_questions"
    }
}

/// A host's own opportunity with every field the host sets, its status and its sessions' seats.
struct HostOpportunityResponse: Content {
    struct SessionRow: Content {
        var id: UUID
        var start: String
        var end: String
        var deadline: String
        var seats: Int
        var seatsTaken: Int

        enum CodingKeys: String, CodingKey {
            case id, start, end, deadline, seats
            case seatsTaken = "seats_taken"
        }
    }

    var id: UUID
    var siteID: UUID
    var status: OpportunityStatus
    var input: HostOpportunityInput
    var sessions: [SessionRow]
    /// Whether applicants may ask questions before applying (set with PUT …/questions).
    var acceptsQuestions: Bool

    enum CodingKeys: String, CodingKey {
        case id, status, sessions
        case siteID = "site_id"
        case input = "opportunity"
        case acceptsQuestions = "accepts_questions"
    }

    init(_ opportunity: Opportunity) throws {
        self.id = try opportunity.requireID()
        self.siteID = opportunity.$site.id
        self.status = opportunity.status
        self.acceptsQuestions = opportunity.acceptsQuestions
        self.input = HostOpportunityInput(OpportunityDraft(opportunity))
        self.sessions = try opportunity.sessions.sorted { $0.startDay < $1.startDay }.map {
            SessionRow(
                id: try $0.requireID(), start: Day(ordinal: $0.startDay).iso, end: Day(ordinal: $0.endDay).iso, deadline: Day(ordinal: $0.deadlineDay).iso,
                seats: $0.seats, seatsTaken: $0.seatsTaken)
        }
    }
}

/// What a host sends to create or replace an opportunity; the rules are the pages' (`OpportunityDraft`).
struct HostOpportunityInput: Content {
    var title: String
    var description: String
    var type: String
    var specialty: String
    var handsOn: Bool
    var setting: String
    var audiences: [String]
    var maxYearsSinceGraduation: Int?
    var requiresStep1Pass: Bool
    var visaClasses: [String]
    /// US dollars as written on the page, e.g. "250" or "99.50"; "0" for free.
    var fee: String
    var currency: String
    var refundTerms: String
    var letterPolicy: String
    var requirements: [String]

    enum CodingKeys: String, CodingKey {
        case title, description, type, specialty, setting, audiences, fee, currency, requirements
        case handsOn = "hands_on"
        case maxYearsSinceGraduation = "max_years_since_graduation"
        case requiresStep1Pass = "requires_step1_pass"
        case visaClasses = "visa_classes"
        case refundTerms = "refund_terms"
        case letterPolicy = "letter_policy"
    }

    init(_ draft: OpportunityDraft) {
        self.title = draft.title
        self.description = draft.description
        self.type = draft.type
        self.specialty = draft.specialty
        self.handsOn = draft.isHandsOn
        self.setting = draft.setting
        self.audiences = draft.audiences
        self.maxYearsSinceGraduation = Int(draft.maximumYearsSinceGraduation)
        self.requiresStep1Pass = draft.requiresStep1Pass
        self.visaClasses = draft.visaClasses
        self.fee = draft.fee
        self.currency = draft.currency
        self.refundTerms = draft.refundTerms
        self.letterPolicy = draft.letterPolicy
        self.requirements = draft.requirements
    }

    var draft: OpportunityDraft {
        var draft = OpportunityDraft()
        draft.title = self.title
        draft.description = self.description
        draft.type = self.type
        draft.specialty = self.specialty
        draft.isHandsOn = self.handsOn
        draft.setting = self.setting
        draft.audiences = self.audiences
        draft.maximumYearsSinceGraduation = self.maxYearsSinceGraduation.map(String.init) ?? ""
        draft.requiresStep1Pass = self.requiresStep1Pass
        draft.visaClasses = self.visaClasses
        draft.fee = self.fee
        draft.currency = self.currency
        draft.refundTerms = self.refundTerms
        draft.letterPolicy = self.letterPolicy
        draft.requirements = self.requirements
        return draft
    }
}

extension API {
    /// The host's side of the catalog over JSON, with the rules of the host pages (`HostCatalog`): sites,
    /// opportunities, publishing and sessions, so a hospital can connect its own systems.
    struct HostCatalogController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let hosts = routes.grouped(SignInRequired(roles: [.host]))
            hosts.get(APIRoute.hostSites, use: self.sites)
            hosts.post(APIRoute.hostSites, use: self.createSite)
            hosts.post(APIRoute.hostSiteOpportunities(.key), use: self.createOpportunity)
            hosts.get(APIRoute.hostOpportunity(.key), use: self.opportunity)
            hosts.put(APIRoute.hostOpportunity(.key), use: self.update)
            hosts.post(APIRoute.hostOpportunityStatus(.key, .key), use: self.setStatus)
            hosts.put(APIRoute.hostQuestionSetting(.key), use: self.setQuestions)
            hosts.post(APIRoute.hostOpportunitySessions(.key), use: self.addSession)
            hosts.delete(APIRoute.hostSession(.key), use: self.deleteSession)
        }

        @Sendable func sites(req: Request) async throws -> [HostSiteResponse] {
            try await req.hostCatalog().sites().map { try HostSiteResponse($0, opportunities: $0.opportunities) }
        }

        @Sendable func createSite(req: Request) async throws -> Response {
            let site = try await req.hostCatalog().createSite(try req.jsonBody(SiteForm.self).draft)
            return try await HostSiteResponse(site, opportunities: []).encodeResponse(status: .created, for: req)
        }

        @Sendable func createOpportunity(req: Request) async throws -> Response {
            let catalog = try req.hostCatalog()
            guard let id = req.parameters.get(SiteID.self)?.rawValue, let site = try await catalog.site(id) else {
                throw Abort(.notFound, reason: "No such site of yours.")
            }
            let created = try await catalog.createOpportunity(at: site, try req.jsonBody(HostOpportunityInput.self).draft)
            return try await HostOpportunityResponse(try await self.owned(req, try created.requireID())).encodeResponse(status: .created, for: req)
        }

        @Sendable func opportunity(req: Request) async throws -> HostOpportunityResponse {
            try HostOpportunityResponse(try await self.owned(req))
        }

        @Sendable func update(req: Request) async throws -> HostOpportunityResponse {
            let opportunity = try await self.owned(req)
            try await req.hostCatalog().update(opportunity, try req.jsonBody(HostOpportunityInput.self).draft)
            return try HostOpportunityResponse(opportunity)
        }

        @Sendable func setStatus(req: Request) async throws -> HostOpportunityResponse {
            let opportunity = try await self.owned(req)
            guard let action = req.parameters.get(ListingAction.self) else { throw Abort(.notFound, reason: "No such action: publish or archive.") }
            try await req.hostCatalog().setStatus(opportunity, to: action.status)
            return try HostOpportunityResponse(opportunity)
        }

        struct SessionInput: Content {
            var start: String
            var end: String
            var deadline: String
            var seats: Int
        }

        struct QuestionSettingInput: Content {
            var acceptsQuestions: Bool

            enum CodingKeys: String, CodingKey {
                case acceptsQuestions = "accepts_questions"
            }
        }

        /// Ownership first (404), then the body.
        @Sendable func setQuestions(req: Request) async throws -> QuestionSettingResponse {
            let opportunity = try await self.owned(req)
            try await req.hostCatalog().setQuestions(try req.jsonBody(QuestionSettingInput.self).acceptsQuestions, on: opportunity)
            return QuestionSettingResponse(opportunityID: try opportunity.requireID(), acceptsQuestions: opportunity.acceptsQuestions)
        }

        @Sendable func addSession(req: Request) async throws -> Response {
            let opportunity = try await self.owned(req)
            let input = try req.jsonBody(SessionInput.self)
            try await req.hostCatalog().addSession(to: opportunity, SessionDraft(start: input.start, end: input.end, deadline: input.deadline, seats: String(input.seats)))
            return try await HostOpportunityResponse(try await self.owned(req)).encodeResponse(status: .created, for: req)
        }

        @Sendable func deleteSession(req: Request) async throws -> HTTPStatus {
            guard let id = req.parameters.get(SessionID.self)?.rawValue, try await req.hostCatalog().deleteSession(id) != nil else {
                throw Abort(.notFound, reason: "No such session of yours.")
            }
            return .noContent
        }

        /// The route's opportunity if it is the host's own, with its sessions; 404 otherwise.
        private func owned(_ req: Request, _ id: UUID? = nil) async throws -> Opportunity {
            guard let id = id ?? req.parameters.get(OpportunityID.self)?.rawValue, let opportunity = try await req.hostCatalog().opportunity(id) else {
                throw Abort(.notFound, reason: "No such opportunity of yours.")
            }
            return opportunity
        }
    }
}
