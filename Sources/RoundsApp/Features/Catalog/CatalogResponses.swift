import Fluent
import RoundsCore
import Vapor

/// The JSON shape of catalog results: `{"items":[…],"total":N,"facets":{…},"page":P,"per_page":K}`.
struct OpportunityListResponse: Content {
    var items: [OpportunitySummary]
    var total: Int
    var facets: [String: [String: Int]]
    var page: Int
    var perPage: Int

    enum CodingKeys: String, CodingKey {
        case items, total, facets, page
        case perPage = "per_page"
    }
}

struct OpportunitySummary: Content {
    struct SiteSummary: Content {
        var name: String
        var city: String
        var state: String
        var zip: String
    }

    struct SessionSummary: Content {
        var id: UUID
        var start: String
        var end: String
        var seats: Int
        var seatsLeft: Int
        var applicationDeadline: String

        enum CodingKeys: String, CodingKey {
            case id, start, end, seats
            case seatsLeft = "seats_left"
            case applicationDeadline = "application_deadline"
        }

        init(_ session: CatalogDocument.Session) {
            self.id = session.id
            self.start = session.start.iso
            self.end = session.end.iso
            self.seats = session.seats
            self.seatsLeft = session.seatsLeft
            self.applicationDeadline = session.applicationDeadline.iso
        }
    }

    struct EligibilitySummary: Content {
        var eligible: Bool
        var reasons: [String]
    }

    var id: UUID
    var title: String
    var type: OpportunityType
    var specialty: String
    var handsOn: Bool
    var setting: ClinicalSetting
    var audiences: [String]
    var visaClasses: [String]
    var feeCents: Int
    var currency: String
    var letterPolicy: String
    var site: SiteSummary
    var distanceMi: Double?
    var nextSession: SessionSummary?
    var eligibility: EligibilitySummary?

    enum CodingKeys: String, CodingKey {
        case id, title, type, specialty, setting, audiences, currency, site, eligibility
        case handsOn = "hands_on"
        case visaClasses = "visa_classes"
        case feeCents = "fee_cents"
        case letterPolicy = "letter_policy"
        case distanceMi = "distance_mi"
        case nextSession = "next_session"
    }

    init(_ item: SearchPage.Item) {
        let document = item.document
        self.id = document.id
        self.title = document.title
        self.type = document.type
        self.specialty = document.specialtyID
        self.handsOn = document.isHandsOn
        self.setting = document.setting
        self.audiences = document.rules.audiences.map(\.rawValue).sorted()
        self.visaClasses = document.rules.acceptedVisaClasses.map(\.rawValue).sorted()
        self.feeCents = document.feeCents
        self.currency = document.currency
        self.letterPolicy = document.letterPolicy.rawValue
        self.site = SiteSummary(name: document.site.name, city: document.site.city, state: document.site.state, zip: document.site.zip)
        self.distanceMi = item.distanceMiles.map { ($0 * 10).rounded() / 10 }
        self.nextSession = item.nextOpenSession.map(SessionSummary.init)
        self.eligibility = item.eligibility.map { EligibilitySummary(eligible: $0.isEligible, reasons: $0.reasons.map(\.explanation)) }
    }
}

/// One opportunity in full, for its page and `GET /api/v1/opportunities/{id}`.
struct OpportunityDetailResponse: Content {
    var summary: OpportunitySummary
    var description: String
    var requirements: [String]
    var maximumYearsSinceGraduation: Int?
    var requiresStep1Pass: Bool
    var sessions: [OpportunitySummary.SessionSummary]
    /// The host takes questions from signed-in applicants before they apply.
    var acceptsQuestions: Bool

    enum CodingKeys: String, CodingKey {
        case description, requirements, sessions
        case summary = "opportunity"
        case acceptsQuestions = "accepts_questions"
        case maximumYearsSinceGraduation = "max_years_since_graduation"
        case requiresStep1Pass = "requires_step1_pass"
    }
}

extension Request {
    /// The signed-in applicant's profile, for "eligible for me".
    func applicantProfile() async throws -> ApplicantProfileInput? {
        guard let user = self.currentUser, user.has(.applicant) else { return nil }
        return try await ProfileStore.load(for: user, on: self.db)
    }

    /// Today in UTC, for deadlines.
    var today: Day { Day(self.now) }
}
