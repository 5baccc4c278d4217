/// What US visa rules allow in clinical settings, as far as a listing and a profile can show it. Each
/// fact carries its source, shown to users next to the decision it makes (not legal advice). The facts
/// and their sources are in the rules file (section "visas").
public enum VisaRules {
    public typealias Fact = SourcedFact

    /// B-1/B-2 physicians may observe, never care for patients nor be paid.
    public static var visitorsOnlyObserve: Fact { DomainRules.shipped[.visitorsOnlyObserve].fact }

    /// A hands-on elective on a B-1 is only for students enrolled at a foreign medical school, for credit.
    public static var visitorElectiveForEnrolledStudents: Fact { DomainRules.shipped[.visitorElectiveForEnrolledStudents].fact }

    /// ECFMG sponsors J-1 visas for residency and fellowship only.
    public static var ecfmgJ1IsForResidency: Fact { DomainRules.shipped[.ecfmgJ1IsForResidency].fact }

    /// Whether a listing states a combination nobody can lawfully take: hands-on, open only to graduates,
    /// and accepting only the visitor visa.
    public static func impossibility(isHandsOn: Bool, audiences: Set<Audience>, visas: Set<VisaClass>) -> String? {
        guard isHandsOn, audiences == [.imgGraduate], !visas.isEmpty, visas.isSubset(of: [.b1b2]) else { return nil }
        return "Graduates on a B-1/B-2 visa cannot take a hands-on opportunity. \(Self.visitorsOnlyObserve.withSource) "
            + "Make it observational, or accept other visa classes or audiences."
    }
}
