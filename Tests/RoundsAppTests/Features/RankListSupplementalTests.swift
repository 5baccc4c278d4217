import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Supplemental PGY-1 lists on the rank order list (issue 21): linked to a ranked program, changed without
/// script, part of what is certified, exported, shown to shared advisors, and the same over JSON.
@Suite struct RankListSupplementalTests {
    static func supplemental(_ year: Int = 2027) -> String { SiteRoute.rankListSupplemental.path(query: [("year", "\(year)")]) }

    @Test func knownProgramTypesKeepSupplementalListsToAdvancedAndPreliminaryPrograms() async throws {
        try await withRoundsApp { app in
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            let programs: [(String, [(String, String)])] = [
                ("Fictional Radiology", [("nrmp_code", "1234420A0")]), ("Fictional IM", [("nrmp_code", "1234140c0")]),
                ("Fictional Prelim", [("position_type", "P")]), ("Fictional Categorical Surgery", [("position_type", "C")]),
            ]
            for (name, extra) in programs {
                #expect(try await browser.post(ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program(name, extra: extra)).status == .seeOther)
            }
            let clash = try await browser.post(
                ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program("Fictional Clash", extra: [("nrmp_code", "1234140C0"), ("position_type", "A")]))
            #expect(clash.status == .unprocessableEntity && clash.text.contains("The NRMP code says this is a C program"))
            let types = try await ResidencyProgram.query(on: app.db).all().reduce(into: [String: PositionType?]()) { $0[$1.name] = $1.positionType }
            #expect(types == ["Fictional Radiology": .advanced, "Fictional IM": .categorical, "Fictional Prelim": .preliminary, "Fictional Categorical Surgery": .categorical])

            let ids = try await RankListTests.ids(app)
            for name in ["Fictional Radiology", "Fictional IM"] {
                _ = try await browser.post(RankListTests.move(), form: [("program", ids[name]!), ("action", "add")])
            }
            let underCategorical = try await browser.post(Self.supplemental(), form: [("advanced", ids["Fictional IM"]!), ("program", ids["Fictional Prelim"]!), ("action", "add")])
            #expect(try await browser.get(underCategorical.location ?? "").text.contains("belongs to an advanced (A) program; this one is type C"))
            let categoricalOnIt = try await browser.post(
                Self.supplemental(), form: [("advanced", ids["Fictional Radiology"]!), ("program", ids["Fictional Categorical Surgery"]!), ("action", "add")])
            #expect(try await browser.get(categoricalOnIt.location ?? "").text.contains("holds preliminary (P) programs; this one is type C"))
            #expect(try await browser.post(Self.supplemental(), form: [("advanced", ids["Fictional Radiology"]!), ("program", ids["Fictional Prelim"]!), ("action", "add")]).status == .seeOther)
            #expect(try await SupplementalEntry.query(on: app.db).all().map(\.programID.uuidString) == [ids["Fictional Prelim"]!])
            // The page offers only what the rule allows and shows where the types come from.
            let form = try await browser.get(ResidencyPlannerTests.programs).text
            #expect(form.contains("https://www.nrmp.org/program-codes-and-types/"))
        }
    }

