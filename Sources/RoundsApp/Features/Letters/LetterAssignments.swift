import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Sending uploaded letters to programs, at most four per program, and taking them back.
extension LetterDesk {
    struct Assigned: Sendable {
        var program: Program
        var at: Date
    }

    func assignments(of letter: LetterRequest) async throws -> [Assigned] {
        try await LetterAssignment.query(on: self.db)
            .filter(\.$letter.$id == letter.requireID())
            .with(\.$program)
            .sort(\.$createdAt)
            .all()
            .map { Assigned(program: $0.program, at: $0.createdAt) }
    }

    /// Assigns in one transaction: the letter row is claimed first (which also locks it against a
    /// replacement upload), and the slot number's unique index caps the program at four even under a race.
    func assign(_ letter: LetterRequest, to programID: UUID) async throws {
        guard let program = try await Program.find(programID, on: self.db) else {
            throw ValidationReport([FieldError(field: "program_id", message: "Choose a program from the list.")])
        }
        let letterID = try letter.requireID()
        let applicantID = letter.$applicant.id
        do {
            try await self.db.transaction { db in
                // The write comes first: on SQLite a transaction that reads before it writes cannot wait
                // for another writer and fails with "database is locked" instead.
                let claimed = try await db.sql.update(LetterRequest.schema)
                    .set(SQLIdentifier("assigned_count"), to: SQLBinaryExpression(SQLIdentifier("assigned_count"), .add, SQLLiteral.numeric("1")))
                    .set(SQLIdentifier("updated_at"), to: SQLBind(self.now))
                    .where("id", .equal, SQLBind(letterID))
                    .where("status", .equal, SQLBind(LetterStatus.uploaded))
                    .returning("id").all().count
                let taken = try await LetterAssignment.query(on: db)
                    .filter(\.$applicant.$id == applicantID)
                    .filter(\.$program.$id == programID)
                    .all()
                if let problem = LetterAssignmentRule.problem(
                    status: claimed == 1 ? .uploaded : letter.status,
                    alreadyAssignedToProgram: taken.contains { $0.$letter.id == letterID }, lettersAtProgram: taken.count
                ) {
                    throw Abort(.conflict, reason: problem)
                }
                guard claimed == 1 else { throw Self.changedMeanwhile }
                let used = Set(taken.map(\.slot))
                let slot = (1...LetterAssignmentRule.maximumLettersPerProgram).first { !used.contains($0) } ?? 0
                try await LetterAssignment(letterID: letterID, programID: try program.requireID(), applicantID: applicantID, slot: slot, now: self.now)
                    .create(on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "Another change to your letters for this program happened at the same moment; reload and try again.")
        }
    }

    func unassign(_ letter: LetterRequest, from programID: UUID) async throws {
        let letterID = try letter.requireID()
        try await self.db.transaction { db in
            let removed = try await db.sql.delete(from: LetterAssignment.schema)
                .where("letter_id", .equal, SQLBind(letterID))
                .where("program_id", .equal, SQLBind(programID))
                .returning("id").all().count
            guard removed == 1 else { throw Abort(.notFound, reason: "This letter is not assigned to that program.") }
            try await db.sql.update(LetterRequest.schema)
                .set(SQLIdentifier("assigned_count"), to: SQLBinaryExpression(SQLIdentifier("assigned_count"), .subtract, SQLLiteral.numeric("1")))
                .set(SQLIdentifier("updated_at"), to: SQLBind(self.now))
                .where("id", .equal, SQLBind(letterID))
                .run()
        }
    }
}
