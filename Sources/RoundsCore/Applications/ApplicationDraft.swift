/// An application as the applicant fills it in. A draft may be incomplete; `checkForSubmission` is the
/// gate before it goes to the host.
public struct ApplicationDraft: Equatable, Sendable {
    public static let maximumStatementLength = 3_000
    public static let minimumStatementLength = 50
    public static let maximumDocuments = 10

    public var statement: String
    /// Kinds of the documents chosen (the app checks that each document is the applicant's own).
    public var documentKinds: [DocumentKind]
    /// Requirements the applicant confirms they meet.
    public var confirmedRequirements: Set<Requirement>

    public init(statement: String, documentKinds: [DocumentKind], confirmedRequirements: Set<Requirement>) {
        self.statement = statement
        self.documentKinds = documentKinds
        self.confirmedRequirements = confirmedRequirements
    }

    /// The document a requirement has to be backed by, when it has one.
    public static func documentKind(proving requirement: Requirement) -> DocumentKind? {
        switch requirement {
        case .immunizations: .immunizationRecord
        case .insurance: .insurance
        case .englishTest: .englishTest
        case .backgroundCheck: nil
        }
    }

    /// Rules every saved draft keeps: the statement fits, not too many documents.
    public func checkForSaving() -> ValidationReport {
        var errors: [FieldError] = []
        if self.statement.textLength > Self.maximumStatementLength {
            errors.append(
                FieldError(field: "statement", message: "The statement is \(self.statement.textLength) characters; the limit is \(Self.maximumStatementLength).")
            )
        }
        if self.documentKinds.count > Self.maximumDocuments {
            errors.append(FieldError(field: "document_ids", message: "Attach at most \(Self.maximumDocuments) documents."))
        }
        return ValidationReport(errors)
    }

    /// Everything the host needs: a statement, every listed requirement confirmed and, where a requirement
    /// is proven by a document, a document of that kind attached.
    public func checkForSubmission(requirements: Set<Requirement>) -> ValidationReport {
        var report = self.checkForSaving()
        let statement = self.statement.trimmingWhitespace()
        if statement.textLength < Self.minimumStatementLength {
            report.errors.append(
                FieldError(
                    field: "statement",
                    message: "Write a statement of at least \(Self.minimumStatementLength) characters: why this placement, and what you bring."
                )
            )
        }
        let attached = Set(self.documentKinds)
        for requirement in Requirement.allCases where requirements.contains(requirement) {
            if !self.confirmedRequirements.contains(requirement) {
                report.errors.append(
                    FieldError(field: "requirements", message: "Confirm that you meet the requirement: \(requirement.displayName).")
                )
            }
            if let kind = Self.documentKind(proving: requirement), !attached.contains(kind) {
                report.errors.append(
                    FieldError(field: "document_ids", message: "Attach your \(kind.inSentence) (\(requirement.displayName) is required).")
                )
            }
        }
        return report
    }
}
