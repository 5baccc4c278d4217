/// Why an instance cannot be matched. `description` is the exact message shown to people.
public enum InstanceError: Error, Equatable, Sendable, CustomStringConvertible {
    case duplicateProgram(String)
    case duplicateApplicant(String)
    case negativeCapacity(program: String, capacity: Int)
    case capacityTooLarge(program: String, capacity: Int, maximum: Int)
    case programRanksUnknownApplicant(program: String, applicant: String)
    case programRanksApplicantTwice(program: String, applicant: String)
    case applicantRanksUnknownProgram(applicant: String, program: String)
    case applicantRanksProgramTwice(applicant: String, program: String)
    case coupleMemberCount(members: [String])
    case coupleNamesSameApplicantTwice(String)
    case applicantInTwoCouples(String)
    case applicantIsSingleAndInCouple(String)
    case coupleRanksUnknownProgram(members: [String], program: String)
    case couplePairLength(members: [String], length: Int)
    case coupleRanksEmptyPair(members: [String])
    case coupleRanksPairTwice(members: [String], pair: [String?])
    case supplementalLinkedToNothing(applicant: String)
    case supplementalLinkedToUnrankedProgram(applicant: String, program: String)
    case advancedProgramHasTwoSupplementalLists(applicant: String, program: String)
    case supplementalRanksUnknownProgram(applicant: String, program: String)
    case supplementalRanksProgramTwice(applicant: String, program: String)
    case supplementalRanksItsAdvancedProgram(applicant: String, program: String)

    public var description: String {
        switch self {
        case .duplicateProgram(let id):
            "duplicate program id \(quoted(id))"
        case .duplicateApplicant(let id):
            "duplicate applicant id \(quoted(id))"
        case .negativeCapacity(let program, let capacity):
            "program \(quoted(program)) has capacity \(capacity); capacity must be 0 or more"
        case .capacityTooLarge(let program, let capacity, let maximum):
            "program \(quoted(program)) has capacity \(capacity); capacity may be at most \(maximum)"
        case .programRanksUnknownApplicant(let program, let applicant):
            "program \(quoted(program)) ranks unknown applicant \(quoted(applicant))"
        case .programRanksApplicantTwice(let program, let applicant):
            "program \(quoted(program)) ranks applicant \(quoted(applicant)) more than once"
        case .applicantRanksUnknownProgram(let applicant, let program):
            "applicant \(quoted(applicant)) ranks unknown program \(quoted(program))"
        case .applicantRanksProgramTwice(let applicant, let program):
            "applicant \(quoted(applicant)) ranks program \(quoted(program)) more than once"
        case .coupleMemberCount(let members):
            "a couple must have exactly 2 members, got \(members.count) (\(list(members)))"
        case .coupleNamesSameApplicantTwice(let id):
            "couple names applicant \(quoted(id)) twice"
        case .applicantInTwoCouples(let id):
            "applicant \(quoted(id)) is in two couples"
        case .applicantIsSingleAndInCouple(let id):
            "applicant \(quoted(id)) is listed both as a single applicant and in a couple"
        case .coupleRanksUnknownProgram(let members, let program):
            "couple \(list(members)) ranks unknown program \(quoted(program))"
        case .couplePairLength(let members, let length):
            "couple \(list(members)) has a ranking entry with \(length) programs; each entry must have exactly 2 (null for no match)"
        case .coupleRanksEmptyPair(let members):
            "couple \(list(members)) ranks a pair with no program at all"
        case .coupleRanksPairTwice(let members, let pair):
            "couple \(list(members)) ranks the pair \(list(pair)) more than once"
        case .supplementalLinkedToNothing(let applicant):
            "applicant \(quoted(applicant)) has a supplemental list linked to no advanced program"
        case .supplementalLinkedToUnrankedProgram(let applicant, let program):
            "applicant \(quoted(applicant)) links a supplemental list to \(quoted(program)), which is not on their primary list"
        case .advancedProgramHasTwoSupplementalLists(let applicant, let program):
            "applicant \(quoted(applicant)) links two supplemental lists to \(quoted(program)); an advanced program takes one"
        case .supplementalRanksUnknownProgram(let applicant, let program):
            "applicant \(quoted(applicant)) has unknown program \(quoted(program)) on a supplemental list"
        case .supplementalRanksProgramTwice(let applicant, let program):
            "applicant \(quoted(applicant)) ranks program \(quoted(program)) more than once on one supplemental list"
        case .supplementalRanksItsAdvancedProgram(let applicant, let program):
            "applicant \(quoted(applicant)) ranks \(quoted(program)) on the supplemental list linked to it"
        }
    }
}

private func quoted(_ id: String) -> String { "\"\(id)\"" }

private func list(_ ids: [String?]) -> String {
    "[" + ids.map { $0.map(quoted) ?? "null" }.joined(separator: ", ") + "]"
}
