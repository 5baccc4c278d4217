/// The controlled list of clinical specialties used by profiles, opportunities and programs.
public struct Specialty: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier stored in the database and used in URLs, e.g. `internal-medicine`.
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// Looks up a specialty by its identifier.
    public static func find(_ id: String) -> Specialty? { byID[id] }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Every specialty, in display order.
    public static let all: [Specialty] = [
        ("allergy-immunology", "Allergy and Immunology"),
        ("anesthesiology", "Anesthesiology"),
        ("cardiology", "Cardiology"),
        ("cardiothoracic-surgery", "Cardiothoracic Surgery"),
        ("child-neurology", "Child Neurology"),
        ("child-psychiatry", "Child and Adolescent Psychiatry"),
        ("colorectal-surgery", "Colon and Rectal Surgery"),
        ("critical-care", "Critical Care Medicine"),
        ("dermatology", "Dermatology"),
        ("diagnostic-radiology", "Diagnostic Radiology"),
        ("emergency-medicine", "Emergency Medicine"),
        ("endocrinology", "Endocrinology"),
        ("family-medicine", "Family Medicine"),
        ("gastroenterology", "Gastroenterology"),
        ("general-surgery", "General Surgery"),
        ("geriatrics", "Geriatric Medicine"),
        ("hematology-oncology", "Hematology and Oncology"),
        ("hospital-medicine", "Hospital Medicine"),
        ("infectious-disease", "Infectious Disease"),
        ("internal-medicine", "Internal Medicine"),
        ("interventional-radiology", "Interventional Radiology"),
        ("medical-genetics", "Medical Genetics"),
        ("neonatology", "Neonatology"),
        ("nephrology", "Nephrology"),
        ("neurological-surgery", "Neurological Surgery"),
        ("neurology", "Neurology"),
        ("nuclear-medicine", "Nuclear Medicine"),
        ("obstetrics-gynecology", "Obstetrics and Gynecology"),
        ("ophthalmology", "Ophthalmology"),
        ("orthopaedic-surgery", "Orthopaedic Surgery"),
        ("otolaryngology", "Otolaryngology"),
        ("pain-medicine", "Pain Medicine"),
        ("palliative-care", "Hospice and Palliative Medicine"),
        ("pathology", "Pathology"),
        ("pediatrics", "Pediatrics"),
        ("physical-medicine", "Physical Medicine and Rehabilitation"),
        ("plastic-surgery", "Plastic Surgery"),
        ("preventive-medicine", "Preventive Medicine"),
        ("psychiatry", "Psychiatry"),
        ("pulmonology", "Pulmonary Medicine"),
        ("radiation-oncology", "Radiation Oncology"),
        ("rheumatology", "Rheumatology"),
        ("sleep-medicine", "Sleep Medicine"),
        ("sports-medicine", "Sports Medicine"),
        ("transitional-year", "Transitional Year"),
        ("urology", "Urology"),
        ("vascular-surgery", "Vascular Surgery"),
    ].map { Specialty(id: $0.0, name: $0.1) }
}
