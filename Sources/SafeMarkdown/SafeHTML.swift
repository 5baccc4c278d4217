/// HTML that may go into a page as it is. Only `SafeMarkdown.render` and `HTMLSanitizer.sanitize` make
/// one, so a view that takes a `SafeHTML` cannot be handed user text that skipped the sanitizer.
public struct SafeHTML: Sendable, Equatable, CustomStringConvertible {
    public let html: String

    init(sanitized html: String) {
        self.html = html
    }

    public var description: String { self.html }
    public var isEmpty: Bool { self.html.isEmpty }
}
