import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// The residency program directory (issue 20): kept by administrators and advisors with a change log,
/// searched by applicants with a verdict and its sourced reasons, added to the program list.
@Suite struct DirectoryTests {
    static let source = "https://fictional-program.example.org/eligibility"

    /// A directory CSV with two fictional programs: one known to take the J-1 with a Step 2 CK floor,
    /// one whose visa stance is unknown.
    static var csv: String {
        func row(_ cells: [String: String]) -> String { DirectoryCSV.columns.map { cells[$0] ?? "" }.joined(separator: ",") + "\n" }
        var first: [String: String] = [
            "name": "Fictional Harbor IM", "specialty": "Internal Medicine", "sponsoring_institution": "Fictional Harbor Health", "city": "Brooklyn",
            "state": "NY", "zip": "11201", "application_service": "eras", "positions": "20", "usce_hands_on": "no",
        ]
        for (field, value) in [("accepts_j1", "yes"), ("min_step2_ck", "230")] {
            first[field] = value
            first["\(field)_source"] = Self.source
            first["\(field)_verified_on"] = "2026-08-01"
            first["\(field)_verified_by"] = "Dana Advisor"
        }
        let second: [String: String] = [
            "name": "Fictional Prairie Pediatrics", "specialty": "Pediatrics", "sponsoring_institution": "Fictional Prairie", "city": "Chicago",
            "state": "IL", "zip": "60611", "application_service": "eras",
        ]
        return DirectoryCSV.columns.joined(separator: ",") + "\n" + row(first) + row(second)
    }

    static func advisor(_ app: Application) async throws -> (Browser, APIClient) {
        try await Factories.signedIn(app, email: "dana@example.org", roles: [.advisor])
    }

    static func importCSV(_ browser: Browser, _ text: String) async throws -> TestingHTTPResponse {
        try await browser.upload(SiteRoute.adminDirectoryImport.path, fields: [], fileName: "directory.csv", bytes: Array(text.utf8))
    }

    static func entry(_ app: Application, named name: String) async throws -> DirectoryEntry {
        try #require(try await DirectoryEntry.query(on: app.db).filter(\.$name == name).with(\.$facts).first())
    }

    @Test func anAdvisorImportsWholeFilesOnlyAndEveryChangeIsLogged() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Self.advisor(app)
            // One bad cell (a value without its source) refuses the whole file, naming line and column.
            let bad = Self.csv.replacingOccurrences(of: Self.source, with: "")
            let refused = try await Self.importCSV(advisor, bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("line 2, accepts_j1_source: a value needs the web address it was read from"))
            #expect(try await DirectoryEntry.query(on: app.db).count() == 0)

            let imported = try await Self.importCSV(advisor, Self.csv)
            #expect(imported.status == .seeOther)
            let list = try await advisor.get(SiteRoute.adminDirectory.path)
            #expect(list.text.contains("Imported: 2 programs added, 0 updated, 0 unchanged."))
            #expect(list.text.contains("Fictional Harbor IM"))
            // The same file again changes nothing.
            _ = try await Self.importCSV(advisor, Self.csv)
            #expect(try await advisor.get(SiteRoute.adminDirectory.path).text.contains("0 programs added, 0 updated, 2 unchanged."))

            // An edit through the form: the fact's new value, with its source, goes to the log.
            let harbor = try await Self.entry(app, named: "Fictional Harbor IM")
            let id = try harbor.requireTypedID()
            var form = try Self.form(of: harbor)
            form["min_step2_ck"] = "235"
            form["min_step2_ck_verified_on"] = "2026-09-01"
            let saved = try await advisor.post(SiteRoute.adminDirectoryProgram(id).path, form: form.map { ($0.key, $0.value) })
            #expect(saved.status == .seeOther)
            let page = try await advisor.get(SiteRoute.adminDirectoryProgram(id).path)
            #expect(page.text.contains("230 (checked 2026-08-01 by Dana Advisor)"))
            #expect(page.text.contains("235 (checked 2026-09-01 by Dana Advisor)"))
            let changes = try await DirectoryChange.query(on: app.db).filter(\.$program.$id == id.rawValue).filter(\.$field == "min_step2_ck").sort(\.$changedAt).all()
            #expect(changes.map(\.newValue) == ["230 (checked 2026-08-01 by Dana Advisor)", "235 (checked 2026-09-01 by Dana Advisor)"])
            #expect(changes.last?.$changedBy.id != nil)
            #expect(changes.last?.source == Self.source)

