import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The same loop as `ApplicationTests`, through the pages a browser sees.
@Suite struct ApplicationPagesTests {
    @Test func applyReviewOfferAcceptInTheBrowser() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app, requirements: [.immunizations])
            let (amara, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let amaraUser = try #require(try await User.find(email: "amara@example.org", on: app.db))
            try await ProfileStore.save(
                ApplicantProfileDraft(
                    track: "img_graduate", medicalSchool: "University of Lagos", schoolCountry: "Nigeria", graduationYear: "2022", step1: "passed",
                    step2CKScore: "245", ecfmgStatus: "certified", visaStatus: "b1_b2"
                ),
                for: amaraUser, on: app.db, now: app.services.clock.now()
            )

            // Upload two documents; the vault lists them.
            var response = try await amara.upload(SiteRoute.documents.path, fields: [("kind", "cv")], fileName: "cv.pdf", bytes: ApplicationFixture.pdf)
            #expect(response.status == .seeOther)
            try await amara.upload(SiteRoute.documents.path, fields: [("kind", "immunization_record")], fileName: "shots.pdf", bytes: ApplicationFixture.pdf)
            response = try await amara.upload(SiteRoute.documents.path, fields: [("kind", "cv")], fileName: "cv.pdf", bytes: Array("GIF89a".utf8))
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Only PDF, PNG and JPEG files are accepted"))
            let vault = try await amara.get(SiteRoute.documents.path).text
            #expect(vault.contains("shots.pdf") && vault.contains("Immunization record"))
            let documents = try await Document.query(on: app.db).sort(\.$fileName).all()

            // The opportunity page links each open session to its form.
            let opportunityPage = try await amara.get(SiteRoute.opportunity(OpportunityID(try fixture.opportunity.requireID())).path).text
            #expect(opportunityPage.contains(SiteRoute.apply(session: SessionID(fixture.sessionID)).path))
            let form = try await amara.get(SiteRoute.apply(session: SessionID(fixture.sessionID)).path).text
            #expect(form.contains("I confirm that I meet these requirements"))
            #expect(form.contains("this host needs: Immunization record"))

            // A statement that is too short comes back with the answers kept.
            response = try await amara.post(
                SiteRoute.apply(session: SessionID(fixture.sessionID)).path,
                form: [("statement", "Too short"), ("document_ids[]", documents[0].id!.uuidString), ("intent", "submit")]
            )
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Write a statement of at least 50 characters"))
            #expect(response.text.contains("Confirm that you meet the requirement: Immunization records."))
            #expect(response.text.contains("Too short"))

            response = try await amara.post(
                SiteRoute.apply(session: SessionID(fixture.sessionID)).path,
                form: [("statement", ApplicationFixture.statement), ("intent", "submit"), ("requirements[]", "immunizations")]
                    + documents.map { ("document_ids[]", $0.id!.uuidString) }
            )
            #expect(response.status == .seeOther)
            let applicationPath = try #require(response.location)
            #expect(try await amara.get(applicationPath).text.contains("Submitted"))

            // The host sees it in the inbox and the navigation, opens it, reviews and offers.
            let host = try await Factories.browser(app, signedInAs: "host@example.org")
            let inbox = try await host.get(SiteRoute.hostApplications.path).text
            #expect(inbox.contains("Test User"))
            // The inbox shows each applicant's training and exams at a glance.
            #expect(inbox.contains("International medical graduate, 2022 · Step 1 passed · Step 2 CK 245 · ECFMG certified"))
            #expect(inbox.contains("Notifications (1)"))
            let hostView = try await host.get(applicationPath).text
            #expect(hostView.contains("Applicant profile"))
            #expect(hostView.contains("shots.pdf"))
            #expect(hostView.contains("Start review"))
            #expect(try await host.post(applicationPath + "/actions/review").status == .seeOther)
            response = try await host.post(applicationPath + "/actions/offer", form: [("expires_in_days", "0")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Give the offer an expiry in the future"))
            #expect(try await host.post(applicationPath + "/actions/offer", form: [("expires_in_days", "7"), ("note", "See you in March")]).status == .seeOther)
            // The host may open the documents of an application made to them.
            #expect(try await host.get(SiteRoute.document(DocumentID(documents[0].id!)).path).status == .ok)

            // The applicant accepts.
            let offered = try await amara.get(applicationPath).text
            #expect(offered.contains("Accept the offer"))
            #expect(offered.contains("See you in March"))
            clock.advance(by: 60)
            #expect(try await amara.post(applicationPath + "/actions/accept").status == .seeOther)
            let accepted = try await amara.get(applicationPath).text
            #expect(accepted.contains("Accepted"))
            #expect(accepted.contains("1 of 3 taken"))
            #expect(try await amara.get(SiteRoute.applications.path).text.contains("Hospitalist Observership"))
            // The host cannot act as the applicant.
            #expect(try await host.post(applicationPath + "/actions/withdraw").status == .forbidden)
        }
    }

    @Test func aDraftCanBeEditedThenSubmitted() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (amara, _) = try await Factories.signedIn(app, email: "amara@example.org", roles: [.applicant])
            let response = try await amara.post(SiteRoute.apply(session: SessionID(fixture.sessionID)).path, form: [("statement", "Half a thought"), ("intent", "save")])
            #expect(response.status == .seeOther)
            let path = try #require(response.location)
            let id = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
            #expect(try await amara.get(path).text.contains("Edit the draft"))
            #expect(try await amara.get(SiteRoute.editApplication(ApplicationID(id)).path).text.contains("Half a thought"))
            let submitted = try await amara.post(SiteRoute.editApplication(ApplicationID(id)).path, form: [("statement", ApplicationFixture.statement), ("intent", "submit")])
            #expect(submitted.status == .seeOther)
            #expect(try await fixture.status(of: id) == .submitted)
            #expect(try await amara.get(SiteRoute.editApplication(ApplicationID(id)).path).status == .conflict)
        }
    }
}
