import Fluent
import RoundsCore
import Vapor

/// What a host filters the inbox by (query parameters `session_id` and `status`, both optional).
struct InboxFilter {
    var sessionID: UUID?
    var status: ApplicationStatus?

    /// The page's selects send an empty value for "any"; API callers leave the parameter out
    /// (`emptyMeansAny: false`), as the API document says, so an empty value there is refused.
    static func decode(_ req: Request, emptyMeansAny: Bool = true) throws -> InboxFilter {
        var filter = InboxFilter()
        if let raw = req.query[String.self, at: "session_id"], !(raw.isEmpty && emptyMeansAny) {
            guard let id = UUID(uuidString: raw) else { throw Abort(.badRequest, reason: "session_id must be a session's id (a UUID).") }
            filter.sessionID = id
        }
        if let raw = req.query[String.self, at: "status"], !(raw.isEmpty && emptyMeansAny) {
            guard let status = ApplicationStatus(rawValue: raw), status != .draft else {
                throw Abort(.badRequest, reason: "status must be one of " + ApplicationStatus.allCases.dropFirst().map(\.rawValue).joined(separator: ", ") + ".")
            }
            filter.status = status
        }
        return filter
    }
}

/// A host's actions on several applications at once.
struct HostReview {
    static let maximumBatch = 200

    let workflow: ApplicationWorkflow
    let host: User

    struct Outcome {
        var rejected: [UUID] = []
        var skipped: [(id: UUID, reason: String)] = []
    }

    /// Rejects each application (starting its review first when it was only submitted). Each one is its
    /// own transaction: one that changed meanwhile is skipped with the reason, the others go ahead.
    func reject(_ ids: [UUID], note: String) async throws -> Outcome {
        guard !ids.isEmpty, ids.count <= Self.maximumBatch else {
            throw ValidationReport([FieldError(field: "application_ids", message: "Choose between 1 and \(Self.maximumBatch) applications.")])
        }
        // Checked before any application, so a note too long is refused even when none could be rejected.
        _ = try ApplicationWorkflow.checkedNote(note)
        var outcome = Outcome()
        for id in Array(Set(ids)).sorted(by: { $0.uuidString < $1.uuidString }) {
            do {
                guard let loaded = try await LoadedApplication.visible(id, to: self.host, on: self.workflow.db),
                    loaded.parties(of: self.host).contains(.host)
                else { throw ApplicationWorkflow.notFound }
                if loaded.status == .submitted {
                    try await self.workflow.perform(.init(action: .review), on: id, by: .user(self.host))
                }
                try await self.workflow.perform(.init(action: .reject, note: note), on: id, by: .user(self.host))
                outcome.rejected.append(id)
            } catch let abort as any AbortError {
                outcome.skipped.append((id, abort.reason))
            }
        }
        return outcome
    }
}
