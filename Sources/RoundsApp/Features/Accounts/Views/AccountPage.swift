import Foundation
import Plot
import RoundsCore
import Tagged

/// The signed-in user's account: password change and API tokens.
struct AccountPage {
    struct TokenRow {
        var id: UUID
        var name: String
        var created: String
        var lastUsed: String
    }

    var email: String
    var roles: [String]
    var tokens: [TokenRow]
    /// A token just created, shown this once and never again.
    var newToken: String?
    var passwordErrors = ValidationReport()
    var tokenErrors = ValidationReport()
    var context: PageContext

    func layout() -> PageLayout {
        PageLayout(
            title: "Your account",
            context: self.context,
            content: .div(
                .h1("Your account"),
                .p(.text("Signed in as "), .strong(.safeText(self.email)), .text(" · "), .safeText(self.roles.joined(separator: ", "))),
                self.passwordSection(),
                self.tokenSection()
            )
        )
    }

    private func passwordSection() -> BodyNode {
        .section(
            .h2("Change password"),
            .p("Changing your password signs you out everywhere else."),
            .postForm(
                SiteRoute.changePassword.path,
                csrfToken: self.context.csrfToken,
                .field(
                    "Current password", name: "current_password", type: "password",
                    error: self.passwordErrors.message(for: "current_password"), autocomplete: "current-password",
                    isRequired: true
                ),
                .field(
                    "New password", name: "new_password", type: "password",
                    error: self.passwordErrors.message(for: "new_password"),
                    hint: "At least \(PasswordPolicy.minimumLength) characters and hard to guess: a phrase of several unrelated words is easy to remember.", autocomplete: "new-password",
                    isRequired: true, maxLength: PasswordPolicy.maximumLength
                ),
                .submit("Change password")
            )
        )
    }

    private func tokenSection() -> BodyNode {
        .section(
            .h2("API tokens"),
            .p(
                .text("Tokens let scripts use the JSON API ("),
                .a(.href(APIRoute.openAPI.path), .text("OpenAPI description")),
                .text(") as you. Send one as "), .code("Authorization: Bearer <token>"), .text(".")
            ),
            self.newToken.map { token in
                .div(
                    .class("flash flash-success"),
                    .safeAttribute("role", "status"),
                    .p("Copy your new token now; it will not be shown again."),
                    .tag("code", .class("token"), .safeText(token))
                )
            } ?? .empty,
            self.tokens.isEmpty
                ? .p("You have no API tokens.")
                : .table(
                    .thead(.tr(.th("Name"), .th("Created"), .th("Last used"), .th(.span(.class("visually-hidden"), .text("Actions"))))),
                    .tbody(
                        .forEach(self.tokens) { row in
                            .tr(
                                .td(.safeText(row.name)),
                                .td(.safeText(row.created)),
                                .td(.safeText(row.lastUsed)),
                                .td(.postButton(SiteRoute.revokeToken(APITokenID(row.id)).path, title: "Revoke", csrfToken: self.context.csrfToken))
                            )
                        }
                    )
                ),
            .postForm(
                SiteRoute.tokens.path,
                csrfToken: self.context.csrfToken,
                .field(
                    "Token name", name: "name", error: self.tokenErrors.message(for: "name"),
                    hint: "What will use it, e.g. “my spreadsheet”.", isRequired: true, maxLength: APIToken.maximumNameLength
                ),
                .submit("Create token")
            )
        )
    }
}
