import Testing

@testable import RoundsCore

/// Every identifier type with text that must be caught and text that must pass, and a labelled set for
/// precision and recall (published in docs/PORTFOLIO.md).
@Suite struct IdentifierGuardTests {
    static func types(_ text: String) -> [IdentifierType] { IdentifierGuard.scan(text).map(\.type) }

    @Test(arguments: [
        ("Saw Mrs. Alvarez in clinic for her diabetes follow-up.", IdentifierType.name, "Alvarez"),
        ("The patient John Carter described his chest pain.", .name, "John Carter"),
        ("Admitted on 3/14/2025 with pneumonia.", .date, "3/14/2025"),
        ("She was discharged on March 14th after three days.", .date, "March 14th"),
        ("Surgery was scheduled for 2025-06-02.", .date, "2025-06-02"),
        ("A 94-year-old woman with hip fracture.", .age, "94"),
        ("Patient aged 101 was alert and oriented.", .age, "101"),
        ("Her daughter left the number 617-555-0143 at the desk.", .phone, "617-555-0143"),
        ("Call (212) 555-0199 for results.", .phone, "(212) 555-0199"),
        ("Records were faxed to fax: 617.555.0100 yesterday.", .fax, "617.555.0100"),
        ("His email was jcarter@example.com.", .email, "jcarter@example.com"),
        ("SSN 123-45-6789 was on the form.", .ssn, "123-45-6789"),
        ("MRN: 00482913 was written on the chart.", .medicalRecordNumber, "00482913"),
        ("Insurance member ID 88420017 was missing.", .accountNumber, "88420017"),
        ("He lives at 42 Elm Street in town.", .address, "42 Elm Street"),
        ("Her home is in Boston, MA 02114 near the hospital.", .zipCode, "02114"),
        ("See https://example.org/patients/123 for the photo.", .url, "https://example.org/patients/123"),
        ("The monitor at 192.168.10.24 alarmed.", .ipAddress, "192.168.10.24"),
        ("Pacemaker serial: PM448210 was recorded.", .deviceNumber, "PM448210"),
        ("His driver's license number D1234567 was copied.", .licenseNumber, "D1234567"),
        ("Mail went to PO Box 1842 instead.", .address, "PO Box 1842"),
        ("The follow-up was booked for 14 March 2025.", .date, "14 March 2025"),
        ("A 92 yo man declined dialysis.", .age, "92"),
    ])
    func eachTypeIsCaughtWithItsSpan(text: String, type: IdentifierType, expected: String) throws {
        let spans = IdentifierGuard.scan(text)
        let span = try #require(spans.first { $0.type == type }, "\(type) not found in: \(text) (found \(spans))")
        #expect(span.text == expected)
        let characters = Array(text)
        #expect(String(characters[span.start..<span.end]) == expected)
    }

    @Test(arguments: [
        "I shadowed Dr. Patel on the cardiology service and learned to read ECGs.",
        "We saw a man in his sixties with heart failure; his ejection fraction was 35%.",
        "In March 2025 I logged 40 hours in the emergency department.",
        "The patient was started on metoprolol 25 mg twice daily and furosemide 40 mg IV.",
        "Blood pressure was 142/88 and heart rate 96; oxygen saturation 94% on room air.",
        "An 89-year-old man with dementia taught me about goals-of-care conversations.",
        "The patient and her family asked how long recovery would take.",
        "I spent 12 weeks on inpatient rounds at a community hospital in Ohio.",
        "Patient education about insulin took most of the afternoon.",
        "We reviewed 3 of 4 chest X-rays together and discussed the 2024 guidelines.",
        "Creatinine rose from 1.2 to 2.4 mg/dL over 48 hours.",
        "I called Dr. Lee about the patient's potassium.",
    ])
    func ordinaryClinicalReflectionsPass(text: String) {
        #expect(IdentifierGuard.scan(text).isEmpty, "\(IdentifierGuard.scan(text))")
    }

    @Test func offsetsCountCharactersNotBytes() {
        let text = "Café notes: Mrs. Núñez called 617-555-0143."
        let spans = IdentifierGuard.scan(text)
        let phone = spans.first { $0.type == .phone }
        #expect(phone?.start == 30)
        #expect(phone?.end == 42)
        #expect(spans.first { $0.type == .name }?.text == "Núñez")
    }

