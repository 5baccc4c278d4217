import Fluent
import Foundation
import RoundsCore
import SQLKit
import Vapor

/// Administrators' account tools: search, roles, disable and enable with a reason, sign-out everywhere.
/// Each change is one transaction with its audit entry; the pages and the API both come here.
struct AdminAccounts {
    static let pageSize = 50
    static let notFound = Abort(.notFound, reason: "No such user.")

    let db: any Database
    let now: Date
    let admin: User

    /// Up to `pageSize` accounts whose name or e-mail contains `words`, by e-mail.
    func search(_ raw: String) async throws -> [User] {
        let words = raw.trimmingCharacters(in: .whitespaces)
        guard raw.textLength <= 100 else { throw Abort(.badRequest, reason: "Search with at most 100 characters.") }
        var query = User.query(on: self.db).sort(\.$emailNormalized).limit(Self.pageSize)
        if !words.isEmpty {
            // `%` and `\` are dropped rather than escaped (SQLite's LIKE has no default escape); `_` stays
            // and matches any one character, which only ever finds more.
            let pattern = "%" + words.lowercased().filter { $0 != "%" && $0 != "\\" } + "%"
            let ids = try await self.db.sql.select().column("id").from(User.schema)
                .where(SQLFunction("lower", args: SQLColumn("display_name")), .like, SQLBind(pattern))
                .orWhere(SQLColumn("email_normalized"), .like, SQLBind(pattern))
                .limit(Self.pageSize).all().map { try $0.decode(column: "id", as: UUID.self) }
            query = query.filter(\.$id ~~ ids)
        }
        return try await query.all()
    }

    func user(_ id: UUID?) async throws -> User {
        guard let id, let user = try await User.find(id, on: self.db) else { throw Self.notFound }
        return user
    }

    func setRoles(of user: User, to raw: [String]) async throws {
        let roles = Set(raw.compactMap(Role.init(rawValue:)))
        var errors: [FieldError] = []
        if roles.isEmpty || roles.count != Set(raw).count {
            errors.append(FieldError(field: "roles", message: "Choose one or more of: \(Role.allCases.map(\.displayName).joined(separator: ", "))."))
        }
        if user.id == self.admin.id, !roles.contains(.admin) {
            errors.append(FieldError(field: "roles", message: "You cannot take away your own administrator role; another administrator can."))
        }
        guard errors.isEmpty else { throw ValidationReport(errors) }
        let before = user.roles.sorted().map(\.rawValue).joined(separator: ", ")
        user.roles = roles
        try await self.db.transaction { db in
            try await user.save(on: db)
            try await AdminAction.record(
                "user.roles", by: self.admin, subject: "user \(user.email)", subjectID: user.id,
                reason: "\(before) → \(roles.sorted().map(\.rawValue).joined(separator: ", "))", now: self.now, on: db)
        }
    }

    /// Disables the account with a reason the person sees at sign-in, and signs it out everywhere.
    func disable(_ user: User, reason raw: String) async throws {
        let reason = raw.oneLine
        var errors: [FieldError] = []
        if reason.isEmpty || raw.textLength > 500 { errors.append(FieldError(field: "reason", message: "Say why, in at most 500 characters; the person sees it when they try to sign in.")) }
        if user.id == self.admin.id { errors.append(FieldError(field: "reason", message: "You cannot disable your own account.")) }
        guard errors.isEmpty else { throw ValidationReport(errors) }
        guard !user.isDisabled else { throw Abort(.conflict, reason: "This account is disabled already.") }
        user.disabledAt = self.now
        user.disabledReason = reason
        try await self.db.transaction { db in
            try await user.save(on: db)
            // Signed out at once, everywhere; API tokens stop working while disabled (the authenticator checks).
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AdminAction.record("user.disable", by: self.admin, subject: "user \(user.email)", subjectID: user.id, reason: reason, now: self.now, on: db)
        }
    }

    func enable(_ user: User, note raw: String) async throws {
        guard user.isDisabled else { throw Abort(.conflict, reason: "This account is not disabled.") }
        let note = String(raw.oneLine.prefix(500))
        user.disabledAt = nil
        user.disabledReason = nil
        try await self.db.transaction { db in
            try await user.save(on: db)
            try await AdminAction.record("user.enable", by: self.admin, subject: "user \(user.email)", subjectID: user.id, reason: note, now: self.now, on: db)
        }
    }

    func signOut(_ user: User) async throws {
        try await self.db.transaction { db in
            try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            try await AdminAction.record("user.sign-out", by: self.admin, subject: "user \(user.email)", subjectID: user.id, now: self.now, on: db)
        }
    }
}

extension Request {
    func adminAccounts() throws -> AdminAccounts {
        AdminAccounts(db: self.db, now: self.now, admin: try self.requireUser(.admin))
    }
}
