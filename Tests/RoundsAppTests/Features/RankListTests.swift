import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The rank order list (issue 21): built from the program list, reordered without script, certified by
/// typed name, stale after a change, closed after the deadline, exported; and the same over JSON.
@Suite struct RankListTests {
    static func rankList(_ year: Int = 2027) -> String { SiteRoute.rankList.path(query: [("year", "\(year)")]) }
    static func move(_ year: Int = 2027) -> String { SiteRoute.rankListMove.path(query: [("year", "\(year)")]) }

    static func ids(_ app: Application, year: Int = 2027) async throws -> [String: String] {
        let programs = try await ResidencyProgram.query(on: app.db).filter(\.$matchYear == year).all()
        return Dictionary(uniqueKeysWithValues: programs.map { ($0.name, $0.id!.uuidString) })
    }

    static func order(_ app: Application, year: Int = 2027) async throws -> [String] {
        try await ResidencyProgram.query(on: app.db).filter(\.$matchYear == year).filter(\.$rank != nil).sort(\.$rank).all().map(\.name)
    }

    @Test func anApplicantRanksTwelveReordersCertifiesAndMustRecertifyAfterAChange() async throws {
        try await withRoundsApp { app in
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            let names = (1...12).map { "Fictional Program \($0 < 10 ? "0" : "")\($0)" }
            for name in names {
                #expect(try await browser.post(ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program(name)).status == .seeOther)
            }
            let ids = try await Self.ids(app)
            for name in names {
                let added = try await browser.post(Self.move(), form: [("program", ids[name]!), ("action", "add")])
                #expect(added.status == .seeOther)
            }
            #expect(try await Self.order(app) == names)
            // Up, down, to a position, remove; none needs a script.
            _ = try await browser.post(Self.move(), form: [("program", ids["Fictional Program 12"]!), ("action", "to"), ("position", "1")])
            _ = try await browser.post(Self.move(), form: [("program", ids["Fictional Program 01"]!), ("action", "down")])
            _ = try await browser.post(Self.move(), form: [("program", ids["Fictional Program 05"]!), ("action", "up")])
            var expected = names
            expected.insert(expected.removeLast(), at: 0)  // 12 first
            expected.swapAt(1, 2)  // 01 down
            let five = expected.firstIndex(of: "Fictional Program 05")!
            expected.swapAt(five, five - 1)  // 05 up
            #expect(try await Self.order(app) == expected)
            let page = try await browser.get(Self.rankList())
            #expect(page.text.contains("Not certified"))
            #expect(page.text.contains("At most 300 programs (NRMP)"))
            #expect(page.text.contains("Certification deadline: not published yet."))
            let badPosition = try await browser.post(Self.move(), form: [("program", ids["Fictional Program 02"]!), ("action", "to"), ("position", "first")])
            #expect(try await browser.get(badPosition.location ?? "").text.contains("Enter the position as a whole number from 1."))

            // Certify: a wrong name is refused; the account's name certifies.
            let wrong = try await browser.post(SiteRoute.rankListCertify.path(query: [("year", "2027")]), form: [("name", "Someone Else")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Type your name exactly as your account shows it (Amara Okafor) to certify."))
            let certified = try await browser.post(SiteRoute.rankListCertify.path(query: [("year", "2027")]), form: [("name", "amara okafor")])
            #expect(certified.status == .seeOther)
            #expect(try await browser.get(Self.rankList()).text.contains("Certified by Amara Okafor on"))
            // A change after certification: certify again. Withdrawing a program takes it off the list.
            _ = try await browser.post(Self.move(), form: [("program", ids["Fictional Program 03"]!), ("action", "remove")])
            #expect(try await browser.get(Self.rankList()).text.contains("certify again"))
            let program = try #require(try await ResidencyProgram.query(on: app.db).filter(\.$name == "Fictional Program 04").first())
            var form = ResidencyPlannerTests.program("Fictional Program 04", status: "withdrawn")
            form.append(("interview_time_zone", "America/New_York"))
            _ = try await browser.post(SiteRoute.residencyProgram(try program.requireTypedID()).path, form: form)
            #expect(!(try await Self.order(app)).contains("Fictional Program 04"))
            #expect(try await Self.order(app).count == 10)

            let csv = try await browser.get(SiteRoute.rankListCSV.path(query: [("year", "2027")]))
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "rank,program,specialty,city,state,nrmp_code")
            #expect(lines[1] == "1,Fictional Program 12,Internal Medicine,Boston,MA,")
            #expect(lines.count == 11)
        }
    }

    @Test func noListChangesAfterTheDeadline() async throws {
        try await withRoundsApp { app in
            // The test clock stands in September 2026: the 2026 Match's deadline (March 4) has passed.
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            _ = try await browser.post(SiteRoute.residencyPrograms.path(query: [("year", "2026")]), form: ResidencyPlannerTests.program("Fictional Late IM"))
            let id = try #require(try await Self.ids(app, year: 2026)["Fictional Late IM"])
            let refused = try await browser.post(Self.move(2026), form: [("program", id), ("action", "add")])
            #expect(try await browser.get(refused.location ?? "").text.contains("The rank order list deadline has passed (Wed 4 Mar 2026, 9 p.m. ET)"))
            #expect(try await Self.order(app, year: 2026).isEmpty)
            #expect(try await browser.get(Self.rankList(2026)).text.contains("Certification deadline: Wed 4 Mar 2026, 9 p.m. ET."))
        }
    }

    @Test func theAPIReplacesTheOrderCertifiesAndRefusesOthersPrograms() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            var ids: [String] = []
            for name in ["Fictional A", "Fictional B", "Fictional C"] {
                let created = try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": name, "specialty": "Internal Medicine"])
                #expect(created.status == .created)
                ids.append(try created.content.get(String.self, at: "id"))
            }
            let path = APIRoute.rankList.path(query: [("year", "2027")])
            let replaced = try await client.send(.PUT, path, json: ["program_ids": [ids[2], ids[0]]])
            #expect(replaced.status == .ok)
            let list = try replaced.content.decode(RankListResponse.self)
            #expect(list.ranked.map(\.program.name) == ["Fictional C", "Fictional A"])
            #expect(list.rankable.map(\.name) == ["Fictional B"])
            #expect(list.certification.state == "never")
            #expect(try await client.send(.PUT, path, json: ["program_ids": [ids[0], ids[0]]]).status == .unprocessableEntity)
            let other = try await APIClient.signedUp(app, email: "other@example.org")
            let theirs = try await other.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": "Theirs", "specialty": "Pediatrics"])
            let theirID = try theirs.content.get(String.self, at: "id")
            #expect(try await client.send(.PUT, path, json: ["program_ids": [theirID]]).status == .unprocessableEntity)
            let certify = try await client.send(.POST, APIRoute.rankListCertify.path(query: [("year", "2027")]), json: ["name": "Amara Okafor"])
            #expect(certify.status == .ok)
            #expect(try certify.content.decode(RankListResponse.self).certification.state == "current")
            _ = try await client.send(.PUT, path, json: ["program_ids": [ids[0], ids[2]]])
            #expect(try await client.send(.GET, path).content.decode(RankListResponse.self).certification.state == "stale")
            let csv = try await client.send(.GET, APIRoute.rankListCSV.path(query: [("year", "2027")]))
            #expect(csv.body.string.contains("1,Fictional A,Internal Medicine"))
        }
    }
}

