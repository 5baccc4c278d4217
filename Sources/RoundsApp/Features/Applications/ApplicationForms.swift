import Foundation
import RoundsCore
import Vapor

/// The apply / edit form as a browser posts it.
struct ApplicationForm: Content {
    var statement: String?
    var documentIDs: [String]?
    var requirements: [String]?
    /// "submit" sends it to the host; anything else saves a draft.
    var intent: String?

    enum CodingKeys: String, CodingKey {
        case statement, requirements, intent
        case documentIDs = "document_ids"
    }

    var submits: Bool { self.intent == "submit" }

    func input() throws -> ApplicationInput {
        var ids: [UUID] = []
        for raw in self.documentIDs ?? [] {
            guard let id = UUID(uuidString: raw) else {
                throw ValidationReport([FieldError(field: "document_ids", message: "Attach only documents from your own vault.")])
            }
            ids.append(id)
        }
        return ApplicationInput(
            statement: self.statement ?? "", documentIDs: ids,
            confirmedRequirements: Set((self.requirements ?? []).compactMap(Requirement.init(rawValue:)))
        )
    }
}

/// The note and expiry that come with an action button.
struct ActionForm: Content {
    var note: String?
    var expiresInDays: String?

    enum CodingKeys: String, CodingKey {
        case note
        case expiresInDays = "expires_in_days"
    }

    func change(_ action: ApplicationAction) throws -> ApplicationWorkflow.Change {
        var days: Int?
        if let raw = self.expiresInDays, !raw.isEmpty {
            guard let value = Int(raw) else {
                throw ValidationReport([FieldError(field: "expires_in_days", message: "Enter the number of days the offer stays open.")])
            }
            days = value
        }
        return ApplicationWorkflow.Change(action: action, note: self.note ?? "", expiresInDays: days)
    }
}

struct BulkRejectForm: Content {
    var applicationIDs: [String]?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case note
        case applicationIDs = "application_ids"
    }
}
