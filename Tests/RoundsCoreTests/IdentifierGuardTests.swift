import Foundation
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
        ("Insurance member ID 88420017 was missing.", .healthPlanNumber, "88420017"),
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

    /// The writer's own name and their supervisors' may appear; the same name written by anyone else is caught.
    @Test func allowedNamesPass() {
        let text = "Maria Lopez showed me how to present a patient, and I thanked Omar Haddad for his feedback."
        #expect(Set(IdentifierGuard.scan(text).map(\.text)) == ["Maria Lopez", "Omar Haddad"])
        #expect(IdentifierGuard.scan(text, allowing: ["Dr. Maria Lopez", "Omar Haddad"]).isEmpty)
        let draft = ExperienceDraft.withDescription("Omar Haddad let me read echocardiograms with him.", supervisor: "Dr. Omar Haddad")
        #expect(draft.errors(allowing: []).isEmpty)
        #expect(!ExperienceDraft.withDescription("Omar Haddad let me read echocardiograms with him.", supervisor: "Dr. Lee").errors(allowing: []).isEmpty)
        #expect(ExperienceDraft.withDescription("Amara Okafor kept this log.", supervisor: "").errors(allowing: ["Amara Okafor"]).isEmpty)
    }

    static func labelledSet() throws -> [IdentifierEvaluation.Sentence] {
        let url = try #require(Bundle.module.url(forResource: "identifier-set", withExtension: "txt", subdirectory: "Resources"))
        return try IdentifierEvaluation.parse(String(contentsOf: url, encoding: .utf8))
    }

    /// The labelled set (Resources/identifier-set.txt, at least 400 sentences, half with identifiers):
    /// the goals of issue 17, overall and per category.
    @Test func precisionAndRecallOnTheLabelledSet() throws {
        let sentences = try Self.labelledSet()
        #expect(sentences.count >= 400)
        #expect(sentences.filter { !$0.labels.isEmpty }.count * 2 >= sentences.count)
        let score = IdentifierEvaluation.guardScore(sentences)
        for (sentence, mark) in score.misses {
            let text = Array(sentence.text.unicodeScalars)[mark.start..<mark.end].map(String.init).joined()
            Issue.record("line \(sentence.line): missed \(mark.type) “\(text)” in: \(sentence.text)")
        }
        for (sentence, span) in score.falseAlarms {
            let text = Array(sentence.text.unicodeScalars)[span.start..<span.end].map(String.init).joined()
            Issue.record("line \(sentence.line): false \(span.type) “\(text)” in: \(sentence.text)")
        }
        #expect((score.total.recall ?? 0) >= 0.95)
        #expect((score.total.precision ?? 0) >= 0.90)
        for row in score.rows.values where row.labelled > 0 {
            #expect((row.recall ?? 0) >= 0.90, "recall of \(row.category): \(row.found) of \(row.labelled)")
        }
    }
}


extension ExperienceDraft {
    fileprivate static func withDescription(_ description: String, supervisor: String) -> ExperienceDraft {
        var draft = ExperienceDraft()
        draft.title = "Observer"
        draft.organization = "Fictional Heart Institute"
        draft.country = "United States"
        draft.amcasType = "physician_shadowing_clinical_observation"
        draft.supervisorName = supervisor
        draft.description = description
        draft.ranges = [.init(start: "2026-01-05", end: "2026-01-30", priorHours: "20", anticipatedHours: "")]
        return draft
    }

    /// The description's errors only.
    fileprivate func errors(allowing names: [String]) -> [FieldError] {
        guard case .failure(let report) = self.check(today: Day(iso: "2026-12-02")!, allowing: names) else { return [] }
        return report.errors.filter { $0.field == "description" }
    }
}
