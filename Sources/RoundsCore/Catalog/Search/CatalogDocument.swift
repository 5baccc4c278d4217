import Foundation

/// One opportunity as the search index sees it: everything a search can filter, rank or show.
public struct CatalogDocument: Equatable, Sendable, Identifiable {
    public struct Site: Hashable, Sendable {
        public var name: String
        public var city: String
        public var state: String
        public var zip: String
        public var coordinate: Coordinate?

        public init(name: String, city: String, state: String, zip: String, coordinate: Coordinate?) {
            self.name = name
            self.city = city
            self.state = state
            self.zip = zip
            self.coordinate = coordinate
        }
    }

    public struct Session: Equatable, Sendable {
        public var id: UUID
        public var start: Day
        public var end: Day
        public var seats: Int
        public var applicationDeadline: Day
        /// Seats held by accepted applications.
        public var seatsTaken: Int

        public init(id: UUID, start: Day, end: Day, seats: Int, applicationDeadline: Day, seatsTaken: Int = 0) {
            self.id = id
            self.start = start
            self.end = end
            self.seats = seats
            self.applicationDeadline = applicationDeadline
            self.seatsTaken = seatsTaken
        }

        /// Open to applications on `today`.
        public func isOpen(on today: Day) -> Bool { self.applicationDeadline >= today }

        public var seatsLeft: Int { max(0, self.seats - self.seatsTaken) }
    }

    public var id: UUID
    public var title: String
    public var description: String
    public var type: OpportunityType
    public var specialtyID: String
    public var isHandsOn: Bool
    public var setting: ClinicalSetting
    public var rules: EligibilityRules
    public var feeCents: Int
    public var currency: String
    public var letterPolicy: LetterPolicy
    public var requirements: Set<Requirement>
    public var site: Site
    /// Sorted by start date.
    public var sessions: [Session]

    public init(
        id: UUID, title: String, description: String, type: OpportunityType, specialtyID: String, isHandsOn: Bool,
        setting: ClinicalSetting, rules: EligibilityRules, feeCents: Int, currency: String, letterPolicy: LetterPolicy,
        requirements: Set<Requirement>, site: Site, sessions: [Session]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.type = type
        self.specialtyID = specialtyID
        self.isHandsOn = isHandsOn
        self.setting = setting
        self.rules = rules
        self.feeCents = feeCents
        self.currency = currency
        self.letterPolicy = letterPolicy
        self.requirements = requirements
        self.site = site
        self.sessions = sessions.sorted { ($0.start, $0.id.uuidString) < ($1.start, $1.id.uuidString) }
    }

    /// The first session still taking applications on `today`.
    public func nextOpenSession(on today: Day) -> Session? { self.sessions.first { $0.isOpen(on: today) } }

    /// A session still taking applications on `today` has a seat nobody has accepted.
    public func hasOpenSeat(on today: Day) -> Bool { self.sessions.contains { $0.isOpen(on: today) && $0.seatsLeft > 0 } }
}
