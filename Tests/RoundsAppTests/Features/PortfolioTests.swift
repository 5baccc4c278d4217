import DelimitedText
import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct PortfolioTests {
    /// The manual clock starts on 2026-09-21; experiences below are in the spring before.
    static let experience: [String: any Sendable] = [
        "title": "Observer, Internal Medicine", "organization": "Fictional General Hospital", "city": "Boston", "state": "MA",
        "amcas_type": "physician_shadowing_clinical_observation", "setting": "inpatient", "hands_on": false, "specialty_id": "internal-medicine",
        "supervisor_name": "Dr. Maya Lindqvist", "supervisor_title": "Attending", "supervisor_email": "m.lindqvist@example-hospital.org",
        "description": "Followed the inpatient team on daily rounds and presented patients at the morning report.",
        "ranges": [["start": "2026-03-02", "end": "2026-03-27", "prior_hours": 10] as [String: any Sendable]],
    ]

    static func create(_ client: APIClient, _ body: [String: any Sendable] = Self.experience) async throws -> UUID {
        let response = try await client.send(.POST, APIRoute.experiences.path, json: body)
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.get(UUID.self, at: "id")
    }

    static func path(_ id: UUID, _ suffix: String = "") -> String { "\(APIRoute.experiences.path)/\(id.uuidString)\(suffix)" }

    static func applicant(_ app: Application, _ email: String = "amara@example.org") async throws -> (User, APIClient) {
        let user = try await Factories.user(app, email: email, roles: [.applicant], name: "Amara Okafor")
        return (user, try await ApplicationFixture.client(app, for: user))
    }

    /// The verification link's token from the newest e-mail to `address`.
    static func verificationToken(_ app: Application, to address: String) async throws -> String {
        try await MailedLinks.token(app, to: address, path: SiteRoute.verifyExperience.path)
    }

    @Test func loggedHoursAddUpAndCountTowardsGoals() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            let id = try await Self.create(amara)
            for day in ["2026-03-03", "2026-03-04"] {
                #expect(try await amara.send(.POST, Self.path(id, "/logs"), json: ["day": day, "hours": 7.5, "activities": "Rounds and admissions"]).status == .created)
            }
            // An ongoing period leaves its end out; an empty string is not a date.
            var ongoing = Self.experience
            ongoing["amcas_type"] = "research_lab"  // not clinical: the summary below does not count it
            ongoing["ranges"] = [["start": "2026-06-01", "end": ""] as [String: any Sendable]]
            #expect(try await amara.send(.POST, APIRoute.experiences.path, json: ongoing).status == .unprocessableEntity)
            ongoing["ranges"] = [["start": "2026-06-01"] as [String: any Sendable]]
            #expect(try await amara.send(.POST, APIRoute.experiences.path, json: ongoing).status == .created)
            let outside = try await amara.send(.POST, Self.path(id, "/logs"), json: ["day": "2026-05-01", "hours": 4])
            #expect(outside.status == .unprocessableEntity)
            let shown = try await amara.send(.GET, Self.path(id))
            #expect(try shown.content.get(Int.self, at: "completed_hours") == 25)  // 10 entered + 15 logged
            let goals = try await amara.send(.PUT, APIRoute.goals.path, json: ["scope": "physician_shadowing_clinical_observation", "target_hours": 100])
            #expect(goals.status == .ok)
            #expect(try goals.content.get(Int.self, at: "goals", "0", "hours") == 25)
            #expect(try goals.content.get(Int.self, at: "summary", "observational_weeks_12_months") == 3)  // 26 days
            #expect(try goals.content.get([String].self, at: "summary", "specialties") == ["Internal Medicine"])
        }
    }

    /// CI's fuzzer found `"key_characteristic": ""` accepted while the document listed only the choices:
    /// every choice of the experience body is accepted empty exactly when the document says so.
    @Test func everyChoiceIsAcceptedEmptyExactlyWhenTheDocumentSaysSo() async throws {
        let document = try OpenAPIBoundsTests.document()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let properties = try #require((schemas["ExperienceInput"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        // Optional properties are documented as anyOf [schema, null].
        let choices: [(String, [String])] = properties.compactMap { name, property in
            let schema = (property["anyOf"] as? [[String: Any]])?.first ?? property
            return (schema["enum"] as? [String]).map { (name, $0) }
        }
        #expect(choices.count >= 7)
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            for (name, documented) in choices {
                var body = Self.experience
                body[name] = ""
                let empty = try await amara.send(.POST, APIRoute.experiences.path, json: body)
                #expect((empty.status == .created) == documented.contains(""), "\(name): \(empty.status) for \"\"")
                body[name] = "no-such-choice"
                #expect(try await amara.send(.POST, APIRoute.experiences.path, json: body).status == .unprocessableEntity, "\(name)")
            }
        }
    }

    @Test func textWithPatientIdentifiersIsNotSaved() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            var body = Self.experience
            body["description"] = "Presented Mrs. Ellen Park (MRN 4471203), call back at 617-555-0142."
            let refused = try await amara.send(.POST, APIRoute.experiences.path, json: body)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("617-555-0142"))
            #expect(try await Experience.query(on: app.db).count() == 0)
            let id = try await Self.create(amara)
            let log = try await amara.send(.POST, Self.path(id, "/logs"), json: ["day": "2026-03-03", "hours": 4, "activities": "Saw John Smith, born 04/12/1961"])
            #expect(log.status == .unprocessableEntity)
            #expect(try await HourLog.query(on: app.db).count() == 0)
        }
    }

    @Test func aSupervisorConfirmsOnceThroughTheLink() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let (amaraUser, amara) = try await Self.applicant(app)
            let id = try await Self.create(amara)
            #expect(try await amara.send(.POST, Self.path(id, "/verification")).status == .accepted)
            let token = try await Self.verificationToken(app, to: "m.lindqvist@example-hospital.org")
            let stored = try #require(try await ExperienceVerification.query(on: app.db).first())
            #expect(stored.tokenHash == SecretToken.hash(token))
            let supervisor = APIClient(app: app)
            let opened = try await supervisor.send(.GET, APIRoute.verification.path(query: [("token", token)]))
            #expect(try opened.content.get(Int.self, at: "completed_hours") == 10)
            let unsigned = try await supervisor.send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "confirmed", "typed_name": " "])
            #expect(unsigned.status == .unprocessableEntity)
            let answer = try await supervisor.send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "confirmed", "typed_name": "Maya Lindqvist"])
            #expect(answer.status == .noContent)
            let verified = try await amara.send(.GET, Self.path(id))
            #expect(try verified.content.get(String.self, at: "verification", "verified_by") == "Maya Lindqvist")
            #expect(try verified.content.get(Int.self, at: "verification", "hours") == 10)
            // One use; a guessed token is unknown; the applicant was told.
            let again = try await supervisor.send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "declined", "typed_name": "Someone Else"])
            #expect(again.status == .gone)
            #expect(try await supervisor.send(.GET, APIRoute.verification.path(query: [("token", SecretToken().value)])).status == .notFound)
            #expect(try await UserNotification.query(on: app.db).filter(\.$user.$id == amaraUser.requireID()).count() == 1)
            // A second request waits a day, and an unanswered link expires after 30 days.
            #expect(try await amara.send(.POST, Self.path(id, "/verification")).status == .tooManyRequests)
            clock.advance(by: 86_400 + 1)
            #expect(try await amara.send(.POST, Self.path(id, "/verification")).status == .accepted)
            let late = try await Self.verificationToken(app, to: "m.lindqvist@example-hospital.org")
            clock.advance(by: ExperienceVerification.lifetime + 1)
            #expect(try await supervisor.send(.GET, APIRoute.verification.path(query: [("token", late)])).status == .gone)
        }
    }

    @Test func aSupervisorMayConfirmFewerHoursButNotMore() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            let id = try await Self.create(amara)
            #expect(try await amara.send(.POST, Self.path(id, "/verification")).status == .accepted)
            let token = try await Self.verificationToken(app, to: "m.lindqvist@example-hospital.org")
            let supervisor = APIClient(app: app)
            let more = try await supervisor.send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "corrected", "typed_name": "Maya Lindqvist", "hours": 11])
            #expect(more.status == .unprocessableEntity)
            let fewer = try await supervisor.send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "corrected", "typed_name": "Maya Lindqvist", "hours": 6])
            #expect(fewer.status == .noContent)
            let portfolio = try await amara.send(.GET, APIRoute.portfolio.path)
            #expect(try portfolio.content.get(Int.self, at: "summary", "verified_hours") == 6)
            #expect(try portfolio.content.get(Int.self, at: "summary", "completed_hours") == 10)
        }
    }

    @Test func verifiedFieldsAreLockedUntilReopened() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            let id = try await Self.create(amara)
            #expect(try await amara.send(.POST, Self.path(id, "/verification")).status == .accepted)
            let token = try await Self.verificationToken(app, to: "m.lindqvist@example-hospital.org")
            #expect(try await APIClient(app: app).send(.POST, APIRoute.verification.path, json: ["token": token, "outcome": "confirmed", "typed_name": "Maya Lindqvist"]).status == .noContent)
            // The description is the applicant's own: editing it keeps the verification.
            var body = Self.experience
            body["description"] = "Rounded with the inpatient team daily; presented new admissions at morning report."
            let reworded = try await amara.send(.PUT, Self.path(id), json: body)
            #expect(reworded.status == .ok)
            #expect(try reworded.content.get(String.self, at: "verification", "verified_by") == "Maya Lindqvist")
            // Hours and places are what was verified.
            body["ranges"] = [["start": "2026-03-02", "end": "2026-03-27", "prior_hours": 40] as [String: any Sendable]]
            let inflated = try await amara.send(.PUT, Self.path(id), json: body)
            #expect(inflated.status == .conflict)
            #expect(try await amara.send(.GET, Self.path(id)).content.get(Int.self, at: "completed_hours") == 10)
            body["reopen"] = true
            let reopened = try await amara.send(.PUT, Self.path(id), json: body)
            #expect(reopened.status == .ok)
            #expect((try? reopened.content.get(String.self, at: "verification", "verified_by")) == nil)
        }
    }

    @Test func nobodyElseSeesOrChangesAnExperience() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            let (_, bola) = try await Self.applicant(app, "bola@example.org")
            let id = try await Self.create(amara)
            #expect(try await bola.send(.GET, Self.path(id)).status == .notFound)
            #expect(try await bola.send(.PUT, Self.path(id), json: Self.experience).status == .notFound)
            #expect(try await bola.send(.DELETE, Self.path(id)).status == .notFound)
            #expect(try await bola.send(.POST, Self.path(id, "/logs"), json: ["day": "2026-03-03", "hours": 4]).status == .notFound)
            #expect(try await bola.send(.POST, Self.path(id, "/verification")).status == .notFound)
            #expect(try await bola.send(.GET, APIRoute.portfolio.path).content.get([String].self, at: "experiences").isEmpty)
            #expect(try await Browser(app).get(SiteRoute.experience(ExperienceID(id)).path).location?.hasPrefix(SiteRoute.signIn.path) == true)
            #expect(try await HourLog.query(on: app.db).count() == 0)
        }
    }

    @Test func exportsRefuseWhatDoesNotFitAndOtherwiseGiveCSV() async throws {
        try await withRoundsApp { app in
            let (_, amara) = try await Self.applicant(app)
            var body = Self.experience
            body["description"] = String(repeating: "Rounds with the team. ", count: 33)  // 726 characters: over AMCAS, within ERAS
            let id = try await Self.create(amara, body)
            let amcas = try await amara.send(.GET, APIRoute.exportCSV(.amcas).path)
            #expect(amcas.status == .unprocessableEntity)
            #expect(amcas.body.string.contains("AMCAS allows 700"))
            let check = try await amara.send(.GET, APIRoute.export(.amcas).path)
            #expect(try check.content.get(Bool.self, at: "valid") == false)
            // ERAS asks how often the applicant took part: refused until the entry says so.
            let withoutFrequency = try await amara.send(.GET, APIRoute.exportCSV(.eras).path)
            #expect(withoutFrequency.status == .unprocessableEntity)
            #expect(withoutFrequency.body.string.contains("frequency of participation"))
            body["frequency"] = "weekly"
            #expect(try await amara.send(.PUT, Self.path(id), json: body).status == .ok)
            let eras = try await amara.send(.GET, APIRoute.exportCSV(.eras).path)
            #expect(eras.status == .ok)
            #expect(eras.body.string.contains("Weekly"))
            #expect(eras.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(try CSV.parse(eras.body.string).count == 2)
            body["description"] = "Followed the inpatient team on daily rounds."
            #expect(try await amara.send(.PUT, Self.path(id), json: body).status == .ok)
            let fixed = try await amara.send(.GET, APIRoute.exportCSV(.amcas).path)
            #expect(fixed.status == .ok)
            let rows = try CSV.parse(fixed.body.string)
            #expect(rows[1].fields[0] == "Physician Shadowing/Clinical Observation")
            #expect(rows[1].fields[6] == "Dr. Maya Lindqvist")
        }
    }

    @Test func aCompletedPlacementBecomesAnExperienceTheHostCanEvaluateOnce() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.offered(amara)
            #expect(try await fixture.act(amara, .accept, on: id).status == .ok)
            let early = try await fixture.host.send(.POST, "\(APIRoute.applications.path)/\(id.uuidString)/evaluation", json: ["scores": [:] as [String: Int]])
            #expect(early.status == .conflict)
            clock.advance(by: Double(Day(clock.now()).days(to: Day(ordinal: fixture.session.endDay)) + 1) * 86_400)
            #expect(try await ApplicationWorkflow(db: app.db, now: clock.now(), origin: "").completeFinishedPlacements() == 1)
            let portfolio = try await amara.send(.GET, APIRoute.portfolio.path)
            #expect(try portfolio.content.get(String.self, at: "experiences", "0", "title") == fixture.opportunity.title)
            #expect(try portfolio.content.get(UUID.self, at: "experiences", "0", "application_id") == id)

            let scores = Dictionary(uniqueKeysWithValues: Competency.allCases.map { ($0.rawValue, 4) })
            let path = "\(APIRoute.applications.path)/\(id.uuidString)/evaluation"
            let missing = try await fixture.host.send(.POST, path, json: ["scores": scores.filter { $0.key != "professionalism" }])
            #expect(missing.status == .unprocessableEntity)
            // The schema's 2,000 characters count the comments as sent, blank space included.
            let padded = try await fixture.host.send(.POST, path, json: ["scores": scores, "comments": "Reliable" + String(repeating: " ", count: 2_000)] as [String: any Sendable])
            #expect(padded.status == .unprocessableEntity)
            #expect(try await fixture.host.send(.POST, path, json: ["scores": scores, "comments": "Reliable and curious."]).status == .created)
            #expect(try await fixture.host.send(.POST, path, json: ["scores": scores]).status == .conflict)
            #expect(try await amara.send(.POST, path, json: ["scores": scores]).status == .forbidden)
            let experienceID = try portfolio.content.get(UUID.self, at: "experiences", "0", "id")
            #expect(try await amara.send(.POST, PortfolioTests.path(experienceID, "/procedures"), json: ["procedure": "Lumbar puncture", "role": "observed", "count": 2]).status == .created)
            let shown = try await amara.send(.GET, PortfolioTests.path(experienceID))
            #expect(try shown.content.get(Int.self, at: "evaluation", "scores", "professionalism") == 4)
            #expect(try shown.content.get(String.self, at: "procedures", "0", "procedure") == "Lumbar puncture")
            let experience = try #require(try await Experience.query(on: app.db).first())
            let page = try await Factories.browser(app, signedInAs: "amara@example.org").get(SiteRoute.experience(ExperienceID(experience.id!)).path)
            #expect(page.body.string.contains("Reliable and curious."))
            // Issue 16: the 1–5 scale is Rounds' own and the page says so.
            #expect(page.body.string.contains("not an ACGME Milestones level"))
        }
    }
}