            // A value without provenance is refused, and nothing changes.
            form["sponsors_h1b"] = "yes"
            form["sponsors_h1b_source"] = ""
            let refusedEdit = try await advisor.post(SiteRoute.adminDirectoryProgram(id).path, form: form.map { ($0.key, $0.value) })
            #expect(refusedEdit.status == .unprocessableEntity)
            // The summary says it in words and leads to the field, never naming the column.
            #expect(refusedEdit.text.contains(##"<a href="#field-sponsors_h1b_source">Sponsors the H-1B, source: a value needs the web address it was read from</a>"##))
            #expect(refusedEdit.text.contains(#"id="field-sponsors_h1b_source""#))
            #expect(try await Self.entry(app, named: "Fictional Harbor IM").program().requirements.sponsorsH1B == nil)

            // Export, then import the export: nothing changes (round trip).
            let export = try await advisor.get(SiteRoute.adminDirectoryExport.path)
            #expect(export.headers.contentType?.subType == "csv")
            _ = try await Self.importCSV(advisor, export.text)
            #expect(try await advisor.get(SiteRoute.adminDirectory.path).text.contains("0 programs added, 0 updated, 2 unchanged."))
        }
    }

    /// The admin form's fields for an entry, as the page fills them.
    static func form(of entry: DirectoryEntry) throws -> [String: String] {
        DirectoryProgramDraft(entry.program()).columnValues
    }

    @Test func anApplicantSeesEachVerdictWithItsSourcedReasonsAndAddsTwoPrograms() async throws {
        try await withRoundsApp { app in
            let (advisor, _) = try await Self.advisor(app)
            #expect(try await Self.importCSV(advisor, Self.csv).status == .seeOther)
            // An IMG who needs a visa, is not ECFMG certified yet and has Step 2 CK 240.
            let browser = Browser(app)
            try await browser.signUp()
            let profile = ResidencyPlannerTests.imgProfile + [("step2_ck_score", "240")]
            #expect(try await browser.post(SiteRoute.profile.path, form: profile).status == .seeOther)

            let page = try await browser.get(SiteRoute.residencyDirectory.path)
            #expect(page.status == .ok)
            #expect(page.text.contains("2 programs"))
            // Harbor takes the J-1 (borderline: certification still due), Step 2 CK 240 ≥ 230 with its source.
            #expect(page.text.contains("Step 2 CK 240 meets the program&#39;s minimum of 230.") || page.text.contains("Step 2 CK 240 meets the program's minimum of 230."))
            #expect(page.text.contains("fictional-program.example.org"))
            #expect(page.text.contains("The program takes ECFMG&#39;s J-1, which needs ECFMG certification") || page.text.contains("The program takes ECFMG's J-1, which needs ECFMG certification"))
            // Prairie's visa stance is unknown: shown as unknown, never as no.
            #expect(page.text.contains("The directory does not know whether the program takes ECFMG"))

            // Filters: state, distance from a ZIP, visa, verdict.
            #expect(try await browser.get(SiteRoute.residencyDirectory.path(query: [("state", "IL")])).text.contains("1 program,"))
            let near = try await browser.get(SiteRoute.residencyDirectory.path(query: [("zip", "10016"), ("miles", "25")]))
            #expect(near.text.contains("Fictional Harbor IM") && !near.text.contains("Fictional Prairie Pediatrics"))
            #expect(near.text.contains("miles away"))
            let j1 = try await browser.get(SiteRoute.residencyDirectory.path(query: [("visa", "j1")]))
            #expect(j1.text.contains("Fictional Harbor IM") && !j1.text.contains("Fictional Prairie Pediatrics"))
            let unknown = try await browser.get(SiteRoute.residencyDirectory.path(query: [("verdict[]", "unknown")]))
            #expect(unknown.text.contains("Fictional Prairie Pediatrics") && !unknown.text.contains("Fictional Harbor IM"))
            let bad = try await browser.get(SiteRoute.residencyDirectory.path(query: [("zip", "00000"), ("visa", "tourist")]))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("00000 is not a US ZIP code Rounds knows.") && bad.text.contains("Choose a visa filter from the list."))

            // Add both programs to the 2027 list; the directory then says they are on it.
            for name in ["Fictional Harbor IM", "Fictional Prairie Pediatrics"] {
                let id = try await Self.entry(app, named: name).requireTypedID()
                let added = try await browser.post(SiteRoute.addDirectoryProgram(id).path)
                #expect(added.status == .seeOther)
                #expect(try await browser.get(SiteRoute.residencyDirectoryProgram(id).path).text.contains("On your program list."))
            }
            let list = try await browser.get(ResidencyPlannerTests.programs)
            #expect(list.text.contains("Fictional Harbor IM") && list.text.contains("Fictional Prairie Pediatrics"))
            // Adding one again is refused with the reason.
            let harbor = try await Self.entry(app, named: "Fictional Harbor IM").requireTypedID()
            let again = try await browser.post(SiteRoute.addDirectoryProgram(harbor).path)
            #expect(again.status == .seeOther)
            #expect(try await browser.get(again.location ?? "").text.contains("is already on your 2027 list"))
        }
    }

    @Test func theAPISearchesScreensAddsImportsAndRefusesUnknownFields() async throws {
        try await withRoundsApp { app in
            let (_, advisor) = try await Self.advisor(app)
            let imported = try await advisor.send(.POST, APIRoute.adminDirectoryImport.path, raw: Self.csv, contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(imported.status == .ok)
            #expect(try imported.content.decode(DirectoryImportResponse.self).added == 2)
            let badImport = try await advisor.send(.POST, APIRoute.adminDirectoryImport.path, raw: Self.csv.replacingOccurrences(of: "11201", with: "60611"), contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(badImport.status == .unprocessableEntity)
            #expect(badImport.text.contains("line 2, zip"))
            #expect(badImport.text.contains("ZIP 60611 is in IL, not NY"))

            let programs = try await advisor.send(.GET, APIRoute.adminDirectory.path).content.decode([DirectoryProgramResponse].self)
            let harbor = try #require(programs.first { $0.name == "Fictional Harbor IM" })
            #expect(harbor.facts.map(\.field) == ["accepts_j1", "min_step2_ck"])
            let unknownField = try await advisor.send(.PUT, APIRoute.adminDirectoryProgram(DirectoryProgramID(rawValue: harbor.id)).path, json: ["name": "x", "mood": "sunny"])
            #expect(unknownField.status == .badRequest)
            var body: [String: String] = ["name": "Fictional Harbor IM", "specialty": "Internal Medicine", "sponsoring_institution": "Fictional Harbor Health", "city": "Brooklyn", "state": "NY", "zip": "11201", "application_service": "eras"]
            body["sponsors_h1b"] = "yes"
            body["sponsors_h1b_source"] = Self.source
            body["sponsors_h1b_verified_on"] = "2026-09-02"
            body["sponsors_h1b_verified_by"] = "Dana Advisor"
            let updated = try await advisor.send(.PUT, APIRoute.adminDirectoryProgram(DirectoryProgramID(rawValue: harbor.id)).path, json: body)
            #expect(updated.status == .ok)
            // The PUT replaced the facts: J-1 and Step 2 CK are unknown now, the H-1B is known; all logged.
            #expect(try updated.content.decode(DirectoryProgramResponse.self).facts.map(\.field) == ["sponsors_h1b"])
            let entry = try await advisor.send(.GET, APIRoute.adminDirectoryProgram(DirectoryProgramID(rawValue: harbor.id)).path).content.decode(DirectoryEntryResponse.self)
            #expect(Set(entry.changes.map(\.field)).isSuperset(of: ["accepts_j1", "min_step2_ck", "sponsors_h1b", "positions"]))
            #expect(entry.changes.contains { $0.field == "accepts_j1" && $0.new == "unknown" })

            let applicant = try await APIClient.signedUp(app)
            let search = try await applicant.send(.GET, APIRoute.directory.path(query: [("specialty", "Internal Medicine")]))
            #expect(search.status == .ok)
            let result = try search.content.decode(DirectorySearchResponse.self)
            #expect(result.total == 1 && !result.hasProfile)
            #expect(result.programs.first?.verdict == "unknown")
            #expect(try await applicant.send(.GET, APIRoute.directory.path(query: [("page", "0")])).status == .badRequest)
            #expect(try await applicant.send(.GET, APIRoute.directory.path(query: [("page", "+2")])).status == .badRequest)
            #expect(try await applicant.send(.GET, APIRoute.directory.path(query: [("zip", "10016"), ("miles", "+50")])).status == .unprocessableEntity)
            #expect(try await applicant.send(.GET, APIRoute.directory.path(query: [("miles", "50")])).status == .unprocessableEntity)
            let added = try await applicant.send(.POST, APIRoute.addDirectoryProgram(DirectoryProgramID(rawValue: harbor.id)).path)
            #expect(added.status == .created)
            #expect(try added.content.decode(ResidencyProgramResponse.self).name == "Fictional Harbor IM")
            let one = try await applicant.send(.GET, APIRoute.directoryProgram(DirectoryProgramID(rawValue: harbor.id)).path).content.decode(ScreenedProgramResponse.self)
            #expect(one.onList)
        }
    }

    @Test func theDemoDirectoryImportsAndLinksTheDemoList() async throws {
        try await withRoundsApp { app in
            let report = DirectoryCSV.read(DirectoryDemoData.csv, stateOfZIP: ProgramDirectory.stateOfZIP, specialties: Set(app.residency.specialties))
            let programs = try report.get()
            #expect(programs.count == DirectoryDemoData.programs.count)
            #expect(programs.allSatisfy { $0.ccn == nil }, "demo programs are never tied to a real hospital")
            #expect(programs.allSatisfy { ["Fictional", "Example", "Demo", "Sample"].contains(where: $0.name.contains) })
        }
    }

    @Test func theVisaPathsAndResearchProgramsShowTheirSources() async throws {
        try await withRoundsApp { app in
            let visitor = Browser(app)
            let visas = try await visitor.get(SiteRoute.visaPaths.path)
            #expect(visas.status == .ok)
            let paths = try VisaPaths.shipped.get()
            for rule in paths.rules {
                for url in rule.sourceURLs { #expect(visas.text.contains(ResidencyFormat.host(of: url)), "\(rule.id)") }
            }
            #expect(visas.text.contains("any patient care (no hands-on)"))

            // An F-1 student sees the programs their status may apply to; NIH's (citizens and residents) is hidden.
            let browser = Browser(app)
            try await browser.signUp()
            let premed: [(String, String)] = [("track", "pre_med"), ("visa_status", "f1")]
            #expect(try await browser.post(SiteRoute.profile.path, form: premed).status == .seeOther)
            let research = try await browser.get(SiteRoute.researchPrograms.path)
            #expect(research.text.contains("American Heart Association SURE Scholars"))
            #expect(!research.text.contains("NIH Summer Internship Program"))
            #expect(research.text.contains("1 program that do not take it are hidden") || research.text.contains("that do not take it are hidden"))
            let all = try await browser.get(SiteRoute.researchPrograms.path(query: [("all", "1")]))
            #expect(all.text.contains("NIH Summer Internship Program"))
            #expect(all.text.contains("Your status is not listed."))
        }
    }
}
