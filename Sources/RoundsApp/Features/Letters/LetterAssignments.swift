import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Sending uploaded letters to programs, at most four per program, and taking them back until the
/// applicant applies to that program with them.
extension LetterDesk {
    struct Assigned: Sendable {
        var program: Program
        var at: Date
        /// When the applicant applied to the program; the letter is locked there from then on.
        var appliedAt: Date?
    }

    func assignments(of letter: LetterRequest) async throws -> [Assigned] {
        let applied = try await self.applications(of: letter.$applicant.id)
        return try await LetterAssignment.query(on: self.db)
            .filter(\.$letter.$id == letter.requireID())
            .with(\.$program)
            .sort(\.$createdAt)
            .all()
            .map { Assigned(program: $0.program, at: $0.createdAt, appliedAt: applied[$0.$program.id]) }
    }

    /// Assigns in one transaction: the letter row is claimed first (which serializes it with an application
    /// to the program), and the slot number's unique index caps the program at four even under a race.
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
                // A letter added to a program already applied to goes with that application at once.
                if try await Self.application(of: applicantID, to: programID, on: db) != nil {
                    try await Self.changeAppliedCount(of: [letterID], by: 1, now: self.now, on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "Another change to your letters for this program happened at the same moment; reload and try again.")
        }
    }

    func unassign(_ letter: LetterRequest, from programID: UUID) async throws {
        let letterID = try letter.requireID()
        try await self.db.transaction { db in
            // Written first: it serializes with an application to the program, which writes this row too.
            try await db.sql.update(LetterRequest.schema).set(SQLIdentifier("updated_at"), to: SQLBind(self.now)).where("id", .equal, SQLBind(letterID)).run()
            if let application = try await Self.application(of: letter.$applicant.id, to: programID, on: db) {
                throw Abort(
                    .conflict,
                    reason: "You applied to this program with this letter on \(DisplayFormat.date(application.submittedAt)); as in ERAS, letters stay with the applications they went with.")
            }
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

/// Applying to a program with the letters assigned to it: from then on they stay there and are locked
/// against replacement.
extension LetterDesk {
    /// Applies from one of the letter's assignments (page and API); 404 when the letter is not assigned
    /// to that program.
    func apply(with letter: LetterRequest, to programID: UUID?) async throws {
        guard let programID,
            try await LetterAssignment.query(on: self.db).filter(\.$letter.$id == letter.requireID()).filter(\.$program.$id == programID).first() != nil
        else { throw Abort(.notFound, reason: "No such assignment: this letter is not assigned to that program.") }
        try await self.apply(applicantID: letter.$applicant.id, to: programID)
    }

    /// Program id → when the applicant applied to it.
    func applications(of applicantID: UUID) async throws -> [UUID: Date] {
        let applications = try await ProgramApplication.query(on: self.db).filter(\.$applicant.$id == applicantID).all()
        return Dictionary(applications.map { ($0.$program.id, $0.submittedAt) }, uniquingKeysWith: { first, _ in first })
    }

    /// Submits the application in one transaction: every letter row of the applicant is written first, so
    /// an assignment, a take-back or a writer's replacement racing it waits and then sees it.
    func apply(applicantID: UUID, to programID: UUID) async throws {
        guard try await Program.find(programID, on: self.db) != nil else { throw Abort(.notFound, reason: "No such program.") }
        let application = ProgramApplication(applicantID: applicantID, programID: programID, now: self.now)
        do {
            try await self.db.transaction { db in
                try await db.sql.update(LetterRequest.schema).set(SQLIdentifier("updated_at"), to: SQLBind(self.now))
                    .where("applicant_id", .equal, SQLBind(applicantID)).run()
                if let earlier = try await Self.application(of: applicantID, to: programID, on: db) {
                    throw Self.alreadyApplied(earlier.submittedAt)
                }
                try await application.create(on: db)
                let letters = try await LetterAssignment.query(on: db).filter(\.$applicant.$id == applicantID).filter(\.$program.$id == programID).all()
                try await Self.changeAppliedCount(of: letters.map(\.$letter.id), by: 1, now: self.now, on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "You have already applied to this program.")
        }
    }

    static func alreadyApplied(_ at: Date) -> Abort {
        Abort(.conflict, reason: "You already applied to this program on \(DisplayFormat.date(at)).")
    }

    static func application(of applicantID: UUID, to programID: UUID, on db: any Database) async throws -> ProgramApplication? {
        try await ProgramApplication.query(on: db).filter(\.$applicant.$id == applicantID).filter(\.$program.$id == programID).first()
    }

    static func changeAppliedCount(of letters: [UUID], by step: Int, now: Date, on db: any Database) async throws {
        guard !letters.isEmpty else { return }
        try await db.sql.update(LetterRequest.schema)
            .set(SQLIdentifier("applied_count"), to: SQLBinaryExpression(SQLIdentifier("applied_count"), .add, SQLLiteral.numeric(String(step))))
            .set(SQLIdentifier("updated_at"), to: SQLBind(now))
            .where("id", .in, SQLBind.group(letters))
            .run()
    }
}
