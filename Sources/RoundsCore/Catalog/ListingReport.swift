import Foundation

/// What a person says is wrong with a listing when reporting it to the administrators.
public enum ListingProblem: String, CaseIterable, Codable, Sendable {
    /// The listing says something untrue: the site, the kind of experience, the fee, the supervision.
    case misleading
    /// It asks for money, documents or personal data in a way that looks like fraud.
    case fraud
    /// It offers what the law forbids (hands-on care for a visitor, say) or breaks a rule Rounds lists.
    case unlawful
    /// Offensive or discriminatory wording.
    case offensive
    case other

    public var displayName: String {
        switch self {
        case .misleading: "Misleading or untrue"
        case .fraud: "Looks like a scam (money, documents or data asked the wrong way)"
        case .unlawful: "Offers something unlawful"
        case .offensive: "Offensive or discriminatory"
        case .other: "Something else"
        }
    }
}

/// A report of a listing as typed: the problem and what the person saw.
public struct ListingReportDraft: Sendable {
    public var problem: String
    public var details: String

    public static let limit = 1_000

    public init(problem: String, details: String) {
        self.problem = problem
        self.details = details
    }

    public func check() -> Result<(ListingProblem, String), ValidationReport> {
        var errors: [FieldError] = []
        let problem = ListingProblem(rawValue: self.problem)
        if problem == nil { errors.append(FieldError(field: "problem", message: "Choose what is wrong with the listing.")) }
        let details = ReportText.checked(self.details, limit: Self.limit, required: true)
        if details == nil {
            errors.append(FieldError(field: "details", message: "Say in 1 to \(Self.limit) characters what you saw; the administrators read it."))
        }
        guard let problem, let details, errors.isEmpty else { return .failure(ValidationReport(errors)) }
        return .success((problem, details))
    }
}

/// What an administrator decides about a reported listing.
public enum ListingReportResolution: String, CaseIterable, Codable, Sendable {
    /// Nothing wrong: the listing stays.
    case dismiss
    /// The listing is taken out of the catalog (archived); its host is told why.
    case withdraw

    public var displayName: String {
        switch self {
        case .dismiss: "Keep the listing"
        case .withdraw: "Withdraw the listing"
        }
    }
}
