import Fluent
import RoundsCore
import Vapor

/// An observership, elective, externship, research post, … offered at a site, with its sessions.
final class Opportunity: Model, @unchecked Sendable {
    static let schema = "opportunities"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "type") var type: OpportunityType
    @Field(key: "specialty") var specialty: String
    @Field(key: "is_hands_on") var isHandsOn: Bool
    @Field(key: "setting") var setting: ClinicalSetting
    /// Comma-separated `Audience` raw values.
    @Field(key: "audiences") var audiences: String
    @OptionalField(key: "max_years_since_graduation") var maximumYearsSinceGraduation: Int?
    @Field(key: "requires_step1_pass") var requiresStep1Pass: Bool
    /// Comma-separated `VisaClass` raw values.
    @Field(key: "visa_classes") var visaClasses: String
    @Field(key: "fee_cents") var feeCents: Int
    @Field(key: "currency") var currency: String
    @Field(key: "refund_terms") var refundTerms: String
    @Field(key: "letter_policy") var letterPolicy: String
    /// Comma-separated `Requirement` raw values.
    @Field(key: "requirements") var requirements: String
    @Field(key: "status") var status: OpportunityStatus
    /// When it last entered the catalog (published, or its site verified); saved-search alerts send what
    /// was listed since they last ran.
    @OptionalField(key: "listed_at") var listedAt: Date?
    /// Whether signed-in applicants may ask the host questions before applying.
    @Field(key: "accepts_questions") var acceptsQuestions: Bool

    // relationships
    @Parent(key: "site_id") var site: Site
    @Children(for: \.$opportunity) var sessions: [OpportunitySession]

    /// Questions are off until the host turns them on; a row read from the database overrides this.
    init() { self.acceptsQuestions = false }

    var eligibilityRules: EligibilityRules {
        EligibilityRules(
            audiences: Set(storedList: self.audiences),
            maximumYearsSinceGraduation: self.maximumYearsSinceGraduation,
            requiresStep1Pass: self.requiresStep1Pass,
            acceptedVisaClasses: Set(storedList: self.visaClasses),
            isHandsOn: self.isHandsOn
        )
    }
}
