import Testing

@testable import RoundsCore

@Suite struct LetterRulesTests {
    static let draft = LetterRequestDraft(
        writerName: "Dr. Maya Lindqvist", writerEmail: "m.lindqvist@example-hospital.org", writerTitle: "Attending physician",
        writerInstitution: "Fictional General Hospital", message: "Thank you for the month on wards.", waiver: "waive"
    )
    static let pdf = Array("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n".utf8)

    @Test func aCompleteRequestRecordsTheWaiverChoice() throws {
        #expect(try Self.draft.check().get().waivesRightToSee)
        var keep = Self.draft
        keep.waiver = "keep"
        #expect(try keep.check().get().waivesRightToSee == false)
    }

    @Test(arguments: [nil, "", "maybe", "WAIVE"])
    func theWaiverMustBeChosenExplicitly(waiver: String?) {
        var draft = Self.draft
        draft.waiver = waiver
        guard case .failure(let report) = draft.check() else { Issue.record("accepted \(String(describing: waiver))"); return }
        #expect(report.message(for: "waiver")?.contains("cannot be changed") == true)
    }

    @Test func missingAndOverlongFieldsAreNamed() {
        let draft = LetterRequestDraft(
            writerName: " ", writerEmail: "not-an-address", writerTitle: String(repeating: "t", count: 121),
            writerInstitution: "", message: String(repeating: "m", count: 2_001), waiver: "keep"
        )
        guard case .failure(let report) = draft.check() else { Issue.record("accepted"); return }
        #expect(Set(report.errors.map(\.field)) == ["writer_name", "writer_email", "writer_title", "writer_institution", "message"])
    }

    @Test func aPlainPDFPasses() throws {
        #expect(try LetterFile.check(fileName: "letter.pdf", bytes: Self.pdf).get().fileName == "letter.pdf")
    }

