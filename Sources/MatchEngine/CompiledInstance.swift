/// An instance turned into integer tables, validated on the way. Programs and applicants are put in
/// identifier order first, so the result never depends on the order of the input records.
struct CompiledInstance: Equatable, Sendable {
    static let none: Int32 = -1

    let programIDs: [String]
    /// Singles first, then couple members (member 0 and member 1 of couple 0, of couple 1, …).
    let applicantIDs: [String]
    let singleCount: Int
    let capacity: [Int32]
    /// How many applicants each program ranks.
    var rankingCounts: [Int32] { (0..<self.programCount).map { self.programStart[$0 + 1] - self.programStart[$0] } }

    // Program rank lists, flattened: program p ranks programApplicants[programStart[p]..<programStart[p+1]].
    let programStart: [Int32]
    let programApplicants: [Int32]

    // Applicant rank lists (singles and couple members alike; couple members' lists stay empty).
    let applicantStart: [Int32]
    let applicantPrograms: [Int32]
    /// For each applicant list entry: the program's rank of the applicant (0 best), or -1 when unranked.
    let applicantEntryRank: [Int32]

    // Couple pair lists.
    let coupleStart: [Int32]
    let pairFirst: [Int32]
    let pairSecond: [Int32]
    let pairFirstRank: [Int32]
    let pairSecondRank: [Int32]

    var programCount: Int { self.programIDs.count }
    var applicantCount: Int { self.applicantIDs.count }
    var coupleCount: Int { (self.applicantIDs.count - self.singleCount) / 2 }

    /// The couple an applicant belongs to, or nil for singles.
    @inline(__always) func couple(of applicant: Int32) -> Int32? {
        applicant < Int32(self.singleCount) ? nil : (applicant - Int32(self.singleCount)) / 2
    }

    /// The length of the list `applicant` proposes from: their own, or their couple's list of pairs.
    func listLength(of applicant: Int32) -> Int32 {
        if let c = self.couple(of: applicant) { return self.coupleStart[Int(c) + 1] - self.coupleStart[Int(c)] }
        return self.applicantStart[Int(applicant) + 1] - self.applicantStart[Int(applicant)]
    }

    @inline(__always) func member(_ role: Int32, ofCouple couple: Int32) -> Int32 {
        Int32(self.singleCount) + 2 * couple + role
    }

    /// For each program rank entry: the applicant's list index of this program, or -1 when the applicant
    /// does not rank it. Only the program-proposing variant needs it, so it is not built with the tables
    /// (its writes land all over memory, a cost every applicant-proposing run would pay for nothing).
    func programEntryApplicantIndexes() -> [Int32] {
        var indexes = [Int32](repeating: -1, count: self.programApplicants.count)
        for entry in 0..<self.applicantPrograms.count where self.applicantEntryRank[entry] >= 0 {
            indexes[Int(self.programStart[Int(self.applicantPrograms[entry])] + self.applicantEntryRank[entry])] = Int32(entry)
        }
        return indexes
    }

    /// Compiles an instance whose applicants all match alone (supplemental lists, if any, are not read).
    init(_ instance: MatchInstance) throws(InstanceError) {
        try self.init(SupplementalExpansion(plain: instance))
    }

    /// A couple as compiled: one of the instance's, or an applicant with supplemental lists and their
    /// PGY-1 stand-in (by the expansion's number).
    private enum CoupleRecord {
        case couple(Int)
        case standIn(Int32)
    }

