/// A pair that would rather be matched to each other than keep what a matching gave them.
public enum BlockingPair: Equatable, Hashable, Sendable {
    /// A single applicant and a program that would take them, each preferring the other.
    case single(applicant: String, program: String)
    /// A couple and a pair of programs (nil: that member unmatched) that would take them both.
    case couple(members: [String], programs: [String?])
    /// An applicant with supplemental lists and a primary program with a PGY-1 program (nil: none) that
    /// would take them.
    case supplemental(applicant: String, programs: [String?])
}

/// Which couples' deviations count as blocking.
public enum StabilityDefinition: String, Sendable, CaseIterable {
    /// Rounds' own, stricter rule: a couple judging a better pair may count the seats its members hold now
    /// as free (it would leave them), including both members moving into one program.
    case couplesFreeTheirSeats = "rounds"
    /// Kojima, Pathak and Roth (2013): each program judges the member joining it against everyone it holds
    /// now, the couple's own members included; a member who stays where they are needs no new acceptance.
    case kojimaPathakRoth = "kpr"
}

/// Lists every blocking pair of a matching. A matching with none is stable.
struct StabilityChecker {
    let instance: CompiledInstance

    /// A blocking pair by index: a single and a program, or a couple and a pair of programs (-1: none).
    enum Found: Equatable {
        case single(applicant: Int32, program: Int32)
        case couple(couple: Int32, first: Int32, second: Int32)
    }

    func blockingPairs(assigned: [Int32], definition: StabilityDefinition = .couplesFreeTheirSeats) -> [BlockingPair] {
        self.find(assigned: assigned, definition: definition).map { found in
            switch found {
            case .single(let a, let p):
                return .single(applicant: self.instance.applicantIDs[Int(a)], program: self.instance.programIDs[Int(p)])
            case .couple(let c, let first, let second):
                let memberA = self.instance.member(0, ofCouple: c)
                return .couple(
                    members: [self.instance.applicantIDs[Int(memberA)], self.instance.applicantIDs[Int(memberA) + 1]],
                    programs: [first, second].map { $0 >= 0 ? self.instance.programIDs[Int($0)] : nil }
                )
            }
        }
    }

    func find(assigned: [Int32], definition: StabilityDefinition, limit: Int = .max) -> [Found] {
        var holds = ProgramHolds(capacity: self.instance.capacity, rankingCounts: self.instance.rankingCounts)
        // Ranks of held applicants, so "would the program take this applicant" can be answered.
        for a in 0..<Int32(self.instance.applicantCount) {
            let p = assigned[Int(a)]
            guard p >= 0 else { continue }
            holds.admit(p, applicant: a, rank: self.rank(of: a, at: p) ?? .max)
        }
        var found: [Found] = []
        for a in 0..<self.instance.singleCount where found.count < limit {
            let start = Int(self.instance.applicantStart[a])
            let end = Int(self.instance.applicantStart[a + 1])
            for entry in start..<end {
                let p = self.instance.applicantPrograms[entry]
                if p == assigned[a] { break }
                let rank = self.instance.applicantEntryRank[entry]
                if rank >= 0 && holds.wouldAccept(p, rank: rank) {
                    found.append(.single(applicant: Int32(a), program: p))
                }
            }
        }
        for c in 0..<Int32(self.instance.coupleCount) where found.count < limit {
            found.append(contentsOf: self.coupleBlockingPairs(c, assigned: assigned, holds: &holds, definition: definition))
        }
        return found
    }

    /// `holds` comes back as it was: the couple's seats are taken out and put back in place, since copying
    /// every program's holds for each couple was most of the check at NRMP scale.
    private func coupleBlockingPairs(_ c: Int32, assigned: [Int32], holds: inout ProgramHolds, definition: StabilityDefinition) -> [Found] {
        let memberA = self.instance.member(0, ofCouple: c)
        let memberB = memberA + 1
        let currentA = assigned[Int(memberA)]
        let currentB = assigned[Int(memberB)]
        if definition == .couplesFreeTheirSeats {
            // Judge each better pair as if the couple had left its current places.
            if currentA >= 0 { holds.remove(currentA, applicant: memberA) }
            if currentB >= 0 { holds.remove(currentB, applicant: memberB) }
        }
        defer {
            if definition == .couplesFreeTheirSeats {
                if currentA >= 0 { holds.admit(currentA, applicant: memberA, rank: self.rank(of: memberA, at: currentA) ?? .max) }
                if currentB >= 0 { holds.admit(currentB, applicant: memberB, rank: self.rank(of: memberB, at: currentB) ?? .max) }
            }
        }
        var pairs: [Found] = []
        let start = Int(self.instance.coupleStart[Int(c)])
        let end = Int(self.instance.coupleStart[Int(c) + 1])
        for j in start..<end {
            let first = self.instance.pairFirst[j]
            let second = self.instance.pairSecond[j]
            if first == currentA && second == currentB { break }
            let firstRank = self.instance.pairFirstRank[j]
            let secondRank = self.instance.pairSecondRank[j]
            if (first >= 0 && firstRank < 0) || (second >= 0 && secondRank < 0) { continue }
            let accepted: Bool
            switch definition {
            case .couplesFreeTheirSeats:
                accepted = holds.wouldAccept(pair: j, of: self.instance)
            case .kojimaPathakRoth:
                let staysA = first == currentA
                let staysB = second == currentB
                if first >= 0 && first == second && !staysA && !staysB {
                    accepted = holds.wouldAcceptBoth(first, firstRank, secondRank)
                } else if first >= 0 && first == second {
                    // One member is already there and keeps that seat; the program must take the other
                    // besides, never in exchange for the partner.
                    var others = holds
                    others.remove(first, applicant: staysA ? memberA : memberB)
                    accepted = others.wouldAccept(first, rank: staysA ? secondRank : firstRank, besides: 1)
                } else {
                    accepted = (first < 0 || staysA || holds.wouldAccept(first, rank: firstRank))
                        && (second < 0 || staysB || holds.wouldAccept(second, rank: secondRank))
                }
            }
            if accepted { pairs.append(.couple(couple: c, first: first, second: second)) }
        }
        return pairs
    }

    /// The program's rank of an applicant, or nil if unranked. A single's own list (a dozen entries) holds
    /// that rank beside each program it lists, where the program's list is ten times longer: looking there
    /// first took most of the checks' time on peer instances.
    func rank(of a: Int32, at p: Int32) -> Int32? {
        if self.instance.couple(of: a) == nil {
            for entry in Int(self.instance.applicantStart[Int(a)])..<Int(self.instance.applicantStart[Int(a) + 1])
            where self.instance.applicantPrograms[entry] == p {
                let rank = self.instance.applicantEntryRank[entry]
                return rank >= 0 ? rank : nil
            }
        }
        let start = Int(self.instance.programStart[Int(p)])
        let end = Int(self.instance.programStart[Int(p) + 1])
        return (start..<end).first { self.instance.programApplicants[$0] == a }.map { Int32($0 - start) }
    }
}