    @Test func uploadsThatAreNotAReadableSmallPDFAreRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
        let html = Array("<html><body>letter</body></html>".utf8)
        let encrypted = Array("%PDF-1.6\ntrailer\n<</Root 1 0 R/Encrypt 5 0 R/ID[<a><b>]>>\n%%EOF".utf8)
        let large = Self.pdf + [UInt8](repeating: 0x20, count: LetterFile.maximumBytes + 1 - Self.pdf.count)
        let cases: [(String, [UInt8], String)] = [
            ("letter.pdf", html, "PDF only"),
            ("letter.png", png, "PDF only"),
            ("letter.pdf", [], "empty"),
            ("letter.pdf", large, "larger than 1 MB"),
            ("letter.pdf", encrypted, "encrypted"),
            ("../letter.pdf", Self.pdf, "path"),
        ]
        for (name, bytes, reason) in cases {
            guard case .failure(let report) = LetterFile.check(fileName: name, bytes: bytes) else {
                Issue.record("accepted \(name) (\(reason))")
                continue
            }
            #expect(report.message(for: "file")?.contains(reason) == true, "\(reason): \(report.summary)")
        }
        // Exactly 1 MB is still fine.
        let limit = Self.pdf + [UInt8](repeating: 0x20, count: LetterFile.maximumBytes - Self.pdf.count)
        #expect((try? LetterFile.check(fileName: "letter.pdf", bytes: limit).get()) != nil)
    }

    /// Issue 16: the ERAS Letter of Recommendation Portal's own rules, with its page cited in the refusal.
    @Test func namesWithPortalForbiddenCharactersAndPagesOtherThanUSLetterAreRefused() {
        func page(_ box: String) -> [UInt8] {
            Array("%PDF-1.4\n1 0 obj\n<</Type/Page/MediaBox [\(box)]>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n".utf8)
        }
        for name in ["letter|final.pdf", "letter*.pdf", "why?.pdf", "Dr: Lee.pdf"] {
            guard case .failure(let report) = LetterFile.check(fileName: name, bytes: Self.pdf) else { Issue.record("accepted \(name)"); continue }
            #expect(report.message(for: "file")?.contains("aamc.org/services/eras-for-institutions/lor-portal") == true)
        }
        // A4 (595 × 842 pt) is refused with its size in inches; Letter passes in portrait, landscape and with
        // an offset origin or decimals; a file whose boxes cannot be read (none here) passes.
        guard case .failure(let a4) = LetterFile.check(fileName: "letter.pdf", bytes: page("0 0 595 842")) else {
            Issue.record("accepted A4")
            return
        }
        #expect(a4.message(for: "file")?.hasPrefix("A page is 8.26 × 11.69 in; ERAS takes letters on US Letter pages") == true)
        for box in ["0 0 612 792", "0 0 792 612", "10 10 622 802", "0 0 612.0 791.99"] {
            #expect((try? LetterFile.check(fileName: "letter.pdf", bytes: page(box)).get()) != nil, "\(box)")
        }
        // One odd page among letter pages is enough to refuse.
        let mixed = Array("%PDF-1.4\n<</MediaBox [0 0 612 792]>> <</MediaBox[0 0 612 1008]>>\n%%EOF".utf8)
        #expect((try? LetterFile.check(fileName: "letter.pdf", bytes: mixed).get()) == nil)
    }

    @Test func encryptionIsFoundAsAWholeName() {
        #expect(LetterFile.isEncrypted(Array("<</Encrypt 5 0 R>>".utf8)))
        #expect(LetterFile.isEncrypted(Array("<</Encrypt<</Filter/Standard>>>>".utf8)))
        #expect(LetterFile.isEncrypted(Array("/Encrypt".utf8)))
        #expect(!LetterFile.isEncrypted(Array("<</EncryptMetadata false>>".utf8)))
        #expect(!LetterFile.isEncrypted(Array("(Encrypt) Tj".utf8)))
    }

    @Test func onlyANonWaivingApplicantAndAssignedReviewersRead() {
        for waived in [true, false] {
            #expect(LetterReadRule.mayRead(.applicant, applicantWaived: waived, hasFile: true) == !waived)
            #expect(LetterReadRule.mayRead(.assignedProgramReviewer, applicantWaived: waived, hasFile: true))
            #expect(!LetterReadRule.mayRead(.other, applicantWaived: waived, hasFile: true))
            #expect(!LetterReadRule.mayRead(.assignedProgramReviewer, applicantWaived: waived, hasFile: false))
        }
    }

    @Test func aProgramTakesAtMostFourLettersAndOnlyUploadedOnes() {
        #expect(LetterAssignmentRule.problem(status: .uploaded, alreadyAssignedToProgram: false, lettersAtProgram: 3) == nil)
        #expect(LetterAssignmentRule.problem(status: .uploaded, alreadyAssignedToProgram: false, lettersAtProgram: 4)?.contains("at most 4") == true)
        #expect(LetterAssignmentRule.problem(status: .uploaded, alreadyAssignedToProgram: true, lettersAtProgram: 1)?.contains("already") == true)
        for status in LetterStatus.allCases where status != .uploaded {
            #expect(LetterAssignmentRule.problem(status: status, alreadyAssignedToProgram: false, lettersAtProgram: 0) != nil)
        }
    }

    /// A program letters are assigned to: the schema's limits and the state's two letters hold as sent.
    @Test func programsAreCheckedAsSent() throws {
        let good = ProgramDraft(name: " Metro Internal Medicine ", specialtyID: "internal-medicine", city: "Boston", state: "ma")
        #expect(try good.check().get() == ProgramDraft.Checked(name: "Metro Internal Medicine", specialtyID: "internal-medicine", city: "Boston", state: "MA"))
        let cases: [(ProgramDraft, String)] = [
            (ProgramDraft(name: "Metro" + String(repeating: " ", count: 200), specialtyID: "internal-medicine", city: "Boston", state: "MA"), "name"),
            (ProgramDraft(name: "Metro", specialtyID: "internal-medicine", city: "Boston" + String(repeating: "\t", count: 100), state: "MA"), "city"),
            (ProgramDraft(name: "Metro", specialtyID: "internal-medicine", city: "Boston", state: " MA"), "state"),
        ]
        for (draft, field) in cases {
            guard case .failure(let report) = draft.check() else { Issue.record("accepted \(draft)"); continue }
            #expect(report.errors.map(\.field) == [field])
        }
    }
}
