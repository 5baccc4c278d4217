import Fluent
import Plot
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Plot writes attribute values verbatim, so every user-controlled value is put through our escaping.
/// These tests put hostile strings in every field a user controls and look for them raw in every page.
@Suite struct EscapingTests {
    static let payloads = [#""><script>alert(1)</script>"#, "' onmouseover='alert(1)", "</textarea><img src=x onerror=alert(1)>"]

    @Test(arguments: payloads)
    func hostileStringsNeverAppearRawInAnyPage(payload: String) async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            let signUp = try await browser.signUp(email: "amara@example.org", name: "Amara \(payload)")
            #expect(signUp.status == .seeOther)
            try await browser.post(
                SiteRoute.profile.path,
                form: [
                    ("track", "img_graduate"), ("medical_school", "School \(payload)"), ("school_country", "Country \(payload)"),
                    ("graduation_year", "2020"), ("visa_status", "b1_b2"),
                ]
            )
            try await browser.post(SiteRoute.tokens.path, form: [("name", "Token \(payload)")])
            var pages: [TestingHTTPResponse] = []
            for path in [SiteRoute.home.path, SiteRoute.account.path, SiteRoute.profile.path, SiteRoute.twoFactor.path] {
                pages.append(try await browser.get(path))
            }
            // Forms that fail validation echo what was typed.
            pages.append(try await browser.post(SiteRoute.profile.path, form: [("track", payload), ("medical_school", payload), ("graduation_year", payload)]))
            pages.append(try await Browser(app).post(SiteRoute.signUp.path, form: [("display_name", payload), ("email", payload), ("password", "x"), ("role", payload)]))
            pages.append(try await Browser(app).post(SiteRoute.signIn.path, form: [("email", payload), ("password", "wrong password"), ("next", payload)]))
            for page in pages {
                #expect(!page.text.contains(payload), "raw payload in \(page.status)")
                #expect(!page.text.contains("<script>alert"))
                #expect(!page.text.contains("onmouseover='alert"))
            }
            #expect(pages[1].text.contains("Amara " + payload.htmlEscaped))
        }
    }

    @Test func linksAreOnlyOurPathsOrHTTP() {
        let safe = Node<HTML.BodyContext>.safeLink("javascript:alert(1)", .text("x")).render()
        #expect(!safe.contains("href"))
        #expect(Node<HTML.BodyContext>.safeLink("//evil.example/x", .text("x")).render().contains("href") == false)
        #expect(Node<HTML.BodyContext>.safeLink("/profile", .text("x")).render() == #"<a href="/profile">x</a>"#)
        #expect(Node<HTML.BodyContext>.safeLink("https://example.org/?a=1&b=\"2\"", .text("x")).render().contains("&amp;b=&quot;2&quot;"))
    }

    @Test func aBlankChoiceSubmitsAnEmptyValueNotItsLabel() {
        let html = Node<HTML.BodyContext>.selectField("Type", name: "type", choices: [Choice(value: "a", label: "A")], selected: nil, includeBlank: "Any type")
            .render()
        // Plot writes an empty attribute as `value`, which HTML reads as value="".
        #expect(html.contains("<option value>Any type</option>") || html.contains(#"<option value="">Any type</option>"#))
        #expect(!html.contains("<option>Any type"))
    }

    @Test func signInRedirectsOnlyToOurOwnPaths() async throws {
        try await withRoundsApp { app in
            try await Browser(app).signUp(email: "amara@example.org")
            for target in ["https://evil.example", "//evil.example", "/\\evil.example"] {
                let response = try await Browser(app).post(
                    SiteRoute.signIn.path, form: [("email", "amara@example.org"), ("password", Browser.password), ("next", target)]
                )
                #expect(response.location == SiteRoute.home.path, "\(target)")
            }
            let ours = try await Browser(app).post(
                SiteRoute.signIn.path, form: [("email", "amara@example.org"), ("password", Browser.password), ("next", "/account")]
            )
            #expect(ours.location == "/account")
        }
    }
}
