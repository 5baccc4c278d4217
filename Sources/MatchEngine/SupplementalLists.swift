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
        var checks = ListChecks(programs: instance.programs)
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
        // Applicants with lists by number (their ids and stand-ins), and for each PGY-1 program (by index)
        // the numbers that rank it.
        var numberOf = IdentifierTable(capacity: 64)
        var withLists: [String] = []
        var standIns: [String] = []
        var listedBy = [[Int32]](repeating: [], count: instance.programs.count)
        for applicant in instance.applicants {
            guard !applicant.supplemental.isEmpty else {
                singles.append(applicant)
                continue
            }
            let linked = try Self.linkedLists(of: applicant, checks: &checks)
            var ranking: [[String?]] = []
            for (entry, program) in applicant.ranking.enumerated() {
                if linked[entry] >= 0 {
                    for pgy1 in applicant.supplemental[Int(linked[entry])].ranking { ranking.append([program, pgy1]) }
                }
                ranking.append([program, nil])
            }
            var standIn = applicant.id + " (PGY-1)"
            while taken.index(of: standIn) != nil { standIn += "'" }
            _ = taken.insert(standIn, value: 3)
            let number = Int32(standIns.count)
            _ = numberOf.insert(applicant.id, value: number)
            withLists.append(applicant.id)
            standIns.append(standIn)
            for list in applicant.supplemental {
                for program in list.ranking { listedBy[Int(checks.programIndex.index(of: program)!)].append(number) }
            }
            couples.append(MatchInstance.Couple(members: [applicant.id, standIn], ranking: ranking))
        }

        // Only programs on someone's supplemental list change; the rest keep their rankings as they are. (A
        // repeated program id's later copies have no entries here; the compiler refuses the instance.)
        var listing = [Int32](repeating: -1, count: standIns.count)
        let programs = instance.programs.enumerated().map { index, program in
            let numbers = listedBy[index]
            guard !numbers.isEmpty else { return program }
            for number in numbers { listing[Int(number)] = Int32(index) }
            var ranking: [String] = []
            ranking.reserveCapacity(program.ranking.count + numbers.count)
            for id in program.ranking {
                ranking.append(id)
                if let number = numberOf.index(of: id), listing[Int(number)] == Int32(index) { ranking.append(standIns[Int(number)]) }
            }
            return MatchInstance.Program(id: program.id, capacity: program.capacity, ranking: ranking)
        }
        self.instance = MatchInstance(programs: programs, applicants: singles, couples: couples)
        self.standInOfApplicant = Dictionary(uniqueKeysWithValues: zip(withLists, standIns))
        self.applicantOfStandIn = Dictionary(uniqueKeysWithValues: zip(standIns, withLists))
    }

    /// Marks by program index for checking one applicant's lists at a time without building sets for each
    /// (sets of strings per applicant were most of the expansion's time): a mark equal to the current stamp
    /// means "seen for this applicant" (or this list).
    private struct ListChecks {
        var programIndex: IdentifierTable
        var primary: [Int32]
        var listed: [Int32]
        var linkedTo: [Int32]
        var linkedList: [Int32]
        var stamp: Int32 = 0

        init(programs: [MatchInstance.Program]) {
            self.programIndex = IdentifierTable(capacity: programs.count)
            // A repeated program id keeps its first index; the compiler refuses the instance afterwards.
            for (index, program) in programs.enumerated() { _ = self.programIndex.insert(program.id, value: Int32(index)) }
            self.primary = [Int32](repeating: 0, count: programs.count)
            self.listed = self.primary
            self.linkedTo = self.primary
            self.linkedList = self.primary
        }

        mutating func nextStamp() -> Int32 {
            self.stamp += 1
            return self.stamp
        }
    }

    /// For each program on the applicant's primary list, the supplemental list linked to it (its index in
    /// `applicant.supplemental`, or -1), after the checks NRMP's rules imply.
    private static func linkedLists(of applicant: MatchInstance.Applicant, checks: inout ListChecks) throws(InstanceError) -> [Int32] {
        let applicantStamp = checks.nextStamp()
        var primaryIndexes: [Int32] = []
        primaryIndexes.reserveCapacity(applicant.ranking.count)
        for program in applicant.ranking {
            guard let p = checks.programIndex.index(of: program) else { throw .applicantRanksUnknownProgram(applicant: applicant.id, program: program) }
            guard checks.primary[Int(p)] != applicantStamp else { throw .applicantRanksProgramTwice(applicant: applicant.id, program: program) }
            checks.primary[Int(p)] = applicantStamp
            primaryIndexes.append(p)
        }
        for (number, list) in applicant.supplemental.enumerated() {
            guard !list.advanced.isEmpty else { throw .supplementalLinkedToNothing(applicant: applicant.id) }
            let listStamp = checks.nextStamp()
            for program in list.ranking {
                guard let p = checks.programIndex.index(of: program) else {
                    throw .supplementalRanksUnknownProgram(applicant: applicant.id, program: program)
                }
                guard checks.listed[Int(p)] != listStamp else { throw .supplementalRanksProgramTwice(applicant: applicant.id, program: program) }
                checks.listed[Int(p)] = listStamp
            }
            for advanced in list.advanced {
                guard let p = checks.programIndex.index(of: advanced), checks.primary[Int(p)] == applicantStamp else {
                    throw .supplementalLinkedToUnrankedProgram(applicant: applicant.id, program: advanced)
                }
                guard checks.listed[Int(p)] != listStamp else { throw .supplementalRanksItsAdvancedProgram(applicant: applicant.id, program: advanced) }
                guard checks.linkedTo[Int(p)] != applicantStamp else {
                    throw .advancedProgramHasTwoSupplementalLists(applicant: applicant.id, program: advanced)
                }
                checks.linkedTo[Int(p)] = applicantStamp
                checks.linkedList[Int(p)] = Int32(number)
            }
        }
        return primaryIndexes.map { checks.linkedTo[Int($0)] == applicantStamp ? checks.linkedList[Int($0)] : -1 }
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
