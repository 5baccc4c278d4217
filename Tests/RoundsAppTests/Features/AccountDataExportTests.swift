import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import RoundsApp

/// Issue 23: everything one account holds, as a ZIP of JSON and files, never a waived letter's content.
@Suite struct AccountDataExportTests {
    /// The archive's files by path.
    static func unzip(_ response: TestingHTTPResponse) throws -> [String: Data] {
        let archive = try Archive(data: Data(response.body.readableBytesView), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    @Test func theExportHoldsTheAccountsDataAndFilesButNoWaivedLetter() async throws {
        try await withRoundsApp { app in
            let letters = try await LetterFixture.make(app)
            let fixture = try await ApplicationFixture.make(app)
            let amara = letters.client
            let cvBytes = ApplicationFixture.pdf + Array("% Amara's CV\n".utf8)
            let cv = try await fixture.upload(amara, fileName: "Amara CV.pdf", bytes: cvBytes)
            let applied = try await fixture.apply(amara, documents: [cv])
            let applicationID = try applied.content.get(UUID.self, at: "id")
            let formBytes = ApplicationFixture.pdf + Array("% host's form\n".utf8)
            let sent = try await fixture.host.upload(
                APIRoute.applicationMessages(ApplicationID(applicationID)).path, fields: [("body", "Please sign this form.")], fileName: "form.pdf", bytes: formBytes)
            #expect(sent.status == .created, "\(sent.body.string)")
            let messageID = try sent.content.get(UUID.self, at: "id")
            let open = try await letters.request(waiver: "keep", writerEmail: "open@example-hospital.org")
            let openBytes = LetterFixture.pdf + Array("% OPEN LETTER TEXT\n".utf8)
            #expect(try await letters.upload(token: open.token, bytes: openBytes).status == .ok)
            let waived = try await letters.request(waiver: "waive", writerEmail: "waived@example-hospital.org")
            let secret = "% CONFIDENTIAL WAIVED LETTER TEXT\n"
            #expect(try await letters.upload(token: waived.token, bytes: LetterFixture.pdf + Array(secret.utf8), fileName: "confidential.pdf").status == .ok)

            let response = try await amara.send(.GET, APIRoute.meExport.path)
            #expect(response.status == .ok, "\(response.body.string)")
            #expect(response.headers.contentType == .zip)
            #expect(response.headers.first(name: .cacheControl) == "no-store")
            #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"rounds-data-") == true)
            let files = try Self.unzip(response)

            let accountJSON = try #require(files["account.json"])
            let account = try #require(try JSONSerialization.jsonObject(with: accountJSON) as? [String: Any])
            #expect(account["email"] as? String == "amara@example.org")
            #expect(files["README.txt"].map { String(decoding: $0, as: UTF8.self).contains("waived") } == true)
            #expect(files.keys.contains("applications.json") && files.keys.contains("documents.json") && files.keys.contains("letters.json"))
            #expect(files["documents/\(cv.uuidString)-Amara CV.pdf"] == Data(cvBytes))
            #expect(files["letters/\(open.id.uuidString)-letter.pdf"] == Data(openBytes))
            // The conversation, and the file the host sent in it.
            #expect(files["messages.json"].map { String(decoding: $0, as: UTF8.self).contains("Please sign this form.") } == true)
            #expect(files["messages/\(messageID.uuidString)-form.pdf"] == Data(formBytes))
            // The waived letter is listed, without its file, and its text is nowhere in the archive.
            let lettersJSON = String(decoding: try #require(files["letters.json"]), as: UTF8.self)
            #expect(lettersJSON.contains(waived.id.uuidString.lowercased()) || lettersJSON.contains(waived.id.uuidString))
            #expect(!files.keys.contains { $0.contains(waived.id.uuidString) })
            for (path, data) in files {
                #expect(data.range(of: Data("CONFIDENTIAL WAIVED".utf8)) == nil, "\(path) holds the waived letter")
                #expect(data.range(of: Data("confidential.pdf".utf8)) == nil, "\(path) names the waived letter's file")
            }
            // No secrets: no password hash, no token hash, no two-factor secret.
            let everything = files.values.reduce(Data(), +)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "amara@example.org").first())
            #expect(everything.range(of: Data(user.passwordHash.utf8)) == nil)
            #expect(everything.range(of: Data("token_hash".utf8)) == nil)
            // Someone else's data is not in it.
            #expect(everything.range(of: Data("Hospitalist Observership".utf8)) != nil)  // the session applied to, named
            #expect(everything.range(of: Data(fixture.hostUser.email.utf8)) == nil)
        }
    }

    @Test func theBrowserExportAsksForThePassword() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.signUp(email: "bola@example.org")
            let page = try await browser.get(SiteRoute.accountData.path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Download my data") && page.text.contains("Delete your account"))
            let wrong = try await browser.post(SiteRoute.accountExport.path, form: [("current_password", "not it")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("This is not your current password."))
            let right = try await browser.post(SiteRoute.accountExport.path, form: [("current_password", Browser.password)])
            #expect(right.status == .ok)
            let files = try Self.unzip(right)
            #expect(files.keys.contains("account.json") && files.keys.contains("README.txt"))
            #expect(try await APIClient(app: app).send(.GET, APIRoute.meExport.path).status == .unauthorized)
        }
    }
}
