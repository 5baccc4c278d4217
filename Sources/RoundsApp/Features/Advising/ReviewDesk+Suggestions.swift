import Fluent
import Foundation
import Tagged
import SQLKit
import RoundsCore
import Vapor

extension ReviewDesk {
    /// The applicant's answer to each suggestion of a returned statement review. Accepted replacements are
    /// made in the statement's latest version, where each passage must still be found, and saved as the next
    /// version; the decisions and the version are one transaction. Nil when nothing was accepted.
    func decide(_ decisions: [UUID: SuggestionDecision], on review: Review, by applicant: User, statements: StatementStore) async throws -> StatementVersion? {
        guard review.$applicant.id == applicant.id else { throw Abort(.forbidden, reason: "Only the applicant who asked for the review decides on its suggestions.") }
        guard review.subject.takesSuggestions, let reviewed = review.statementVersion else {
            throw Abort(.conflict, reason: "Only statement reviews carry suggestions.")
        }
        guard review.status == .returned else { throw Abort(.conflict, reason: "Suggestions are decided once the advisor returns the review.") }
        let pending = review.comments.filter { $0.isSuggestion && $0.decision == .pending }
        let chosen = pending.filter { decisions[$0.id!] != nil && decisions[$0.id!] != .pending }
        guard !chosen.isEmpty else {
            throw ValidationReport([FieldError(field: "decisions", message: "Accept or reject at least one suggestion that is still open.")])
        }
        let statement = try await statements.statement(StatementID(rawValue: reviewed.$statement.id), of: applicant)
        guard let latest = statement.versions.last else { throw StatementStore.notFound }
        var edits: [SuggestionEdits.Edit] = []
        var errors: [FieldError] = []
        let accepted = chosen.filter { decisions[$0.id!] == .accepted }
        for comment in accepted {
            guard let anchor = comment.anchor.relocated(in: latest.text) else {
                errors.append(FieldError(field: "decisions", message: "“\(Self.excerpt(comment.quote))” is no longer in version \(latest.number); the suggestion is outdated. Reject it or edit the statement yourself."))
                continue
            }
            edits.append(.init(anchor: anchor, replacement: comment.replacement ?? ""))
        }
        guard errors.isEmpty else { throw ValidationReport(errors) }
        var nextText: String?
        if !edits.isEmpty {
            switch SuggestionEdits.apply(edits, to: latest.text) {
            case .success(let text): nextText = text
            case .failure(.overlap(let a, let b)):
                throw ValidationReport([FieldError(field: "decisions", message: "The suggestions for “\(Self.excerpt(accepted[a].quote))” and “\(Self.excerpt(accepted[b].quote))” change the same words; accept one of them now and the other later.")])
            case .failure(.outOfRange):
                throw Abort(.conflict, reason: "The statement changed meanwhile; reload and decide again.")
            }
        }
        var checkedDraft: StatementDraft.Checked?
        if let nextText {
            let note = "Accepted \(edits.count) suggestion\(edits.count == 1 ? "" : "s") from \(review.advisor.displayName)'s review"
            let draft = StatementDraft(title: statement.title, specialty: statement.specialty, service: statement.service.rawValue, text: nextText, note: String(note.prefix(StatementDraft.noteLimit)))
            checkedDraft = try draft.check(allowing: [applicant.displayName]).get()
        }
        let checked = checkedDraft
        return try await self.db.transaction { db in
            for comment in chosen {
                let changed = try await db.updateReturningCount(ReviewComment.schema, set: [("decision", decisions[comment.id!]!.rawValue)]) {
                    $0.where("id", .equal, comment.id!).where("decision", .equal, SuggestionDecision.pending.rawValue)
                }
                guard changed == 1 else { throw Abort(.conflict, reason: "A suggestion was decided meanwhile; reload the review.") }
                comment.decision = decisions[comment.id!]!
            }
            guard let checked else { return nil }
            return try await statements.addVersion(checked, to: statement, on: db)
        }
    }

    static func excerpt(_ text: String) -> String {
        text.textLength <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
