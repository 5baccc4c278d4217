import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// An account as administrators see it over the API.
struct AdminUserResponse: Content {
    var id: UUID
    var email: String
    var displayName: String
    var roles: [String]
    var twoFactor: Bool
    var disabled: Bool
    var disabledReason: String?
    var createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, email, roles, disabled
        case displayName = "display_name"
        case twoFactor = "two_factor"
        case disabledReason = "disabled_reason"
        case createdAt = "created_at"
    }

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.email = user.email
        self.displayName = user.displayName
        self.roles = user.roles.sorted().map(\.rawValue)
        self.twoFactor = user.hasTwoFactor
        self.disabled = user.isDisabled
        self.disabledReason = user.disabledReason
        self.createdAt = user.createdAt
    }
}

/// One audit-log entry.
struct AuditEntryResponse: Content {
    var id: UUID
    var adminName: String
    var action: String
    var subject: String
    var subjectID: UUID?
    var reason: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, action, subject, reason
        case adminName = "admin_name"
        case subjectID = "subject_id"
        case createdAt = "created_at"
    }

    init(_ entry: AdminAction) throws {
        self.id = try entry.requireID()
        self.adminName = entry.adminName
        self.action = entry.action
        self.subject = entry.subject
        self.subjectID = entry.subjectID
        self.reason = entry.reason
        self.createdAt = entry.createdAt
    }
}

extension API {
    /// Administrators' account tools and the audit log over JSON, with the pages' rules (`AdminAccounts`).
    struct AdminController: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            let admins = routes.grouped(SignInRequired(roles: [.admin]))
            admins.get(APIRoute.adminUsers, use: self.users)
            admins.get(APIRoute.adminUser(.key), use: self.user)
            admins.put(APIRoute.adminUserRoles(.key), use: self.roles)
            admins.post(APIRoute.adminUserAction(.key, .key), use: self.act)
            admins.get(APIRoute.adminAudit, use: self.audit)
        }

        @Sendable func users(req: Request) async throws -> [AdminUserResponse] {
            try await req.adminAccounts().search((try? req.query.get(String.self, at: "q")) ?? "").map(AdminUserResponse.init)
        }

        @Sendable func user(req: Request) async throws -> AdminUserResponse {
            try AdminUserResponse(try await req.adminAccounts().user(req.parameters.get(UserID.self)?.rawValue))
        }

        struct RolesInput: Content {
            var roles: [String]
        }

        @Sendable func roles(req: Request) async throws -> AdminUserResponse {
            let accounts = try req.adminAccounts()
            let user = try await accounts.user(req.parameters.get(UserID.self)?.rawValue)
            try await accounts.setRoles(of: user, to: try req.jsonBody(RolesInput.self).roles)
            return try AdminUserResponse(user)
        }

        struct ReasonInput: Content {
            var reason: String?
        }

        /// disable (a reason is required), enable (an optional note), sign-out.
        @Sendable func act(req: Request) async throws -> AdminUserResponse {
            let accounts = try req.adminAccounts()
            let user = try await accounts.user(req.parameters.get(UserID.self)?.rawValue)
            guard let action = req.parameters.get(AdminUserAction.self) else { throw Abort(.notFound, reason: "No such action: disable, enable or sign-out.") }
            switch action {
            case .disable: try await accounts.disable(user, reason: try req.jsonBody(ReasonInput.self).reason ?? "")
            case .enable: try await accounts.enable(user, note: try req.jsonBody(ReasonInput.self, orWhenEmpty: ReasonInput()).reason ?? "")
            case .signOut: try await accounts.signOut(user)
            }
            return try AdminUserResponse(user)
        }

        @Sendable func audit(req: Request) async throws -> [AuditEntryResponse] {
            _ = try req.requireUser(.admin)
            var query = AdminAction.query(on: req.db).sort(\.$createdAt, .descending).limit(AdminAuditController.pageSize)
            if let action = try? req.query.get(String.self, at: "action"), !action.isEmpty {
                guard action.textLength <= 60 else { throw Abort(.badRequest, reason: "action is at most 60 characters.") }
                query = query.filter(\.$action == action)
            }
            return try await query.all().map(AuditEntryResponse.init)
        }
    }
}
