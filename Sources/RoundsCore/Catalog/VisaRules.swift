/// What US visa rules allow in clinical settings, as far as a listing and a profile can show it. Each
/// fact carries its source, shown to users next to the decision it makes (not legal advice). The facts
/// and their sources are those of ../shared/data/residency/visa-paths.json, checked 2026-12-02.
public enum VisaRules {
    public typealias Fact = SourcedFact

    /// B-1/B-2 physicians may observe, never care for patients nor be paid.
    public static let visitorsOnlyObserve = Fact(
        statement: "On a B-1/B-2 visitor visa a physician may observe but not take part in patient care, and may not be paid",
        citation: "9 FAM 402.2-5(F)(8)", url: "https://wp.uthscsa.edu/ois/immigration/b-1/physician-observer/",
        confidence: "secondary", checked: "2026-12-02"
    )

    /// A hands-on elective on a B-1 is only for students enrolled at a foreign medical school, for credit.
    public static let visitorElectiveForEnrolledStudents = Fact(
        statement: "A hands-on elective on a B-1 visa is open only to students enrolled at a foreign medical school whose school gives credit for it, unpaid",
        citation: "9 FAM 402.2-5(E)(3)(b)", url: "https://global.temple.edu/isss/faculty-staff-and-researchers/temple-links/medical-activities",
        confidence: "secondary", checked: "2026-12-02"
    )

    /// ECFMG sponsors J-1 visas for residency and fellowship only.
    public static let ecfmgJ1IsForResidency = Fact(
        statement: "ECFMG's J-1 visa covers residency and fellowship training, not observerships or electives",
        citation: "ECFMG Exchange Visitor Sponsorship Program", url: "https://www.ecfmg.org/evsp/applying-general.html",
        confidence: "primary", checked: "2026-12-02"
    )

    /// Whether a listing states a combination nobody can lawfully take: hands-on, open only to graduates,
    /// and accepting only the visitor visa.
    public static func impossibility(isHandsOn: Bool, audiences: Set<Audience>, visas: Set<VisaClass>) -> String? {
        guard isHandsOn, audiences == [.imgGraduate], !visas.isEmpty, visas.isSubset(of: [.b1b2]) else { return nil }
        return "Graduates on a B-1/B-2 visa cannot take a hands-on opportunity. \(Self.visitorsOnlyObserve.withSource) "
            + "Make it observational, or accept other visa classes or audiences."
    }
}
