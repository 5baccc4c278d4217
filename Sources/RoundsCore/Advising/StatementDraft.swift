import Foundation

/// A personal statement version as its writer sent it: the statement's title, target specialty and
/// service, and the text. A version is never changed once saved; saving makes the next one.
public struct StatementDraft: Equatable, Sendable {
    public static let titleLimit = 120
    public static let noteLimit = 300

    public var title: String
    public var specialty: String
    public var service: String
    public var text: String
    /// What changed in this version, for the writer's own history.
    public var note: String

    public init(title: String = "", specialty: String = "", service: String = StatementService.eras.rawValue, text: String = "", note: String = "") {
        self.title = title
        self.specialty = specialty
        self.service = service
        self.text = text
        self.note = note
    }

    public struct Checked: Equatable, Sendable {
        public var title: String
        public var specialty: Specialty
        public var service: StatementService
        public var text: String
        public var note: String
    }

    /// Checks the fields and runs the identifier guard on the text, allowing the writer's own name.
    public func check(allowing names: [String] = []) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || self.title.textLength > Self.titleLimit || title.containsControlCharacters {
            errors.append(FieldError(field: "title", message: "Give the statement a title of 1 to \(Self.titleLimit) characters, without control characters; only you see it."))
        }
        let specialty = Specialties.residency.find(self.specialty)
        if specialty == nil {
            errors.append(FieldError(field: "specialty", message: "Choose the specialty the statement is for."))
        }
        let service = StatementService(rawValue: self.service)
        if service == nil {
            errors.append(FieldError(field: "service", message: "Choose ERAS or AMCAS."))
        }
        let text = Self.normalized(self.text)
        if text.allSatisfy(\.isWhitespace) {
            errors.append(FieldError(field: "text", message: "Write the statement before saving a version."))
        } else if text.textLength > StatementService.storageLimit {
            errors.append(FieldError(field: "text", message: "A statement is at most \(StatementService.storageLimit.formatted(.number)) characters, the most ERAS accepts; this one has \(text.textLength.formatted(.number))."))
        } else if text.unicodeScalars.contains(where: { $0.isControlCharacter && $0 != "\n" && $0 != "\t" }) {
            errors.append(FieldError(field: "text", message: "The statement cannot contain control characters; paste it as plain text."))
        } else {
            errors += GuardedText.problems(text, field: "text", label: "The statement", allowing: names)
        }
        let note = self.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if self.note.textLength > Self.noteLimit || note.containsControlCharacters {
            errors.append(FieldError(field: "note", message: "The version note is at most \(Self.noteLimit) characters on one line."))
        }
        guard errors.isEmpty, let specialty, let service else { return .failure(ValidationReport(errors)) }
        return .success(Checked(title: title, specialty: specialty, service: service, text: text, note: note))
    }

    /// Line breaks as a browser shows them (forms send CR LF), so counts and passages agree with the page.
    public static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
