import Foundation

/// The visa rules of `data/residency/visa-paths.json`: what each status allows and forbids in US clinical
/// settings, each with its source and confidence (not legal advice). The catalog's rules (`VisaRules`)
/// cite the same entries; a test keeps the two in agreement.
public struct VisaPaths: Decodable, Sendable, Equatable {
    public struct Rule: Decodable, Sendable, Equatable, Identifiable {
        public var id: String
        public var status: String
        public var who: String?
        public var what: String?
        public var may: String?
        public var mayNot: [String]?
        public var requires: [String]?
        public var limits: [String]?
        public var homeResidency: String?
        public var note: String?
        public var source: String
        public var confidence: SourceConfidence

        enum CodingKeys: String, CodingKey {
            case id, status, who, what, may, requires, limits, note, source, confidence
            case mayNot = "may_not"
            case homeResidency = "home_residency"
        }

        /// The web addresses in the source text, in order.
        public var sourceURLs: [String] {
            self.source.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map(String.init).filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        }
    }

    public var about: String
    public var rules: [Rule]
    public var consequences: [String]

    public subscript(id: String) -> Rule? { self.rules.first { $0.id == id } }

    /// The shipped file, read once per process.
    public static let shipped = Result { try JSONDecoder().decode(VisaPaths.self, from: try ReferenceData.bytes("residency/visa-paths.json")) }
}

/// Research and summer programs for pre-medical students (`data/residency/research-programs.json`), with
/// the citizenship rule that decides who may apply, each citing the program's own page.
public struct ResearchPrograms: Decodable, Sendable, Equatable {
    public struct Program: Decodable, Sendable, Equatable {
        public var name: String
        /// Who may apply by status, as the program words it; nil when the program leaves it to each host.
        public var citizenship: [String]?
        public var who: String
        public var age: String?
        /// "--MM-DD" for a yearly deadline, other text when each site sets its own, nil when not published.
        public var deadline: String?
        public var opens: String?
        public var length: String?
        public var stipend: Stipend?
        public var extras: String?
        public var source: String
        public var confidence: SourceConfidence

        /// A stipend is dollars or the program's words.
        public enum Stipend: Decodable, Sendable, Equatable {
            case dollars(Int), text(String)

            public init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let dollars = try? container.decode(Int.self) { self = .dollars(dollars) } else { self = .text(try container.decode(String.self)) }
            }

            public var display: String {
                switch self {
                case .dollars(let amount): "$\(amount)"
                case .text(let text): text
                }
            }
        }

        /// The yearly deadline's next day on or after `today`, when the deadline is a month and day.
        public func nextDeadline(after today: Day) -> Day? {
            guard let deadline, deadline.hasPrefix("--"), deadline.count == 7 else { return nil }
            let monthDay = deadline.dropFirst(2)
            let year = Int(today.iso.prefix(4)) ?? 0
            for candidate in [year, year + 1] {
                if let day = Day(iso: "\(candidate)-\(monthDay)"), day >= today { return day }
            }
            return nil
        }

        /// Whether an applicant of `status` may apply: true, false, or nil when the program does not say
        /// or the status is not one its rule names.
        public func admits(_ status: VisaStatus) -> Bool? {
            guard let citizenship else { return nil }
            let words = Set(citizenship.map { $0.lowercased() })
            let names: [VisaStatus: [String]] = [
                .usCitizen: ["us citizen"], .permanentResident: ["us permanent resident", "permanent resident"], .f1: ["f-1"], .j1: ["j-1"],
                .h1b: ["h-1b", "h-1"],
            ]
            if let mine = names[status] { return !words.isDisjoint(with: mine) }
            // Visitors and those still needing a visa are not a status any of these programs lists.
            return status == .b1b2 || status == .needsVisa ? false : nil
        }
    }

    public struct Ended: Decodable, Sendable, Equatable {
        public var name: String
        public var ran: String
        public var source: String
        public var note: String
    }

    public var about: String
    public var programs: [Program]
    public var ended: [Ended]

    public static let shipped = Result { try JSONDecoder().decode(ResearchPrograms.self, from: try ReferenceData.bytes("residency/research-programs.json")) }
}
