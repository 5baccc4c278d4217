import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import Vapor

@testable import RoundsApp

/// Issue 13, defect 3: a request with a 100 KB query string got no answer (Vapor's server closed the
/// connection). These talk to the real server over TCP on loopback, byte for byte.
@Suite struct HTTPServerTests {
    /// Sends `bytes` on a new connection and returns everything the server writes until it closes.
    static func exchange(_ bytes: [UInt8], port: Int) async throws -> String {
        final class Collector: ChannelInboundHandler, @unchecked Sendable {
            typealias InboundIn = ByteBuffer
            let done: EventLoopPromise<String>
            var received = ""
            init(done: EventLoopPromise<String>) { self.done = done }
            func channelRead(context: ChannelHandlerContext, data: NIOAny) {
                self.received += String(buffer: self.unwrapInboundIn(data))
            }
            func channelInactive(context: ChannelHandlerContext) { self.done.succeed(self.received) }
            func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
        }
        let group = MultiThreadedEventLoopGroup.singleton
        let done = group.next().makePromise(of: String.self)
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(done: done)) } }
            .connect(host: "127.0.0.1", port: port).get()
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        try await channel.writeAndFlush(buffer)
        return try await done.futureResult.get()
    }

    static func withServer(_ body: (Int) async throws -> Void) async throws {
        try await withRoundsApp { app in
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require((app.server as? RoundsHTTPServer)?.localAddress?.port)
            do {
                try await body(port)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    /// `serve --port 18080` must not e-mail links to the configured :8080: without a public URL the links
    /// follow the address given on the command line.
    @Test func linksFollowTheAddressTheServerWasStartedOn() async throws {
        // A port that was free a moment ago.
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(probe.localAddress?.port)
        try await probe.close()
        try await withRoundsApp { app in
            #expect(app.config.server.publicURL == nil)
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            #expect(app.config.server.origin == "http://127.0.0.1:\(port)")
            await app.server.shutdown()
        }
    }

    static func status(_ response: String) -> Int? {
        response.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
    }

    @Test func aVeryLongAddressIs414WithTheUsualErrorBody() async throws {
        try await Self.withServer { port in
            let query = String(repeating: "a", count: 100 * 1_024)
            let response = try await Self.exchange(Array("GET /api/v1/opportunities?q=\(query) HTTP/1.1\r\nHost: x\r\n\r\n".utf8), port: port)
            #expect(Self.status(response) == 414, "\(response.prefix(300))")
            #expect(response.contains(#""error":true"#))
            #expect(response.contains(#""reason":"The address is too long"#))
            #expect(response.contains("X-Content-Type-Options: nosniff"))
            #expect(response.lowercased().contains("connection: close"))
        }
    }

    @Test func anAddressJustUnderTheLimitIsServed() async throws {
        try await Self.withServer { port in
            let query = String(repeating: "a", count: 12 * 1_024)
            let response = try await Self.exchange(Array("GET /opportunities?q=\(query) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port)
            // Served by the catalog page, which says on the page what is wrong with the query.
            #expect(Self.status(response) == 200, "\(response.prefix(300))")
            #expect(response.contains("<html"))
            #expect(!response.contains("The address is too long"))
        }
    }

    @Test func oversizedHeadersAre431AndGarbageIs400() async throws {
        try await Self.withServer { port in
            let cookie = String(repeating: "b", count: 100 * 1_024)
            let headers = try await Self.exchange(Array("GET / HTTP/1.1\r\nHost: x\r\nCookie: c=\(cookie)\r\n\r\n".utf8), port: port)
            #expect(Self.status(headers) == 431, "\(headers.prefix(300))")
            let garbage = try await Self.exchange(Array("HELLO THERE\r\n\r\n".utf8), port: port)
            #expect(Self.status(garbage) == 400, "\(garbage.prefix(300))")
            #expect(garbage.contains(#""error":true"#))
        }
    }

    @Test func requestsAreAnsweredInOrderOnOneConnection() async throws {
        try await Self.withServer { port in
            let pipelined = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nHEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            let response = try await Self.exchange(Array(pipelined.utf8), port: port)
            let statuses = response.components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap { Int($0.prefix(3)) }
            #expect(statuses == [200, 200, 404], "\(response)")
            #expect(response.contains("Content-Security-Policy"))
        }
    }

    /// Building the responder registers every route; a new connection must not pay that again.
    @Test func theResponderIsBuiltOncePerStartNotPerConnection() async throws {
        try await withRoundsApp { app in
            let builds = NIOLockedValueBox(0)
            app.responder.use { app in
                builds.withLockedValue { $0 += 1 }
                return app.responder.default
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require((app.server as? RoundsHTTPServer)?.localAddress?.port)
            for _ in 0..<3 {
                let response = try await Self.exchange(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port)
                #expect(Self.status(response) == 200, "\(response.prefix(300))")
            }
            await app.server.shutdown()
            #expect(builds.withLockedValue { $0 } == 1)
        }
    }

    @Test func aBodyOverTheLimitIs413AndJSONStillWorks() async throws {
        try await Self.withServer { port in
            let big = "{\"name\": \"" + String(repeating: "x", count: 70 * 1_024) + "\"}"
            let request = "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(big.utf8.count)\r\n\r\n\(big)"
            let refused = try await Self.exchange(Array(request.utf8), port: port)
            #expect(Self.status(refused) == 413, "\(refused.prefix(300))")
            #expect(refused.contains(#""error":true"#))
            let small = #"{"email":"nobody@example.org","password":"wrong password!","name":"x"}"#
            let post = "POST /api/v1/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(small.utf8.count)\r\nConnection: close\r\n\r\n\(small)"
            let answered = try await Self.exchange(Array(post.utf8), port: port)
            #expect(Self.status(answered) == 401, "\(answered.prefix(300))")
        }
    }
}
