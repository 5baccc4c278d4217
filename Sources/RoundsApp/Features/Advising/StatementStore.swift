import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// An applicant's personal statements and their versions: reads, and the saves that add a version.
struct StatementStore {
    let db: any Database
    let now: Date

    static let notFound = Abort(.notFound, reason: "No such statement.")

    struct Listed {
        var statement: PersonalStatement
        var latest: StatementVersion
    }

    /// The applicant's statements with their latest versions, last changed first.
    func statements(of owner: User) async throws -> [Listed] {
        let statements = try await PersonalStatement.query(on: self.db).filter(\.$owner.$id == owner.requireID()).sort(\.$updatedAt, .descending).all()
        guard !statements.isEmpty else { return [] }
        let versions = try await StatementVersion.query(on: self.db).filter(\.$statement.$id ~~ statements.compactMap(\.id)).sort(\.$number).all()
        let latest = Dictionary(versions.map { ($0.$statement.id, $0) }, uniquingKeysWith: { $1 })
        return statements.compactMap { statement in latest[statement.id!].map { Listed(statement: statement, latest: $0) } }
    }

    /// One of the owner's statements with its versions, oldest first (404 for anyone else's).
    func statement(_ id: StatementID?, of owner: User) async throws -> PersonalStatement {
        guard let id, let statement = try await PersonalStatement.query(on: self.db).filter(\.$id == id.rawValue).filter(\.$owner.$id == owner.requireID())
            .with(\.$versions).first()
        else { throw Self.notFound }
        statement.$versions.value = statement.versions.sorted { $0.number < $1.number }
        statement.$owner.value = owner
        return statement
    }

    /// A new statement with its first version; refused (ValidationReport) with every problem found.
    func create(_ draft: StatementDraft, by owner: User) async throws -> PersonalStatement {
        let checked = try draft.check(allowing: [owner.displayName]).get()
        let ownerID = try owner.requireID()
        return try await self.db.transaction { db in
            let statement = PersonalStatement(ownerID: ownerID, now: self.now)
            Self.apply(checked, to: statement, now: self.now)
            try await statement.create(on: db)
            let version = StatementVersion(statementID: try statement.requireID(), number: 1, text: checked.text, note: checked.note, now: self.now)
            try await version.create(on: db)
            statement.$versions.value = [version]
            return statement
        }
    }

    /// Saves the draft as the statement's next version (the title, specialty and service may change with it).
    @discardableResult
    func addVersion(_ draft: StatementDraft, to statement: PersonalStatement, by owner: User) async throws -> StatementVersion {
        try await self.addVersion(try draft.check(allowing: [owner.displayName]).get(), to: statement)
    }

    /// Versions are numbered in order; two saves at the same moment both asking for the same number
    /// meet the unique index, and the later is told to reload rather than overwrite anything.
    func addVersion(_ checked: StatementDraft.Checked, to statement: PersonalStatement, on database: (any Database)? = nil) async throws -> StatementVersion {
        let statementID = try statement.requireID()
        let work: @Sendable (any Database) async throws -> StatementVersion = { db in
            let last = try await StatementVersion.query(on: db).filter(\.$statement.$id == statementID).max(\.$number) ?? 0
            let version = StatementVersion(statementID: statementID, number: last + 1, text: checked.text, note: checked.note, now: self.now)
            try await version.create(on: db)
            Self.apply(checked, to: statement, now: self.now)
            try await statement.save(on: db)
            return version
        }
        do {
            if let database { return try await work(database) }
            return try await self.db.transaction { try await work($0) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Abort(.conflict, reason: "Another version of this statement was saved at the same moment; reload it and save again.")
        }
    }

    private static func apply(_ checked: StatementDraft.Checked, to statement: PersonalStatement, now: Date) {
        statement.title = checked.title
        statement.specialty = checked.specialty.id
        statement.service = checked.service
        statement.updatedAt = now
    }
}

extension Request {
    var statements: StatementStore { StatementStore(db: self.db, now: self.now) }
}
