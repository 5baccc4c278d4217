import Foundation

/// A catalog search: free text, filters, place, order and page. Built from request parameters by the app
/// (which checks them); every field is optional.
public struct SearchQuery: Equatable, Sendable {
    public enum Sort: String, CaseIterable, Sendable {
        case relevance
        case startDate = "start_date"
        case fee
        case distance
    }

    public var text: String = ""
    public var types: Set<OpportunityType> = []
    public var specialtyIDs: Set<String> = []
    public var states: Set<String> = []
    public var audiences: Set<Audience> = []
    public var settings: Set<ClinicalSetting> = []
    /// Opportunities accepting any of these visa classes.
    public var visaClasses: Set<VisaClass> = []
    public var isHandsOn: Bool? = nil
    /// Only listings with (true) or without (false) a seat left in a session still taking applications.
    public var hasSeats: Bool? = nil
    public var letterPolicies: Set<LetterPolicy> = []
    public var maximumFeeCents: Int? = nil
    /// Only opportunities with a session open for applications that starts on or after this day …
    public var startsOnOrAfter: Day? = nil
    /// … and ends on or before this day.
    public var endsOnOrBefore: Day? = nil
    /// Centre and radius of a place search.
    public var near: Coordinate? = nil
    public var radiusMiles: Double? = nil
    /// Only what this profile qualifies for.
    public var eligibleFor: ApplicantProfileInput? = nil
    /// Only these opportunities (a saved search's alert asks about those listed since it last ran).
    public var onlyIDs: Set<UUID>? = nil
    public var sort: Sort = .relevance
    /// 1-based.
    public var page = 1
    public var perPage = 20

    /// How many pages `total` results fill, at least one.
    public static func pageCount(total: Int, perPage: Int) -> Int { max(1, (total + perPage - 1) / perPage) }

    public init() {}
}

/// One page of results, with the total and facet counts over every match (not just this page).
public struct SearchPage: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public var document: CatalogDocument
        public var score: Double
        public var distanceMiles: Double?
        public var nextOpenSession: CatalogDocument.Session?
        /// Present when the search asked for eligibility.
        public var eligibility: EligibilityResult?

        public init(
            document: CatalogDocument, score: Double, distanceMiles: Double?, nextOpenSession: CatalogDocument.Session?,
            eligibility: EligibilityResult?
        ) {
            self.document = document
            self.score = score
            self.distanceMiles = distanceMiles
            self.nextOpenSession = nextOpenSession
            self.eligibility = eligibility
        }
    }

    public var items: [Item]
    public var total: Int
    /// Facet name → value → count, for `type`, `specialty`, `state`, `hands_on`, `has_seats` and `audience`.
    public var facets: [String: [String: Int]]
}
