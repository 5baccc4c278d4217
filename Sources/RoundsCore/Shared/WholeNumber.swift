extension Int {
    /// A whole number written in ASCII digits alone, as an API document's integer in a query string is.
    /// `Int(_:)` also reads a sign ("+5"), which the document does not allow.
    public init?(digits text: some StringProtocol) {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let value = Int(text) else { return nil }
        self = value
    }
}
