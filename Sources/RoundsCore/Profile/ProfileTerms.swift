/// Where an applicant stands on the path to US medicine.
public enum Track: String, CaseIterable, Codable, Sendable {
    case preMed = "pre_med"
    case imgStudent = "img_student"
    case imgGraduate = "img_graduate"
    case usStudent = "us_student"

    public var displayName: String {
        switch self {
        case .preMed: "Pre-medical student"
        case .imgStudent: "International medical student"
        case .imgGraduate: "International medical graduate"
        case .usStudent: "US medical student"
        }
    }

    /// International medical students and graduates (IMGs).
    public var isIMG: Bool { self == .imgStudent || self == .imgGraduate }
}

/// The applicant's USMLE Step 1 outcome (reported pass/fail since January 2022).
public enum Step1Result: String, CaseIterable, Codable, Sendable {
    case notTaken = "not_taken"
    case passed
    case failed

    public var displayName: String {
        switch self {
        case .notTaken: "Not taken yet"
        case .passed: "Passed"
        case .failed: "Failed"
        }
    }
}

/// Progress toward ECFMG certification, which IMGs need to enter US graduate medical education.
public enum ECFMGStatus: String, CaseIterable, Codable, Sendable {
    case notApplicable = "not_applicable"
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case certified

    public var displayName: String {
        switch self {
        case .notApplicable: "Not applicable"
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .certified: "Certified"
        }
    }
}

/// The applicant's permission to be in the United States.
public enum VisaStatus: String, CaseIterable, Codable, Sendable {
    case usCitizen = "us_citizen"
    case permanentResident = "permanent_resident"
    case b1b2 = "b1_b2"
    case j1 = "j1"
    case h1b = "h1b"
    case f1 = "f1"
    case otherWorkAuthorization = "other_work_authorization"
    case needsVisa = "needs_visa"

    public var displayName: String {
        switch self {
        case .usCitizen: "US citizen"
        case .permanentResident: "Permanent resident (green card)"
        case .b1b2: "B1/B2 visitor visa"
        case .j1: "J-1 exchange visitor"
        case .h1b: "H-1B"
        case .f1: "F-1 student"
        case .otherWorkAuthorization: "Other work authorization (EAD)"
        case .needsVisa: "Will need a visa"
        }
    }

    /// US citizens and permanent residents need no visa to train; everyone else does.
    public var needsVisaToTrain: Bool { self != .usCitizen && self != .permanentResident }
}
