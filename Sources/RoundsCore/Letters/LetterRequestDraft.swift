/// A request for a letter as the applicant fills it in.
public struct LetterRequestDraft: Equatable, Sendable {
    public static let maximumNameLength = 120
    public static let maximumTitleLength = 120
    public static let maximumInstitutionLength = 200
    public static let maximumMessageLength = 2_000

    public var writerName: String
    public var writerEmail: String
    public var writerTitle: String
    public var writerInstitution: String
    public var message: String
    /// "waive" or "keep": the applicant must choose, there is no default.
    public var waiver: String?

    public init(writerName: String, writerEmail: String, writerTitle: String, writerInstitution: String, message: String, waiver: String?) {
        self.writerName = writerName
        self.writerEmail = writerEmail
        self.writerTitle = writerTitle
        self.writerInstitution = writerInstitution
        self.message = message
        self.waiver = waiver
    }

    public struct Checked: Equatable, Sendable {
        public var writerName: String
        public var writerEmail: String
        public var writerTitle: String
        public var writerInstitution: String
        public var message: String
        public var waivesRightToSee: Bool
    }

    public func check() -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let name = self.writerName.trimmingWhitespace()
        let email = self.writerEmail.trimmingWhitespace()
        let title = self.writerTitle.trimmingWhitespace()
        let institution = self.writerInstitution.trimmingWhitespace()
        let message = self.message.trimmingWhitespace()
        func required(_ value: String, _ field: String, _ label: String, limit: Int, sent: String) {
            if value.isEmpty {
                errors.append(FieldError(field: field, message: "Enter the writer's \(label)."))
            } else if sent.textLength > limit {
                errors.append(FieldError(field: field, message: "The \(label) is longer than \(limit) characters."))
            } else if value.containsControlCharacters {
                errors.append(FieldError(field: field, message: "The \(label) contains control characters."))
            }
        }
        required(name, "writer_name", "name", limit: Self.maximumNameLength, sent: self.writerName)
        if !EmailAddress.isPlausible(email) {
            errors.append(FieldError(field: "writer_email", message: "Enter the writer's e-mail address, such as name@hospital.org."))
        }
        required(title, "writer_title", "title (for example Attending physician, Internal Medicine)", limit: Self.maximumTitleLength, sent: self.writerTitle)
        required(institution, "writer_institution", "institution", limit: Self.maximumInstitutionLength, sent: self.writerInstitution)
        if self.message.textLength > Self.maximumMessageLength {
            errors.append(FieldError(field: "message", message: "The message is \(message.textLength) characters; the limit is \(Self.maximumMessageLength)."))
        }
        let waives: Bool?
        switch self.waiver {
        case "waive": waives = true
        case "keep": waives = false
        default:
            waives = nil
            errors.append(
                FieldError(field: "waiver", message: "Choose whether you waive your right to see this letter; it cannot be changed once the request is sent.")
            )
        }
        guard errors.isEmpty, let waives else { return .failure(ValidationReport(errors)) }
        return .success(
            Checked(writerName: name, writerEmail: email, writerTitle: title, writerInstitution: institution, message: message, waivesRightToSee: waives)
        )
    }
}
