@testable import MatchEngine

/// The simplest correct applicant-proposing deferred acceptance, written for clarity only, to check the
/// engine against (singles only).
enum ReferenceDeferredAcceptance {
    static func match(_ instance: MatchInstance) -> [String: String] {
        var rank: [String: [String: Int]] = [:]
        var capacity: [String: Int] = [:]
        for program in instance.programs {
            capacity[program.id] = program.capacity
            rank[program.id] = Dictionary(uniqueKeysWithValues: program.ranking.enumerated().map { ($1, $0) })
        }
        let lists = Dictionary(uniqueKeysWithValues: instance.applicants.map { ($0.id, $0.ranking) })
        var nextChoice: [String: Int] = [:]
        var held: [String: [String]] = [:]
        var free = instance.applicants.map(\.id)
        while let applicant = free.popLast() {
            let list = lists[applicant]!
            var choice = nextChoice[applicant, default: 0]
            while choice < list.count {
                let program = list[choice]
                choice += 1
                guard let applicantRank = rank[program]?[applicant], capacity[program]! > 0 else { continue }
                var holding = held[program, default: []]
                holding.append(applicant)
                holding.sort { rank[program]![$0]! < rank[program]![$1]! }
                if holding.count > capacity[program]! {
                    let rejected = holding.removeLast()
                    held[program] = holding
                    if rejected != applicant {
                        free.append(rejected)
                        break
                    }
                    _ = applicantRank
                    continue
                }
                held[program] = holding
                break
            }
            nextChoice[applicant] = choice
        }
        var result: [String: String] = [:]
        for (program, applicants) in held { for applicant in applicants { result[applicant] = program } }
        return result
    }
}