    /// Compiles the instance with its applicants who have supplemental lists as couples with their stand-ins,
    /// built straight from the expansion's plan: the same tables as compiling `expansion.expandedInstance`.
    init(_ expansion: SupplementalExpansion) throws(InstanceError) {
        let instance = expansion.original
        // Identifier order makes the result independent of record order. Programs keep their record index
        // (`recordOf`), which the expansion's plan uses.
        let recordOf = instance.programs.indices.sorted { instance.programs[$0].id < instance.programs[$1].id }
        let programs = recordOf.map { instance.programs[$0] }
        var sortedIndexOf = [Int32](repeating: 0, count: programs.count)
        for (p, record) in recordOf.enumerated() { sortedIndexOf[record] = Int32(p) }
        // Singles by record index: copying the records would touch every rank list (a cache miss each).
        let applicants = instance.applicants
        let singles = applicants.indices.filter { expansion.numberOfRecord[$0] < 0 }.sorted { applicants[$0].id < applicants[$1].id }
        for couple in instance.couples where couple.members.count != 2 {
            throw .coupleMemberCount(members: couple.members)
        }
        func members(_ record: CoupleRecord) -> (String, String) {
            switch record {
            case .couple(let c): (instance.couples[c].members[0], instance.couples[c].members[1])
            case .standIn(let n): (expansion.withLists[Int(n)], expansion.standIns[Int(n)])
            }
        }
        let couples = (instance.couples.indices.map(CoupleRecord.couple) + expansion.withLists.indices.map { .standIn(Int32($0)) })
            .sorted { members($0) < members($1) }

        var programIndex = IdentifierTable(capacity: programs.count)
        for (index, program) in programs.enumerated() {
            if programIndex.insert(program.id, value: Int32(index)) != nil { throw .duplicateProgram(program.id) }
            if program.capacity < 0 { throw .negativeCapacity(program: program.id, capacity: program.capacity) }
            // Far above any residency program's size, and small enough that totals fit in 32 bits.
            if program.capacity > MatchInstance.maximumCapacity {
                throw .capacityTooLarge(program: program.id, capacity: program.capacity, maximum: MatchInstance.maximumCapacity)
            }
        }

        var applicantIndex = IdentifierTable(capacity: singles.count + 2 * couples.count)
        var applicantIDs: [String] = []
        applicantIDs.reserveCapacity(singles.count + 2 * couples.count)
        for record in singles {
            let id = applicants[record].id
            if applicantIndex.insert(id, value: Int32(applicantIDs.count)) != nil { throw .duplicateApplicant(id) }
            applicantIDs.append(id)
        }
        // By applicant index: the expansion's number of an applicant with lists (their stand-in follows them).
        var numberOfApplicant = [Int32](repeating: -1, count: singles.count + 2 * couples.count)
        for couple in couples {
            let pair = members(couple)
            if pair.0 == pair.1 { throw .coupleNamesSameApplicantTwice(pair.0) }
            // -2 marks a stand-in, whose name is the engine's: a program naming it ranks an unknown applicant.
            if case .standIn(let n) = couple { numberOfApplicant[applicantIDs.count] = n; numberOfApplicant[applicantIDs.count + 1] = -2 }
            for member in [pair.0, pair.1] {
                if let existing = applicantIndex.insert(member, value: Int32(applicantIDs.count)) {
                    throw existing < Int32(singles.count) ? .applicantIsSingleAndInCouple(member) : .applicantInTwoCouples(member)
                }
                applicantIDs.append(member)
            }
        }

        // Program rank lists, and for each applicant the (program, rank) pairs that mention them. A program on
        // someone's supplemental list ranks their stand-in right after them.
        var programStart: [Int32] = [0]
        programStart.reserveCapacity(programs.count + 1)
        var programApplicants: [Int32] = []
        programApplicants.reserveCapacity(programs.reduce(0) { $0 + $1.ranking.count } + expansion.listedBy.reduce(0) { $0 + $1.count })
        var mentionCount = [Int32](repeating: 0, count: applicantIDs.count)
        var seen = [Int32](repeating: -1, count: applicantIDs.count)
        var listing = [Int32](repeating: -1, count: expansion.standIns.count)
        for (p, program) in programs.enumerated() {
            let listedHere = !expansion.isEmpty && !expansion.listedBy[recordOf[p]].isEmpty
            if listedHere { for n in expansion.listedBy[recordOf[p]] { listing[Int(n)] = Int32(p) } }
            for id in program.ranking {
                guard let a = applicantIndex.index(of: id), numberOfApplicant[Int(a)] != -2 else {
                    throw .programRanksUnknownApplicant(program: program.id, applicant: id)
                }
                if seen[Int(a)] == Int32(p) { throw .programRanksApplicantTwice(program: program.id, applicant: id) }
                seen[Int(a)] = Int32(p)
                programApplicants.append(a)
                mentionCount[Int(a)] += 1
                if listedHere, case let n = numberOfApplicant[Int(a)], n >= 0, listing[Int(n)] == Int32(p) {
                    programApplicants.append(a + 1)
                    mentionCount[Int(a) + 1] += 1
                }
            }
            programStart.append(Int32(programApplicants.count))
        }
        // Counting sort of mentions by applicant: mentions of applicant a live in mentionStart[a]..<mentionStart[a+1].
        var mentionStart = [Int32](repeating: 0, count: applicantIDs.count + 1)
        for a in 0..<applicantIDs.count { mentionStart[a + 1] = mentionStart[a] + mentionCount[a] }
        var fill = Array(mentionStart.dropLast())
        var mentionProgram = [Int32](repeating: 0, count: programApplicants.count)
        var mentionRank = [Int32](repeating: 0, count: programApplicants.count)
        for p in 0..<programs.count {
            for entry in Int(programStart[p])..<Int(programStart[p + 1]) {
                let a = Int(programApplicants[entry])
                mentionProgram[Int(fill[a])] = Int32(p)
                mentionRank[Int(fill[a])] = Int32(entry) - programStart[p]
                fill[a] += 1
            }
        }
        // One applicant's ranks by program, spread into a table while their list is read (looking each
        // entry up among the applicant's mentions was quadratic in the list length), then cleared.
        var rankAt = [Int32](repeating: -1, count: programs.count)
        var partnerRankAt = rankAt
        func spread(_ a: Int32, into table: inout [Int32], clearing: Bool = false) {
            for index in Int(mentionStart[Int(a)])..<Int(mentionStart[Int(a) + 1]) {
                table[Int(mentionProgram[index])] = clearing ? -1 : mentionRank[index]
            }
        }

        // Applicant lists.
        var applicantStart: [Int32] = [0]
        applicantStart.reserveCapacity(applicantIDs.count + 1)
        var applicantPrograms: [Int32] = []
        var applicantEntryRank: [Int32] = []
        let totalSingleEntries = programApplicants.count  // about as many as lists name programs; saves a pass
        applicantPrograms.reserveCapacity(totalSingleEntries)
        applicantEntryRank.reserveCapacity(totalSingleEntries)
        var seenProgram = [Int32](repeating: -1, count: programs.count)
        for (a, record) in singles.enumerated() {
            spread(Int32(a), into: &rankAt)
            for id in applicants[record].ranking {
                guard let p = programIndex.index(of: id) else { throw .applicantRanksUnknownProgram(applicant: applicantIDs[a], program: id) }
                if seenProgram[Int(p)] == Int32(a) { throw .applicantRanksProgramTwice(applicant: applicantIDs[a], program: id) }
                seenProgram[Int(p)] = Int32(a)
                let rank = rankAt[Int(p)]
                applicantPrograms.append(p)
                applicantEntryRank.append(rank)
            }
            spread(Int32(a), into: &rankAt, clearing: true)
            applicantStart.append(Int32(applicantPrograms.count))
        }
        for _ in 0..<(2 * couples.count) { applicantStart.append(Int32(applicantPrograms.count)) }

        // Couple pair lists.
        var coupleStart: [Int32] = [0]
        var pairFirst: [Int32] = []
        var pairSecond: [Int32] = []
        var pairFirstRank: [Int32] = []
        var pairSecondRank: [Int32] = []
        var pairCodes: [Int] = []
        for (c, couple) in couples.enumerated() {
            let first = Int32(singles.count + 2 * c)
            let pairsStart = pairFirst.count
            spread(first, into: &rankAt)
            spread(first + 1, into: &partnerRankAt)
            func append(_ firstProgram: Int32, _ secondProgram: Int32) {
                pairFirst.append(firstProgram)
                pairSecond.append(secondProgram)
                pairFirstRank.append(firstProgram == Self.none ? -1 : rankAt[Int(firstProgram)])
                pairSecondRank.append(secondProgram == Self.none ? -1 : partnerRankAt[Int(secondProgram)])
            }
            switch couple {
            case .couple(let record):
                let couple = instance.couples[record]
                for pair in couple.ranking {
                    guard pair.count == 2 else { throw .couplePairLength(members: couple.members, length: pair.count) }
                    if pair[0] == nil && pair[1] == nil { throw .coupleRanksEmptyPair(members: couple.members) }
                    func index(_ id: String?) throws(InstanceError) -> Int32 {
                        guard let id else { return Self.none }
                        guard let p = programIndex.index(of: id) else { throw .coupleRanksUnknownProgram(members: couple.members, program: id) }
                        return p
                    }
                    append(try index(pair[0]), try index(pair[1]))
                }
            case .standIn(let n):
                // Programs the expansion has already checked, by record index.
                for i in Int(expansion.pairStart[Int(n)])..<Int(expansion.pairStart[Int(n) + 1]) {
                    let second = expansion.pairPrograms[2 * i + 1]
                    append(sortedIndexOf[Int(expansion.pairPrograms[2 * i])], second < 0 ? Self.none : sortedIndexOf[Int(second)])
                }
            }
            spread(first, into: &rankAt, clearing: true)
            spread(first + 1, into: &partnerRankAt, clearing: true)
            // A pair listed twice, found by sorting the couple's pairs as numbers (hashing them as arrays
            // of optional strings cost more than the match itself at NRMP scale).
            pairCodes.removeAll(keepingCapacity: true)
            for j in pairsStart..<pairFirst.count { pairCodes.append(Int(pairFirst[j] + 1) * (programs.count + 1) + Int(pairSecond[j] + 1)) }
            pairCodes.sort()
            if zip(pairCodes, pairCodes.dropFirst()).contains(where: { $0 == $1 }) {
                let ranking = switch couple {
                case .couple(let record): instance.couples[record].ranking
                case .standIn(let n): expansion.coupleRanking(of: n)
                }
                let pair = members(couple)
                var seen = Set<[String?]>()
                for entry in ranking where !seen.insert(entry).inserted {
                    throw .coupleRanksPairTwice(members: [pair.0, pair.1], pair: entry)
                }
            }
            coupleStart.append(Int32(pairFirst.count))
        }

        self.programIDs = programs.map(\.id)
        self.applicantIDs = applicantIDs
        self.singleCount = singles.count
        self.capacity = programs.map { Int32($0.capacity) }
        self.programStart = programStart
        self.programApplicants = programApplicants
        self.applicantStart = applicantStart
        self.applicantPrograms = applicantPrograms
        self.applicantEntryRank = applicantEntryRank
        self.coupleStart = coupleStart
        self.pairFirst = pairFirst
        self.pairSecond = pairSecond
        self.pairFirstRank = pairFirstRank
        self.pairSecondRank = pairSecondRank
    }
}
