/// What an opportunity asks of its participants, as far as a profile can answer it.
public struct EligibilityRules: Equatable, Sendable {
    public var audiences: Set<Audience>
    /// For graduates: at most this many years since graduation; nil means no limit.
    public var maximumYearsSinceGraduation: Int?
    public var requiresStep1Pass: Bool
    public var acceptedVisaClasses: Set<VisaClass>
    /// Participants care for patients; visitors' visas do not allow it (`VisaRules`).
    public var isHandsOn: Bool

    public init(
        audiences: Set<Audience>,
        maximumYearsSinceGraduation: Int? = nil,
        requiresStep1Pass: Bool = false,
        acceptedVisaClasses: Set<VisaClass>,
        isHandsOn: Bool = false
    ) {
        self.audiences = audiences
        self.maximumYearsSinceGraduation = maximumYearsSinceGraduation
        self.requiresStep1Pass = requiresStep1Pass
        self.acceptedVisaClasses = acceptedVisaClasses
        self.isHandsOn = isHandsOn
    }
}

/// Whether a profile fits an opportunity, with one reason per rule so the answer explains itself.
public struct EligibilityResult: Equatable, Sendable {
    public struct Reason: Equatable, Sendable {
        public enum Rule: String, Sendable { case audience, graduation, step1, visa }
        public var rule: Rule
        public var isMet: Bool
        public var explanation: String
    }

    public var reasons: [Reason]
    public var isEligible: Bool { self.reasons.allSatisfy(\.isMet) }
    /// The explanations of the rules that are not met.
    public var unmet: [String] { self.reasons.filter { !$0.isMet }.map(\.explanation) }
}

public enum Eligibility {
    /// Checks every rule; never stops at the first failure, so the applicant sees all that stands in the way.
    public static func evaluate(_ rules: EligibilityRules, for profile: ApplicantProfileInput, currentYear: Int) -> EligibilityResult {
        var reasons: [EligibilityResult.Reason] = []
        let audience = Audience(profile.track)
        reasons.append(
            .init(
                rule: .audience,
                isMet: rules.audiences.contains(audience),
                explanation: rules.audiences.contains(audience)
                    ? "Open to \(audience.displayName.lowercased())s."
                    : "Not open to \(audience.displayName.lowercased())s."
            )
        )
        if let limit = rules.maximumYearsSinceGraduation, profile.track == .imgGraduate {
            if let year = profile.graduationYear {
                let years = currentYear - year
                reasons.append(
                    .init(
                        rule: .graduation,
                        isMet: years <= limit,
                        explanation: years <= limit
                            ? "Graduated \(counted(years, "year")) ago; the limit is \(limit)."
                            : "Graduated \(years) years ago; the limit is \(limit)."
                    )
                )
            } else {
                reasons.append(.init(rule: .graduation, isMet: false, explanation: "Add your graduation year to your profile."))
            }
        }
        if rules.requiresStep1Pass {
            let passed = profile.step1 == .passed
            reasons.append(
                .init(
                    rule: .step1,
                    isMet: passed,
                    explanation: passed ? "USMLE Step 1 passed, as required." : "Requires a passed USMLE Step 1."
                )
            )
        }
        let (visaMet, visaExplanation) = Self.visa(rules, profile)
        reasons.append(.init(rule: .visa, isMet: visaMet, explanation: visaExplanation))
        return EligibilityResult(reasons: reasons)
    }

    private static func visa(_ rules: EligibilityRules, _ profile: ApplicantProfileInput) -> (Bool, String) {
        let accepted = rules.acceptedVisaClasses
        let names = accepted.sorted { $0.rawValue < $1.rawValue }.map(\.displayName).joined(separator: ", ")
        // Visitors may observe; only enrolled students may take a hands-on elective, and only for credit.
        let visitorMayTakePart = !rules.isHandsOn || profile.track == .imgStudent
        let visitorCondition = rules.isHandsOn ? " \(VisaRules.visitorElectiveForEnrolledStudents.withSource)" : ""
        switch profile.visaStatus {
        case .usCitizen, .permanentResident, .otherWorkAuthorization:
            return accepted.contains(.noneNeeded)
                ? (true, "You need no visa, and the site accepts participants without one.")
                : (false, "The site only takes participants on: \(names).")
        case .b1b2:
            guard accepted.contains(.b1b2) else { return (false, "Your B1/B2 visitor visa is not accepted; the site takes: \(names).") }
            guard visitorMayTakePart else { return (false, "This opportunity is hands-on. \(VisaRules.visitorsOnlyObserve.withSource)") }
            return (true, "Your B1/B2 visitor visa is accepted.\(visitorCondition)")
        case .j1, .h1b, .f1:
            let held: VisaClass = profile.visaStatus == .j1 ? .j1 : profile.visaStatus == .h1b ? .h1b : .f1
            return accepted.contains(held)
                ? (true, "Your \(held.displayName) is accepted.")
                : (false, "Your \(held.displayName) is not accepted; the site takes: \(names).")
        case .needsVisa:
            // The way into an observership or elective is a visitor visa; ECFMG's J-1 is for residency only.
            guard accepted.contains(.b1b2) else {
                let j1 = accepted.contains(.j1) ? " \(VisaRules.ecfmgJ1IsForResidency.withSource)" : ""
                return (false, "You would need a visa, and the site accepts none you could get for this (it takes: \(names)).\(j1)")
            }
            guard visitorMayTakePart else {
                return (false, "You would need a B1/B2 visitor visa, and this opportunity is hands-on. \(VisaRules.visitorsOnlyObserve.withSource)")
            }
            return (true, "You would need a visa: the site accepts a B1/B2 visitor visa.\(visitorCondition)")
        }
    }
}
