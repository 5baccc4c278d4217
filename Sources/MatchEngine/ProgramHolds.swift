/// Who each program holds right now, best rank first, in one flat buffer (no per-program arrays).
struct ProgramHolds {
    private let start: [Int32]
    private let capacity: [Int32]
    private(set) var count: [Int32]
    private var applicant: [Int32]
    private var rank: [Int32]

    /// - Parameter rankingCounts: how many applicants each program ranks; it never holds more than that,
    ///   so a huge capacity costs no memory.
    init(capacity: [Int32], rankingCounts: [Int32]) {
        var start = [Int32](repeating: 0, count: capacity.count + 1)
        for p in 0..<capacity.count { start[p + 1] = start[p] + min(capacity[p], rankingCounts[p]) }
        self.start = start
        self.capacity = capacity
        self.count = [Int32](repeating: 0, count: capacity.count)
        self.applicant = [Int32](repeating: -1, count: Int(start[capacity.count]))
        self.rank = [Int32](repeating: -1, count: Int(start[capacity.count]))
    }

    @inline(__always) func hasVacancy(_ p: Int32) -> Bool { self.count[Int(p)] < self.capacity[Int(p)] }

    /// The rank of the worst applicant held, when the program is full.
    @inline(__always) func worstRank(_ p: Int32) -> Int32 {
        self.rank[Int(self.start[Int(p)] + self.count[Int(p)] - 1)]
    }

    /// Whether `p` would keep an applicant of `rank` if they applied now.
    @inline(__always) func wouldAccept(_ p: Int32, rank: Int32) -> Bool {
        self.hasVacancy(p) || (self.capacity[Int(p)] > 0 && rank < self.worstRank(p))
    }

    /// Whether `p` would keep an applicant of `rank` with `reserved` of its seats already spoken for by
    /// applicants it is not holding now.
    func wouldAccept(_ p: Int32, rank: Int32, besides reserved: Int32) -> Bool {
        let free = self.capacity[Int(p)] - reserved
        guard free > 0 else { return false }
        return self.count[Int(p)] < free || rank < self.worstRank(p)
    }

    /// Whether `p` would keep two applicants of these ranks together (a couple ranking the same program twice).
    func wouldAcceptBoth(_ p: Int32, _ first: Int32, _ second: Int32) -> Bool {
        let capacity = self.capacity[Int(p)]
        guard capacity >= 2 else { return false }
        let worse = max(first, second)
        var better: Int32 = 0
        let base = Int(self.start[Int(p)])
        for index in base..<(base + Int(self.count[Int(p)])) where self.rank[index] < worse { better += 1 }
        return better + 2 <= capacity
    }

    /// Whether both programs of a couple's pair `j` would take its members now (both ranked by the
    /// program they join; one program taking both needs two places; -1 is "no match" for that member).
    func wouldAccept(pair j: Int, of instance: CompiledInstance) -> Bool {
        let first = instance.pairFirst[j]
        let second = instance.pairSecond[j]
        let firstRank = instance.pairFirstRank[j]
        let secondRank = instance.pairSecondRank[j]
        if (first >= 0 && firstRank < 0) || (second >= 0 && secondRank < 0) { return false }
        if first >= 0 && first == second { return self.wouldAcceptBoth(first, firstRank, secondRank) }
        return (first < 0 || self.wouldAccept(first, rank: firstRank)) && (second < 0 || self.wouldAccept(second, rank: secondRank))
    }

    /// Adds an applicant; returns whom the program had to let go to make room (or -1).
    @discardableResult
    mutating func admit(_ p: Int32, applicant a: Int32, rank r: Int32) -> Int32 {
        let base = Int(self.start[Int(p)])
        var count = Int(self.count[Int(p)])
        var displaced: Int32 = -1
        if count == Int(self.capacity[Int(p)]) {
            displaced = self.applicant[base + count - 1]
            count -= 1
        }
        var index = base + count
        while index > base && self.rank[index - 1] > r {
            self.applicant[index] = self.applicant[index - 1]
            self.rank[index] = self.rank[index - 1]
            index -= 1
        }
        self.applicant[index] = a
        self.rank[index] = r
        self.count[Int(p)] = Int32(count + 1)
        return displaced
    }

    /// Removes an applicant if held; says whether they were.
    @discardableResult
    mutating func remove(_ p: Int32, applicant a: Int32) -> Bool {
        let base = Int(self.start[Int(p)])
        let end = base + Int(self.count[Int(p)])
        guard let found = (base..<end).first(where: { self.applicant[$0] == a }) else { return false }
        for index in found..<(end - 1) {
            self.applicant[index] = self.applicant[index + 1]
            self.rank[index] = self.rank[index + 1]
        }
        self.count[Int(p)] -= 1
        return true
    }

    /// The applicants held by `p`, best first.
    func held(_ p: Int32) -> ArraySlice<Int32> {
        let base = Int(self.start[Int(p)])
        return self.applicant[base..<(base + Int(self.count[Int(p)]))]
    }
}
