import Plot
import RoundsCore

/// The two-factor pages: set-up, status with recovery codes, and the sign-in code prompt.
enum TwoFactorPages {
    static func setUp(secret: String, uri: String, qrSVG: String?, error: String?, context: PageContext) -> PageLayout {
        let grouped = stride(from: 0, to: secret.count, by: 4).map { offset -> String in
            let start = secret.index(secret.startIndex, offsetBy: offset)
            return String(secret[start..<(secret.index(start, offsetBy: 4, limitedBy: secret.endIndex) ?? secret.endIndex)])
        }.joined(separator: " ")
        return PageLayout(
            title: "Set up two-factor sign-in",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Set up two-factor sign-in"),
                .errorSummary(error, field: "field-code"),
                .p("Scan this code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator or 1Password), then type the six-digit code it shows."),
                // The SVG is drawn by our own QR encoder from the secret; it holds no user-written text.
                qrSVG.map { .div(.class("qr"), .raw($0)) } ?? .empty,
                .p(.text("Or type this key into the app: "), .tag("code", .class("secret"), .safeText(grouped))),
                .tag("details", .tag("summary", .text("Set-up link")), .tag("code", .class("token"), .safeText(uri))),
                .postForm(
                    SiteRoute.enableTwoFactor.path,
                    csrfToken: context.csrfToken,
                    .field("Code from the app", name: "code", error: error, autocomplete: "one-time-code", isRequired: true, maxLength: 6),
                    .submit("Turn on two-factor sign-in")
                )
            )
        )
    }

    static func status(recoveryCodes: [String]?, remaining: Int, canDisable: Bool, error: String?, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Two-factor sign-in",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Two-factor sign-in is on"),
                .errorSummary(error, field: "field-code"),
                recoveryCodes.map { codes in
                    .div(
                        .class("flash flash-success"),
                        .safeAttribute("role", "status"),
                        .p("Save these recovery codes somewhere safe. Each signs you in once if you lose your phone. They will not be shown again."),
                        .ul(.class("recovery-codes"), .forEach(codes) { .li(.tag("code", .safeText($0))) })
                    )
                } ?? .empty,
                .p(.safeText("You have \(remaining) unused recovery codes.")),
                .postForm(
                    SiteRoute.recoveryCodes.path,
                    csrfToken: context.csrfToken,
                    .field("Current code", name: "code", error: error, autocomplete: "one-time-code", isRequired: true),
                    .submit("Make new recovery codes")
                ),
                canDisable
                    ? .postForm(
                        SiteRoute.disableTwoFactor.path,
                        csrfToken: context.csrfToken,
                        .field("Current code", name: "code", autocomplete: "one-time-code", isRequired: true, id: "field-disable-code"),
                        .tag("button", .safeAttribute("type", "submit"), .class("button"), .text("Turn off two-factor sign-in"))
                    )
                    : .p("Your role requires two-factor sign-in, so it cannot be turned off.")
            )
        )
    }

    static func prompt(error: String?, context: PageContext) -> PageLayout {
        PageLayout(
            title: "Enter your sign-in code",
            context: context,
            content: .div(
                .class("narrow"),
                .h1("Enter your sign-in code"),
                .p("Type the six-digit code from your authenticator app, or one of your recovery codes."),
                .errorSummary(error, field: "field-code"),
                .postForm(
                    SiteRoute.signInTwoFactor.path,
                    csrfToken: context.csrfToken,
                    .field("Code", name: "code", autocomplete: "one-time-code", isRequired: true, maxLength: 20),
                    .submit("Sign in")
                )
            )
        )
    }
}
