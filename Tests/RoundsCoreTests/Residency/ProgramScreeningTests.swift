import Testing

@testable import RoundsCore

/// Every screening rule, and unknowns that stay unknown.
@Suite struct ProgramScreeningTests {
    static let day = Day(iso: "2026-11-01")!
    static func fact<V: Sendable & Equatable>(_ value: V) -> ScreeningFact<V> {
        ScreeningFact(value, source: "https://program.example.org/eligibility", verifiedOn: Self.day, verifiedBy: "advisor@rounds.test")
    }

    static let graduate = ApplicantProfileInput(
        track: .imgGraduate, medicalSchool: "University of Lagos", schoolCountry: "Nigeria", graduationYear: 2022, step1: .passed,
        step2CKScore: 240, ecfmgStatus: .certified, visaStatus: .b1b2
    )

    static func applicant(_ change: (inout ScreenedApplicant) -> Void = { _ in }) -> ScreenedApplicant {
        var applicant = ScreenedApplicant(profile: Self.graduate, verifiedHandsOnMonths: 2, verifiedMonths: 4)
        change(&applicant)
        return applicant
    }

    static let known = ProgramRequirements(
        acceptsJ1: fact(true), sponsorsH1B: fact(false), maximumYearsSinceGraduation: fact(5), minimumStep2CK: fact(230),
        firstAttemptOnly: fact(false), usceMonths: fact(3), usceMustBeHandsOn: false
    )

    static func reason(_ result: ProgramScreening.Result, _ field: String) -> ProgramScreening.Reason? {
        result.reasons.first { $0.field == field }
    }

    @Test func aProgramWhoseEveryRuleIsMetIsEligibleWithSources() {
        let result = ProgramScreening.screen(Self.known, for: Self.applicant(), currentYear: 2026)
        #expect(result.verdict == .eligible, "\(result.reasons)")
        #expect(result.reasons.allSatisfy { $0.source != nil })
        #expect(Set(result.reasons.map(\.field)) == ["accepts_j1", "max_years_since_graduation", "min_step2_ck", "first_attempt_only", "usce_months"])
    }

    @Test func unknownFactsAreUnknownNeverNo() {
        let result = ProgramScreening.screen(ProgramRequirements(), for: Self.applicant(), currentYear: 2026)
        #expect(result.verdict == .unknown)
        #expect(result.reasons.allSatisfy { $0.verdict == .unknown && $0.source == nil })
        #expect(result.reasons.allSatisfy { $0.text.contains("does not know") })
    }

    @Test func eachRuleCanExcludeWithItsSource() {
        func verdict(_ field: String, program: ProgramRequirements = Self.known, _ change: (inout ScreenedApplicant) -> Void = { _ in }) -> ProgramScreening.Verdict? {
            let result = ProgramScreening.screen(program, for: Self.applicant(change), currentYear: 2026)
            return Self.reason(result, field)?.verdict
        }
        // Years since graduation: over the limit, at it, unknown without a year.
        #expect(verdict("max_years_since_graduation") { $0.profile.graduationYear = 2019 } == .notEligible)
        #expect(verdict("max_years_since_graduation") { $0.profile.graduationYear = 2021 } == .borderline)
        #expect(verdict("max_years_since_graduation") { $0.profile.graduationYear = nil } == .unknown)
        // Step 2 CK minimum.
        #expect(verdict("min_step2_ck") { $0.profile.step2CKScore = 229 } == .notEligible)
        #expect(verdict("min_step2_ck") { $0.profile.step2CKScore = nil } == .unknown)
        // First attempt only.
        var strict = Self.known
        strict.firstAttemptOnly = Self.fact(true)
        #expect(verdict("first_attempt_only", program: strict) { $0.profile.step1 = .failed } == .notEligible)
        #expect(verdict("first_attempt_only", program: strict) == .unknown)
        // US clinical experience: any kind, or hands-on only.
        #expect(verdict("usce_months") { $0.verifiedMonths = 2 } == .notEligible)
        var handsOn = Self.known
        handsOn.usceMustBeHandsOn = true
        #expect(verdict("usce_months", program: handsOn) == .notEligible)
        #expect(verdict("usce_months", program: handsOn) { $0.verifiedHandsOnMonths = 3 } == .eligible)
    }

    @Test func visaPathsFollowTheirRules() {
        func result(_ program: ProgramRequirements, _ change: (inout ScreenedApplicant) -> Void = { _ in }) -> ProgramScreening.Result {
            ProgramScreening.screen(program, for: Self.applicant(change), currentYear: 2026)
        }
        // J-1 needs ECFMG certification (ECFMG's own page is the source of the rule).
        let uncertified = result(Self.known) { $0.profile.ecfmgStatus = .inProgress }
        #expect(Self.reason(uncertified, "accepts_j1")?.verdict == .borderline)
        #expect(Self.reason(uncertified, "accepts_j1")?.source == ProgramScreening.j1Source)
        // Neither visa: not eligible for someone who needs one, irrelevant for a citizen.
        var neither = Self.known
        neither.acceptsJ1 = Self.fact(false)
        #expect(result(neither).verdict == .notEligible)
        #expect(Self.reason(result(neither) { $0.profile.visaStatus = .usCitizen }, "visa") == nil)
        // H-1B needs Step 3 passed.
        var h1b = Self.known
        h1b.sponsorsH1B = Self.fact(true)
        let noStep3 = result(h1b) { $0.wantsH1B = true }
        #expect(Self.reason(noStep3, "sponsors_h1b")?.verdict == .borderline)
        #expect(Self.reason(noStep3, "sponsors_h1b")?.source == ProgramScreening.h1bSource)
        #expect(Self.reason(result(h1b) { $0.wantsH1B = true; $0.profile.exams.step3 = .passed }, "sponsors_h1b")?.verdict == .eligible)
        // Wanting an H-1B at a J-1-only program is borderline (the J-1 remains); unknown sponsorship stays unknown.
        #expect(Self.reason(result(Self.known) { $0.wantsH1B = true }, "sponsors_h1b")?.verdict == .borderline)
        var unknownH1B = Self.known
        unknownH1B.sponsorsH1B = nil
        #expect(Self.reason(result(unknownH1B) { $0.wantsH1B = true }, "sponsors_h1b")?.verdict == .unknown)
    }

    @Test func theWorstReasonDecides() {
        #expect([ProgramScreening.Verdict.eligible, .unknown, .borderline, .notEligible].max() == .notEligible)
        #expect([ProgramScreening.Verdict.eligible, .unknown].max() == .unknown)
    }
}