    /// Sentences labelled by hand with the identifier types they contain (empty: none). Precision and
    /// recall are counted per (sentence, type).
    static let labelled: [(String, Set<IdentifierType>)] = [
        ("Mr. Okafor, 72, came in with shortness of breath on 4/2.", [.name, .date]),
        ("I followed a 91 yo woman through her rehab stay.", [.age]),
        ("The nurse gave me the family's number, 312-555-0181, for follow-up.", [.phone]),
        ("Her MRN 7731-22 was on every lab slip.", [.medicalRecordNumber]),
        ("We discussed the case by email with rcoleman@hospital.org.", [.email]),
        ("He was admitted January 5 and discharged January 9.", [.date]),
        ("Patient Maria Lopez consented to my observing her delivery.", [.name]),
        ("The family lives at 1200 Lake Shore Drive, apartment 4B.", [.address]),
        ("Home ZIP code 60611 was in the intake form.", [.zipCode]),
        ("The ventilator's serial number: VX-20931 was logged.", [.deviceNumber]),
        ("Photos were uploaded to www.example.com/case42 by mistake.", [.url]),
        ("Her policy number 55501234 covered the stay.", [.accountNumber]),
        ("I shadowed in the ICU for six weeks and kept a log of 120 hours.", []),
        ("A woman in her seventies with COPD exacerbation taught me about inhaler technique.", []),
        ("Dr. Nguyen showed me how to present a patient on rounds.", []),
        ("The team adjusted heparin to a goal aPTT of 60 to 80 seconds.", []),
        ("During my 2024 summer observership I saw 30 clinic visits a week.", []),
        ("He was 89 and still gardening every day.", []),
        ("A 93-year-old veteran told me about his service.", [.age]),
        ("We met on 12/03/2024 to review the discharge plan.", [.date]),
        ("The pharmacist called 800-555-0123 to confirm the dose.", [.phone]),
        ("The patient's SSN 987-65-4321 was visible on the screen.", [.ssn]),
        ("Monitoring server 10.0.0.15 lost the telemetry feed.", [.ipAddress]),
        ("Her nursing license no. RN482211 was checked at orientation.", [.licenseNumber]),
        ("Mrs. Chen asked me to explain her new diagnosis.", [.name]),
        ("I learned to take a history in Spanish with an interpreter.", []),
        ("Patient safety huddles started at 7 every morning.", []),
        ("Vital signs: temperature 38.4, pulse 110, respiratory rate 22.", []),
        ("The case conference on March 3 focused on sepsis bundles.", [.date]),
        ("Called the patient Robert at home to check on his wound.", [.name]),
        // Issue 17: forms the outside review found missed, and false alarms it found.
        ("The patient, Jonah Whitfield, asked whether he could go home.", [.name]),
        ("Her son Marcus Bell called the unit every evening.", [.name]),
        ("The patient, Elena, asked me to sit with her.", [.name]),
        ("His MRN is 44817265, which I copied into my notes by mistake.", [.medicalRecordNumber]),
        ("Her Medicare number 1EG4-TE5-MK73 was on the face sheet.", [.accountNumber]),
        ("The last four digits of his SSN were 4821.", [.ssn]),
        ("The pump's serial no. SN88213 was written on the chart.", [.deviceNumber]),
        ("His licence plate 7KJD392 was on the police report.", [.licenseNumber]),
        ("The crash report listed VIN 1HGCM82633A004352.", [.licenseNumber]),
        ("Social work opened case #2023-00412 for the family.", [.accountNumber]),
        ("The insurer denied claim number 88451297 twice.", [.accountNumber]),
        ("A man in his late 90s taught me about patience.", [.age]),
        ("She gave 1/2 tablet of lorazepam at bedtime.", []),
        ("We infused 1/2 normal saline overnight.", []),
        ("The son of the patient thanked the team.", []),
        ("Patient education handouts were in Spanish and English.", []),
    ]

    static func score() -> (precision: Double, recall: Double, truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for (text, expected) in Self.labelled {
            let found = Set(Self.types(text))
            truePositives += found.intersection(expected).count
            falsePositives += found.subtracting(expected).count
            falseNegatives += expected.subtracting(found).count
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        return (precision, recall, truePositives, falsePositives, falseNegatives)
    }

    @Test func precisionAndRecallOnTheLabelledSet() {
        let score = Self.score()
        for (text, expected) in Self.labelled where Set(Self.types(text)) != expected {
            Issue.record("\(text): expected \(expected.map(\.rawValue).sorted()), found \(Self.types(text).map(\.rawValue))")
        }
        // Printed for docs/PORTFOLIO.md.
        print("identifier guard, labelled set: \(Self.labelled.count) sentences, TP \(score.truePositives), FP \(score.falsePositives), FN \(score.falseNegatives), precision \(score.precision), recall \(score.recall)")
        #expect(score.recall >= 0.95)
        #expect(score.precision >= 0.9)
    }
}
