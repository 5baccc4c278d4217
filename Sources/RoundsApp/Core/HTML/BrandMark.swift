/// The mark: a round of visits, a loop with its way in open, around the patient at its centre. Drawn
/// once, used in the header and as the favicon; no image files, no external fonts.
enum BrandMark {
    private static let shapes = """
        <rect width="32" height="32" rx="7" fill="#0b5cad"/>\
        <path d="M23.1 11.5 A8.5 8.5 0 1 1 18.5 7.9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/>\
        <path d="M17 4.6 L22.2 8.2 L16.6 10.6 Z" fill="#fff"/><circle cx="16" cy="16" r="3" fill="#ffbf47"/>
        """

    /// In the page header: decorative, the name beside it is the link's text.
    static let inline = #"<svg class="mark" aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="32" height="32">"# + shapes + "</svg>"

    static let favicon = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">"# + shapes + "</svg>"
}
