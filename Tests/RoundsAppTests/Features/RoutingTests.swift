import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor

@testable import RoundsApp

/// Issue 15: `SiteRoute` and `APIRoute` are the one place a path is written. A route is registered from
/// its pattern (`.key`), linked with typed values, and documented from the same pieces.
@Suite struct RoutingTests {
    @Test func oneCaseGivesTheLinkThePatternAndTheDocumentedPath() {
        let id = ApplicationID(UUID())
        #expect(SiteRoute.home.path == "/")
        #expect(SiteRoute.applicationAction(id, .accept).path == "/applications/\(id.rawValue.uuidString)/actions/accept")
        #expect(
            SiteRoute.applicationAction(.key, .key).pathComponents
                == [.constant("applications"), .parameter("applicationID"), .constant("actions"), .parameter("action")]
        )
        #expect(APIRoute.applicationAction(.key, .key).openAPIPath == "/api/v1/applications/{applicationID}/actions/{action}")
        #expect(APIRoute.root.path == "/api/v1")
        #expect(SiteRoute.signIn.path(query: [("next", "/a b&c")]) == "/sign-in?next=/a%20b%26c")
    }

    /// A link's query reads back as written, by the form decoding the app reads queries with: a "+" left
    /// as it is was read as a space (page 2 of a search for "C++" searched for "C").
    @Test(arguments: ["C++", "a+b=c", "50% off & more", " spaced ", "Zürich", "/opportunities?q=x+y"])
    func aQueryValueReadsBackAsWritten(value: String) throws {
        let link = SiteRoute.opportunities.path(query: [("q", value), ("next", value)])
        let query = String(try #require(link.split(separator: "?", maxSplits: 1).last))
        #expect(try SearchParameters.parse(query).q == value)
        #expect(try URLEncodedFormDecoder().decode([String: String].self, from: query)["next"] == value)
    }

    @Test func typedParametersReadOnlyTheirOwnKind() {
        var parameters = Parameters()
        let id = UUID()
        parameters.set("applicationID", to: id.uuidString)
        parameters.set("action", to: "accept")
        parameters.set("format", to: "not-a-format")
        #expect(parameters.get(ApplicationID.self) == ApplicationID(id))
        // The same UUID under another parameter name is not a session's id.
        #expect(parameters.get(SessionID.self) == nil)
        #expect(parameters.get(ApplicationAction.self) == .accept)
        #expect(parameters.get(PortfolioExport.Format.self) == nil)
        parameters.set("applicationID", to: "not-a-uuid")
        #expect(parameters.get(ApplicationID.self) == nil)
    }

    @Test func everyLinkOfTheSiteReachesARegisteredRoute() async throws {
        try await withRoundsApp { app in
            let id = UUID()
            let links: [any RouteAddress] = [
                SiteRoute.application(ApplicationID(id)), SiteRoute.applicationAction(ApplicationID(id), .withdraw),
                SiteRoute.hostCycleSession(CycleID(id), SessionID(id)), SiteRoute.deleteHourLog(ExperienceID(id), HourLogID(id)),
                SiteRoute.unassignLetter(LetterID(id), program: ProgramID(id)), SiteRoute.portfolioExportCSV(.eras),
                SiteRoute.reviewerLetterFile(program: ProgramID(id), letter: LetterID(id)), SiteRoute.editOpportunity(OpportunityID(id)),
                APIRoute.letterAssignment(LetterID(id), program: ProgramID(id)), APIRoute.exportCSV(.amcas),
                APIRoute.cycleSessionList(CycleID(id), SessionID(id)), APIRoute.experienceLog(ExperienceID(id), HourLogID(id)),
            ]
            for link in links {
                #expect(!app.routeTable.allowedMethods(for: link.path).isEmpty, "\(link.path) is linked but not served")
            }
        }
    }

    /// The source check behind "the route enums are the only place a path is written": no route is
    /// registered from string literals and no literal in the app spells a path of ours.
    @Test func noPathIsWrittenOutsideTheRouteEnums() throws {
        let root = PlotAttributeAuditTests.sourceRoot
        let registration = try NSRegularExpression(pattern: #"\.(get|post|put|delete|on|grouped)\((\.[A-Z]+, )?""#)
        let pathLiteral = try NSRegularExpression(pattern: #""/([a-z]|\\\()"#)
        let allowed = [#"URL(fileURLWithPath: "/usr/bin/env")"#]
        var found: [String] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/Core/Routing/"),
                let text = try? String(contentsOf: file, encoding: .utf8)
            else { continue }
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                let hit = registration.firstMatch(in: line, range: range) != nil || pathLiteral.firstMatch(in: line, range: range) != nil
                if hit, !allowed.contains(where: line.contains) {
                    found.append("\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
