/// The licensing exams besides Step 1's outcome and Step 2 CK's score: when Step 1 was taken and its score
/// if it still has one, USMLE Step 3, and COMLEX-USA for osteopathic applicants. Each rule that depends
/// on a date cites the body that set it.
public struct ExamRecord: Equatable, Sendable {
    /// USMLE reports Step 1 exams taken on or after 26 January 2022 as pass/fail only; earlier exams keep
    /// their three-digit score (rules file, exams.step1_last_scored; the date is checked at load).
    public static var lastScoredStep1: Day { DomainRules.shipped.day(.step1LastScored) }
    public static var step1Source: String { DomainRules.shipped[.step1LastScored].source ?? "" }
    /// COMLEX-USA Level 1 taken on or after 10 May 2022 is reported pass/fail only (exams.comlex_level1_pass_fail_from).
    public static var comlexSource: String { DomainRules.shipped[.comlexLevel1PassFailFrom].source ?? "" }
    /// Three-digit standard scores, as USMLE and the NBOME report them.
    public static let usmleScoreRange = 1...300
    public static let comlexScoreRange = 1...999

    public var step1TakenOn: Day?
    public var step1Score: Int?
    public var step3: ExamOutcome
    public var step3Score: Int?
    public var comlexLevel1: ExamOutcome
    public var comlexLevel2CEScore: Int?
    public var comlexLevel3: ExamOutcome

    public init(
        step1TakenOn: Day? = nil, step1Score: Int? = nil, step3: ExamOutcome = .notTaken, step3Score: Int? = nil,
        comlexLevel1: ExamOutcome = .notTaken, comlexLevel2CEScore: Int? = nil, comlexLevel3: ExamOutcome = .notTaken
    ) {
        self.step1TakenOn = step1TakenOn
        self.step1Score = step1Score
        self.step3 = step3
        self.step3Score = step3Score
        self.comlexLevel1 = comlexLevel1
        self.comlexLevel2CEScore = comlexLevel2CEScore
        self.comlexLevel3 = comlexLevel3
    }

    /// Problems with the record, given the Step 1 outcome, the track and today.
    func problems(step1: ExamOutcome, track: Track, today: Day) -> [FieldError] {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        if track == .preMed {
            let taken: [(String, Bool)] = [
                ("step1_taken_on", self.step1TakenOn != nil), ("step1_score", self.step1Score != nil), ("step3", self.step3 != .notTaken),
                ("step3_score", self.step3Score != nil), ("comlex_level1", self.comlexLevel1 != .notTaken),
                ("comlex_level2ce_score", self.comlexLevel2CEScore != nil), ("comlex_level3", self.comlexLevel3 != .notTaken),
            ]
            for (field, given) in taken where given { fail(field, "Pre-medical students have not taken USMLE or COMLEX-USA exams.") }
            return errors
        }
        if let day = self.step1TakenOn {
            if step1 == .notTaken { fail("step1_taken_on", "Choose your Step 1 outcome before giving the date you took it.") }
            if day > today { fail("step1_taken_on", "The date you took Step 1 cannot be in the future.") }
            if day < Day.earliestTyped { fail("step1_taken_on", "Check the year of the date you took Step 1.") }
        }
        if let score = self.step1Score {
            if step1 == .notTaken { fail("step1_score", "Choose your Step 1 outcome before giving its score.") }
            if !Self.usmleScoreRange.contains(score) { fail("step1_score", "Enter a score between 1 and 300, or leave it empty.") }
            if let day = self.step1TakenOn {
                if day > Self.lastScoredStep1 {
                    fail("step1_score", "Step 1 exams taken on or after 26 January 2022 are reported pass/fail only, without a score (USMLE: \(Self.step1Source)). Leave the score empty.")
                }
            } else {
                fail("step1_taken_on", "Give the date you took Step 1: only exams taken on or before 25 January 2022 have a score.")
            }
        }
        if let score = self.step3Score {
            if self.step3 == .notTaken { fail("step3_score", "Choose your Step 3 outcome before giving its score.") }
            if !Self.usmleScoreRange.contains(score) { fail("step3_score", "Enter a score between 1 and 300, or leave it empty.") }
        }
        if let score = self.comlexLevel2CEScore, !Self.comlexScoreRange.contains(score) {
            fail("comlex_level2ce_score", "Enter a three-digit COMLEX-USA score (1 to 999), or leave it empty.")
        }
        return errors
    }
}

/// The outcome of a licensing exam.
public typealias ExamOutcome = Step1Result
