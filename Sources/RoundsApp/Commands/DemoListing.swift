import RoundsCore

/// Title, specialty and description of a demo opportunity, as such listings are written: pre-medical roles
/// (EMT, CNA, scribe, volunteer) name the department they work in, not a residency specialty; electives,
/// observerships, externships, sub-internships and research name their specialty. Still fictional.
struct DemoListing {
    var title: String
    var specialty: Specialty
    var description: String

    /// Departments pre-medical roles work in, with the specialty the catalog files them under.
    static let roleDepartments: [OpportunityType: [(department: String, specialty: String)]] = [
        .emt: [("Emergency Department", "emergency-medicine"), ("Ambulance Service", "emergency-medicine")],
        .cna: [("Geriatric Unit", "geriatrics"), ("Medical-Surgical Floor", "hospital-medicine"), ("Rehabilitation Unit", "physical-medicine")],
        .scribing: [
            ("Emergency Department", "emergency-medicine"), ("Dermatology Clinic", "dermatology"), ("Orthopaedic Clinic", "orthopaedic-surgery"),
            ("Family Medicine Clinic", "family-medicine"),
        ],
        .volunteering: [
            ("Pediatric Ward", "pediatrics"), ("Hospice", "palliative-care"), ("Free Clinic", "family-medicine"), ("Cancer Center", "hematology-oncology"),
        ],
    ]

    /// The listing for the `index`th demo opportunity of `type` at `site`; `specialtyIndex` walks the specialty
    /// list for the types that name one, so every specialty appears.
    static func make(type: OpportunityType, siteName: String, city: String, state: String, index: Int, specialtyIndex: Int) -> DemoListing {
        let place = "\(siteName) in \(city), \(state)"
        if let departments = Self.roleDepartments[type] {
            let (department, specialtyID) = departments[index % departments.count]
            let specialty = Specialties.rotation.find(specialtyID) ?? Specialties.rotation.all[0]
            let role = [
                OpportunityType.emt: "Emergency Medical Technician (EMT)", .cna: "Certified Nursing Assistant (CNA)", .scribing: "Medical Scribe",
                .volunteering: "Volunteer",
            ][type]!
            let duty: String
            switch type {
            case .emt: duty = "Respond with paramedics and emergency physicians, take vital signs, and hand over patients at the bedside. An active EMT certification is required."
            case .cna: duty = "Help patients with mobility, meals and daily care under the nursing team, and record vital signs. A state CNA certificate is required."
            case .scribing: duty = "Document visits in real time beside the physician and learn how clinical decisions are made and recorded. Typing of 50 words a minute is expected."
            default: duty = "Welcome families, run errands between units, and keep patients company. Regular weekly shifts; no clinical duties."
            }
            return DemoListing(
                title: "\(role), \(department)", specialty: specialty,
                description: "\(duty) Shifts at \(place). This is demonstration data: the institution is fictional."
            )
        }
        let specialty = Specialties.rotation.all[specialtyIndex % Specialties.rotation.all.count]
        let what: String
        switch type {
        case .research:
            what = ["Contribute to a retrospective chart review and a case report", "Help with data collection for an ongoing clinical trial", "Join weekly journal club and assist with a quality-improvement project"][index % 3]
        case .observership:
            what = ["Observe attending physicians in clinic and on rounds, and attend teaching conferences", "Follow the inpatient consult service and present one case at the end", "Observe procedures and outpatient visits; no direct patient care"][index % 3]
        case .shadowing:
            what = "Shadow a physician for a few days of clinic and see how the specialty works day to day"
        default:
            what = ["Take part in patient care under supervision as a member of the team", "Admit and follow patients with the residents and present on rounds", "Work up patients in clinic and on the wards, with evaluations from the attending"][index % 3]
        }
        return DemoListing(
            title: "\(type.displayName) in \(specialty.name)", specialty: specialty,
            description: "\(what) with the \(specialty.name.lowercased()) team at \(place). This is demonstration data: the institution is fictional."
        )
    }
}
