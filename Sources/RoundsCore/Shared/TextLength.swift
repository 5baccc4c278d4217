extension StringProtocol {
    /// The length every text limit is checked against: Unicode code points, as JSON Schema's
    /// `maxLength` counts them. `count` counts grapheme clusters, which can be fewer (a letter
    /// followed by a modifier is one), so a limit checked with it lets longer text through than
    /// the API document promises.
    public var textLength: Int { self.unicodeScalars.count }
}