extension RankListTests {
    @Test func theSimulatorShowsChartsTablesAndItsAssumptions() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            #expect(try await client.send(.GET, APIRoute.rankListSimulation.path(query: [("year", "2027")])).status == .unprocessableEntity)
            var ids: [String] = []
            for name in ["Fictional One", "Fictional Two", "Fictional Three"] {
                let created = try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": name, "specialty": "Internal Medicine"])
                ids.append(try created.content.get(String.self, at: "id"))
            }
            _ = try await client.send(.PUT, APIRoute.rankList.path(query: [("year", "2027")]), json: ["program_ids": ids])
            let answer = try await client.send(.GET, APIRoute.rankListSimulation.path(query: [("year", "2027")]))
            #expect(answer.status == .ok)
            let simulation = try answer.content.decode(SimulationResponse.self)
            #expect(simulation.byRank.count == 3 && simulation.byLength.count == 3)
            #expect((0...1).contains(simulation.matchProbability))
            #expect(abs(simulation.byRank.reduce(0, +) - simulation.matchProbability) < 1e-9)
            #expect(!simulation.calibrated && !simulation.assumptions.isEmpty)
            // The same list gives the same figures.
            #expect(try await client.send(.GET, APIRoute.rankListSimulation.path(query: [("year", "2027")])).content.decode(SimulationResponse.self).matchProbability == simulation.matchProbability)

            let browser = Browser(app)
            _ = try await browser.signIn(email: "amara@example.org")
            let page = try await browser.get(SiteRoute.rankListSimulation.path(query: [("year", "2027")]))
            #expect(page.status == .ok)
            #expect(page.text.contains("Chance of matching: "))
            #expect(page.text.contains("<svg") && page.text.contains("<title>Chance of matching at each rank</title>"))
            #expect(page.text.contains(#"<td data-label="Program">Fictional Two</td>"#))
            #expect(page.text.contains("Uncalibrated model"))
            #expect(page.text.contains("(Step 2 CK − 245) / 15"))
        }
    }
}

