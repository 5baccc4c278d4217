import RoundsCore
import Vapor

struct SignUpForm: Content {
    var displayName: String
    var email: String
    var password: String
    var role: String

    enum CodingKeys: String, CodingKey {
        case displayName = "display_name"
        case email, password, role
    }

    static let empty = SignUpForm(displayName: "", email: "", password: "", role: Role.applicant.rawValue)
    static let maximumNameLength = 100

    func validate(policy: PasswordPolicy) -> ValidationReport {
        var errors: [FieldError] = []
        let name = self.displayName.trimmingWhitespace()
        if name.isEmpty {
            errors.append(FieldError(field: "display_name", message: "Enter your name."))
        } else if name.textLength > Self.maximumNameLength {
            errors.append(FieldError(field: "display_name", message: "Use at most \(Self.maximumNameLength) characters."))
        }
        if !EmailAddress.isPlausible(self.email) {
            errors.append(FieldError(field: "email", message: "Enter an e-mail address like name@example.org."))
        }
        if let problem = policy.check(self.password, userInputs: [self.email, self.displayName]) { errors.append(problem) }
        if Role(rawValue: self.role).map({ !Role.selfService.contains($0) }) ?? true {
            errors.append(FieldError(field: "role", message: "Choose applicant or host."))
        }
        return ValidationReport(errors)
    }
}

struct SignInForm: Content {
    var email: String
    var password: String
    var next: String?
}

struct ChangePasswordForm: Content {
    var currentPassword: String
    var newPassword: String

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password"
        case newPassword = "new_password"
    }
}

struct ForgotPasswordForm: Content {
    var email: String
}

struct ResetPasswordForm: Content {
    var token: String
    var password: String
}

struct CreateTokenForm: Content {
    var name: String

    func validate() -> ValidationReport {
        let name = self.name.trimmingWhitespace()
        if name.isEmpty { return ValidationReport([FieldError(field: "name", message: "Name the token.")]) }
        if self.name.textLength > APIToken.maximumNameLength {
            return ValidationReport([
                FieldError(field: "name", message: "Use at most \(APIToken.maximumNameLength) characters.")
            ])
        }
        return ValidationReport()
    }
}
