/// NRMP supplemental lists, matched the way Roth's design for the NRMP treats them: as a linked pair of
/// positions, like a couple. An applicant with supplemental lists becomes a couple of two stand-ins, their
/// primary self and their PGY-1 self. For each program on the primary list, best first, the couple ranks
/// that program with each PGY-1 program of the supplemental list linked to it, then that program alone
/// (an advanced match without a PGY-1 position is still a match, and the algorithm never leaves the
/// primary list to find one). Programs on a supplemental list rank the PGY-1 stand-in where they rank the
/// applicant. The result is folded back: the PGY-1 position is reported beside the primary one.
struct SupplementalExpansion {
    /// The caller's instance, as given.
    let original: MatchInstance
    /// By number (applicants with lists, in record order): the applicant's id and their PGY-1 stand-in's.
    let withLists: [String]
    let standIns: [String]
    /// By record index in `original.applicants`: the applicant's number, or -1 without lists.
    let numberOfRecord: [Int32]
    /// By number, the stand-in couple's pairs as program record indexes (the second -1: the primary
    /// program alone): pairs of number n are `pairPrograms[2 * i], pairPrograms[2 * i + 1]` for i in
    /// `pairStart[n]..<pairStart[n + 1]`.
    let pairStart: [Int32]
    let pairPrograms: [Int32]
    /// By program record index: the numbers whose supplemental lists name that program.
    let listedBy: [[Int32]]
    /// PGY-1 stand-in id → the applicant's id.
    let applicantOfStandIn: [String: String]
    /// The applicant's id → their PGY-1 stand-in id.
    let standInOfApplicant: [String: String]

    var isEmpty: Bool { self.withLists.isEmpty }

    /// No lists: every applicant matches alone (also how a plain `CompiledInstance(instance)` reads one).
    init(plain instance: MatchInstance) {
        self.init(
            original: instance, withLists: [], standIns: [],
            numberOfRecord: [Int32](repeating: -1, count: instance.applicants.count), pairStart: [0], pairPrograms: [], listedBy: [])
    }

    private init(
        original: MatchInstance,
        withLists: [String],
        standIns: [String],
        numberOfRecord: [Int32],
        pairStart: [Int32],
        pairPrograms: [Int32],
        listedBy: [[Int32]]
    ) {
        self.original = original
        self.withLists = withLists
        self.standIns = standIns
        self.numberOfRecord = numberOfRecord
        self.pairStart = pairStart
        self.pairPrograms = pairPrograms
        self.listedBy = listedBy
        self.standInOfApplicant = Dictionary(uniqueKeysWithValues: zip(withLists, standIns))
        self.applicantOfStandIn = Dictionary(uniqueKeysWithValues: zip(standIns, withLists))
    }

    /// Checks the lists and plans the stand-ins in numbers; the compiler builds them straight into its
    /// tables (a second instance of strings cost a third of building the tables at NRMP scale).
    init(_ instance: MatchInstance) throws(InstanceError) {
        guard instance.applicants.contains(where: { !$0.supplemental.isEmpty }) else {
            self.init(plain: instance)
            return
        }
        var checks = ListChecks(programs: instance.programs)
        // Every name in use (stand-ins must not take one), checked on the way for what the compiler can no
        // longer see once these applicants leave the singles: 1 marks an applicant with supplemental lists.
        var taken = IdentifierTable(capacity: instance.applicants.count + 2 * instance.couples.count)
        // By index, not by copying each record, which would touch every rank list (a cache miss each).
        let applicants = instance.applicants
        for record in applicants.indices {
            let mark: Int32 = applicants[record].supplemental.isEmpty ? 0 : 1
            let id = applicants[record].id
            if let earlier = taken.insert(id, value: mark), earlier == 1 || mark == 1 { throw .duplicateApplicant(id) }
        }
        for couple in instance.couples {
            for member in couple.members where taken.insert(member, value: 2) == 1 { throw .applicantIsSingleAndInCouple(member) }
        }

        var withLists: [String] = []
        var standIns: [String] = []
        var numberOfRecord = [Int32](repeating: -1, count: instance.applicants.count)
        var pairStart: [Int32] = [0]
        var pairPrograms: [Int32] = []
        var listedBy = [[Int32]](repeating: [], count: instance.programs.count)
        for record in applicants.indices where !applicants[record].supplemental.isEmpty {
            let applicant = applicants[record]
            let (primary, lists, linked) = try Self.linkedLists(of: applicant, checks: &checks)
            for (entry, program) in primary.enumerated() {
                if linked[entry] >= 0 {
                    for pgy1 in lists[Int(linked[entry])] { pairPrograms += [program, pgy1] }
                }
                pairPrograms += [program, CompiledInstance.none]
            }
            pairStart.append(Int32(pairPrograms.count / 2))
            var standIn = applicant.id + " (PGY-1)"
            while taken.index(of: standIn) != nil { standIn += "'" }
            _ = taken.insert(standIn, value: 3)
            let number = Int32(standIns.count)
            numberOfRecord[record] = number
            withLists.append(applicant.id)
            standIns.append(standIn)
            for list in lists {
                for program in list { listedBy[Int(program)].append(number) }
            }
        }
        self.init(
            original: instance, withLists: withLists, standIns: standIns, numberOfRecord: numberOfRecord,
            pairStart: pairStart, pairPrograms: pairPrograms, listedBy: listedBy)
    }

