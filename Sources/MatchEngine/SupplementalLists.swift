/// NRMP supplemental lists, matched the way Roth's design for the NRMP treats them: as a linked pair of
/// positions, like a couple. An applicant with supplemental lists becomes a couple of two stand-ins, their
/// primary self and their PGY-1 self. For each program on the primary list, best first, the couple ranks
/// that program with each PGY-1 program of the supplemental list linked to it, then that program alone
/// (an advanced match without a PGY-1 position is still a match, and the algorithm never leaves the
/// primary list to find one). Programs on a supplemental list rank the PGY-1 stand-in where they rank the
/// applicant. The result is folded back: the PGY-1 position is reported beside the primary one.
struct SupplementalExpansion {
    /// The instance with those applicants turned into couples; unchanged when nobody has a list.
    let instance: MatchInstance
    /// PGY-1 stand-in id → the applicant's id.
    let applicantOfStandIn: [String: String]
    /// The applicant's id → their PGY-1 stand-in id.
    let standInOfApplicant: [String: String]

    var isEmpty: Bool { self.applicantOfStandIn.isEmpty }

    init(_ instance: MatchInstance) throws(InstanceError) {
        guard instance.applicants.contains(where: { !$0.supplemental.isEmpty }) else {
            self.instance = instance
            self.applicantOfStandIn = [:]
            self.standInOfApplicant = [:]
            return
        }
        let programIDs = Set(instance.programs.map(\.id))
        // Every name in use (stand-ins must not take one), checked on the way for what the compiler can no
        // longer see once these applicants leave the singles: 1 marks an applicant with supplemental lists.
        var taken = IdentifierTable(capacity: instance.applicants.count + 2 * instance.couples.count)
        for applicant in instance.applicants {
            let mark: Int32 = applicant.supplemental.isEmpty ? 0 : 1
            if let earlier = taken.insert(applicant.id, value: mark), earlier == 1 || mark == 1 { throw .duplicateApplicant(applicant.id) }
        }
        for couple in instance.couples {
            for member in couple.members where taken.insert(member, value: 2) == 1 { throw .applicantIsSingleAndInCouple(member) }
        }

        var singles: [MatchInstance.Applicant] = []
        singles.reserveCapacity(instance.applicants.count)
        var couples = instance.couples
        var standInOf: [String: String] = [:]
        /// PGY-1 program → the applicants whose supplemental lists rank it.
        var listedBy: [String: Set<String>] = [:]
        for applicant in instance.applicants {
            guard !applicant.supplemental.isEmpty else {
                singles.append(applicant)
                continue
            }
            let linked = try Self.linkedLists(of: applicant, programIDs: programIDs)
            var ranking: [[String?]] = []
            for program in applicant.ranking {
                for pgy1 in linked[program] ?? [] { ranking.append([program, pgy1]) }
                ranking.append([program, nil])
            }
            var standIn = applicant.id + " (PGY-1)"
            while taken.index(of: standIn) != nil { standIn += "'" }
            _ = taken.insert(standIn, value: 3)
            standInOf[applicant.id] = standIn
            for program in applicant.supplemental.flatMap(\.ranking) { listedBy[program, default: []].insert(applicant.id) }
            couples.append(MatchInstance.Couple(members: [applicant.id, standIn], ranking: ranking))
        }

        // Only programs on someone's supplemental list change; the rest keep their rankings as they are.
        let programs = instance.programs.map { program in
            guard let applicants = listedBy[program.id] else { return program }
            var ranking: [String] = []
            ranking.reserveCapacity(program.ranking.count + applicants.count)
            for id in program.ranking {
                ranking.append(id)
                // The cheap table first: most ranked applicants have no supplemental list at all.
                if taken.index(of: id) == 1, applicants.contains(id), let standIn = standInOf[id] { ranking.append(standIn) }
            }
            return MatchInstance.Program(id: program.id, capacity: program.capacity, ranking: ranking)
        }
        self.instance = MatchInstance(programs: programs, applicants: singles, couples: couples)
        self.standInOfApplicant = standInOf
        self.applicantOfStandIn = Dictionary(uniqueKeysWithValues: standInOf.map { ($1, $0) })
    }

    /// Each advanced program's supplemental list, after the checks NRMP's rules imply.
    private static func linkedLists(of applicant: MatchInstance.Applicant, programIDs: Set<String>) throws(InstanceError) -> [String: [String]] {
        var primary = Set<String>()
        for program in applicant.ranking {
            guard programIDs.contains(program) else { throw .applicantRanksUnknownProgram(applicant: applicant.id, program: program) }
            guard primary.insert(program).inserted else { throw .applicantRanksProgramTwice(applicant: applicant.id, program: program) }
        }
        var linked: [String: [String]] = [:]
        for list in applicant.supplemental {
            guard !list.advanced.isEmpty else { throw .supplementalLinkedToNothing(applicant: applicant.id) }
            var seen = Set<String>()
            for program in list.ranking {
                guard programIDs.contains(program) else { throw .supplementalRanksUnknownProgram(applicant: applicant.id, program: program) }
                guard seen.insert(program).inserted else { throw .supplementalRanksProgramTwice(applicant: applicant.id, program: program) }
            }
            for advanced in list.advanced {
                guard primary.contains(advanced) else { throw .supplementalLinkedToUnrankedProgram(applicant: applicant.id, program: advanced) }
                guard !seen.contains(advanced) else { throw .supplementalRanksItsAdvancedProgram(applicant: applicant.id, program: advanced) }
                guard linked.updateValue(list.ranking, forKey: advanced) == nil else {
                    throw .advancedProgramHasTwoSupplementalLists(applicant: applicant.id, program: advanced)
                }
            }
        }
        return linked
    }

    /// A matching in the caller's terms, put in the expanded instance's terms (for checking).
    func expand(_ matching: Matching) throws(MatchingError) -> Matching {
        var assignments = matching.assignments
        for (applicant, program) in matching.supplementalAssignments.sorted(by: { $0.key < $1.key }) {
            guard let standIn = self.standInOfApplicant[applicant] else { throw .noSupplementalList(applicant: applicant) }
            assignments[standIn] = program
        }
        return Matching(assignments: assignments)
    }

    /// A result of the expanded instance in the caller's terms.
    func fold(_ result: MatchResult) -> MatchResult {
        guard !self.isEmpty else { return result }
        var folded = result
        for (standIn, applicant) in self.applicantOfStandIn {
            if let program = folded.assignments.removeValue(forKey: standIn) { folded.supplementalAssignments[applicant] = program }
        }
        folded.unmatched.removeAll { self.applicantOfStandIn[$0] != nil }
        folded.blockingPairs = folded.blockingPairs.map(self.fold)
        folded.kprBlockingPairs = folded.kprBlockingPairs.map(self.fold)
        folded.stats.applicants -= self.applicantOfStandIn.count
        folded.stats.couples -= self.applicantOfStandIn.count
        folded.stats.matched = folded.assignments.count
        folded.stats.supplementalApplicants = self.applicantOfStandIn.count
        return folded
    }

    func fold(_ pairs: [BlockingPair]) -> [BlockingPair] {
        pairs.map { pair in
            guard case .couple(let members, let programs) = pair, members.count == 2, let applicant = self.applicantOfStandIn[members[1]] else {
                return pair
            }
            return .supplemental(applicant: applicant, programs: programs)
        }
    }
}
