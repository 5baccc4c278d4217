import Fluent
import Foundation
import RoundsCore
import Tagged
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 13, defect 6: a PDF/HTML polyglot uploaded as "poly.html" downloaded as "poly.html", and the
/// API told an applicant who waived access the writer's file name.
@Suite struct UploadNamingTests {
    static let polyglot = Array("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n".utf8)

    @Test func aDownloadCarriesTheExtensionOfTheDetectedType() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let id = try await fixture.upload(amara, fileName: "poly.html", bytes: Self.polyglot)
            let api = try await amara.send(.GET, "\(APIRoute.documents.path)/\(id.uuidString)")
            #expect(api.headers.first(name: .contentDisposition) == #"attachment; filename="poly.pdf""#)
            #expect(api.headers.contentType?.serialize() == "application/pdf")
            #expect(api.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let browser = try await Factories.browser(app, signedInAs: "amara@example.org")
            let page = try await browser.get(SiteRoute.document(DocumentID(id)).path)
            #expect(page.status == .ok)
            #expect(page.headers.first(name: .contentDisposition) == #"attachment; filename="poly.pdf""#)
        }
    }

    @Test(arguments: [
        ("poly.html", FileSignature.pdf, "poly.pdf"), ("cv.PDF", .pdf, "cv.PDF"), ("cv", .pdf, "cv.pdf"),
        ("photo.jpeg", .jpeg, "photo.jpeg"), ("photo.png.exe", .png, "photo.png.png"),
        (".pdf", .pdf, ".pdf"), ("scan.svg", .png, "scan.png"), ("a.b.html", .jpeg, "a.b.jpg"),
    ])
    func downloadNames(name: String, signature: FileSignature, expected: String) {
        #expect(signature.downloadName(for: name) == expected)
    }

    @Test func aWaivedLetterShowsItsApplicantOnlyThatItExistsItsSizeAndDate() async throws {
        try await withRoundsApp { app in
            let fixture = try await LetterFixture.make(app)
            let waived = try await fixture.request(waiver: "waive")
            #expect(try await fixture.upload(token: waived.token, fileName: "Confidential - Okafor weak candidate.pdf").status == .ok)
            let kept = try await fixture.request(waiver: "keep", writerEmail: "second@example-hospital.org")
            #expect(try await fixture.upload(token: kept.token, fileName: "Okafor letter.pdf").status == .ok)

            let waivedView = try await fixture.client.send(.GET, "\(APIRoute.letters.path)/\(waived.id.uuidString)")
            #expect(waivedView.status == .ok)
            #expect(!waivedView.body.string.contains("Confidential"))
            #expect((try? waivedView.content.get(String.self, at: "file", "name")) == nil)
            #expect((try? waivedView.content.get(String.self, at: "file", "url")) == nil)
            #expect(try waivedView.content.get(Int.self, at: "file", "byte_count") == LetterFixture.pdf.count)
            let list = try await fixture.client.send(.GET, APIRoute.letters.path)
            #expect(!list.body.string.contains("Confidential"))
            let page = try await Factories.browser(app, signedInAs: "amara@example.org").get(SiteRoute.letters.path)
            #expect(!page.text.contains("Confidential"))

            let keptView = try await fixture.client.send(.GET, "\(APIRoute.letters.path)/\(kept.id.uuidString)")
            #expect(try keptView.content.get(String.self, at: "file", "name") == "Okafor letter.pdf")
        }
    }
}
