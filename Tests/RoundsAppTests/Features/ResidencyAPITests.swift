import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The residency planner over JSON (issue 19): the same rules as the pages, with sources in the answer.
@Suite struct ResidencyAPITests {
    static func signedUpIMG(_ app: Application) async throws -> APIClient {
        let client = try await APIClient.signedUp(app)
        let profile = try await client.send(
            .PUT, APIRoute.profile.path,
            json: [
                "track": "img_graduate", "medical_school": "University of Lagos", "school_country": "Nigeria", "graduation_year": 2022,
                "visa_status": "needs_visa", "specialties": ["internal-medicine"], "target_match_year": 2027,
            ])
        #expect(profile.status == .ok)
        return client
    }

    static func program(_ name: String, _ extra: [String: any Sendable] = [:]) -> [String: any Sendable] {
        ["name": name, "specialty": "Internal Medicine", "city": "Boston", "state": "MA", "status": "applied"].merging(extra) { _, new in new }
    }

    @Test func thePlanCarriesDatesTasksAndTheirSources() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            let response = try await client.send(.GET, APIRoute.residencyPlan.path)
            #expect(response.status == .ok)
            let plan = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(plan?["match_year"] as? Int == 2027)
            let milestones = try #require(plan?["milestones"] as? [[String: Any]])
            let deadline = try #require(milestones.first { $0["kind"] as? String == "rank_order_list_deadline" })
            #expect(deadline["date"] == nil, "not published: no date, never a guess")
            let matchDay = try #require(milestones.first { $0["kind"] as? String == "match_day" })
            #expect(matchDay["date"] as? String == "2027-03-19")
            #expect((matchDay["source"] as? [String: Any])?["confidence"] as? String == "inferred")
            let tasks = try #require(plan?["tasks"] as? [[String: Any]])
            let token = try #require(tasks.first { $0["task"] as? String == "ecfmg_eras_token" })
            #expect(token["state"] as? String == "overdue")
            #expect((token["source"] as? [String: Any])?["url"] as? String == "https://ecfmg.org/eras/")
            #expect(try await client.send(.GET, APIRoute.residencyPlan.path(query: [("year", "2031")])).status == .notFound)
            #expect(try await client.send(.GET, APIRoute.residencyPlan.path(query: [("year", "soon")])).status == .badRequest)
            // A sign is not part of the document's integer, though Int(_:) reads it.
            #expect(try await client.send(.GET, APIRoute.residencyPlan.path(query: [("year", "+2027")])).status == .badRequest)
        }
    }

    @Test func ticksAreSavedForTasksDoneOutsideRoundsOnly() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            #expect(try await client.send(.PUT, APIRoute.residencyTask(.nrmpRegistration).path, json: ["done": true]).status == .noContent)
            #expect(try await client.send(.PUT, APIRoute.residencyTask(.usmleStep1).path, json: ["done": true]).status == .unprocessableEntity)
            #expect(try await client.send(.PUT, APIRoute.residencyTask(.nrmpRegistration).path, json: ["done": "yes"]).status == .badRequest)
            let checks = try await ResidencyTaskCheck.query(on: app.db).all()
            #expect(checks.map(\.task) == [.nrmpRegistration])
            #expect(checks.first?.matchYear == 2027)
        }
    }

    @Test func programsAreCreatedReadChangedAndRemoved() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            let created = try await client.send(
                .POST, APIRoute.residencyPrograms.path,
                json: Self.program("Mercy IM", ["status": "interview_scheduled", "interview_date": "2026-11-10", "interview_time": "09:30", "signal": "gold"]))
            #expect(created.status == .created)
            let id = try created.content.get(UUID.self, at: "id")
            #expect(try created.content.get(String.self, at: "interview_time") == "09:30")
            #expect(try created.content.get(Int.self, at: "match_year") == 2027)
            let path = APIRoute.residencyProgram(ResidencyProgramID(rawValue: id)).path
            #expect(try await client.send(.GET, path).status == .ok)
            let back = try await client.send(.PUT, path, json: Self.program("Mercy IM", ["status": "considering"]))
            #expect(back.status == .unprocessableEntity, "two steps back is refused")
            let moved = try await client.send(.PUT, path, json: Self.program("Mercy IM", ["status": "interviewed", "interview_date": "2026-11-10"]))
            #expect(moved.status == .ok)
            #expect(try moved.content.get(String.self, at: "status") == "interviewed")
            let list = try await client.send(.GET, APIRoute.residencyPrograms.path)
            #expect(try list.content.decode([ResidencyProgramResponse].self).map(\.name) == ["Mercy IM"])
            #expect(try await client.send(.DELETE, path).status == .noContent)
            #expect(try await client.send(.GET, path).status == .notFound)
        }
    }

    @Test func badProgramsAreRefusedWithFieldErrorsAndNothingSaved() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            let cases: [[String: any Sendable]] = [
                Self.program(String(repeating: "x", count: 201)),
                Self.program("A", ["specialty": " Internal Medicine"]),
                Self.program("A", ["interview_time_zone": "Mars/Olympus"]),
                Self.program("A", ["interview_format": "telepathy"]),
                Self.program("A", ["interview_time": "9am"]),
                Self.program("A", ["state": "Massachusetts"]),
                Self.program("A", ["nrmp_code": "12"]),
                Self.program("A", ["status": "interviewed"]),
                Self.program("A", ["signal": "signal"]),
            ]
            for body in cases {
                let response = try await client.send(.POST, APIRoute.residencyPrograms.path, json: body)
                #expect(response.status == .unprocessableEntity, "\(body)")
                #expect(response.body.string.contains("\"fields\""), "\(body)")
            }
            #expect(try await client.send(.POST, APIRoute.residencyPrograms.path, json: ["name": 5]).status == .badRequest)
            #expect(try await client.send(.POST, APIRoute.residencyPrograms.path, raw: "name=x", contentType: .urlEncodedForm).status == .unsupportedMediaType)
            #expect(try await ResidencyProgram.query(on: app.db).count() == 0)
        }
    }

    @Test func settingsAreSavedAndShownInThePlan() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            let saved = try await client.send(.PUT, APIRoute.residencySettings.path, json: ["wants_h1b": true, "reminder_days": 14, "weekly_digest": false])
            #expect(saved.status == .ok)
            let odd = try await client.send(.PUT, APIRoute.residencySettings.path, json: ["wants_h1b": true, "reminder_days": 5, "weekly_digest": false])
            #expect(odd.status == .unprocessableEntity)
            let plan = try await client.send(.GET, APIRoute.residencyPlan.path).content.decode(ResidencyPlanResponse.self)
            #expect(plan.reminderDays == 14)
            #expect(plan.wantsH1B)
            #expect(plan.tasks.contains { $0.task == "usmle_step3" })
        }
    }

    @Test func theCalendarFeedIsMadeAndTurnedOffOverTheAPI() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            let made = try await client.send(.POST, APIRoute.residencyCalendar.path)
            #expect(made.status == .created)
            let url = try made.content.get(String.self, at: "url")
            let path = try #require(url.range(of: "/residency/").map { String(url[$0.lowerBound...]) })
            #expect(try await Browser(app).get(path).status == .ok)
            #expect(try await client.send(.DELETE, APIRoute.residencyCalendar.path).status == .noContent)
            #expect(try await Browser(app).get(path).status == .notFound)
        }
    }

    @Test func thePlanReportsClashesAndFees() async throws {
        try await withRoundsApp { app in
            let client = try await Self.signedUpIMG(app)
            for name in ["A", "B"] {
                let response = try await client.send(
                    .POST, APIRoute.residencyPrograms.path, json: Self.program(name, ["status": "interview_scheduled", "interview_date": "2026-11-10"]))
                #expect(response.status == .created)
            }
            let plan = try await client.send(.GET, APIRoute.residencyPlan.path)
            let body = try plan.content.decode(ResidencyPlanResponse.self)
            #expect(body.clashes.map(\.date) == ["2026-11-10"])
            #expect(body.clashes.first?.programIDs.count == 2)
            #expect(body.fees.erasSeasonUsed == 2026)
            #expect(body.fees.specialties.first?.amount == 22)
            #expect(body.fees.total == 22 + 80 + 165 + 75)
        }
    }
}

/// Signals sent at once never exceed a budget, and none fails for a busy database (SQLite refused a
/// transaction that read before writing while another wrote, as 500s, until the list was locked first).
@Suite struct ResidencySignalRaceTests {
    @Test func tenGoldSignalsAtOnceLeaveExactlyThree() async throws {
        try await withRoundsApp { app in
            let client = try await ResidencyAPITests.signedUpIMG(app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await client.send(.POST, APIRoute.residencyPrograms.path, json: ResidencyAPITests.program("Program \(index)", ["signal": "gold"])).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 3)
            #expect(statuses.filter { $0 == .unprocessableEntity }.count == 7, "\(statuses)")
            #expect(try await ResidencyProgram.query(on: app.db).filter(\.$signal == .gold).count() == 3)
        }
    }
}
