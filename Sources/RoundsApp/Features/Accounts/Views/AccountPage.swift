import Foundation
import Plot
import RoundsCore
import Tagged

/// The signed-in user's account: name, e-mail, password, two-factor sign-in, browsers and API tokens.
struct AccountPage {
    struct SessionRow {
        var id: UUID
        var signedIn: String
        var lastSeen: String
        var isThisBrowser: Bool
    }

    struct TokenRow {
        var id: UUID
        var name: String
        var created: String
        var lastUsed: String
    }

    var displayName: String
    var email: String
    /// The address a change is waiting to be confirmed from.
    var pendingEmail: String?
    var hasTwoFactor: Bool
    var sessions: [SessionRow]
    var roles: [String]
    var tokens: [TokenRow]
    /// A token just created, shown this once and never again.
    var newToken: String?
    var nameErrors = ValidationReport()
    var emailErrors = ValidationReport()
    /// What was typed into the new-address field, kept when the change is refused.
    var typedEmail = ""
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
                self.nameSection(),
                self.emailSection(),
                self.passwordSection(),
                self.twoFactorSection(),
                self.sessionSection(),
                self.tokenSection(),
                .section(.h2("Saved searches"), .p(.a(.href(SiteRoute.savedSearches.path), .text("Your saved searches and their e-mail alerts")))),
                .section(
                    .h2("Your data"),
                    .p(.a(.href(SiteRoute.accountData.path), .text("Download your data or delete your account")))
                )
            )
        )
    }

    private func nameSection() -> BodyNode {
        .section(
            .h2("Name"),
            .postForm(
                SiteRoute.accountName.path, csrfToken: self.context.csrfToken,
                .field(
                    "Your name", name: "display_name", value: self.displayName, error: self.nameErrors.message(for: "display_name"),
                    hint: "Hosts, advisors and letter writers see it.", autocomplete: "name", isRequired: true, maxLength: SignUpForm.maximumNameLength),
                .submit("Change name")
            )
        )
    }

    private func emailSection() -> BodyNode {
        .section(
            .h2("E-mail address"),
            .p(.text("Rounds writes to "), .strong(.safeText(self.email)), .text(". A new address is used once you open the link Rounds sends to it; your current address is told.")),
            self.pendingEmail.map { .p(.class("hint"), .safeText("Waiting for \($0) to confirm (the link works for 48 hours; asking again replaces it).")) } ?? .empty,
            .errorSummary(self.emailErrors),
            .postForm(
                SiteRoute.accountEmail.path, csrfToken: self.context.csrfToken,
                .field("New e-mail address", name: "new_email", value: self.typedEmail, type: "email", error: self.emailErrors.message(for: "new_email"), autocomplete: "email", isRequired: true, maxLength: EmailAddress.maximumLength),
                .field(
                    "Your password", name: "current_password", type: "password", error: self.emailErrors.message(for: "current_password"),
                    autocomplete: "current-password", isRequired: true, id: "email-current-password"),
                .submit("Change e-mail address")
            )
        )
    }

    private func twoFactorSection() -> BodyNode {
        .section(
            .h2("Two-factor sign-in"),
            .p(.text(self.hasTwoFactor
                ? "On: signing in asks for a code from your authenticator app."
                : "Off: signing in asks only for your password. Turn it on so a stolen password alone cannot open your account.")),
            .p(.a(.href(SiteRoute.twoFactor.path), .text(self.hasTwoFactor ? "Manage two-factor sign-in" : "Turn on two-factor sign-in")))
        )
    }

    private func sessionSection() -> BodyNode {
        .section(
            .h2("Signed-in browsers"),
            .stackingTable(
                ["Signed in", "Last seen", ""],
                rows: self.sessions.map { row in
                    [
                        .safeText(row.signedIn + (row.isThisBrowser ? " (this browser)" : "")),
                        .safeText(row.lastSeen),
                        .postButton(SiteRoute.endSession(UserSessionID(row.id)).path, title: row.isThisBrowser ? "Sign out" : "Sign out that browser", csrfToken: self.context.csrfToken, style: "link"),
                    ]
                }
            ),
            self.sessions.count > 1 ? .postButton(SiteRoute.endOtherSessions.path, title: "Sign out every other browser", csrfToken: self.context.csrfToken) : .empty
        )
    }

    /// The page the new address's link opens: one button, because mail scanners open links.
    static func confirmEmail(newEmail: String, token: String, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Confirm your new e-mail address",
            context: context,
            content: .div(
                .h1("Confirm your new e-mail address"),
                .p(.text("Rounds will write to "), .strong(.safeText(newEmail)), .text(" and you will sign in with it.")),
                .postForm(
                    SiteRoute.confirmEmailChange.path, csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)]),
                    .submit("Use this address")
                )
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
                : .stackingTable(
                    ["Name", "Created", "Last used", ""],
                    rows: self.tokens.map { row in
                        [
                            .safeText(row.name),
                            .safeText(row.created),
                            .safeText(row.lastUsed),
                            .postButton(SiteRoute.revokeToken(APITokenID(row.id)).path, title: "Revoke", csrfToken: self.context.csrfToken),
                        ]
                    }
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
