/// Program-proposing deferred acceptance for single applicants: programs offer down their lists, each
/// applicant keeps the best offer so far. The result is the program-optimal stable matching, which no
/// applicant prefers to the applicant-optimal one; it is here for comparison.
struct ProgramProposing {
    let instance: CompiledInstance

    func run() throws(MatchError) -> (assigned: [Int32], steps: Int) {
        guard self.instance.coupleCount == 0 else { throw .couplesNotSupported }
        let programCount = self.instance.programCount
        var assigned = [Int32](repeating: -1, count: self.instance.applicantCount)
        // The applicant's list index of the program they hold, for comparing offers.
        var heldIndex = [Int32](repeating: .max, count: self.instance.applicantCount)
        var filled = [Int32](repeating: 0, count: programCount)
        var nextOffer = Array(self.instance.programStart.dropLast())
        var queue = Array((0..<Int32(programCount)).reversed())
        var isQueued = [Bool](repeating: true, count: programCount)
        var steps = 0
        let entryIndex = self.instance.programEntryApplicantIndexes()
        while let p = queue.popLast() {
            isQueued[Int(p)] = false
            let end = self.instance.programStart[Int(p) + 1]
            while filled[Int(p)] < self.instance.capacity[Int(p)] && nextOffer[Int(p)] < end {
                steps += 1
                let entry = Int(nextOffer[Int(p)])
                nextOffer[Int(p)] += 1
                let a = Int(self.instance.programApplicants[entry])
                let index = entryIndex[entry]
                guard index >= 0 && index < heldIndex[a] else { continue }
                let previous = assigned[a]
                if previous >= 0 {
                    filled[Int(previous)] -= 1
                    if !isQueued[Int(previous)] {
                        isQueued[Int(previous)] = true
                        queue.append(previous)
                    }
                }
                assigned[a] = p
                heldIndex[a] = index
                filled[Int(p)] += 1
            }
        }
        return (assigned, steps)
    }
}
