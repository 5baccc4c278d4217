import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 18: a refused form never loses work. Every page each demo account (and a visitor) reaches is
/// crawled; each POST form found is sent with a marker in every text field and values no rule accepts in
/// its number and date fields; where the answer is a refusal, every marker must be back in its field, under
/// the error summary, which opens focused and links each message to a field on the page. Forms nothing can refuse (one-button forms, forms with no text to lose) are skipped.
@Suite struct FormsKeepInputTests {
    struct Form {
        var page: String
        var action: String
        var fields: [(name: String, value: String)]
        /// Field name → marker typed into it, for the fields whose text must come back.
        var markers: [String: String]
    }

    static let textTypes: Set<String> = ["text", "email", "search", "url", "tel"]

    @Test func everyRefusedFormComesBackAsTyped() async throws {
        try await withRoundsApp { app in
            try await DemoData.load(on: app.db, hasher: app.services.passwordHasher, now: app.services.clock.now())
            try await DemoData.loadFeatures(app)
            var crawlers: [(String, Browser)] = [("visitor", Browser(app))]
            for account in DemoData.accounts {
                crawlers.append((account.email, try await HostileStringsCrawlTests.signIn(app, email: account.email)))
            }
            var refused = 0
            var sent = 0
            for (who, browser) in crawlers {
                let pages = try await HostileStringsCrawlTests.crawl(
                    browser, from: [SiteRoute.home.path, SiteRoute.signIn.path, SiteRoute.signUp.path] + HostileStringsCrawlTests.startPaths, limit: 100
                )
                var seen: Set<String> = []
                for (path, html) in pages {
                    for form in Self.forms(in: html, page: path) where !form.markers.isEmpty && seen.insert(form.action).inserted {
                        sent += 1
                        let response = try await browser.post(form.action, form: form.fields.map { ($0.name, $0.value) })
                        #expect(response.status.code < 500, "\(who) \(form.action) from \(path)")
                        // A refusal told by redirecting to a page with an error flash has dropped what was typed.
                        if response.status == .seeOther, let location = response.location, location.hasPrefix("/"),
                            try await browser.get(location).text.contains("flash flash-error")
                        {
                            refused += 1
                            Issue.record("\(who) \(form.action) from \(path): refused by a redirect; the form must come back with what was typed")
                            continue
                        }
                        guard [400, 409, 422].contains(response.status.code), response.headers.contentType?.subType == "html" else { continue }
                        refused += 1
                        let text = response.text
                        let lost = form.markers.filter { !text.contains($0.value) }.keys.sorted()
                        #expect(lost.isEmpty, "\(who) \(form.action) from \(path): a refusal lost \(lost)")
                        #expect(text.contains(#"class="error-summary""#), "\(who) \(form.action) from \(path): a refusal (\(response.status.code)) without the error summary")
                        let unlinked = Self.summaryProblems(in: text)
                        #expect(unlinked.isEmpty, "\(who) \(form.action) from \(path): \(unlinked)")
                    }
                }
            }
            #expect(sent > 40 && refused > 20, "sent \(sent), refused \(refused)")
        }
    }

    /// The POST forms of a page that send URL-encoded fields, each field with the value to send.
    static func forms(in html: String, page: String) -> [Form] {
        var forms: [Form] = []
        var counter = 0
        for chunk in html.components(separatedBy: "<form ").dropFirst() {
            guard let end = chunk.range(of: "</form>") else { continue }
            let body = String(chunk[..<end.lowerBound])
            let openTag = String(body.prefix(while: { $0 != ">" }))
            guard Self.attribute("method", in: openTag) == "post", Self.attribute("enctype", in: openTag) == nil,
                let action = Self.attribute("action", in: openTag), action.hasPrefix("/")
            else { continue }
            var form = Form(page: page, action: action, fields: [], markers: [:])
            for tag in Self.tags("input", in: body) {
                guard let name = Self.attribute("name", in: tag), name != "csrf_token" else { continue }
                let type = Self.attribute("type", in: tag) ?? "text"
                switch type {
                case "hidden": form.fields.append((name, Self.attribute("value", in: tag) ?? ""))
                case _ where Self.textTypes.contains(type):
                    counter += 1
                    let marker = "kept\(counter)marker"
                    form.fields.append((name, marker))
                    form.markers[name] = marker
                case "number": form.fields.append((name, "-987654321"))
                case "date": form.fields.append((name, "1900-02-30"))
                case "password": form.fields.append((name, "not the password"))
                default: continue  // checkboxes and radios stay as they are offered: unticked
                }
            }
            for tag in Self.tags("textarea", in: body) {
                guard let name = Self.attribute("name", in: tag) else { continue }
                counter += 1
                let marker = "kept\(counter)marker"
                form.fields.append((name, marker))
                form.markers[name] = marker
            }
            for select in body.components(separatedBy: "<select ").dropFirst() {
                guard let name = Self.attribute("name", in: String(select.prefix(while: { $0 != ">" }))) else { continue }
                let options = Self.tags("option", in: String(select.components(separatedBy: "</select>")[0]))
                let chosen = options.first { $0.contains("selected") } ?? options.first
                form.fields.append((name, chosen.flatMap { Self.attribute("value", in: $0) } ?? ""))
            }
            forms.append(form)
        }
        return forms
    }

    /// What is wrong with a page's error summary: not focused on opening, or a message that does not
    /// link to an element of the page.
    static func summaryProblems(in html: String) -> [String] {
        guard let start = html.range(of: #"<div class="error-summary""#) else { return ["no error summary"] }
        let summary = String(html[start.lowerBound...]).components(separatedBy: "</ul>")[0]
        var problems: [String] = []
        if !(Self.tags("div", in: summary).first ?? "").contains("autofocus") { problems.append("the summary is not focused") }
        for item in summary.components(separatedBy: "<li>").dropFirst() {
            guard item.hasPrefix("<a "), let href = Self.attribute("href", in: String(item.dropFirst(3))) else {
                problems.append("not a link: \(item.prefix(80))")
                continue
            }
            // A link to another page (the profile's visa status) is checked by that page's own tests.
            if href.hasPrefix("#"), !html.contains(#"id="\#(href.dropFirst())""#) { problems.append("links to \(href), which the page lacks") }
            if !href.hasPrefix("#"), !href.hasPrefix("/") { problems.append("links outside the site: \(href)") }
        }
        return problems
    }

    /// Each opening `<name …>` tag's text.
    static func tags(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "<\(name)").dropFirst().compactMap { tail in
            guard tail.first == " " || tail.first == ">" else { return nil }
            return String(tail.prefix(while: { $0 != ">" }))
        }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        let tag = " " + tag
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]).replacingOccurrences(of: "&amp;", with: "&") }
    }
}
