/// The limits and vocabularies of the two application services Rounds exports to, read from the sourced
/// rules file (Resources/data/rules.json, sections "amcas" and "eras"), where each has its source.
///
/// AMCAS names a cycle by the year its applicants start medical school: the cycle that opened in May 2026
/// is AMCAS 2027. ERAS names a season by the Match it leads to (ERAS 2027: residency from July 2027).
public enum ApplicationFormats {
    public enum AMCAS {
        private static var rules: DomainRules { .shipped }
        /// The year the current cycle opened (in May).
        public static var openingYear: Int { rules.number(.amcasOpeningYear) }
        /// AMCAS names a cycle by its entry year: the cycle opening in May of year Y is "AMCAS Y+1".
        public static func cycleName(openingYear: Int) -> String { "AMCAS \(openingYear + 1)" }
        public static var season: String {
            "\(cycleName(openingYear: openingYear)) (the cycle that opened in May \(openingYear), for entry in \(openingYear + 1))"
        }
        /// Where the limits were read, and when.
        public static var readFrom: String {
            let rule = rules[.amcasMaximumEntries]
            return "the AMCAS Applicant Guide's Work and Activities chapter (\(rule.source ?? "no source")), checked \(rule.checked)"
        }
        public static var maximumEntries: Int { rules.number(.amcasMaximumEntries) }
        public static var maximumDescription: Int { rules.number(.amcasMaximumDescription) }
        public static var maximumMostMeaningful: Int { rules.number(.amcasMaximumMostMeaningful) }
        public static var maximumMostMeaningfulExtra: Int { rules.number(.amcasMostMeaningfulExtra) }
        public static var maximumDateRanges: Int { rules.number(.amcasMaximumDateRanges) }
        /// Nil while the rules file does not know whether AMCAS requires one.
        public static var minimumMostMeaningful: Int? { rules.knownNumber(.amcasMinimumMostMeaningful) }
    }

    public enum ERAS {
        private static var rules: DomainRules { .shipped }
        public static var season: String { rules.text(.erasSeason) }
        /// The AAMC has not yet published ERAS 2027 pages for these limits; the file says which season's were read.
        public static var readFrom: String {
            let rule = rules[.erasMaximumEntries]
            return "\(rule.holdsFor) (\(rule.source ?? "no source")), checked \(rule.checked)"
        }
        public static var maximumEntries: Int { rules.number(.erasMaximumEntries) }
        public static var maximumDescription: Int { rules.number(.erasMaximumDescription) }
        public static var maximumMostMeaningful: Int { rules.number(.erasMaximumMostMeaningful) }
        public static var maximumReflection: Int { rules.number(.erasMaximumReflection) }
    }
}

/// The 19 AMCAS Work/Activities experience types. Raw values are stored.
public enum AMCASExperienceType: String, CaseIterable, Codable, Sendable {
    case artisticEndeavors = "artistic_endeavors"
    case volunteerClinical = "community_service_clinical"
    case volunteerNonClinical = "community_service_not_clinical"
    case conferencesAttended = "conferences_attended"
    case extracurricular = "extracurricular_activities"
    case hobbies
    case honors = "honors_awards_recognitions"
    case intercollegiateAthletics = "intercollegiate_athletics"
    case leadership = "leadership_not_listed_elsewhere"
    case militaryService = "military_service"
    case other
    case paidClinical = "paid_employment_clinical"
    case paidNonClinical = "paid_employment_not_clinical"
    case shadowing = "physician_shadowing_clinical_observation"
    case presentations = "presentations_posters"
    case publications
    case research = "research_lab"
    case socialJustice = "social_justice_advocacy"
    case teaching = "teaching_tutoring_teaching_assistant"

    /// The name AMCAS shows.
    public var displayName: String { DomainRules.shipped.name(.amcasExperienceTypes, id: self.rawValue) }

    /// Experience with patients: what counts towards US clinical experience.
    public var isClinical: Bool { [.volunteerClinical, .paidClinical, .shadowing].contains(self) }

