import Testing

@testable import RoundsCore

@Suite struct ApplicationDraftTests {
    let statement = String(repeating: "I want to learn inpatient medicine. ", count: 3)

    @Test func aCompleteApplicationPasses() {
        let draft = ApplicationDraft(statement: self.statement, documentKinds: [.cv, .immunizationRecord], confirmedRequirements: [.immunizations])
        #expect(draft.checkForSubmission(requirements: [.immunizations]).isValid)
    }

    @Test func everyListedRequirementMustBeConfirmedAndProven() {
        let draft = ApplicationDraft(statement: self.statement, documentKinds: [.cv], confirmedRequirements: [.insurance])
        let report = draft.checkForSubmission(requirements: [.immunizations, .backgroundCheck, .insurance, .englishTest])
        #expect(
            report.errors.map(\.message) == [
                "Confirm that you meet the requirement: Immunization records.",
                "Attach your immunization record (Immunization records is required).",
                "Confirm that you meet the requirement: Background check.",
                "Attach your proof of insurance (Health and liability insurance is required).",
                "Confirm that you meet the requirement: English test (e.g. TOEFL, OET).",
                "Attach your English test result (English test (e.g. TOEFL, OET) is required).",
            ]
        )
    }

    @Test func theStatementHasAFloorAndACeiling() {
        let short = ApplicationDraft(statement: "  Hi  ", documentKinds: [], confirmedRequirements: [])
        #expect(short.checkForSaving().isValid)
        #expect(short.checkForSubmission(requirements: []).message(for: "statement")?.hasPrefix("Write a statement of at least 50") == true)
        let long = ApplicationDraft(
            statement: String(repeating: "a", count: ApplicationDraft.maximumStatementLength + 1), documentKinds: [], confirmedRequirements: []
        )
        #expect(long.checkForSaving().message(for: "statement") == "The statement is 3001 characters; the limit is 3000.")
    }

    @Test func atMostTenDocuments() {
        let draft = ApplicationDraft(statement: self.statement, documentKinds: Array(repeating: .other, count: 11), confirmedRequirements: [])
        #expect(draft.checkForSaving().message(for: "document_ids") == "Attach at most 10 documents.")
    }
}