@Suite struct PortfolioPageTests {
    @Test func anExperienceIsAddedLoggedAndVerifiedThroughThePages() async throws {
        try await withRoundsApp { app in
            _ = try await PortfolioTests.applicant(app)
            let browser = try await Factories.browser(app, signedInAs: "amara@example.org")
            #expect(try await browser.get(SiteRoute.newExperience.path).status == .ok)
            let created = try await browser.post(
                SiteRoute.experiences.path,
                form: [
                    ("title", "Observer, Cardiology"), ("organization", "Fictional Heart Institute"), ("country", "United States"),
                    ("amcas_type", "physician_shadowing_clinical_observation"), ("hands_on", "true"),
                    ("supervisor_name", "Dr. Omar Haddad"), ("supervisor_email", "o.haddad@example-heart.org"),
                    ("description", "Shadowed the echo lab and the cardiology consult service."),
                    ("ranges[0][start]", "2026-04-06"), ("ranges[0][end]", "2026-04-24"), ("ranges[0][prior_hours]", ""),
                    ("ranges[1][start]", ""), ("ranges[1][end]", ""),
                ]
            )
            #expect(created.status == .seeOther, "\(created.body.string)")
            let path = try #require(created.location)
            let logged = try await browser.post(path + "/logs", form: [("day", "2026-04-07"), ("hours", "6"), ("activities", "Echo reading session")])
            #expect(logged.status == .seeOther)
            let page = try await browser.get(path)
            #expect(page.body.string.contains("6 completed hours in all"))
            #expect(page.body.string.contains("data-limits=\"AMCAS:700,ERAS:750\""))
            #expect(try await browser.post(path + "/verification").status == .seeOther)

            // The supervisor answers in a browser, without an account.
            let token = try await PortfolioTests.verificationToken(app, to: "o.haddad@example-heart.org")
            let supervisor = Browser(app)
            let form = try await supervisor.get(SiteRoute.verifyExperience.path(query: [("token", token)]))
            #expect(form.body.string.contains("Observer, Cardiology"))
            let answered = try await supervisor.post(SiteRoute.verifyExperience.path, form: [("token", token), ("outcome", "confirmed"), ("typed_name", "Omar Haddad")])
            #expect(answered.status == .ok)
            #expect(try await supervisor.post(SiteRoute.verifyExperience.path, form: [("token", token), ("outcome", "confirmed"), ("typed_name", "Omar Haddad")]).status == .gone)
            let overview = try await browser.get(SiteRoute.portfolio.path)
            #expect(overview.body.string.contains("Verified by Omar Haddad on"))
            let csv = try await browser.get(SiteRoute.portfolioExportCSV(.amcas).path)
            #expect(csv.status == .ok)
            #expect(csv.body.string.contains("Verified by Omar Haddad"))
        }
    }
}
