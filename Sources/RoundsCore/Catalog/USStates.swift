/// The two-letter codes of the US states, DC and the inhabited territories, as USPS writes them
/// (Publication 28, Appendix B; the freely associated states FM, MH, PW and the military codes AA, AE, AP
/// are left out: no listing or program is there). The list and its source are in the rules file.
public enum USStates {
    public static var source: String { DomainRules.shipped[.usStateCodes].source ?? "" }

    public static let codes: Set<String> = Set(DomainRules.shipped.texts(.usStateCodes))
}
