import Plot
import RoundsCore

/// Sign-up, sign-in and password reset pages. Each takes already-formatted values and renders.
enum AuthPages {
    static func signUp(_ form: SignUpForm, errors: ValidationReport, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Create your account",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Create your account"),
                .p("Applicants find and prove US clinical experience; hosts publish rotations and review applicants."),
                .errorSummary(errors),
                .postForm(
                    SiteRoute.signUp.path,
                    csrfToken: context.csrfToken,
                    .field(
                        "Your name", name: "display_name", value: form.displayName,
                        error: errors.message(for: "display_name"), autocomplete: "name", isRequired: true,
                        maxLength: SignUpForm.maximumNameLength
                    ),
                    .field(
                        "E-mail", name: "email", value: form.email, type: "email",
                        error: errors.message(for: "email"), autocomplete: "email", isRequired: true,
                        maxLength: EmailAddress.maximumLength
                    ),
                    .field(
                        "Password", name: "password", type: "password", error: errors.message(for: "password"),
                        hint: "At least \(PasswordPolicy.minimumLength) characters and hard to guess: a phrase of several unrelated words is easy to remember.",
                        autocomplete: "new-password", isRequired: true, maxLength: PasswordPolicy.maximumLength
                    ),
                    .selectField(
                        "I am joining as", name: "role",
                        choices: Role.selfService.map { Choice(value: $0.rawValue, label: $0.displayName) },
                        selected: form.role, error: errors.message(for: "role")
                    ),
                    .submit("Create account")
                ),
                .p(.text("Already have an account? "), .a(.href(SiteRoute.signIn.path), .text("Sign in")))
            )
        )
    }

    static func signIn(email: String, next: String?, error: String?, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Sign in",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Sign in"),
                .errorSummary(error, field: "field-email"),
                .postForm(
                    SiteRoute.signIn.path,
                    csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "next"), ("value", next ?? "")]),
                    .field("E-mail", name: "email", value: email, type: "email", autocomplete: "email", isRequired: true),
                    .field(
                        "Password", name: "password", type: "password", autocomplete: "current-password",
                        isRequired: true
                    ),
                    .submit("Sign in")
                ),
                .p(.a(.href(SiteRoute.forgotPassword.path), .text("Forgot your password?"))),
                .p(.text("New to Rounds? "), .a(.href(SiteRoute.signUp.path), .text("Create an account")))
            )
        )
    }

    static func forgotPassword(context: PageContext, sent: Bool) -> PageLayout {
        PageLayout(
            title: "Reset your password",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Reset your password"),
                sent
                    ? .p(
                        .class("notice"),
                        .text(
                            "If an account uses that address, we have sent it a link to choose a new password. "
                                + "The link works for one hour."
                        )
                    )
                    : .postForm(
                        SiteRoute.forgotPassword.path,
                        csrfToken: context.csrfToken,
                        .field("E-mail", name: "email", type: "email", autocomplete: "email", isRequired: true),
                        .submit("Send me a link")
                    )
            )
        )
    }

    static func resetPassword(token: String, error: String?, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Choose a new password",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Choose a new password"),
                .postForm(
                    SiteRoute.resetPassword.path,
                    csrfToken: context.csrfToken,
                    .voidTag("input", [("type", "hidden"), ("name", "token"), ("value", token)]),
                    .field(
                        "New password", name: "password", type: "password", error: error,
                        hint: "At least \(PasswordPolicy.minimumLength) characters and hard to guess: a phrase of several unrelated words is easy to remember.",
                        autocomplete: "new-password", isRequired: true, maxLength: PasswordPolicy.maximumLength
                    ),
                    .submit("Save password")
                )
            )
        )
    }
}
