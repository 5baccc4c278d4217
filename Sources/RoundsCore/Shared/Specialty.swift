/// A specialty on one of Rounds' two lists (`Specialties.rotation`, `Specialties.residency`).
public struct Specialty: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier stored in the database and used in URLs, e.g. `internal-medicine`.
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One list of specialties, in display order, read from the rules file.
public struct SpecialtyList: Sendable {
    public let all: [Specialty]
    private let byID: [String: Specialty]
    private let byName: [String: Specialty]

    init(_ options: [DomainRules.Option]) {
        self.all = options.map { Specialty(id: $0.id, name: $0.name) }
        self.byID = Dictionary(self.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.byName = Dictionary(self.all.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func find(_ id: String) -> Specialty? { self.byID[id] }

    /// By name, ignoring case.
    public func named(_ name: String) -> Specialty? { self.byName[name.lowercased()] }
}

/// The two specialty lists, kept apart because they answer different questions (issue 16): which
/// department a rotation is in, and which residency a program trains for or an applicant aims at.
public enum Specialties {
    /// The department or service a rotation is in: catalog listings and portfolio experiences. Rounds'
    /// own vocabulary (fellowship fields such as Cardiology included), rules file `specialties.rotation`.
    public static let rotation = SpecialtyList(DomainRules.shipped.options(.rotationSpecialties))

    /// Residency specialties under the names ERAS and the NRMP use: programs (directory, program list,
    /// letters), applicants' target specialties and personal statements. Rules file `specialties.residency`.
    public static let residency = SpecialtyList(DomainRules.shipped.options(.residencySpecialties))
}
