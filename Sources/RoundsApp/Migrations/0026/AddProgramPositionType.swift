import Fluent
import SQLKit

/// The NRMP program type of a program on an applicant's list; existing rows take it from their code.
struct AddProgramPositionType: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ResidencyProgram.schema).field("position_type", .string).update()
        // The 8th character of a Main Match code is the type (C, M, P, A or R).
        try await database.sql.raw(
            """
            UPDATE residency_programs SET position_type = SUBSTR(nrmp_code, 8, 1)
            WHERE nrmp_code IS NOT NULL AND SUBSTR(nrmp_code, 8, 1) IN ('C', 'M', 'P', 'A', 'R')
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ResidencyProgram.schema).deleteField("position_type").update()
    }
}