    /// The stand-in couple of number `n` as the caller would have written it (for messages and checks).
    func coupleRanking(of n: Int32) -> [[String?]] {
        let programs = self.original.programs
        return (Int(self.pairStart[Int(n)])..<Int(self.pairStart[Int(n) + 1])).map { i in
            [programs[Int(self.pairPrograms[2 * i])].id, self.pairPrograms[2 * i + 1] < 0 ? nil : programs[Int(self.pairPrograms[2 * i + 1])].id]
        }
    }

    /// The expanded instance in strings: applicants with lists as couples with their stand-ins, who follow
    /// them on the rankings of the programs their lists name. The compiler builds the same tables from the
    /// plan directly; this form is for brute-force checks and for testing that they agree.
    var expandedInstance: MatchInstance {
        var listing = [Int32](repeating: -1, count: self.standIns.count)
        var numberOf: [String: Int32] = [:]
        for (n, id) in self.withLists.enumerated() { numberOf[id] = Int32(n) }
        let programs = self.original.programs.enumerated().map { index, program in
            let numbers = self.listedBy.isEmpty ? [] : self.listedBy[index]
            guard !numbers.isEmpty else { return program }
            for number in numbers { listing[Int(number)] = Int32(index) }
            var ranking: [String] = []
            for id in program.ranking {
                ranking.append(id)
                if let number = numberOf[id], listing[Int(number)] == Int32(index) { ranking.append(self.standIns[Int(number)]) }
            }
            return MatchInstance.Program(id: program.id, capacity: program.capacity, ranking: ranking)
        }
        let singles = self.original.applicants.indices.filter { self.numberOfRecord[$0] < 0 }.map { self.original.applicants[$0] }
        let standInCouples = self.withLists.indices.map { n in
            MatchInstance.Couple(members: [self.withLists[n], self.standIns[n]], ranking: self.coupleRanking(of: Int32(n)))
        }
        return MatchInstance(programs: programs, applicants: singles, couples: self.original.couples + standInCouples)
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

    /// The applicant's primary list and supplemental lists as program record indexes and, for each program
    /// of the primary list, the supplemental list linked to it (its index in `applicant.supplemental`, or
    /// -1), after the checks NRMP's rules imply.
    private static func linkedLists(
        of applicant: MatchInstance.Applicant,
        checks: inout ListChecks
    ) throws(InstanceError) -> (primary: [Int32], lists: [[Int32]], linked: [Int32]) {
        let applicantStamp = checks.nextStamp()
        var primaryIndexes: [Int32] = []
        primaryIndexes.reserveCapacity(applicant.ranking.count)
        for program in applicant.ranking {
            guard let p = checks.programIndex.index(of: program) else { throw .applicantRanksUnknownProgram(applicant: applicant.id, program: program) }
            guard checks.primary[Int(p)] != applicantStamp else { throw .applicantRanksProgramTwice(applicant: applicant.id, program: program) }
            checks.primary[Int(p)] = applicantStamp
            primaryIndexes.append(p)
        }
        var lists: [[Int32]] = []
        for (number, list) in applicant.supplemental.enumerated() {
            guard !list.advanced.isEmpty else { throw .supplementalLinkedToNothing(applicant: applicant.id) }
            let listStamp = checks.nextStamp()
            var listIndexes: [Int32] = []
            for program in list.ranking {
                guard let p = checks.programIndex.index(of: program) else {
                    throw .supplementalRanksUnknownProgram(applicant: applicant.id, program: program)
                }
                guard checks.listed[Int(p)] != listStamp else { throw .supplementalRanksProgramTwice(applicant: applicant.id, program: program) }
                checks.listed[Int(p)] = listStamp
                listIndexes.append(p)
            }
            lists.append(listIndexes)
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
        return (primaryIndexes, lists, primaryIndexes.map { checks.linkedTo[Int($0)] == applicantStamp ? checks.linkedList[Int($0)] : -1 })
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
