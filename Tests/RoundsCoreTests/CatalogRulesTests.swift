import Foundation
import Testing

@testable import RoundsCore

@Suite struct EligibilityTests {
    static let graduate = ApplicantProfileInput(
        track: .imgGraduate, medicalSchool: "X", schoolCountry: "Y", graduationYear: 2020, step1: .passed,
        ecfmgStatus: .certified, visaStatus: .b1b2
    )

    static let observership = EligibilityRules(
        audiences: [.imgGraduate, .imgStudent], maximumYearsSinceGraduation: 5, requiresStep1Pass: true,
        acceptedVisaClasses: [.b1b2, .noneNeeded]
    )

    @Test func aFittingProfileMeetsEveryRuleAndSaysWhy() {
        let result = Eligibility.evaluate(Self.observership, for: Self.graduate, currentYear: 2024)
        #expect(result.isEligible)
        #expect(result.reasons.map(\.rule) == [.audience, .graduation, .step1, .visa])
        #expect(
            result.reasons.map(\.explanation) == [
                "Open to international medical graduates.", "Graduated 4 years ago; the limit is 5.",
                "USMLE Step 1 passed, as required.", "Your B1/B2 visitor visa is accepted.",
            ]
        )
    }

    @Test func everyUnmetRuleIsListed() {
        var profile = Self.graduate
        profile.graduationYear = 2015
        profile.step1 = .notTaken
        profile.visaStatus = .f1
        let result = Eligibility.evaluate(Self.observership, for: profile, currentYear: 2026)
        #expect(!result.isEligible)
        #expect(
            result.unmet == [
                "Graduated 11 years ago; the limit is 5.",
                "Requires a passed USMLE Step 1.",
                "Your F-1 student is not accepted; the site takes: B1/B2 visitor visa, No visa needed (citizens, residents, work authorization).",
            ]
        )
    }

    static let visaCases: [(VisaStatus, Set<VisaClass>, Bool)] = [
        (.usCitizen, [.noneNeeded], true),
        (.usCitizen, [.j1], false),
        (.permanentResident, [.noneNeeded, .j1], true),
        (.needsVisa, [.b1b2], true),
        // ECFMG's J-1 is for residency and fellowship: no way into an observership (VisaRules).
        (.needsVisa, [.j1], false),
        (.needsVisa, [.noneNeeded, .h1b], false),
        (.j1, [.j1], true),
        (.h1b, [.b1b2], false),
    ]

    @Test(arguments: visaCases)
    func visaRules(example: (status: VisaStatus, accepted: Set<VisaClass>, eligible: Bool)) {
        let (status, accepted, eligible) = example
        var profile = Self.graduate
        profile.visaStatus = status
        let rules = EligibilityRules(audiences: [.imgGraduate], acceptedVisaClasses: accepted)
        #expect(Eligibility.evaluate(rules, for: profile, currentYear: 2026).isEligible == eligible)
    }

    /// Issue 16: visitors may observe; a hands-on elective on a visitor visa is for enrolled students only.
    @Test func aGraduateOnAVisitorVisaCannotTakeAHandsOnOpportunityAndIsToldWhyWithTheSource() {
        var rules = Self.observership
        rules.isHandsOn = true
        let refused = Eligibility.evaluate(rules, for: Self.graduate, currentYear: 2024)
        #expect(!refused.isEligible)
        let reason = refused.unmet.joined()
        #expect(reason.hasPrefix("This opportunity is hands-on. On a B-1/B-2 visitor visa a physician may observe but not take part in patient care"))
        #expect(reason.contains("9 FAM 402.2-5(F)(8)") && reason.contains("https://"))
        var needsVisa = Self.graduate
        needsVisa.visaStatus = .needsVisa
        #expect(!Eligibility.evaluate(rules, for: needsVisa, currentYear: 2024).isEligible)
        // The same listing, observational, takes her.
        #expect(Eligibility.evaluate(Self.observership, for: Self.graduate, currentYear: 2024).isEligible)
        // An enrolled student on a visitor visa may take it, told it must be for credit.
        let student = ApplicantProfileInput(track: .imgStudent, medicalSchool: "X", schoolCountry: "Y", step1: .passed, visaStatus: .b1b2)
        let allowed = Eligibility.evaluate(rules, for: student, currentYear: 2024)
        #expect(allowed.isEligible)
        #expect(allowed.reasons.last?.explanation.contains("whose school gives credit for it") == true)
    }

    @Test func aListingNobodyCouldLawfullyJoinIsRefusedWithTheReason() {
        #expect(VisaRules.impossibility(isHandsOn: true, audiences: [.imgGraduate], visas: [.b1b2])?.contains("9 FAM 402.2-5(F)(8)") == true)
        #expect(VisaRules.impossibility(isHandsOn: false, audiences: [.imgGraduate], visas: [.b1b2]) == nil)
        #expect(VisaRules.impossibility(isHandsOn: true, audiences: [.imgGraduate, .imgStudent], visas: [.b1b2]) == nil)
        #expect(VisaRules.impossibility(isHandsOn: true, audiences: [.imgGraduate], visas: [.b1b2, .noneNeeded]) == nil)
    }

    @Test func theAudienceMustIncludeTheApplicantsTrack() {
        let premed = ApplicantProfileInput(track: .preMed, visaStatus: .usCitizen)
        let rules = EligibilityRules(audiences: [.imgGraduate], acceptedVisaClasses: [.noneNeeded])
        let result = Eligibility.evaluate(rules, for: premed, currentYear: 2026)
        #expect(result.unmet == ["Not open to pre-medical students."])
    }

    @Test func aGraduateWithoutAGraduationYearIsAskedForIt() {
        var profile = Self.graduate
        profile.graduationYear = nil
        #expect(Eligibility.evaluate(Self.observership, for: profile, currentYear: 2026).unmet == ["Add your graduation year to your profile."])
    }
}

