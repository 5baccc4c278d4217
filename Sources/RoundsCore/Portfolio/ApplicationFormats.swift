/// The limits and vocabularies of the two application services Rounds exports to. One file, so a new
/// season's changes are made in one place.
///
/// AMCAS names a cycle by the year its applicants start medical school: the cycle that opened in May 2026
/// is AMCAS 2027. ERAS names a season by the Match it leads to (ERAS 2027: residency from July 2027).
///
/// AMCAS (medical school, the cycle opened in May 2026 for entry in 2027): the AMCAS Applicant Guide, Work and
/// Activities section, https://students-residents.aamc.org/applying-medical-school-amcas/publication-chapters/work-and-activities
/// — 15 entries, 700-character descriptions, up to 3 most meaningful with 1,325 more characters, up to
/// 4 date ranges per entry with completed and anticipated hours, and 19 experience types (Social
/// Justice/Advocacy since the 2024 cycle).
///
/// ERAS (residency, season 2026 for July 2027 starts): "Experiences" chapter of the MyERAS applicant
/// guide, https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/experience
/// — 10 entries, 750-character descriptions, up to 3 most meaningful with a 300-character reflection,
/// 8 experience types, and setting, frequency, focus area and key characteristic per entry. The settings
/// (rural, suburban, urban) and frequencies are those AAMC lists in "What's new in the 2024 MyERAS
/// application", https://students-residents.aamc.org/applying-residencies-eras/what-s-new-2024-myeras-application.
public enum ApplicationFormats {
    public enum AMCAS {
        /// The year the current cycle opened (in May).
        public static let openingYear = 2026
        /// AMCAS names a cycle by its entry year: the cycle opening in May of year Y is "AMCAS Y+1".
        public static func cycleName(openingYear: Int) -> String { "AMCAS \(openingYear + 1)" }
        public static var season: String {
            "\(cycleName(openingYear: openingYear)) (the cycle that opened in May \(openingYear), for entry in \(openingYear + 1))"
        }
        /// Where the limits were read, and when.
        public static let readFrom = "the AMCAS Applicant Guide's Work and Activities chapter, checked 2026-12-02"
        public static let maximumEntries = 15
        public static let maximumDescription = 700
        public static let maximumMostMeaningful = 3
        public static let maximumMostMeaningfulExtra = 1_325
        public static let maximumDateRanges = 4
    }

    public enum ERAS {
        public static let season = "ERAS 2027 (residency starting July 2027)"
        /// The AAMC has not yet published ERAS 2027 pages for these limits; they were read from the 2025 season's.
        public static let readFrom = "the MyERAS applicant guide pages of the 2025 season (the newest the AAMC has published), checked 2026-12-02"
        public static let maximumEntries = 10
        public static let maximumDescription = 750
        public static let maximumMostMeaningful = 3
        public static let maximumReflection = 300
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
    public var displayName: String {
        switch self {
        case .artisticEndeavors: "Artistic Endeavors"
        case .volunteerClinical: "Community Service/Volunteer - Medical/Clinical"
        case .volunteerNonClinical: "Community Service/Volunteer - Not Medical/Clinical"
        case .conferencesAttended: "Conferences Attended"
        case .extracurricular: "Extracurricular Activities"
        case .hobbies: "Hobbies"
        case .honors: "Honors/Awards/Recognitions"
        case .intercollegiateAthletics: "Intercollegiate Athletics"
        case .leadership: "Leadership - Not Listed Elsewhere"
        case .militaryService: "Military Service"
        case .other: "Other"
        case .paidClinical: "Paid Employment - Medical/Clinical"
        case .paidNonClinical: "Paid Employment - Not Medical/Clinical"
        case .shadowing: "Physician Shadowing/Clinical Observation"
        case .presentations: "Presentations/Posters"
        case .publications: "Publications"
        case .research: "Research/Lab"
        case .socialJustice: "Social Justice/Advocacy"
        case .teaching: "Teaching/Tutoring/Teaching Assistant"
        }
    }

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

    public var displayName: String {
        switch self {
        case .educationTraining: "Education/training"
        case .militaryService: "Military service"
        case .professionalOrganization: "Professional organization"
        case .extracurricular: "Other extracurricular activity, club, hobby"
        case .research: "Research"
        case .teachingMentoring: "Teaching/mentoring"
        case .volunteerServiceAdvocacy: "Volunteer/service/advocacy"
        case .work: "Work"
        }
    }
}

/// The ERAS setting of an experience.
public enum ERASSetting: String, CaseIterable, Codable, Sendable {
    case rural, suburban, urban
    public var displayName: String {
        switch self {
        case .rural: "Rural"
        case .suburban: "Suburban"
        case .urban: "Urban"
        }
    }
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

    public var displayName: String {
        switch self {
        case .basicScience: "Basic science"
        case .clinicalScience: "Clinical/translational science"
        case .community: "Community involvement/outreach"
        case .customerService: "Customer service"
        case .administration: "Healthcare administration"
        case .access: "Improving access to health care"
        case .medicalEducation: "Medical education"
        case .arts: "Music, athletics, art"
        case .wellness: "Promoting wellness"
        case .publicHealth: "Public health"
        case .qualityImprovement: "Quality improvement"
        case .socialJustice: "Social justice and advocacy"
        }
    }
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
/// participation"). Source: the AAMC's description of the MyERAS experiences section,
/// https://students-residents.aamc.org/applying-residencies-eras/what-s-new-2024-myeras-application and
/// https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/experience (primary,
/// checked 2026-12-02; the AAMC lists these options as examples).
public enum ERASFrequency: String, CaseIterable, Codable, Sendable {
    case oneTime = "one_time"
    case daily, weekly, monthly, quarterly, annually

    public static let source = "https://students-residents.aamc.org/applying-residencies-eras/what-s-new-2024-myeras-application"

    public var displayName: String {
        switch self {
        case .oneTime: "One time"
        case .daily: "Daily"
        case .weekly: "Weekly"
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .annually: "Annually"
        }
    }
}

/// The key characteristic an ERAS entry shows, one per entry and optional ("as applicable" in the AAMC's
/// words, https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/experience,
/// primary for the field). The option list was read from a guide quoting the MyERAS form
/// (https://forums.studentdoctor.net/threads/make-the-most-of-your-experiences-for-eras.1484409/,
/// secondary, checked 2026-12-02): the AAMC's public pages do not list the options.
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

    public static let source = (
        field: "https://students-residents.aamc.org/applying-residencies-eras/publication-chapters/experience",
        options: "https://forums.studentdoctor.net/threads/make-the-most-of-your-experiences-for-eras.1484409/",
        confidence: "secondary", checked: "2026-12-02"
    )

    public var displayName: String {
        switch self {
        case .communication: "Communication"
        case .criticalThinking: "Critical thinking and problem solving"
        case .culturalHumility: "Cultural humility and awareness"
        case .empathy: "Empathy and compassion"
        case .ethicalResponsibility: "Ethical responsibility"
        case .ingenuity: "Ingenuity and innovation"
        case .reliability: "Reliability and dependability"
        case .resilience: "Resilience and adaptability"
        case .selfReflection: "Self-reflection and improvement"
        case .teamwork: "Teamwork and leadership"
        }
    }
}
