import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// An e-mail ready to send.
struct MailMessage: Sendable, Equatable {
    var from: String
    var to: String
    var subject: String
    var body: String
    /// A one-click unsubscribe address (RFC 8058) for list mail such as the newsletter.
    var listUnsubscribe: String? = nil
}

/// Sends one message per connection to an SMTP server (RFC 5321): EHLO, STARTTLS when the server
/// offers it (or always, when required), AUTH PLAIN when credentials are configured (never in clear
/// text, unless allowed for a server on this machine), then the message.
struct SMTPClient: Sendable {
    struct Configuration: Sendable {
        var host: String
        var port: Int
        var username: String?
        var password: String?
        /// Refuse to send in clear text (the server must offer STARTTLS).
        var requiresTLS = false
        /// A PEM file of extra trusted certificates, for a server with a private certificate authority.
        var certificateAuthorityFile: String?
        /// Send credentials without TLS; honoured only for a server on this machine (a local test server).
        var allowsPlaintextAuthentication = false
        var heloName = "rounds.localhost"
        var timeout: TimeAmount = .seconds(30)

        var mayAuthenticateInClearText: Bool {
            self.allowsPlaintextAuthentication && ["localhost", "127.0.0.1", "::1"].contains(self.host.lowercased())
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let configuration: Configuration
    let eventLoopGroup: any EventLoopGroup

    func send(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: self.eventLoopGroup)
            .connectTimeout(self.configuration.timeout)
            .connect(host: self.configuration.host, port: self.configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(StartTLSGate())
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let underlying = channel.channel
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplyReader(inbound.makeAsyncIterator())
            func command(_ line: String, expect codes: Set<Int>) async throws -> SMTPReply {
                if !line.isEmpty { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let reply = try await replies.next()
                guard codes.contains(reply.code) else {
                    // Credentials never appear in the error: only the verb of the command is named.
                    let verb = line.split(separator: " ").first.map(String.init) ?? "greeting"
                    throw Failure(description: "SMTP \(verb) answered \(reply.code) \(reply.text)")
                }
                return reply
            }

            _ = try await command("", expect: [220])
            var capabilities = try await command("EHLO \(self.configuration.heloName)", expect: [250]).lines
            var isEncrypted = false
            if capabilities.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
                _ = try await command("STARTTLS", expect: [220])
                // Whatever came after the 220 was sent before encryption began: StartTLSGate dropped it, so
                // the reader never sees it as a reply.
                let tls = try self.tlsHandler()
                try await underlying.eventLoop.submit {
                    try underlying.pipeline.syncOperations.addHandler(tls, position: .first)
                    try underlying.pipeline.syncOperations.handler(type: StartTLSGate.self).open()
                }.get()
                isEncrypted = true
                capabilities = try await command("EHLO \(self.configuration.heloName)", expect: [250]).lines
            } else if self.configuration.requiresTLS {
                throw Failure(description: "the SMTP server does not offer STARTTLS, and TLS is required")
            }
            if let username = self.configuration.username, let password = self.configuration.password {
                guard isEncrypted || self.configuration.mayAuthenticateInClearText else {
                    throw Failure(description: "the SMTP server does not offer STARTTLS; credentials are never sent without TLS")
                }
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(credentials)", expect: [235])
            }
            _ = try await command("MAIL FROM:<\(Self.address(message.from))>", expect: [250])
            _ = try await command("RCPT TO:<\(Self.address(message.to))>", expect: [250, 251])
            _ = try await command("DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: Self.format(message, date: Date(), messageID: UUID().uuidString)))
            _ = try await command(".", expect: [250])
            _ = try? await command("QUIT", expect: [221])
        }
    }

    private func tlsHandler() throws -> NIOSSLClientHandler {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = self.configuration.certificateAuthorityFile {
            tls.additionalTrustRoots = [.file(file)]
        }
        return try NIOSSLClientHandler(context: NIOSSLContext(configuration: tls), serverHostname: self.configuration.host)
    }

    /// `Name <a@b>` or `a@b` → `a@b`.
    static func address(_ mailbox: String) -> String {
        if let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close {
            return String(mailbox[mailbox.index(after: open)..<close])
        }
        return mailbox.trimmingCharacters(in: .whitespaces)
    }

    /// The message as sent after DATA: headers, a blank line, the body with CRLF endings and leading dots
    /// doubled (RFC 5321 4.5.2), without the final dot line.
    static func format(_ message: MailMessage, date: Date, messageID: String) -> String {
        let dateFormatter = DateFormatter()
        dateFormatter.locale = Locale(identifier: "en_US_POSIX")
        dateFormatter.timeZone = TimeZone(identifier: "UTC")
        dateFormatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss +0000"
        let domain = address(message.from).split(separator: "@").last.map(String.init) ?? "rounds.localhost"
        var headers = [
            "From: \(headerSafe(message.from))",
            "To: \(headerSafe(message.to))",
            "Subject: \(encodedWord(message.subject))",
            "Date: \(dateFormatter.string(from: date))",
            "Message-ID: <\(messageID)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        if let unsubscribe = message.listUnsubscribe {
            headers.append("List-Unsubscribe: <\(headerSafe(unsubscribe))>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        // Bare CR and bare LF become CRLF (RFC 5322 2.3): a lone one could otherwise end a line, or the
        // message (LF.LF), on servers that accept it.
        let body = message.body
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n"
    }

    /// Header values may not carry line breaks (header injection).
    private static func headerSafe(_ value: String) -> String {
        value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// RFC 2047 encoding for non-ASCII subjects.
    private static func encodedWord(_ text: String) -> String {
        let safe = headerSafe(text)
        guard safe.unicodeScalars.contains(where: { !$0.isASCII }) else { return safe }
        return "=?utf-8?B?\(Data(safe.utf8).base64EncodedString())?="
    }
}

struct SMTPReply {
    var code: Int
    var lines: [String]
    var text: String { self.lines.joined(separator: " ") }
}

/// Reads multi-line SMTP replies (`250-…` continued, `250 …` last) from the channel's byte stream.
struct SMTPReplyReader {
    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func next() async throws -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try await self.nextLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else {
                throw SMTPClient.Failure(description: "unexpected SMTP line: \(line.prefix(80))")
            }
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                return SMTPReply(code: code, lines: lines)
            }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let range = self.pending.range(of: "\r\n") {
                let line = String(self.pending[..<range.lowerBound])
                self.pending.removeSubrange(..<range.upperBound)
                return line
            }
            guard self.pending.count < 64 * 1024 else { throw SMTPClient.Failure(description: "SMTP line too long") }
            guard let buffer = try await self.iterator.next() else {
                throw SMTPClient.Failure(description: "the SMTP server closed the connection")
            }
            self.pending += String(buffer: buffer)
        }
    }
}
