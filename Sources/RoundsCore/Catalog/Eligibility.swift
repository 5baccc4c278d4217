/// What an opportunity asks of its participants, as far as a profile can answer it.
public struct EligibilityRules: Equatable, Sendable {
    public var audiences: Set<Audience>
    /// For graduates: at most this many years since graduation; nil means no limit.
    public var maximumYearsSinceGraduation: Int?
    public var requiresStep1Pass: Bool
    public var acceptedVisaClasses: Set<VisaClass>

    public init(
        audiences: Set<Audience>,
        maximumYearsSinceGraduation: Int? = nil,
        requiresStep1Pass: Bool = false,
        acceptedVisaClasses: Set<VisaClass>
    ) {
        self.audiences = audiences
        self.maximumYearsSinceGraduation = maximumYearsSinceGraduation
        self.requiresStep1Pass = requiresStep1Pass
        self.acceptedVisaClasses = acceptedVisaClasses
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
                            ? "Graduated \(years) year\(years == 1 ? "" : "s") ago; the limit is \(limit)."
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
        let (visaMet, visaExplanation) = Self.visa(rules.acceptedVisaClasses, profile.visaStatus)
        reasons.append(.init(rule: .visa, isMet: visaMet, explanation: visaExplanation))
        return EligibilityResult(reasons: reasons)
    }

    private static func visa(_ accepted: Set<VisaClass>, _ status: VisaStatus) -> (Bool, String) {
        let names = accepted.sorted { $0.rawValue < $1.rawValue }.map(\.displayName).joined(separator: ", ")
        switch status {
        case .usCitizen, .permanentResident, .otherWorkAuthorization:
            return accepted.contains(.noneNeeded)
                ? (true, "You need no visa, and the site accepts participants without one.")
                : (false, "The site only takes participants on: \(names).")
        case .b1b2, .j1, .h1b, .f1:
            let held: VisaClass = status == .b1b2 ? .b1b2 : status == .j1 ? .j1 : status == .h1b ? .h1b : .f1
            return accepted.contains(held)
                ? (true, "Your \(held.displayName) is accepted.")
                : (false, "Your \(held.displayName) is not accepted; the site takes: \(names).")
        case .needsVisa:
            // Observerships and electives are reached on a B1/B2 or J-1; either one accepted is a way in.
            let reachable = accepted.intersection([.b1b2, .j1])
            return reachable.isEmpty
                ? (false, "You would need a visa, and the site accepts none you could apply for (it takes: \(names)).")
                : (true, "You would need a visa: the site accepts \(reachable.sorted { $0.rawValue < $1.rawValue }.map(\.displayName).joined(separator: " or ")).")
        }
    }
}
