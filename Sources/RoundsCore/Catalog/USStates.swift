/// The two-letter codes of the US states, DC and the inhabited territories, as USPS writes them
/// (Publication 28, Appendix B; the freely associated states FM, MH, PW and the military codes AA, AE, AP
/// are left out: no listing or program is there).
public enum USStates {
    public static let source = "https://pe.usps.com/text/pub28/28apb.htm"

    public static let codes: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
    ]
}
