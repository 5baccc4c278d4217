import Fluent
import SQLKit

/// An index on every other foreign key (0034 did the catalog's). Without one, each lookup by the key reads
/// the whole table, and with foreign keys enforced each deletion of a parent row does too: deleting an
/// account scanned every table that names a user, once per table.
struct IndexForeignKeys: AsyncMigration {
    static let keys = [
        ("admin_actions", "admin_id"),
        ("api_tokens", "user_id"),
        ("application_events", "actor_id"),
        // Its one index leading with applicant_id is partial (live applications only).
        ("applications", "applicant_id"),
        ("application_messages", "applicant_id"),
        ("application_messages", "author_id"),
        ("directory_changes", "changed_by"),
        ("directory_changes", "program_id"),
        ("document_downloads", "document_id"),
        ("document_downloads", "user_id"),
        ("guides", "author_id"),
        ("letter_reads", "letter_id"),
        ("letter_reads", "program_id"),
        ("letter_reads", "reader_id"),
        ("letter_requests", "application_id"),
        ("listing_reports", "reporter_id"),
        ("message_reports", "reporter_id"),
        ("newsletter_deliveries", "subscriber_id"),
        ("password_resets", "user_id"),
        ("pending_sign_ins", "user_id"),
        ("placement_applicant_lists", "applicant_id"),
        ("placement_applicant_lists", "partner_id"),
        ("placement_cycle_sessions", "session_id"),
        ("placement_cycles", "advisor_id"),
        ("placement_evaluations", "host_id"),
        ("placement_host_lists", "session_id"),
        ("placement_results", "applicant_id"),
        ("placement_results", "session_id"),
        ("procedure_logs", "experience_id"),
        ("program_applications", "program_id"),
        ("program_reviewers", "user_id"),
        ("rank_couple_certifications", "user_id"),
        ("rank_couple_pairs", "first_program_id"),
        ("rank_couple_pairs", "second_program_id"),
        ("rank_couples", "partner_id"),
        ("rank_couples", "proposer_id"),
        ("rank_list_shares", "advisor_id"),
        ("rank_supplemental_entries", "program_id"),
        ("rank_supplemental_entries", "user_id"),
        ("recovery_codes", "user_id"),
        ("reviews", "statement_version_id"),
        ("season_corrections", "changed_by"),
        ("trusted_devices", "user_id"),
        ("user_sessions", "user_id"),
    ]

    static func name(_ table: String, _ column: String) -> String { "\(table)_by_\(column)" }

    func prepare(on database: any Database) async throws {
        for (table, column) in Self.keys { try await database.createIndex(Self.name(table, column), on: table, columns: [column]) }
    }

    func revert(on database: any Database) async throws {
        for (table, column) in Self.keys { try await database.sql.drop(index: Self.name(table, column)).run() }
    }
}