    @Test func anApplicantLinksAPGY1ListToAnAdvancedProgramAndMustCertifyAgain() async throws {
        try await withRoundsApp { app in
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            for name in ["Advanced Radiology", "Categorical IM", "Prelim A", "Prelim B"] {
                #expect(try await browser.post(ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program(name)).status == .seeOther)
            }
            let ids = try await RankListTests.ids(app)
            for name in ["Advanced Radiology", "Categorical IM"] {
                _ = try await browser.post(RankListTests.move(), form: [("program", ids[name]!), ("action", "add")])
            }
            let certify = try await browser.post(SiteRoute.rankListCertify.path(query: [("year", "2027")]), form: [("name", "Amara Okafor")])
            #expect(certify.status == .seeOther)

            let advanced = ids["Advanced Radiology"]!
            for name in ["Prelim A", "Prelim B"] {
                let added = try await browser.post(Self.supplemental(), form: [("advanced", advanced), ("program", ids[name]!), ("action", "add")])
                #expect(try await browser.get(added.location ?? "").text.contains("Supplemental list saved."))
            }
            _ = try await browser.post(Self.supplemental(), form: [("advanced", advanced), ("program", ids["Prelim B"]!), ("action", "up")])
            let stored = try await SupplementalEntry.query(on: app.db).sort(\.$position).all()
            #expect(stored.map(\.programID.uuidString) == [ids["Prelim B"]!, ids["Prelim A"]!])
            #expect(stored.allSatisfy { $0.advancedProgramID.uuidString == advanced })

            let page = try await browser.get(RankListTests.rankList())
            #expect(page.text.contains("Supplemental list for Advanced Radiology (2 programs)"))
            #expect(page.text.contains("certify again"), "a supplemental change is a change to what was certified")
            #expect(page.text.contains(RankOrderList.supplementalSource))

            // The rules, each refused with its reason and nothing stored.
            func refusal(_ form: [(String, String)]) async throws -> String {
                let answer = try await browser.post(Self.supplemental(), form: form)
                return try await browser.get(answer.location ?? "").text
            }
            #expect(try await refusal([("advanced", advanced), ("program", advanced), ("action", "add")]).contains("A program cannot be on its own supplemental list."))
            #expect(
                try await refusal([("advanced", ids["Prelim A"]!), ("program", ids["Prelim B"]!), ("action", "add")])
                    .contains("Rank the advanced program first"))
            #expect(try await refusal([("advanced", advanced), ("program", ids["Prelim A"]!), ("action", "add")]).contains("already"))
            #expect(try await refusal([("advanced", advanced), ("program", UUID().uuidString), ("action", "add")]).contains("still open"))
            #expect(try await browser.post(Self.supplemental(), form: [("advanced", "nope"), ("program", ids["Prelim A"]!), ("action", "add")]).status == .badRequest)
            #expect(try await SupplementalEntry.query(on: app.db).count() == 2)

            let csv = try await browser.get(SiteRoute.rankListCSV.path(query: [("year", "2027")])).body.string
            #expect(csv.contains("1,Advanced Radiology,Internal Medicine"))
            #expect(csv.contains("1.1,Prelim B,Internal Medicine"))
            #expect(csv.contains("1.2,Prelim A,Internal Medicine"))
            #expect(csv.contains("2,Categorical IM,Internal Medicine"))

            // A program leaving the rank list takes its supplemental list with it.
            _ = try await browser.post(RankListTests.move(), form: [("program", advanced), ("action", "remove")])
            #expect(try await SupplementalEntry.query(on: app.db).count() == 0)
        }
    }

    @Test func theAPIReplacesASupplementalListAndRefusesWhatTheRulesForbid() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            var ids: [String] = []
            for name in ["Advanced Derm", "Prelim X", "Prelim Y"] {
                let created = try await client.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": name, "specialty": "Internal Medicine"])
                ids.append(try created.content.get(String.self, at: "id"))
            }
            let path = APIRoute.rankListSupplemental.path(query: [("year", "2027")])
            // Not ranked yet: refused.
            #expect(try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [ids[1]]]).status == .unprocessableEntity)
            _ = try await client.send(.PUT, APIRoute.rankList.path(query: [("year", "2027")]), json: ["program_ids": [ids[0]]])
            let replaced = try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [ids[2], ids[1]]])
            #expect(replaced.status == .ok)
            let list = try replaced.content.decode(RankListResponse.self)
            #expect(list.ranked.first?.supplemental.map(\.name) == ["Prelim Y", "Prelim X"])
            #expect(try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [ids[1], ids[1]]]).status == .unprocessableEntity)
            #expect(try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [ids[0]]]).status == .unprocessableEntity)
            let other = try await APIClient.signedUp(app, email: "other@example.org")
            let theirs = try await other.send(.POST, APIRoute.residencyPrograms.path(query: [("year", "2027")]), json: ["name": "Theirs", "specialty": "Pediatrics"])
            let theirID = try theirs.content.get(String.self, at: "id")
            #expect(try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [theirID]]).status == .unprocessableEntity)
            #expect(try await client.send(.PUT, path, json: ["advanced_id": "x", "program_ids": [String]()]).status == .badRequest)
            // Nothing of the refusals was stored; an empty list removes the list.
            #expect(try await client.send(.GET, APIRoute.rankList.path(query: [("year", "2027")])).content.decode(RankListResponse.self).ranked.first?.supplemental.count == 2)
            let emptied = try await client.send(.PUT, path, json: ["advanced_id": ids[0], "program_ids": [String]()])
            #expect(try emptied.content.decode(RankListResponse.self).ranked.first?.supplemental.isEmpty == true)
            #expect(try await SupplementalEntry.query(on: app.db).count() == 0)
        }
    }

    @Test func aSharedAdvisorReadsTheSupplementalList() async throws {
        try await withRoundsApp { app in
            let browser = try await ResidencyPlannerTests.signedInIMG(app)
            let (advisor, _) = try await Factories.signedIn(app, email: "priya@example.org", roles: [.advisor])
            for name in ["Advanced Neuro", "Prelim Z"] {
                _ = try await browser.post(ResidencyPlannerTests.programs, form: ResidencyPlannerTests.program(name))
            }
            let ids = try await RankListTests.ids(app)
            _ = try await browser.post(RankListTests.move(), form: [("program", ids["Advanced Neuro"]!), ("action", "add")])
            _ = try await browser.post(Self.supplemental(), form: [("advanced", ids["Advanced Neuro"]!), ("program", ids["Prelim Z"]!), ("action", "add")])
            _ = try await browser.post(SiteRoute.rankListAdvisors.path(query: [("year", "2027")]), form: [("email", "priya@example.org")])
            let share = try #require(try await RankListShare.query(on: app.db).first())
            let page = try await advisor.get(SiteRoute.advisorRankList(RankListShareID(rawValue: try share.requireID())).path(query: [("year", "2027")]))
            #expect(page.text.contains(#"<td data-label="Supplemental list (PGY-1)">1. Prelim Z</td>"#))
            #expect(!page.text.contains(SiteRoute.rankListSupplemental.path), "read only")
        }
    }
}
