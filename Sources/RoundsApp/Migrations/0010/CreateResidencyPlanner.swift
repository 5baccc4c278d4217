import Fluent

/// The residency planner: each applicant's program list per Match year, the plan tasks they ticked off,
/// their planner settings (H-1B aim, calendar feed secret, reminders) and the reminders already sent.
struct CreateResidencyPlanner: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("residency_programs")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("match_year", .int, .required)
            .field("name", .string, .required)
            .field("specialty", .string, .required)
            .field("city", .string, .required)
            .field("state", .string, .required)
            .field("nrmp_code", .string)
            .field("status", .string, .required)
            .field("interview_day", .int)
            .field("interview_minute", .int)
            .field("interview_time_zone", .string)
            .field("interview_format", .string)
            .field("signal", .string)
            .field("notes", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id", "match_year", "name", "specialty")
            .create()
        try await database.schema("residency_task_checks")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("match_year", .int, .required)
            .field("task", .string, .required)
            .field("checked_at", .datetime, .required)
            .unique(on: "user_id", "match_year", "task")
            .create()
        try await database.schema("residency_settings")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("wants_h1b", .bool, .required)
            .field("calendar_token_hash", .string)
            .field("reminder_days", .int)
            .field("weekly_digest", .bool, .required)
            .field("last_digest_day", .int)
            .field("updated_at", .datetime, .required)
            .unique(on: "user_id")
            .unique(on: "calendar_token_hash")
            .create()

        try await database.schema("residency_reminders")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("match_year", .int, .required)
            .field("task", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "user_id", "match_year", "task")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("residency_reminders").delete()
        try await database.schema("residency_settings").delete()
        try await database.schema("residency_task_checks").delete()
        try await database.schema("residency_programs").delete()
    }
}
