import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct LetterTests {
    static func letter(_ app: Application, _ id: UUID) async throws -> LetterRequest {
        try #require(try await LetterRequest.find(id, on: app.db))
    }

    static func clock(_ app: Application) throws -> ManualClock { try #require(app.services.clock as? ManualClock) }

    @Test func aRequestEmailsTheWriterALinkWhoseTokenIsStoredOnlyHashed() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "waive")
            let stored = try await Self.letter(app, id)
            #expect(stored.tokenHash == SecretToken.hash(token))
            #expect(stored.tokenHash != token)
            #expect(stored.waived)
            #expect(stored.status == .requested)
            // The applicant's own view never carries the link.
            let mine = try await fixture.client.send(.GET, "\(APIRoute.letters.path)/\(id.uuidString)")
            #expect(mine.status == .ok)
            #expect(!mine.body.string.contains(token))
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "writer@example-hospital.org").first())
            #expect(mail.body.contains("Amara Okafor has waived the right to see this letter"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == fixture.applicant.email).count() == 0)
            // The placement it is about is a UUID or absent, never an empty string.
            let blank = try await fixture.client.send(
                .POST, APIRoute.letters.path,
                json: ["writer_name": "Dr. A", "writer_email": "a@example.org", "writer_title": "Attending", "writer_institution": "Clinic", "waiver": "keep", "application_id": ""]
            )
            #expect(blank.status == .badRequest)
        }
    }

    @Test func theWriterOpensUploadsAndTheApplicantIsTold() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "keep")
            let opened = try await APIClient(app: app).send(.GET, APIRoute.letterLink.path(query: [("token", token)]))
            #expect(opened.status == .ok)
            #expect(try opened.content.get(String.self, at: "applicant_name") == "Amara Okafor")
            #expect(try await Self.letter(app, id).status == .viewed)
            // Before an upload the request exists but has no file: 409 with the reason, not 404 (found by
            // schemathesis's stateful phase, which reads a 404 right after creation as a lost resource).
            let early = try await fixture.client.send(.GET, "\(APIRoute.letters.path)/\(id.uuidString)/file")
            #expect(early.status == .conflict)
            #expect(try early.content.get(String.self, at: "reason") == "No letter has been uploaded for this request yet.")

            let uploaded = try await fixture.upload(token: token)
            #expect(uploaded.status == .ok, "\(uploaded.body.string)")
            let letter = try await Self.letter(app, id)
            #expect(letter.status == .uploaded)
            #expect(letter.sha256 == SecretToken.hexSHA256(Data(LetterFixture.pdf)))
            #expect(try await DocumentVaultTests.storedFiles(app).count == 1)
            let notices = try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.applicant.requireID()).all()
            #expect(notices.map(\.title) == ["Dr. Maya Lindqvist uploaded your letter"])
            // Not waived: the applicant may read it, and the read is logged.
            let file = try await fixture.client.send(.GET, "\(APIRoute.letters.path)/\(id.uuidString)/file")
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == LetterFixture.pdf)
            #expect(try await LetterRead.query(on: app.db).count() == 1)
        }
    }

    static let refusedUploads: [(String, String, [UInt8], String)] = [
        ("not a PDF, named .pdf", "letter.pdf", Array("<html><script>alert(1)</script></html>".utf8), "PDF only"),
        ("1 MB + 1 byte", "letter.pdf", LetterFixture.pdf + [UInt8](repeating: 0x20, count: LetterFile.maximumBytes + 1 - LetterFixture.pdf.count), "larger than 1 MB"),
        ("encrypted", "letter.pdf", Array("%PDF-1.6\ntrailer\n<</Root 1 0 R/Encrypt 9 0 R>>\n%%EOF".utf8), "encrypted"),
        ("empty", "letter.pdf", [], "empty"),
    ]

    @Test(arguments: 0..<4)
    func badFilesAreRefusedWithAReasonAndNothingIsStored(index: Int) async throws {
        let (_, name, bytes, reason) = Self.refusedUploads[index]
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "waive")
            let response = try await fixture.upload(token: token, bytes: bytes, fileName: name)
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains(reason), "\(response.body.string)")
            #expect(try await Self.letter(app, id).status == .requested)
            #expect(try await DocumentVaultTests.storedFiles(app).isEmpty)
        }
    }

    @Test func expiredRevokedUnknownAndAssignedLinksAreRefused() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            // Unknown: 404, and it counts towards the bad-link limit.
            #expect(try await fixture.upload(token: "not-a-token").status == .notFound)
            // Withdrawn by the applicant: 410 with the reason.
            let revoked = try await fixture.request(waiver: "waive", writerEmail: "one@example.org")
            #expect(try await fixture.client.send(.POST, "\(APIRoute.letters.path)/\(revoked.id.uuidString)/revoke").status == .ok)
            let afterRevoke = try await fixture.upload(token: revoked.token)
            #expect(afterRevoke.status == .gone)
            #expect(afterRevoke.body.string.contains("withdrew"))
            // Applied with: the letter is locked against replacement.
            let assigned = try await fixture.assigned(waiver: "waive")
            #expect(try await fixture.apply(assigned.id).status == .ok)
            let replace = try await fixture.upload(token: assigned.token)
            #expect(replace.status == .conflict)
            #expect(replace.body.string.contains("can no longer be replaced"))
            // Expired: two months later the link is over, and the sweep marks the request.
            let late = try await fixture.request(waiver: "keep", writerEmail: "late@example.org")
            try Self.clock(app).advance(by: LetterRequest.linkLifetime + 1)
            let expired = try await fixture.upload(token: late.token)
            #expect(expired.status == .gone)
            #expect(expired.body.string.contains("expired"))
            #expect(try await app.letterDeskForTests.expireOverdueLinks() == 1)
            #expect(try await Self.letter(app, late.id).status == .expired)
            #expect(try await DocumentVaultTests.storedFiles(app).count == 1)
        }
    }

    /// ERAS: a writer may upload a new version until the applicant applies with the letter; a letter
    /// assigned to a program with a submitted application stays there.
    @Test(arguments: DocumentStoreKind.allCases)
    func theWriterMayReplaceTheLetterUntilTheApplicantAppliesWithIt(store: DocumentStoreKind) async throws {
        try await withRoundsApp(adjust: { $0.documentStore = store }) { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "waive")
            #expect(try await fixture.upload(token: token).status == .ok)
            let second = LetterFixture.pdf + Array("% revised\n".utf8)
            #expect(try await fixture.upload(token: token, bytes: second, fileName: "letter-v2.pdf").status == .ok)
            let letter = try await Self.letter(app, id)
            #expect(letter.fileName == "letter-v2.pdf")
            #expect(try await DocumentVaultTests.storedFiles(app).count == 1)  // the first file is gone
            // Assigned but not applied with: still replaceable, and it can be taken back.
            #expect(try await fixture.assign(id).status == .ok)
            #expect(try await fixture.upload(token: token).status == .ok)
            #expect(try await fixture.unassign(id).status == .ok)
            #expect(try await fixture.assign(id).status == .ok)

            // Applying needs the letter to be assigned to that program.
            let elsewhere = Program(name: "Other Program", specialtyID: "pediatrics", city: "Denver", state: "CO", now: Date())
            try await elsewhere.create(on: app.db)
            #expect(try await fixture.apply(id, to: try elsewhere.requireID()).status == .notFound)

            let applied = try await fixture.apply(id)
            #expect(applied.status == .ok, "\(applied.body.string)")
            #expect(try applied.content.get(Date.self, at: "assignments", "0", "applied_at") <= Date().addingTimeInterval(86_400))
            let replace = try await fixture.upload(token: token)
            #expect(replace.status == .conflict)
            #expect(replace.body.string.contains("applied to a program with this letter"))
            let takeBack = try await fixture.unassign(id)
            #expect(takeBack.status == .conflict)
            #expect(takeBack.body.string.contains("letters stay with the applications"))
            let twice = try await fixture.apply(id)
            #expect(twice.status == .conflict)
            #expect(twice.body.string.contains("already applied"))
            #expect(try await ProgramApplication.query(on: app.db).count() == 1)

            // Assigned elsewhere too: that assignment can be taken back, but the letter stays locked.
            #expect(try await fixture.assign(id, to: try elsewhere.requireID()).status == .ok)
            #expect(try await fixture.unassign(id, from: try elsewhere.requireID()).status == .ok)
            #expect(try await fixture.upload(token: token).status == .conflict)

            // A letter added to the program after the application goes with it at once.
            let late = try await fixture.request(waiver: "keep", writerEmail: "late@example.org")
            #expect(try await fixture.upload(token: late.token).status == .ok)
            #expect(try await fixture.assign(late.id).status == .ok)
            #expect(try await fixture.upload(token: late.token).status == .conflict)
            #expect(try await fixture.unassign(late.id).status == .conflict)
            #expect(try await Self.letter(app, late.id).appliedCount == 1)
        }
    }

    /// An assignment racing the application to the same program: whichever lands second sees the other,
    /// so a letter that ends up assigned to an applied program is always locked.
    @Test func anAssignmentRacingTheApplicationIsLockedWhenItLandsWithIt() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let first = try await fixture.assigned(waiver: "waive")
            var racers: [UUID] = []
            for index in 0..<3 {
                let letter = try await fixture.request(waiver: "waive", writerEmail: "racer\(index)@example.org")
                #expect(try await fixture.upload(token: letter.token).status == .ok)
                racers.append(letter.id)
            }
            let statuses = try await withThrowingTaskGroup(of: (UUID?, HTTPStatus).self) { group in
                group.addTask { (nil, try await fixture.apply(first.id).status) }
                for letter in racers { group.addTask { (letter, try await fixture.assign(letter).status) } }
                return try await group.reduce(into: [(UUID?, HTTPStatus)]()) { $0.append($1) }
            }
            // The application lands; assignments racing each other for a slot may be refused (409, as in
            // concurrentAssignmentsNeverPutMoreThanFourLettersAtAProgram), never fail otherwise.
            #expect(statuses.first { $0.0 == nil }?.1 == .ok)
            #expect(statuses.allSatisfy { $0.1 == .ok || ($0.0 != nil && $0.1 == .conflict) }, "\(statuses)")
            let assigned = Set(try await LetterAssignment.query(on: app.db).filter(\.$program.$id == fixture.programID).all().map(\.$letter.id))
            #expect(assigned.contains(first.id))
            for letter in [first.id] + racers {
                let expected = assigned.contains(letter) ? 1 : 0
                #expect(try await Self.letter(app, letter).appliedCount == expected, "every letter at the applied program is locked, no other")
            }
        }
    }

    /// The letter's page offers the application on each assignment and shows the lock once applied.
    @Test func theLetterPageSubmitsTheApplicationAndShowsTheLock() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, _) = try await fixture.assigned(waiver: "keep")
            let browser = try await Factories.browser(app, signedInAs: "amara@example.org")
            let before = try await browser.get(SiteRoute.letter(LetterID(id)).path)
            #expect(before.body.string.contains("Not applied"))
            let apply = SiteRoute.applyWithLetters(LetterID(id), program: ProgramID(fixture.programID)).path
            #expect(before.body.string.contains(apply))
            let submitted = try await browser.post(apply, form: [])
            #expect(submitted.status == .seeOther)
            let after = try await browser.get(SiteRoute.letter(LetterID(id)).path)
            #expect(after.body.string.contains("Application submitted"))
            #expect(after.body.string.contains("Locked: it stays with your application"))
            #expect(!after.body.string.contains(apply))
            let again = try await browser.post(SiteRoute.unassignLetter(LetterID(id), program: ProgramID(fixture.programID)).path, form: [])
            #expect(again.status == .seeOther)
            #expect(try await browser.get(SiteRoute.letter(LetterID(id)).path).body.string.contains("letters stay with the applications"))
        }
    }

    @Test func theFifthLetterForOneProgramIsRefused() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            var letters: [UUID] = []
            for index in 0..<5 {
                let letter = try await fixture.request(waiver: "waive", writerEmail: "writer\(index)@example.org")
                #expect(try await fixture.upload(token: letter.token).status == .ok)
                letters.append(letter.id)
            }
            for letter in letters.prefix(4) { #expect(try await fixture.assign(letter).status == .ok) }
            let fifth = try await fixture.assign(letters[4])
            #expect(fifth.status == .conflict)
            #expect(fifth.body.string.contains("at most 4 letters"))
            #expect(try await LetterAssignment.query(on: app.db).count() == 4)
            // An unuploaded letter cannot be assigned anywhere.
            let pending = try await fixture.request(waiver: "waive", writerEmail: "pending@example.org")
            #expect(try await fixture.assign(pending.id).status == .conflict)
        }
    }

    @Test func concurrentAssignmentsNeverPutMoreThanFourLettersAtAProgram() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            var letters: [UUID] = []
            for index in 0..<8 {
                let letter = try await fixture.request(waiver: "waive", writerEmail: "writer\(index)@example.org")
                #expect(try await fixture.upload(token: letter.token).status == .ok)
                letters.append(letter.id)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for letter in letters { group.addTask { try await fixture.assign(letter).status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .conflict }, "\(statuses)")
            let stored = try await LetterAssignment.query(on: app.db).all()
            #expect(stored.count == statuses.filter { $0 == .ok }.count)
            #expect(stored.count <= 4 && stored.count >= 1)
            #expect(Set(stored.map(\.slot)).count == stored.count)
        }
    }

    @Test func aReminderReplacesTheLinkAndRenewsAnExpiredRequest() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, first) = try await fixture.request(waiver: "waive")
            let path = "\(APIRoute.letters.path)/\(id.uuidString)/remind"
            #expect(try await fixture.client.send(.POST, path).status == .tooManyRequests)
            try Self.clock(app).advance(by: LetterRequest.linkLifetime + 1)
            _ = try await app.letterDeskForTests.expireOverdueLinks()
            #expect(try await Self.letter(app, id).status == .expired)
            let reminded = try await fixture.client.send(.POST, path)
            #expect(reminded.status == .ok)
            #expect(try reminded.content.get(String.self, at: "status") == "requested")
            #expect(try reminded.content.get(Bool.self, at: "waived"))  // the waiver never changes
            let second = try await fixture.latestToken(to: "writer@example-hospital.org")
            #expect(second != first)
            #expect(try await fixture.upload(token: first).status == .notFound)
            #expect(try await fixture.upload(token: second).status == .ok)
            #expect(try await fixture.client.send(.POST, path).status == .conflict)  // uploaded: nothing to remind of
        }
    }

    @Test func theWriterMayDeclineWithANote() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "keep")
            let declined = try await APIClient(app: app).send(
                .POST, APIRoute.letterLinkDecline.path, json: ["token": token, "note": "I supervised you for too short a time."]
            )
            #expect(declined.status == .ok)
            let letter = try await Self.letter(app, id)
            #expect(letter.status == .declined)
            #expect(letter.declineNote == "I supervised you for too short a time.")
            #expect(try await UserNotification.query(on: app.db).filter(\.$user.$id == fixture.applicant.requireID()).count() == 1)
            #expect(try await fixture.upload(token: token).status == .gone)
        }
    }

    /// ERAS: a program sees an applicant's letters with the application. Assigned but not applied with,
    /// a letter is not listed to the program's reviewers and its file is 404 to them.
    @Test func reviewersSeeALetterOnlyOnceTheApplicantApplied() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, _) = try await fixture.assigned(waiver: "keep")
            let list = "\(APIRoute.programs.path)/\(fixture.programID.uuidString)/letters"
            let file = "\(list)/\(id.uuidString)"
            #expect(try await fixture.reviewerClient.send(.GET, list).body.string == "[]")
            #expect(try await fixture.reviewerClient.send(.GET, file).status == .notFound)
            #expect(try await LetterRead.query(on: app.db).count() == 0)
            #expect(try await fixture.apply(id).status == .ok)
            let listed = try await fixture.reviewerClient.send(.GET, list)
            #expect(listed.body.string.uppercased().contains(id.uuidString))
            #expect(try await fixture.reviewerClient.send(.GET, file).status == .ok)
        }
    }

    @Test func readsAreLoggedAndOnlyAdminsSeeTheLog() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, _) = try await fixture.assigned(waiver: "waive")
            #expect(try await fixture.apply(id).status == .ok)
            let read = try await fixture.reviewerClient.send(.GET, "\(APIRoute.programs.path)/\(fixture.programID.uuidString)/letters/\(id.uuidString)")
            #expect(read.status == .ok)
            #expect(Array(read.body.readableBytesView) == LetterFixture.pdf)
            let (_, admin) = try await Factories.signedIn(app, email: "admin@example.org", roles: [.admin])
            let log = try await admin.send(.GET, APIRoute.letterReads.path)
            #expect(log.status == .ok)
            #expect(try log.content.get(String.self, at: "0", "reader_email") == "reviewer@example.org")
            #expect(try log.content.get(String.self, at: "0", "program_name") == fixture.program.name)
            #expect(try await fixture.reviewerClient.send(.GET, APIRoute.letterReads.path).status == .forbidden)
        }
    }

    @Test func theWriterUsesTheLinkInABrowserWithoutAnAccount() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (id, token) = try await fixture.request(waiver: "waive")
            let writer = Browser(app)
            let page = try await writer.get(SiteRoute.letterLink.path(query: [("token", token)]))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Amara Okafor waived the right to see this letter"))
            let bad = try await writer.upload(SiteRoute.letterLinkUpload.path, fields: [("token", token)], fileName: "letter.pdf", bytes: Array("GIF89a".utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("PDF only"))
            let good = try await writer.upload(SiteRoute.letterLinkUpload.path, fields: [("token", token)], fileName: "letter.pdf", bytes: LetterFixture.pdf)
            #expect(good.status == .seeOther)
            #expect(try await Self.letter(app, id).status == .uploaded)
            // A form without the CSRF token is refused, link or not.
            let forged = try await Browser(app).post(SiteRoute.letterLinkDecline.path, form: [("token", token)], csrf: nil)
            #expect(forged.status == .forbidden)
        }
    }

    @Test func declinedAndWithdrawnLinksSayWhyInTheBrowser() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let (_, token) = try await fixture.request(waiver: "keep")
            let writer = Browser(app)
            try await writer.get(SiteRoute.letterLink.path(query: [("token", token)]))
            let declined = try await writer.post(SiteRoute.letterLinkDecline.path, form: [("token", token), ("note", "Too short a rotation.")])
            #expect(declined.status == .ok)
            #expect(declined.body.string.contains("You declined the request"))
            let again = try await writer.get(SiteRoute.letterLink.path(query: [("token", token)]))
            #expect(again.status == .gone)
            #expect(again.body.string.contains("You declined this request"))
        }
    }

    @Test func theHTMLRequestFormNeedsAnExplicitWaiverChoice() async throws {
        try await withRoundsApp { app in
            _ = try await LetterFixture.make(app)
            let browser = try await Factories.browser(app, signedInAs: "amara@example.org")
            let fields = [
                ("writer_name", "Dr. Maya Lindqvist"), ("writer_email", "writer@example-hospital.org"),
                ("writer_title", "Attending physician"), ("writer_institution", "Fictional General Hospital"),
            ]
            let missing = try await browser.post(SiteRoute.letters.path, form: fields)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Choose whether you waive your right to see this letter"))
            #expect(try await LetterRequest.query(on: app.db).count() == 0)
            let sent = try await browser.post(SiteRoute.letters.path, form: fields + [("waiver", "waive")])
            #expect(sent.status == .seeOther)
            #expect(try await LetterRequest.query(on: app.db).first()?.waived == true)
        }
    }
}

extension Application {
    var letterDeskForTests: LetterDesk {
        LetterDesk(
            db: self.db, storage: self.documentStore(),
            now: self.services.clock.now(), origin: self.config.server.origin
        )
    }
}
