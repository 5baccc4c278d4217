/// US clinical experience at a glance: weeks hands-on and observational in the last 12 and 24 months,
/// the specialties seen, letters obtained and how much of it a supervisor verified.
public struct USCESummary: Equatable, Sendable {
    public struct Experience: Sendable {
        public var isClinical: Bool
        public var isInUS: Bool
        public var handsOn: Bool
        public var ranges: [(start: Day, end: Day?)]
        public var specialtyID: String?
        public var completedHours: Int
        public var verifiedHours: Int

        public init(isClinical: Bool, isInUS: Bool, handsOn: Bool, ranges: [(start: Day, end: Day?)], specialtyID: String?, completedHours: Int, verifiedHours: Int) {
            self.isClinical = isClinical
            self.isInUS = isInUS
            self.handsOn = handsOn
            self.ranges = ranges
            self.specialtyID = specialtyID
            self.completedHours = completedHours
            self.verifiedHours = verifiedHours
        }
    }

    /// Whole weeks (days / 7, rounded down) of distinct days, so overlapping experiences count once.
    public var handsOnWeeks12: Int
    public var observationalWeeks12: Int
    public var handsOnWeeks24: Int
    public var observationalWeeks24: Int
    public var specialties: [String]
    public var lettersObtained: Int
    public var completedHours: Int
    public var verifiedHours: Int

    /// Verified hours as a share of completed hours, 0…1 (0 when nothing is completed).
    public var verifiedShare: Double { self.completedHours == 0 ? 0 : Double(self.verifiedHours) / Double(self.completedHours) }

    public init(_ experiences: [Experience], lettersObtained: Int, today: Day) {
        let usce = experiences.filter { $0.isClinical && $0.isInUS }
        func weeks(handsOn: Bool, months: Int) -> Int {
            let windowStart = today.adding(days: -(months * 365 / 12))
            var days = Set<Int>()
            for experience in usce where experience.handsOn == handsOn {
                for range in experience.ranges {
                    let start = max(range.start, windowStart)
                    let end = min(range.end ?? today, today)
                    guard start <= end else { continue }
                    for ordinal in start.ordinal...end.ordinal { days.insert(ordinal) }
                }
            }
            return days.count / 7
        }
        self.handsOnWeeks12 = weeks(handsOn: true, months: 12)
        self.observationalWeeks12 = weeks(handsOn: false, months: 12)
        self.handsOnWeeks24 = weeks(handsOn: true, months: 24)
        self.observationalWeeks24 = weeks(handsOn: false, months: 24)
        self.specialties = Array(Set(usce.compactMap { $0.specialtyID.flatMap(Specialties.rotation.find)?.name })).sorted()
        self.lettersObtained = lettersObtained
        self.completedHours = usce.map(\.completedHours).reduce(0, +)
        self.verifiedHours = usce.map { min($0.verifiedHours, $0.completedHours) }.reduce(0, +)
    }
}
