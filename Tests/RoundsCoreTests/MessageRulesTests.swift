import Testing

@testable import RoundsCore

@Suite struct MessageRulesTests {
    @Test func aMessageIsTrimmedAndItsLineBreaksUnified() throws {
        #expect(try MessageDraft(body: "  Hello,\r\nsee you Monday.\r \n").check(allowing: []).get() == "Hello,\nsee you Monday.")
    }

    @Test func emptyLongAndControlCharactersAreRefused() {
        for body in ["", "   \n\t ", String(repeating: "a", count: MessageDraft.limit + 1), "bell\u{7}", "nul\u{0}"] {
            #expect(throws: ValidationReport.self) { try MessageDraft(body: body).check(allowing: []).get() }
        }
        #expect((try? MessageDraft(body: String(repeating: "é", count: MessageDraft.limit)).check(allowing: []).get()) != nil)
        #expect((try? MessageDraft(body: "Tab\tand\nnewline").check(allowing: []).get()) != nil)
        // The limit counts the text as sent, blank space around it included; a CR LF counts once, as the form shows it.
        #expect(throws: ValidationReport.self) { try MessageDraft(body: "Hello" + String(repeating: "\u{0B}", count: MessageDraft.limit)).check(allowing: []).get() }
        #expect((try? MessageDraft(body: String(repeating: "a\r\n", count: MessageDraft.limit / 2)).check(allowing: []).get()) != nil)
        #expect(throws: ValidationReport.self) { try MessageReportDraft(reason: "Spam" + String(repeating: " ", count: MessageReportDraft.limit)).check().get() }
    }

    @Test func patientIdentifiersAreRefusedButThePartiesNamesAreNot() throws {
        let refused = MessageDraft(body: "The patient John Carter, MRN 48213377, was seen on ward 4.").check(allowing: [])
        guard case .failure(let report) = refused else {
            Issue.record("an MRN went through")
            return
        }
        #expect(report.message(for: "body")?.contains("48213377") == true)
        #expect((try? MessageDraft(body: "Dear Dr. Maya Lindqvist, thank you. Amara Okafor").check(allowing: ["Maya Lindqvist", "Amara Okafor"]).get()) != nil)
    }

    @Test func aReportNeedsAReason() {
        #expect(throws: ValidationReport.self) { try MessageReportDraft(reason: " ").check().get() }
        #expect(throws: ValidationReport.self) { try MessageReportDraft(reason: String(repeating: "x", count: MessageReportDraft.limit + 1)).check().get() }
        #expect((try? MessageReportDraft(reason: "Asks for money outside Rounds").check().get()) == "Asks for money outside Rounds")
    }
}
