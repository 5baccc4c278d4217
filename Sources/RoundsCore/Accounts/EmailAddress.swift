/// E-mail address checks shared by sign-up, sign-in and letter requests.
public enum EmailAddress {
    public static let maximumLength = 254

    /// The form used for lookups and uniqueness: trimmed and lowercased.
    public static func normalize(_ raw: String) -> String {
        raw.trimmingWhitespace().lowercased()
    }

    /// A deliberately plain check: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static func isPlausible(_ raw: String) -> Bool {
        let value = raw.trimmingWhitespace()
        guard value.textLength <= maximumLength, !value.contains(where: \.isWhitespace) else { return false }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    public func trimmingWhitespace() -> String {
        // Most text has none to trim: an ASCII character that is not whitespace at each end (no grapheme
        // cluster joins whitespace to one) means the string is returned as it is, without a copy.
        if let first = self.utf8.first, let last = self.utf8.last, first.isASCIIText, last.isASCIIText { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension UInt8 {
    /// An ASCII byte that is not whitespace (tab, line feed, vertical tab, form feed, carriage return, space).
    fileprivate var isASCIIText: Bool { self < 0x80 && self != 0x20 && !(0x09...0x0D).contains(self) }
}
