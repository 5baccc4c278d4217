import Foundation

extension Unicode.Scalar {
    /// A C0 or C1 control character (U+0000–U+001F, U+007F–U+009F): the general category Cc. Line
    /// breaks and tabs are among them, so multi-line fields allow those two by name.
    public var isControlCharacter: Bool { self.properties.generalCategory == .control }
}

extension StringProtocol {
    public var containsControlCharacters: Bool { self.unicodeScalars.contains(where: \.isControlCharacter) }

    /// The text on one line: line breaks become spaces, outer spaces go (reasons shown in one line).
    public var oneLine: String {
        self.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}
