/// A matching market: programs with capacities and rank order lists, single applicants, and couples who
/// rank pairs of programs. Identifiers are the caller's; every algorithm here is deterministic in them.
public struct MatchInstance: Equatable, Sendable {
    public var programs: [Program]
    public var applicants: [Applicant]
    public var couples: [Couple]

    public init(programs: [Program], applicants: [Applicant], couples: [Couple] = []) {
        self.programs = programs
        self.applicants = applicants
        self.couples = couples
    }

    /// A residency program (or rotation session): how many it can take and whom it ranks, best first.
    public struct Program: Equatable, Sendable {
        public var id: String
        public var capacity: Int
        public var ranking: [String]

        public init(id: String, capacity: Int, ranking: [String]) {
            self.id = id
            self.capacity = capacity
            self.ranking = ranking
        }
    }

    /// An applicant who matches alone, with programs ranked best first.
    public struct Applicant: Equatable, Sendable {
        public var id: String
        public var ranking: [String]

        public init(id: String, ranking: [String]) {
            self.id = id
            self.ranking = ranking
        }
    }

    /// Two applicants who match together. Each ranking entry is a pair of programs, one per member in
    /// the order of `members`; nil means that member goes unmatched in this choice.
    public struct Couple: Equatable, Sendable {
        public var members: [String]
        public var ranking: [[String?]]

        public init(members: [String], ranking: [[String?]]) {
            self.members = members
            self.ranking = ranking
        }
    }

    /// How many positions the programs offer in all.
    /// The largest capacity a program may have.
    public static let maximumCapacity = 100_000

    public var positionCount: Int { self.programs.reduce(0) { $0 + max(0, $1.capacity) } }

    /// How many people take part (couple members counted one by one).
    public var participantCount: Int { self.applicants.count + 2 * self.couples.count }
}

/// Where each applicant ended up.
public struct Matching: Equatable, Sendable {
    /// Applicant id to program id, for everyone matched (couple members included).
    public var assignments: [String: String]

    public init(assignments: [String: String]) {
        self.assignments = assignments
    }
}
