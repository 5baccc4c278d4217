/// What a supervisor answers through a verification link: confirm the hours, correct them, or decline;
/// in every case typing their name, which is what the applicant's record then shows.
public struct VerificationAnswerDraft: Equatable, Sendable {
    public enum Outcome: String, CaseIterable, Codable, Sendable {
        case confirmed, corrected, declined
    }

    public static let maximumNote = 500

    public var outcome: String
    public var typedName: String
    public var hours: String
    public var note: String

    public init(outcome: String, typedName: String, hours: String, note: String) {
        self.outcome = outcome
        self.typedName = typedName
        self.hours = hours
        self.note = note
    }

    public struct Checked: Equatable, Sendable {
        public var outcome: Outcome
        public var typedName: String
        /// The hours the supervisor stands behind (confirmed: all completed hours; corrected: theirs).
        public var hours: Int?
        public var note: String
    }

    public func check(completedHours: Int) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let outcome = Outcome(rawValue: self.outcome)
        if outcome == nil { errors.append(FieldError(field: "outcome", message: "Choose to confirm, correct the hours, or decline.")) }
        let name = self.typedName.trimmingWhitespace()
        if name.textLength < 2 || self.typedName.textLength > 120 {
            errors.append(FieldError(field: "typed_name", message: "Type your full name to sign your answer."))
        }
        var hours: Int?
        switch outcome {
        case .confirmed: hours = completedHours
        case .corrected:
            if let value = Int(self.hours.trimmingWhitespace()), value >= 0, value <= completedHours {
                hours = value
            } else {
                errors.append(FieldError(field: "hours", message: "Enter the hours you can confirm, a whole number from 0 to \(completedHours)."))
            }
        default: break
        }
        let note = self.note.trimmingWhitespace()
        if self.note.textLength > Self.maximumNote { errors.append(FieldError(field: "note", message: "The note is longer than \(Self.maximumNote) characters.")) }
        errors += GuardedText.problems(note, field: "note", label: "The note")
        guard errors.isEmpty, let outcome else { return .failure(ValidationReport(errors)) }
        return .success(Checked(outcome: outcome, typedName: name, hours: hours, note: note))
    }
}

/// The six ACGME core competencies (names and source in the rules file, evaluations.competencies) a host scores a completed placement on. The 1–5 scale is Rounds' own, not an ACGME
/// instrument (ACGME Milestones use their own levels per specialty).
public enum Competency: String, CaseIterable, Codable, Sendable {
    /// How pages name the scale, so nobody mistakes it for an ACGME one.
    public static let scaleDescription = "Rounds' own scale from 1 (novice) to 5 (expert), not an ACGME Milestones level"

    case patientCare = "patient_care"
    case medicalKnowledge = "medical_knowledge"
    case practiceBasedLearning = "practice_based_learning"
    case interpersonalCommunication = "interpersonal_communication"
    case professionalism
    case systemsBasedPractice = "systems_based_practice"

    public var displayName: String { DomainRules.shipped.name(.competencies, id: self.rawValue) }

    /// Scores for all six (1–5) and optional comments; the comments pass the identifier guard.
    public static func check(scores: [String: String], comments: String) -> Result<[Competency: Int], ValidationReport> {
        var errors: [FieldError] = []
        var checked: [Competency: Int] = [:]
        for competency in Self.allCases {
            guard let raw = scores[competency.rawValue], let score = Int(raw), (1...5).contains(score) else {
                errors.append(FieldError(field: competency.rawValue, message: "Score \(competency.displayName.lowercased()) from 1 to 5."))
                continue
            }
            checked[competency] = score
        }
        // The limit counts the comments as sent (the API's schema states it so); the guard reads them trimmed.
        if comments.textLength > 2_000 { errors.append(FieldError(field: "comments", message: "The comments are longer than 2,000 characters.")) }
        errors += GuardedText.problems(comments.trimmingWhitespace(), field: "comments", label: "The comments")
        return errors.isEmpty ? .success(checked) : .failure(ValidationReport(errors))
    }
}

/// A procedure or case logged under an experience.
public enum ProcedureRole: String, CaseIterable, Codable, Sendable {
    case observed, assisted, performed
    public var displayName: String {
        switch self {
        case .observed: "Observed"
        case .assisted: "Assisted"
        case .performed: "Performed"
        }
    }
}
