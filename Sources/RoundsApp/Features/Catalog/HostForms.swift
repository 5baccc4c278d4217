import RoundsCore
import Vapor

struct SiteForm: Content {
    var name: String?
    var kind: String?
    var street: String?
    var city: String?
    var state: String?
    var zip: String?
    var website: String?

    var draft: SiteDraft {
        var draft = SiteDraft()
        draft.name = self.name ?? ""
        draft.kind = self.kind ?? ""
        draft.street = self.street ?? ""
        draft.city = self.city ?? ""
        draft.state = self.state ?? ""
        draft.zip = self.zip ?? ""
        draft.website = self.website ?? ""
        return draft
    }
}

struct OpportunityForm: Content {
    var title: String?
    var description: String?
    var type: String?
    var specialty: String?
    var handsOn: String?
    var setting: String?
    var audiences: [String]?
    var maxYearsSinceGraduation: String?
    var requiresStep1Pass: String?
    var visaClasses: [String]?
    var fee: String?
    var currency: String?
    var refundTerms: String?
    var letterPolicy: String?
    var requirements: [String]?

    enum CodingKeys: String, CodingKey {
        case title, description, type, specialty, setting, audiences, fee, currency, requirements
        case handsOn = "hands_on"
        case maxYearsSinceGraduation = "max_years_since_graduation"
        case requiresStep1Pass = "requires_step1_pass"
        case visaClasses = "visa_classes"
        case refundTerms = "refund_terms"
        case letterPolicy = "letter_policy"
    }

    var draft: OpportunityDraft {
        var draft = OpportunityDraft()
        draft.title = self.title ?? ""
        draft.description = self.description ?? ""
        draft.type = self.type ?? ""
        draft.specialty = self.specialty ?? ""
        draft.isHandsOn = self.handsOn == "true"
        draft.setting = self.setting ?? ""
        draft.audiences = self.audiences ?? []
        draft.maximumYearsSinceGraduation = self.maxYearsSinceGraduation ?? ""
        draft.requiresStep1Pass = self.requiresStep1Pass == "true"
        draft.visaClasses = self.visaClasses ?? []
        draft.fee = self.fee ?? ""
        draft.currency = self.currency ?? "USD"
        draft.refundTerms = self.refundTerms ?? ""
        draft.letterPolicy = self.letterPolicy ?? ""
        draft.requirements = self.requirements ?? []
        return draft
    }
}

struct SessionForm: Content {
    var start: String?
    var end: String?
    var deadline: String?
    var seats: String?

    var draft: SessionDraft { SessionDraft(start: self.start ?? "", end: self.end ?? "", deadline: self.deadline ?? "", seats: self.seats ?? "") }
}

extension OpportunityDraft {
    /// The draft a stored opportunity gives, for the edit form.
    init(_ opportunity: Opportunity) {
        self.init()
        self.title = opportunity.title
        self.description = opportunity.description
        self.type = opportunity.type.rawValue
        self.specialty = opportunity.specialty
        self.isHandsOn = opportunity.isHandsOn
        self.setting = opportunity.setting.rawValue
        self.audiences = opportunity.audiences.split(separator: ",").map(String.init)
        self.maximumYearsSinceGraduation = opportunity.maximumYearsSinceGraduation.map(String.init) ?? ""
        self.requiresStep1Pass = opportunity.requiresStep1Pass
        self.visaClasses = opportunity.visaClasses.split(separator: ",").map(String.init)
        self.fee = opportunity.feeCents % 100 == 0 ? String(opportunity.feeCents / 100) : String(format: "%d.%02d", opportunity.feeCents / 100, opportunity.feeCents % 100)
        self.currency = opportunity.currency
        self.refundTerms = opportunity.refundTerms
        self.letterPolicy = opportunity.letterPolicy
        self.requirements = opportunity.requirements.split(separator: ",").map(String.init)
    }
}

extension Opportunity {
    /// Copies a checked draft into the stored columns (status is left alone).
    func apply(_ checked: OpportunityDraft.Checked) {
        self.title = checked.title
        self.description = checked.description
        self.type = checked.type
        self.specialty = checked.specialtyID
        self.isHandsOn = checked.isHandsOn
        self.setting = checked.setting
        self.audiences = checked.rules.audiences.storedList
        self.maximumYearsSinceGraduation = checked.rules.maximumYearsSinceGraduation
        self.requiresStep1Pass = checked.rules.requiresStep1Pass
        self.visaClasses = checked.rules.acceptedVisaClasses.storedList
        self.feeCents = checked.feeCents
        self.currency = checked.currency
        self.refundTerms = checked.refundTerms
        self.letterPolicy = checked.letterPolicy.rawValue
        self.requirements = checked.requirements.storedList
    }
}
