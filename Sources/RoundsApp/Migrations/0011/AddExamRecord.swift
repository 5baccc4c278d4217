import Fluent

/// Step 1's date and score (scores exist only for exams up to 25 January 2022), USMLE Step 3 and
/// COMLEX-USA on applicant profiles. Existing profiles keep no value: "not taken" until they say more.
/// One column per statement: SQLite adds one column per ALTER TABLE.
struct AddExamRecord: AsyncMigration {
    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("step1_taken_on", .int), ("step1_score", .int), ("step3", .string), ("step3_score", .int), ("comlex_level1", .string),
        ("comlex_level2ce_score", .int), ("comlex_level3", .string),
    ]

    func prepare(on database: any Database) async throws {
        for (key, type) in Self.columns {
            try await database.schema("applicant_profiles").field(key, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (key, _) in Self.columns.reversed() {
            try await database.schema("applicant_profiles").deleteField(key).update()
        }
    }
}