@Suite struct GeoDistanceTests {
    @Test func distancesBetweenKnownCitiesMatchPublishedFigures() {
        let newYork = Coordinate(latitude: 40.7128, longitude: -74.0060)
        let losAngeles = Coordinate(latitude: 34.0522, longitude: -118.2437)
        // About 2,445 statute miles great-circle.
        #expect(abs(newYork.miles(to: losAngeles) - 2445) < 5)
        #expect(newYork.miles(to: newYork) == 0)
        #expect(abs(newYork.miles(to: losAngeles) - losAngeles.miles(to: newYork)) < 1e-9)
    }

    @Test func theZIPDirectoryReadsTheSharedFormat() throws {
        let directory = ZIPDirectory(csv: """
            zip,type,city,state,county,timezone,lat,lon
            10001,STANDARD,New York,NY,New York County,America/New_York,40.7484,-73.9967
            60601,STANDARD,Chicago,IL,Cook County,America/Chicago,41.8858,-87.6181
            bad,line
            """)
        #expect(directory.count == 2)
        let chicago = try #require(directory.place("60601"))
        #expect(chicago.city == "Chicago")
        #expect(chicago.state == "IL")
        let newYork = try #require(directory.place("10001"))
        // Midtown Manhattan to the Loop: about 710 miles.
        #expect(abs(newYork.coordinate.miles(to: chicago.coordinate) - 710) < 10)
        #expect(directory.place("99999") == nil)
        let crlf = ZIPDirectory(csv: "zip,type,city,state,county,timezone,lat,lon\r\n10001,STANDARD,New York,NY,X,Y,40.7484,-73.9967\r\n")
        #expect(crlf.place("10001")?.city == "New York")
    }
}

@Suite struct SiteReviewTests {
    @Test func reviewsMoveOnlyAlongTheirPaths() {
        #expect(SiteReviewAction.verify.next(from: .pending) == .verified)
        #expect(SiteReviewAction.reject.next(from: .pending) == .rejected)
        #expect(SiteReviewAction.resubmit.next(from: .rejected) == .pending)
        #expect(SiteReviewAction.suspend.next(from: .verified) == .suspended)
        #expect(SiteReviewAction.verify.next(from: .suspended) == .verified)
        #expect(SiteReviewAction.reject.next(from: .verified) == nil && SiteReviewAction.resubmit.next(from: .suspended) == nil)
        #expect(SiteReviewAction.suspend.next(from: .pending) == nil && SiteReviewAction.verify.next(from: .verified) == nil)
    }

    @Test func rejectingAndSuspendingNeedAReason() {
        #expect(SiteReviewAction.reject.checkReason("  ") == .failure(FieldError(field: "reason", message: "Say why, in words the host can act on; they see it.")))
        #expect(SiteReviewAction.suspend.checkReason("Address\nnot found ") == .success("Address not found"))
        #expect(SiteReviewAction.verify.checkReason("") == .success(""))
        #expect((try? SiteReviewAction.reject.checkReason(String(repeating: "x", count: 501)).get()) == nil)
    }
}
