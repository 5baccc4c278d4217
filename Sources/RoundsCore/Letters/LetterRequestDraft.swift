/// Where a letter request stands, as its applicant sees it. Raw values are stored and used by the API.
public enum LetterStatus: String, CaseIterable, Codable, Sendable {
    /// Sent to the writer; the link has not been opened yet.
    case requested
    /// The writer opened the link.
    case viewed
    /// The writer uploaded the letter (and may replace it until it is assigned to a program).
    case uploaded
    /// The writer declined, with an optional note.
    case declined
    /// The link ran out before a letter arrived.
    case expired
    /// The applicant withdrew the request; the link no longer works.
    case revoked

    public var displayName: String {
        switch self {
        case .requested: "Requested"
        case .viewed: "Viewed by the writer"
        case .uploaded: "Uploaded"
        case .declined: "Declined"
        case .expired: "Expired"
        case .revoked: "Withdrawn"
        }
    }

    /// The writer's link works in these states.
    public var linkWorks: Bool { self == .requested || self == .viewed || self == .uploaded }

    /// The applicant may send a reminder (with a fresh link, which also renews an expired one) while the
    /// writer has not answered.
    public var canRemind: Bool { self == .requested || self == .viewed || self == .expired }
}

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
            } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
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

/// Who may read a letter's file. Pure, so the rule is tested in one place and every route asks it.
public enum LetterReadRule {
    public enum Reader: Equatable, Sendable {
        /// The applicant the letter is about.
        case applicant
        /// A reviewer of a program the letter is assigned to.
        case assignedProgramReviewer
        /// Anyone else, whatever their role (admins included: they see the read log, not letters).
        case other
    }

    public static func mayRead(_ reader: Reader, applicantWaived: Bool, hasFile: Bool) -> Bool {
        guard hasFile else { return false }
        switch reader {
        case .applicant: return !applicantWaived
        case .assignedProgramReviewer: return true
        case .other: return false
        }
    }
}

/// Assigning letters to programs: ERAS lets a program receive at most four letters per applicant.
public enum LetterAssignmentRule {
    public static let maximumLettersPerProgram = 4

    /// Why a letter cannot be assigned, or nil.
    public static func problem(status: LetterStatus, alreadyAssignedToProgram: Bool, lettersAtProgram: Int) -> String? {
        if status != .uploaded { return "Only an uploaded letter can be assigned; this one is \(status.displayName.lowercased())." }
        if alreadyAssignedToProgram { return "This letter is already assigned to that program." }
        if lettersAtProgram >= Self.maximumLettersPerProgram {
            return "A program receives at most \(Self.maximumLettersPerProgram) letters; unassign one before adding another."
        }
        return nil
    }
}
