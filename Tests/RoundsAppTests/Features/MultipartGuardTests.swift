import Fluent
import Foundation
import MatchEngine
import NIOCore
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// MultipartKit traps on some malformed bodies; one such request used to end the server process.
@Suite struct MultipartGuardTests {
    static func formData(boundary: String) -> HTTPMediaType {
        HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary])
    }

    @Test func aHeaderNameWithANonASCIIByteIsABadRequestOverTheAPI() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            // The body schemathesis sent: the first part's "header" is UTF-8 noise.
            let response = try await amara.send(
                .POST, APIRoute.documents.path, raw: "--849a\r\n\u{89}\u{F20BC}X\u{8F}ÊÍ\t--849a--\r\n",
                contentType: Self.formData(boundary: "849a")
            )
            #expect(response.status == .badRequest)
            #expect(try response.content.get(String.self, at: "reason").contains("header names must be plain ASCII"))
            #expect(try await Document.query(on: app.db).count() == 0)
        }
    }

    @Test func anAnonymousFormPostWithTheSameBodyIsRefusedNotFatal() async throws {
        try await withRoundsApp { app in
            let browser = Browser(app)
            try await browser.get(SiteRoute.home.path)  // a CSRF cookie, so the check reads the form
            var headers = HTTPHeaders()
            headers.contentType = Self.formData(boundary: "b")
            let response = try await browser.send(
                .POST, SiteRoute.signIn.path, headers: headers, body: "--b\r\nnäme: x\r\n\r\nvalue\r\n--b--\r\n"
            )
            #expect(response.status == .forbidden)
            #expect(try await browser.get(SiteRoute.home.path).status == .ok)
        }
    }

    @Test func anEmptyBoundaryIsRefused() async throws {
        try await withRoundsApp { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let response = try await amara.send(
                .POST, APIRoute.documents.path, raw: "----\r\n\r\n", contentType: Self.formData(boundary: "")
            )
            #expect(response.status == .unsupportedMediaType)
        }
    }

    @Test func binaryFileContentAndUTF8HeaderValuesPass() throws {
        // Bytes of 0x80 and more after line breaks in a file, and a UTF-8 file name, are ordinary uploads.
        var body = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"résumé.pdf\"\r\n\r\n".utf8)
        body += [0x25, 0x50, 0x44, 0x46, 0x0A, 0xFF, 0xD8, 0x0D, 0x0A, 0xC3, 0xA9, 0x0D, 0x0D, 0x0A, 0x2D, 0x80]
        body += Array("\r\n--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncv\r\n--b--\r\n".utf8)
        #expect(MultipartHeaderScan.isSafe(body, boundary: "b"))

        struct Form: Decodable { var kind: String }
        var headers = HTTPHeaders()
        headers.contentType = Self.formData(boundary: "b")
        let form = try GuardedFormDataDecoder().decode(Form.self, from: ByteBuffer(bytes: body), headers: headers)
        #expect(form.kind == "cv")
    }

    @Test func headerNamesAreFoundWhereverTheParserLooksForThem() {
        let unsafe = [
            "--b\r\n\u{E9}: x\r\n\r\n--b--",  // first part, no preamble
            "preamble\r\n--b\r\nX-\u{E9}: x\r\n\r\nbody\r\n--b--",  // after a preamble
            "--b\r\nA: 1\r\n\u{E9}: 2\r\n\r\n--b--",  // a second header
            "--b\r\nA: 1\r\n\r\nbody\r\n--b\r\n\u{E9}\r\n\r\n--b--",  // the second part
            "--b\r\nA: 1\r\n\r\nbo\r\n-dy\r\n--b\r\n\u{E9}: x\r\n\r\n--b--",  // after a near-boundary in a body
        ]
        for body in unsafe {
            #expect(!MultipartHeaderScan.isSafe(Array(body.utf8), boundary: "b"), "\(body.debugDescription)")
        }
        let safe = [
            "--b\r\nA: \u{E9}\r\n\r\n\u{E9}\r\n--b--",  // values and bodies may hold any byte
            "--b\r\nA: 1\r\n\r\nx\r\n--b--\u{E9}\r\n\u{E9}",  // the epilogue is ignored
            "\u{E9}\r\n--c\r\n\u{E9}: x",  // another boundary is only preamble
        ]
        for body in safe {
            #expect(MultipartHeaderScan.isSafe(Array(body.utf8), boundary: "b"), "\(body.debugDescription)")
        }
    }

    /// Random bodies from the bytes that steer the parser: whatever the scan lets through must decode or
    /// throw. A trap in MultipartKit would end the test process, so this fails loudly if the scan is wrong.
    @Test func randomBodiesNeverReachATrap() throws {
        let pieces: [[UInt8]] = [
            Array("\r\n--b".utf8), Array("--b".utf8), [0x0D], [0x0A], Array(":".utf8), Array("-".utf8),
            Array("a".utf8), [0xC3], [0x80], Array(" ".utf8), Array("name".utf8),
        ]
        var generator = SplitMix64(seed: 20_261_130)
        var headers = HTTPHeaders()
        headers.contentType = Self.formData(boundary: "b")
        struct Anything: Decodable { var a: String? }
        var refused = 0
        for _ in 0..<5_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let body = (0..<count).flatMap { _ in pieces.randomElement(using: &generator)! }
            if !MultipartHeaderScan.isSafe(body, boundary: "b") { refused += 1 }
            _ = try? GuardedFormDataDecoder().decode(Anything.self, from: ByteBuffer(bytes: body), headers: headers)
        }
        #expect(refused > 100)  // the generator does reach the dangerous case
    }
}
