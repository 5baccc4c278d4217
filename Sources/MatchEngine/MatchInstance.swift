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

    /// An applicant who matches alone, with programs ranked best first (their primary list).
    public struct Applicant: Equatable, Sendable {
        public var id: String
        public var ranking: [String]
        /// Supplemental lists of PGY-1 programs, each linked to advanced programs on `ranking`.
        public var supplemental: [SupplementalList]

        public init(id: String, ranking: [String], supplemental: [SupplementalList] = []) {
            self.id = id
            self.ranking = ranking
            self.supplemental = supplemental
        }
    }

    /// NRMP's supplemental rank order list: PGY-1 programs, best first, that the applicant wants only
    /// if they match one of the `advanced` (PGY-2) programs it is linked to. Matching an advanced program
    /// without a PGY-1 position is still a match; the primary list is never left for a PGY-1 position.
    public struct SupplementalList: Equatable, Sendable {
        public var advanced: [String]
        public var ranking: [String]

        public init(advanced: [String], ranking: [String]) {
            self.advanced = advanced
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

    /// The largest capacity a program may have.
    public static let maximumCapacity = 100_000

    /// How many positions the programs offer in all.
    public var positionCount: Int { self.programs.reduce(0) { $0 + max(0, $1.capacity) } }

    /// How many people take part (couple members counted one by one).
    public var participantCount: Int { self.applicants.count + 2 * self.couples.count }
}

/// Where each applicant ended up.
public struct Matching: Equatable, Sendable {
    /// Applicant id to program id, for everyone matched (couple members included).
    public var assignments: [String: String]
    /// Applicant id to the PGY-1 program from their supplemental lists, for those who got one.
    public var supplementalAssignments: [String: String]

    public init(assignments: [String: String], supplementalAssignments: [String: String] = [:]) {
        self.assignments = assignments
        self.supplementalAssignments = supplementalAssignments
    }
}
