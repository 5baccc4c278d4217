/// One screening fact about a residency program as the directory records it: the value, the page it was
/// read from, when and by whom it was checked. A fact the directory does not have is `nil` and screens as
/// unknown, never as "no".
public struct ScreeningFact<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var source: String
    public var verifiedOn: Day
    public var verifiedBy: String

    public init(_ value: Value, source: String, verifiedOn: Day, verifiedBy: String) {
        self.value = value
        self.source = source
        self.verifiedOn = verifiedOn
        self.verifiedBy = verifiedBy
    }
}

/// What a residency program requires, as far as the directory knows it.
public struct ProgramRequirements: Sendable, Equatable {
    public var acceptsJ1: ScreeningFact<Bool>?
    public var sponsorsH1B: ScreeningFact<Bool>?
    public var maximumYearsSinceGraduation: ScreeningFact<Int>?
    public var minimumStep2CK: ScreeningFact<Int>?
    public var firstAttemptOnly: ScreeningFact<Bool>?
    /// Months of US clinical experience required, and whether only hands-on months count.
    public var usceMonths: ScreeningFact<Int>?
    public var usceMustBeHandsOn: Bool

    public init(
        acceptsJ1: ScreeningFact<Bool>? = nil, sponsorsH1B: ScreeningFact<Bool>? = nil, maximumYearsSinceGraduation: ScreeningFact<Int>? = nil,
        minimumStep2CK: ScreeningFact<Int>? = nil, firstAttemptOnly: ScreeningFact<Bool>? = nil, usceMonths: ScreeningFact<Int>? = nil,
        usceMustBeHandsOn: Bool = false
    ) {
        self.acceptsJ1 = acceptsJ1
        self.sponsorsH1B = sponsorsH1B
        self.maximumYearsSinceGraduation = maximumYearsSinceGraduation
        self.minimumStep2CK = minimumStep2CK
        self.firstAttemptOnly = firstAttemptOnly
        self.usceMonths = usceMonths
        self.usceMustBeHandsOn = usceMustBeHandsOn
    }
}

/// What screening needs to know about the applicant: their profile and their verified US clinical
/// experience from the portfolio.
public struct ScreenedApplicant: Sendable, Equatable {
    public var profile: ApplicantProfileInput
    /// Whether the applicant aims for an H-1B rather than ECFMG's J-1 (the residency planner's setting).
    public var wantsH1B: Bool
    /// Verified months of US clinical experience: hands-on, and of any kind (hands-on included).
    public var verifiedHandsOnMonths: Int
    public var verifiedMonths: Int

    public init(profile: ApplicantProfileInput, wantsH1B: Bool = false, verifiedHandsOnMonths: Int = 0, verifiedMonths: Int = 0) {
        self.profile = profile
        self.wantsH1B = wantsH1B
        self.verifiedHandsOnMonths = verifiedHandsOnMonths
        self.verifiedMonths = verifiedMonths
    }

    public var needsVisa: Bool { self.profile.visaStatus.needsVisaToTrain }
}

/// Screens residency programs against an applicant. Every reason names the program's field and its source
/// (or the official rule behind it); what the directory or the profile does not say is unknown.
public enum ProgramScreening {
    public enum Verdict: String, Sendable, Comparable, CaseIterable {
        case eligible, unknown, borderline, notEligible = "not_eligible"

        public var displayName: String {
            switch self {
            case .eligible: "Eligible"
            case .unknown: "Unknown"
            case .borderline: "Borderline"
            case .notEligible: "Not eligible"
            }
        }

        /// Worse verdicts sort higher: eligible < unknown < borderline < not eligible.
        public static func < (a: Verdict, b: Verdict) -> Bool { Self.allCases.firstIndex(of: a)! < Self.allCases.firstIndex(of: b)! }
    }

    public struct Reason: Sendable, Equatable {
        public var field: String
        public var verdict: Verdict
        public var text: String
        /// The program's source for the field, or the rule's official source; nil when the field is unknown.
        public var source: String?

        public init(field: String, verdict: Verdict, text: String, source: String?) {
            self.field = field
            self.verdict = verdict
            self.text = text
            self.source = source
        }
    }

    public struct Result: Sendable, Equatable {
        public var verdict: Verdict
        public var reasons: [Reason]

        public init(verdict: Verdict, reasons: [Reason]) {
            self.verdict = verdict
            self.reasons = reasons
        }
    }

    /// ECFMG sponsors J-1 physicians only once they are ECFMG certified.
    public static let j1Source = "https://www.ecfmg.org/evsp/applying-general.html"
    /// H-1B residents must have passed the exams HHS designates, in practice USMLE Steps 1, 2 CK and 3.
    public static let h1bSource = "8 USC 1182(j)(2)(B); https://internationalcenter.umich.edu/fsis/h1b/health-care-positions"

