import Fluent
import Foundation
import RoundsCore
import Vapor

/// Programs, their reviewers (advisor accounts), the letters assigned to them, and the read log.
struct ProgramLetters {
    static let notYours = Abort(.notFound, reason: "No such program among those you review.")

    let db: any Database
    let desk: LetterDesk

    var now: Date { self.desk.now }

    func programs() async throws -> [Program] {
        try await Program.query(on: self.db).sort(\.$name).sort(\.$state).all()
    }

    /// - Parameter admin: who adds it, for the audit log (nil: the demo seed).
    func create(_ draft: ProgramDraft, by admin: User? = nil) async throws -> Program {
        let checked = try draft.check().get()
        let program = Program(name: checked.name, specialtyID: checked.specialtyID, city: checked.city, state: checked.state, now: self.now)
        do {
            try await self.db.transaction { db in
                try await program.create(on: db)
                if let admin {
                    try await AdminAction.record("program.create", by: admin, subject: "program \(program.name), \(program.city) \(program.state)", subjectID: program.id, now: self.now, on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw ValidationReport([FieldError(field: "name", message: "A program of that name in \(checked.city), \(checked.state) exists already.")])
        }
        return program
    }

    /// Makes an advisor a reviewer of a program. Only advisors review: they have two-factor sign-in.
    func addReviewer(email: String, to programID: UUID, by admin: User) async throws {
        guard let program = try await Program.find(programID, on: self.db) else { throw Abort(.notFound, reason: "No such program.") }
        guard let user = try await User.find(email: email, on: self.db), user.has(.advisor) else {
            throw ValidationReport([FieldError(field: "email", message: "Enter the e-mail of an advisor account; only advisors review programs.")])
        }
        let exists = try await ProgramReviewer.query(on: self.db)
            .filter(\.$program.$id == program.requireID()).filter(\.$user.$id == user.requireID()).count()
        guard exists == 0 else { return }
        // Reviewers read the letters assigned to the program, so granting it is audited.
        try await self.db.transaction { db in
            try await ProgramReviewer(programID: try program.requireID(), userID: try user.requireID()).create(on: db)
            try await AdminAction.record(
                "program.reviewer-add", by: admin, subject: "program \(program.name), \(program.city) \(program.state)", subjectID: program.id, reason: "reviewer \(user.email)",
                now: self.now, on: db)
        }
    }

    func reviewers(of program: Program) async throws -> [User] {
        try await ProgramReviewer.query(on: self.db).filter(\.$program.$id == program.requireID()).with(\.$user).all().map(\.user)
    }

    func programs(reviewedBy user: User) async throws -> [Program] {
        try await ProgramReviewer.query(on: self.db).filter(\.$user.$id == user.requireID()).with(\.$program).all()
            .map(\.program).sorted { $0.name < $1.name }
    }

    /// A program the user reviews, or 404.
    func program(_ id: UUID, reviewedBy user: User) async throws -> Program {
        let row = try await ProgramReviewer.query(on: self.db)
            .filter(\.$program.$id == id).filter(\.$user.$id == user.requireID()).with(\.$program).first()
        guard let row else { throw Self.notYours }
        return row.program
    }

    struct AssignedLetter: Sendable {
        var letter: LetterRequest
        var applicant: User
        var assignedAt: Date
    }

    /// The letters of applicants who applied to the program: as in ERAS, a program sees an applicant's
    /// letters with the application, not while the applicant is still preparing it.
    func letters(assignedTo program: Program) async throws -> [AssignedLetter] {
        let applicants = try await ProgramApplication.query(on: self.db).filter(\.$program.$id == program.requireID()).all().map(\.$applicant.id)
        guard !applicants.isEmpty else { return [] }
        return try await LetterAssignment.query(on: self.db)
            .filter(\.$program.$id == program.requireID())
            .filter(\.$applicant.$id ~~ applicants)
            .with(\.$letter) { $0.with(\.$applicant) }
            .sort(\.$createdAt)
            .all()
            .map { AssignedLetter(letter: $0.letter, applicant: $0.letter.applicant, assignedAt: $0.createdAt) }
    }

    /// A letter's bytes for a reviewer of a program it is assigned to and its applicant applied to; logged.
    /// Anything else is 404.
    func file(letter letterID: UUID, program programID: UUID, reviewer: User) async throws -> (LetterRequest, Data) {
        let program = try await self.program(programID, reviewedBy: reviewer)
        let assignment = try await LetterAssignment.query(on: self.db)
            .filter(\.$program.$id == program.requireID()).filter(\.$letter.$id == letterID).with(\.$letter).first()
        guard let letter = assignment?.letter,
            LetterReadRule.mayRead(.assignedProgramReviewer, applicantWaived: letter.waived, hasFile: letter.hasFile),
            try await LetterDesk.application(of: letter.$applicant.id, to: program.requireID(), on: self.db) != nil
        else { throw Abort(.notFound, reason: "No such letter assigned to this program with a submitted application.") }
        return (letter, try await self.desk.read(letter, by: reviewer, as: "reviewer", program: try program.requireID()))
    }

    struct ReadEntry: Sendable {
        var read: LetterRead
        var reader: User
        var applicant: User
        var writerName: String
        var program: Program?
    }

    /// The latest reads, newest first, for admins.
    func readLog(limit: Int = 500) async throws -> [ReadEntry] {
        try await LetterRead.query(on: self.db)
            .with(\.$reader)
            .with(\.$program)
            .with(\.$letter) { $0.with(\.$applicant) }
            .sort(\.$at, .descending)
            .limit(limit)
            .all()
            .map { ReadEntry(read: $0, reader: $0.reader, applicant: $0.letter.applicant, writerName: $0.letter.writerName, program: $0.program) }
    }
}

extension Request {
    var programLetters: ProgramLetters { ProgramLetters(db: self.db, desk: self.letterDesk) }
}