    /// The ERAS type an applicant would most likely pick for the same experience (the form suggests it).
    public var suggestedERASType: ERASExperienceType {
        switch self {
        case .shadowing: .educationTraining
        case .volunteerClinical, .volunteerNonClinical, .socialJustice: .volunteerServiceAdvocacy
        case .paidClinical, .paidNonClinical: .work
        case .research, .publications, .presentations: .research
        case .teaching: .teachingMentoring
        case .militaryService: .militaryService
        case .conferencesAttended: .professionalOrganization
        case .artisticEndeavors, .extracurricular, .hobbies, .intercollegiateAthletics, .leadership, .honors, .other: .extracurricular
        }
    }
}

/// The 8 ERAS experience types.
public enum ERASExperienceType: String, CaseIterable, Codable, Sendable {
    case educationTraining = "education_training"
    case militaryService = "military_service"
    case professionalOrganization = "professional_organization"
    case extracurricular = "other_extracurricular"
    case research
    case teachingMentoring = "teaching_mentoring"
    case volunteerServiceAdvocacy = "volunteer_service_advocacy"
    case work

    public var displayName: String { DomainRules.shipped.name(.erasExperienceTypes, id: self.rawValue) }
}

/// The ERAS setting of an experience.
public enum ERASSetting: String, CaseIterable, Codable, Sendable {
    case rural, suburban, urban
    public var displayName: String { DomainRules.shipped.name(.erasSettings, id: self.rawValue) }
}

/// ERAS primary focus areas (optional per entry).
public enum ERASFocusArea: String, CaseIterable, Codable, Sendable {
    case basicScience = "basic_science"
    case clinicalScience = "clinical_translational_science"
    case community = "community_involvement_outreach"
    case customerService = "customer_service"
    case administration = "healthcare_administration"
    case access = "improving_access_to_health_care"
    case medicalEducation = "medical_education"
    case arts = "music_athletics_art"
    case wellness = "promoting_wellness"
    case publicHealth = "public_health"
    case qualityImprovement = "quality_improvement"
    case socialJustice = "social_justice_advocacy"

    public var displayName: String { DomainRules.shipped.name(.erasFocusAreas, id: self.rawValue) }
}

extension OpportunityType {
    /// How a completed placement of this type is filed in the portfolio.
    public var experienceTypes: (amcas: AMCASExperienceType, eras: ERASExperienceType) {
        switch self {
        case .research: (.research, .research)
        case .volunteering: (.volunteerClinical, .volunteerServiceAdvocacy)
        case .scribing, .cna, .emt: (.paidClinical, .work)
        case .observership, .clinicalElective, .externship, .subInternship, .shadowing: (.shadowing, .educationTraining)
        }
    }
}

/// How often the applicant took part in an experience, which MyERAS asks for every entry ("frequency of
/// participation"); names and source in the rules file (eras.frequencies).
public enum ERASFrequency: String, CaseIterable, Codable, Sendable {
    case oneTime = "one_time"
    case daily, weekly, monthly, quarterly, annually

    public static var source: String { DomainRules.shipped[.erasFrequencies].source ?? "" }

    public var displayName: String { DomainRules.shipped.name(.erasFrequencies, id: self.rawValue) }
}

/// The key characteristic an ERAS entry shows, one per entry and optional ("as applicable" in the AAMC's
/// words, on the page `source.field`). The option list was read from a guide quoting the MyERAS form
/// (rules file, eras.key_characteristics): the AAMC's public pages do not list the options.
public enum ERASKeyCharacteristic: String, CaseIterable, Codable, Sendable {
    case communication
    case criticalThinking = "critical_thinking_problem_solving"
    case culturalHumility = "cultural_humility_awareness"
    case empathy = "empathy_compassion"
    case ethicalResponsibility = "ethical_responsibility"
    case ingenuity = "ingenuity_innovation"
    case reliability = "reliability_dependability"
    case resilience = "resilience_adaptability"
    case selfReflection = "self_reflection_improvement"
    case teamwork = "teamwork_leadership"

    public static var source: (field: String, options: String, confidence: String, checked: String) {
        let rule = DomainRules.shipped[.erasKeyCharacteristics]
        return (DomainRules.shipped[.erasExperienceTypes].source ?? "", rule.source ?? "", rule.confidence.rawValue, rule.checked)
    }

    public var displayName: String { DomainRules.shipped.name(.erasKeyCharacteristics, id: self.rawValue) }
}
