import Fluent
import Foundation
import NIOPosix
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// A sender that keeps what it is given and can be told to fail, standing in for the SMTP server.
final class CapturingSender: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [MailMessage] = []
    var isFailing = false

    var sent: [MailMessage] { self.lock.withLock { self.messages } }

    func send(_ message: MailMessage) async throws {
        if self.isFailing { throw SMTPClient.Failure(description: "SMTP RCPT answered 451 try later") }
        self.lock.withLock { self.messages.append(message) }
    }
}

@Suite struct OutboxDeliveryTests {
    @Test func dueMessagesAreSentOnceAndFailuresWaitLongerEachTime() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            try await Browser(app).signUp(email: "amara@example.org")
            try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "amara@example.org")])
            let sender = CapturingSender()
            let delivery = OutboxDelivery(db: app.db, from: "Rounds <no-reply@rounds.test>", send: sender.send)

            sender.isFailing = true
            #expect(try await delivery.deliverDue(now: clock.now()) == (0, 1))
            let failed = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(failed.attempts == 1)
            #expect(failed.lastError?.contains("451") == true)
            #expect(failed.nextAttemptAt == clock.now().addingTimeInterval(60))
            // Not due yet: nothing happens.
            #expect(try await delivery.deliverDue(now: clock.now().addingTimeInterval(59)) == (0, 0))

            clock.advance(by: 60)
            #expect(try await delivery.deliverDue(now: clock.now()) == (0, 1))
            #expect(try await OutboxMessage.query(on: app.db).first()?.nextAttemptAt == clock.now().addingTimeInterval(180))

            sender.isFailing = false
            clock.advance(by: 180)
            #expect(try await delivery.deliverDue(now: clock.now()) == (1, 0))
            #expect(sender.sent.count == 1)
            #expect(sender.sent[0].to == "amara@example.org")
            #expect(sender.sent[0].subject == "Reset your Rounds password")
            #expect(try await OutboxMessage.query(on: app.db).first()?.sentAt == clock.now())
            clock.advance(by: 3600)
            #expect(try await delivery.deliverDue(now: clock.now()) == (0, 0))
            #expect(sender.sent.count == 1)
        }
    }

    @Test func aMessageIsGivenUpAfterTheLastAttempt() async throws {
        let clock = ManualClock()
        try await withRoundsApp(clock: clock) { app in
            try await Outbox.enqueue(to: "a@example.org", subject: "s", body: "b", now: clock.now(), on: app.db)
            let sender = CapturingSender()
            sender.isFailing = true
            let delivery = OutboxDelivery(db: app.db, from: "x@rounds.test", send: sender.send)
            for attempt in 1...OutboxDelivery.maximumAttempts {
                #expect(try await delivery.deliverDue(now: clock.now()).failed == 1, "attempt \(attempt)")
                clock.advance(by: OutboxDelivery.retryDelay(afterAttempt: attempt))
            }
            sender.isFailing = false
            #expect(try await delivery.deliverDue(now: clock.now().addingTimeInterval(86_400)) == (0, 0))
        }
    }

    @Test func retryDelaysGrowAndAreCapped() {
        #expect((1...6).map { OutboxDelivery.retryDelay(afterAttempt: $0) } == [60, 180, 540, 1620, 4860, 14_580])
        #expect(OutboxDelivery.retryDelay(afterAttempt: 20) == 12 * 60 * 60)
    }

    @Test func bareCarriageReturnsAndLineFeedsBecomeCRLF() {
        let text = SMTPClient.format(
            MailMessage(from: "a@rounds.test", to: "b@example.org", subject: "s", body: "one\rtwo\nthree\r\n.\rfour"),
            date: Date(timeIntervalSince1970: 0),
            messageID: "id"
        )
        let body = String(text[text.range(of: "\r\n\r\n")!.upperBound...])
        #expect(body == "one\r\ntwo\r\nthree\r\n..\r\nfour\r\n")
    }

    @Test func theMessageFormatDoublesLeadingDotsAndCannotBeInjected() {
        let text = SMTPClient.format(
            MailMessage(from: "Rounds <no-reply@rounds.test>", to: "a@example.org\r\nBcc: evil@example.org", subject: "Résumé", body: "Hi\n.hidden\nend"),
            date: Date(timeIntervalSince1970: 0),
            messageID: "id"
        )
        #expect(text.contains("\r\n..hidden\r\n"))
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("Subject: =?utf-8?B?UsOpc3Vtw6k=?="))
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        #expect(SMTPClient.address("Rounds <no-reply@rounds.test>") == "no-reply@rounds.test")
    }
}

