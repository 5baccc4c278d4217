/// The applicant as the simulator models them, from their profile and portfolio. Every weight is an
/// assumption the page states; none is calibrated against published Match outcomes.
public enum SimulationInputs {
    /// What each part of the standing means, for the page.
    public static let assumptions = [
        "Your standing starts at the typical competitor (0) and moves by (Step 2 CK − 245) / 15 when your profile has a score.",
        "Three or more months of supervisor-verified US clinical experience add 0.25; none takes 0.25 away.",
        "Needing a visa takes 0.25 away; each year past three since graduation takes 0.1 away.",
        "The market: 3,000 competing applicants, 1.2 per position, in programs of 8 positions; each ranks 8 to 15 programs, mostly the sought-after ones; each program ranks up to 8 applicants per position, those it likes best by standing plus its own view.",
        "The programs on your list are spread over the market from more to less sought after, in your order; one more program means one of middling demand added last.",
    ]

    public static func standing(profile: ApplicantProfileInput?, verifiedUSCEMonths: Int, currentYear: Int) -> Double {
        var standing = 0.0
        if let score = profile?.step2CKScore { standing += (Double(score) - 245) / 15 }
        standing += verifiedUSCEMonths >= 3 ? 0.25 : (verifiedUSCEMonths == 0 ? -0.25 : 0)
        if profile?.visaStatus.needsVisaToTrain == true { standing -= 0.25 }
        if let year = profile?.graduationYear { standing -= 0.1 * Double(max(0, currentYear - year - 3)) }
        return standing
    }

    /// `count` programs spread from more to less sought after, in the applicant's order.
    public static func list(count: Int) -> [MatchSimulator.Applicant.ListedProgram] {
        (0..<count).map { .init(desirability: 0.1 + 0.8 * (Double($0) + 0.5) / Double(max(1, count))) }
    }
}
