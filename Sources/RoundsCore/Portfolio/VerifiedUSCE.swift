/// The US clinical experience a supervisor verified, in the months residency programs ask for.
public struct VerifiedUSCE: Equatable, Sendable {
    /// Whole months of distinct verified days: hands-on only, and of any kind (hands-on included).
    public var handsOnMonths: Int
    public var months: Int

    /// From the portfolio's experiences: US clinical ones with `isVerified`, their periods up to `today`,
    /// overlapping days counted once; a month is 365/12 days, rounded down.
    public init(_ experiences: [(summary: USCESummary.Experience, isVerified: Bool)], today: Day) {
        func days(handsOnOnly: Bool) -> Int {
            var days = Set<Int>()
            for (experience, verified) in experiences where verified && experience.isClinical && experience.isInUS && (experience.handsOn || !handsOnOnly) {
                for range in experience.ranges {
                    let end = min(range.end ?? today, today)
                    guard range.start <= end else { continue }
                    days.formUnion(range.start.ordinal...end.ordinal)
                }
            }
            return days.count
        }
        self.handsOnMonths = days(handsOnOnly: true) * 12 / 365
        self.months = days(handsOnOnly: false) * 12 / 365
    }
}