/// The client against real SMTP servers (aiosmtpd), started by `scripts/smtp-test-servers.sh`: one
/// plain, one that requires STARTTLS with a certificate from a test authority; and a hostile one that
/// injects a reply before the TLS handshake.
@Suite(.enabled(if: SMTPServers.isAvailable)) struct SMTPClientTests {
    @Test func aPasswordResetReachesTheServer() async throws {
        try await withRoundsApp(adjust: {
            $0.mail.smtpHost = "127.0.0.1"
            $0.mail.smtpPort = SMTPServers.plainPort!
        }) { app in
            try await Browser(app).signUp(email: "reset-\(UUID().uuidString.prefix(8))@example.org")
            let user = try #require(try await User.query(on: app.db).first())
            try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", user.email)])
            let client = SMTPClient(configuration: app.config.mail.smtp!, eventLoopGroup: app.eventLoopGroup)
            let delivery = OutboxDelivery(db: app.db, from: app.config.mail.from, send: { try await client.send($0) })
            #expect(try await delivery.deliverDue(now: app.services.clock.now()) == (1, 0))
            let received = try SMTPServers.messages(in: SMTPServers.plainMaildir!).first { $0.contains(user.email) }
            let message = try #require(received)
            #expect(message.contains("Subject: Reset your Rounds password"))
            #expect(message.contains("/password/reset?token="))
        }
    }

    @Test func startTLSIsUsedWhenTheServerRequiresIt() async throws {
        let marker = "tls-\(UUID().uuidString.prefix(8))@example.org"
        let configuration = SMTPClient.Configuration(
            host: "localhost", port: SMTPServers.tlsPort!, requiresTLS: true, certificateAuthorityFile: SMTPServers.certificateAuthority
        )
        try await SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
            .send(MailMessage(from: "no-reply@rounds.test", to: marker, subject: "Over TLS", body: "Hello"))
        #expect(try SMTPServers.messages(in: SMTPServers.tlsMaildir!).contains { $0.contains(marker) })

        // Without the test authority the server's certificate is not trusted: nothing is sent in clear.
        var untrusted = configuration
        untrusted.certificateAuthorityFile = nil
        await #expect(throws: (any Error).self) {
            try await SMTPClient(configuration: untrusted, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
                .send(MailMessage(from: "no-reply@rounds.test", to: "never@example.org", subject: "x", body: "x"))
        }
    }

    /// The server appends "554 injected" to its STARTTLS answer in clear text; read after the handshake,
    /// it would be taken for the answer to EHLO and the send would fail.
    @Test func repliesInjectedBeforeTheTLSHandshakeAreDropped() async throws {
        let port = try #require(SMTPServers.injectingPort)
        let marker = "inject-\(UUID().uuidString.prefix(8))@example.org"
        let configuration = SMTPClient.Configuration(
            host: "localhost", port: port, requiresTLS: true, certificateAuthorityFile: SMTPServers.certificateAuthority
        )
        try await SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
            .send(MailMessage(from: "no-reply@rounds.test", to: marker, subject: "After STARTTLS", body: "Hello"))
        #expect(try SMTPServers.messages(in: SMTPServers.injectingMaildir!).contains { $0.contains(marker) })
    }

    @Test func credentialsAreNeverSentWithoutTLSUnlessAllowedForALocalServer() async throws {
        var configuration = SMTPClient.Configuration(host: "127.0.0.1", port: SMTPServers.plainPort!, username: "rounds", password: "secret")
        let message = MailMessage(from: "no-reply@rounds.test", to: "auth@example.org", subject: "x", body: "x")
        let client = SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let refused = await #expect(throws: SMTPClient.Failure.self) { try await client.send(message) }
        #expect(refused?.description == "the SMTP server does not offer STARTTLS; credentials are never sent without TLS")

        // Allowed for this local test server: the client sends AUTH, and the server itself refuses it in clear text.
        configuration.allowsPlaintextAuthentication = true
        let allowed = SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let answered = await #expect(throws: SMTPClient.Failure.self) { try await allowed.send(message) }
        #expect(answered?.description.hasPrefix("SMTP AUTH answered") == true)

        // The allowance means nothing for a server elsewhere.
        var remote = configuration
        remote.host = "mail.example.org"
        #expect(!remote.mayAuthenticateInClearText)
        #expect(configuration.mayAuthenticateInClearText)
    }

    @Test func bareLineBreaksInABodyArriveAsLinesAndCannotEndTheMessage() async throws {
        let marker = "lines-\(UUID().uuidString.prefix(8))@example.org"
        let configuration = SMTPClient.Configuration(host: "127.0.0.1", port: SMTPServers.plainPort!)
        try await SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
            .send(MailMessage(from: "no-reply@rounds.test", to: marker, subject: "Lines", body: "one\rtwo\nthree\r\n.\rafter the dot\n\n.\nend"))
        let stored = try #require(try SMTPServers.messages(in: SMTPServers.plainMaildir!).first { $0.contains(marker) })
        #expect(stored.hasSuffix("one\ntwo\nthree\n.\nafter the dot\n\n.\nend\n"))
    }

    @Test func aPlainServerIsRefusedWhenTLSIsRequired() async throws {
        let configuration = SMTPClient.Configuration(host: "127.0.0.1", port: SMTPServers.plainPort!, requiresTLS: true)
        await #expect(throws: SMTPClient.Failure.self) {
            try await SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
                .send(MailMessage(from: "no-reply@rounds.test", to: "clear@example.org", subject: "x", body: "x"))
        }
    }
}

enum SMTPServers {
    static let environment = ProcessInfo.processInfo.environment
    static let plainPort = environment["ROUNDS_TEST_SMTP_PORT"].flatMap(Int.init)
    static let plainMaildir = environment["ROUNDS_TEST_SMTP_MAILDIR"]
    static let tlsPort = environment["ROUNDS_TEST_SMTP_TLS_PORT"].flatMap(Int.init)
    static let tlsMaildir = environment["ROUNDS_TEST_SMTP_TLS_MAILDIR"]
    static let certificateAuthority = environment["ROUNDS_TEST_SMTP_CA_FILE"]
    static let injectingPort = environment["ROUNDS_TEST_SMTP_INJECTING_PORT"].flatMap(Int.init)
    static let injectingMaildir = environment["ROUNDS_TEST_SMTP_INJECTING_MAILDIR"]
    static var isAvailable: Bool {
        plainPort != nil && tlsPort != nil && plainMaildir != nil && tlsMaildir != nil && injectingPort != nil && injectingMaildir != nil
    }

    /// Every message the server stored, as text.
    static func messages(in maildir: String) throws -> [String] {
        let folder = maildir + "/new"
        return try FileManager.default.contentsOfDirectory(atPath: folder).map {
            try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
        }
    }
}