    public static func screen(_ program: ProgramRequirements, for applicant: ScreenedApplicant, currentYear: Int) -> Result {
        var reasons: [Reason] = []
        func add(_ field: String, _ verdict: Verdict, _ text: String, _ source: String?) {
            reasons.append(Reason(field: field, verdict: verdict, text: text, source: source))
        }
        let profile = applicant.profile

        if applicant.needsVisa {
            Self.visa(program, applicant, add)
        }
        if let limit = program.maximumYearsSinceGraduation {
            if let year = profile.graduationYear {
                let years = currentYear - year
                if years > limit.value {
                    add("max_years_since_graduation", .notEligible, "The program takes graduates of the last \(counted(limit.value, "year")); you graduated \(counted(years, "year")) ago.", limit.source)
                } else if years == limit.value {
                    add("max_years_since_graduation", .borderline, "The program takes graduates of the last \(counted(limit.value, "year")); you are at the limit this year.", limit.source)
                } else {
                    add("max_years_since_graduation", .eligible, "Graduated \(counted(max(0, years), "year")) ago, within the program's \(limit.value).", limit.source)
                }
            } else {
                add("max_years_since_graduation", .unknown, "The program has a limit of \(counted(limit.value, "year")) since graduation; your profile has no graduation year.", limit.source)
            }
        } else {
            add("max_years_since_graduation", .unknown, "The directory does not know whether the program limits years since graduation.", nil)
        }
        if let minimum = program.minimumStep2CK {
            if let score = profile.step2CKScore {
                add(
                    "min_step2_ck", score >= minimum.value ? .eligible : .notEligible,
                    score >= minimum.value ? "Step 2 CK \(score) meets the program's minimum of \(minimum.value)." : "Step 2 CK \(score) is below the program's minimum of \(minimum.value).",
                    minimum.source
                )
            } else {
                add("min_step2_ck", .unknown, "The program asks for a Step 2 CK score of at least \(minimum.value); your profile has none yet.", minimum.source)
            }
        } else {
            add("min_step2_ck", .unknown, "The directory does not know whether the program has a minimum Step 2 CK score.", nil)
        }
        switch program.firstAttemptOnly {
        case let rule? where rule.value:
            if profile.step1 == .failed {
                add("first_attempt_only", .notEligible, "The program takes only passes on the first attempt; your profile records a failed Step 1.", rule.source)
            } else {
                add("first_attempt_only", .unknown, "The program takes only passes on the first attempt; your profile does not record attempts.", rule.source)
            }
        case let rule?:
            add("first_attempt_only", .eligible, "The program does not require passes on the first attempt.", rule.source)
        case nil:
            add("first_attempt_only", .unknown, "The directory does not know whether the program requires passes on the first attempt.", nil)
        }
        if let months = program.usceMonths {
            let have = program.usceMustBeHandsOn ? applicant.verifiedHandsOnMonths : applicant.verifiedMonths
            let kind = program.usceMustBeHandsOn ? "hands-on " : ""
            add(
                "usce_months", have >= months.value ? .eligible : .notEligible,
                "The program asks for \(counted(months.value, "month")) of \(kind)US clinical experience; your portfolio has \(counted(have, "verified month")).",
                months.source
            )
        } else {
            add("usce_months", .unknown, "The directory does not know whether the program requires US clinical experience.", nil)
        }
        let verdict = reasons.map(\.verdict).max() ?? .unknown
        return Result(verdict: verdict, reasons: reasons)
    }

    private static func visa(_ program: ProgramRequirements, _ applicant: ScreenedApplicant, _ add: (String, Verdict, String, String?) -> Void) {
        let profile = applicant.profile
        let j1 = program.acceptsJ1
        let h1b = program.sponsorsH1B
        if j1?.value == false && h1b?.value == false {
            add("visa", .notEligible, "The program sponsors neither ECFMG's J-1 nor the H-1B, and you need a visa to train.", [j1?.source, h1b?.source].compactMap { $0 }.joined(separator: "; "))
            return
        }
        if applicant.wantsH1B {
            switch h1b?.value {
            case true?:
                if profile.exams.step3 != .passed {
                    add("sponsors_h1b", .borderline, "The program sponsors the H-1B, which needs USMLE Step 3 passed by the program's own deadline; your profile has no Step 3 pass.", Self.h1bSource)
                } else {
                    add("sponsors_h1b", .eligible, "The program sponsors the H-1B and you have passed Step 3.", h1b?.source)
                }
            case false?:
                add("sponsors_h1b", j1?.value == true ? .borderline : .notEligible, "The program does not sponsor the H-1B" + (j1?.value == true ? "; it takes ECFMG's J-1 instead." : "."), h1b?.source)
            case nil:
                add("sponsors_h1b", .unknown, "The directory does not know whether the program sponsors the H-1B.", nil)
            }
            return
        }
        switch j1?.value {
        case true?:
            if profile.ecfmgStatus != .certified {
                add("accepts_j1", .borderline, "The program takes ECFMG's J-1, which needs ECFMG certification before training starts; you are not certified yet.", Self.j1Source)
            } else {
                add("accepts_j1", .eligible, "The program takes ECFMG's J-1 and you are ECFMG certified.", j1?.source)
            }
        case false?:
            add("accepts_j1", h1b?.value == true ? .borderline : .notEligible, "The program does not take the J-1" + (h1b?.value == true ? "; it sponsors the H-1B, which needs Step 3." : "."), j1?.source)
        case nil:
            add("accepts_j1", .unknown, "The directory does not know whether the program takes ECFMG's J-1.", nil)
        }
    }
}