extension RankListTests {
    @Test func onlyTheAdvisorsAnApplicantChoosesSeeTheirList() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Factories.signedIn(app, email: "priya@example.org", roles: [.advisor])
            let (otherAdvisor, _) = try await Factories.signedIn(app, email: "other-advisor@example.org", roles: [.advisor])
            _ = try await Factories.user(app, email: "host@example.org", roles: [.host])
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            _ = try await browser.post(ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program("Fictional Shared IM"))
            let id = try #require(try await Self.ids(app)["Fictional Shared IM"])
            _ = try await browser.post(Self.move(), form: [("program", id), ("action", "add")])

            // Only an advisor's address is accepted.
            let host = try await browser.post(SiteRoute.rankListAdvisors.path(query: [("year", "2027")]), form: [("email", "host@example.org")])
            #expect(host.status == .unprocessableEntity && host.text.contains("No advisor in Rounds has that e-mail address."))
            #expect(host.text.contains(#"value="host@example.org""#), "the refused address is kept")
            #expect(try await advisor.get(SiteRoute.advisorRankLists.path).text.contains("No applicant has shared"))

            _ = try await browser.post(SiteRoute.rankListAdvisors.path(query: [("year", "2027")]), form: [("email", "priya@example.org")])
            let share = try #require(try await RankListShare.query(on: app.db).first())
            let sharePath = SiteRoute.advisorRankList(try share.requireTypedID()).path(query: [("year", "2027")])
            let page = try await advisor.get(sharePath)
            #expect(page.status == .ok)
            #expect(page.text.contains("Amara Okafor: 2027 rank order list") && page.text.contains("Fictional Shared IM"))
            #expect(!page.text.contains(SiteRoute.rankListMove.path), "read only: no move forms")
            #expect(try await otherAdvisor.get(sharePath).status == .notFound)
            #expect(try await browser.get(Self.rankList()).text.contains("Stop sharing with"))

            _ = try await browser.post(SiteRoute.deleteRankListShare(try share.requireTypedID()).path)
            #expect(try await advisor.get(sharePath).status == .notFound)
        }
    }
}

extension RankListTests {
    @Test func sharingWorksOverTheAPIToo() async throws {
        try await withRoundsApp { app in
            let (_, advisor) = try await Factories.signedIn(app, email: "priya@example.org", roles: [.advisor])
            let (_, other) = try await Factories.signedIn(app, email: "other-advisor@example.org", roles: [.advisor])
            let client = try await APIClient.signedUp(app)
            let created = try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": "Fictional API IM", "specialty": "Internal Medicine"])
            _ = try await client.send(.PUT, APIRoute.rankList.path(query: [("year", "2027")]), json: ["program_ids": [try created.content.get(String.self, at: "id")]])
            #expect(try await client.send(.POST, APIRoute.rankListAdvisors.path, json: ["email": "amara@example.org"]).status == .unprocessableEntity)
            // The schema's maxLength counts the address as sent: the advisor's address padded past it is refused.
            #expect(try await client.send(.POST, APIRoute.rankListAdvisors.path, json: ["email": "priya@example.org" + String(repeating: " ", count: 250)]).status == .unprocessableEntity)
            let shared = try await client.send(.POST, APIRoute.rankListAdvisors.path, json: ["email": "priya@example.org"])
            #expect(shared.status == .created)
            #expect(try await client.send(.POST, APIRoute.rankListAdvisors.path, json: ["email": "priya@example.org"]).status == .unprocessableEntity)
            let id = try shared.content.get(UUID.self, at: "id")
            let lists = try await advisor.send(.GET, APIRoute.advisorRankLists.path)
            #expect(try lists.content.decode([API.RankListController.ShareResponse].self).map(\.applicant) == ["Amara Okafor"])
            let list = try await advisor.send(.GET, APIRoute.advisorRankList(RankListShareID(rawValue: id)).path(query: [("year", "2027")]))
            #expect(try list.content.decode(RankListResponse.self).ranked.map(\.program.name) == ["Fictional API IM"])
            #expect(try await other.send(.GET, APIRoute.advisorRankList(RankListShareID(rawValue: id)).path).status == .notFound)
            #expect(try await client.send(.DELETE, APIRoute.rankListAdvisor(RankListShareID(rawValue: id)).path).status == .noContent)
            #expect(try await advisor.send(.GET, APIRoute.advisorRankList(RankListShareID(rawValue: id)).path).status == .notFound)
        }
    }
}
