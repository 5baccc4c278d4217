import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Vapor

/// The HTTP/1.1 server `rounds serve` runs. Vapor 4's own server closes the connection without a word
/// on a request whose head it cannot parse (a 100 KB query string got no answer at all), and offers no
/// way into its channel pipeline; this one is built from SwiftNIO's HTTP/1 handlers so it can answer
/// 414, 431 and 400 with the usual error body. Requests are handed to Vapor's responder, so routing,
/// middleware and every handler are unchanged; bodies are collected up to the limits Vapor enforced
/// (the upload limit for multipart, `defaultMaxBodySize` otherwise), beyond which the answer is 413.
final class RoundsHTTPServer: Server, @unchecked Sendable {
    private let application: Application
    private let lock = NIOLock()
    private var channel: (any Channel)?
    private let shutdownPromise: EventLoopPromise<Void>

    init(application: Application) {
        self.application = application
        self.shutdownPromise = application.eventLoopGroup.next().makePromise()
    }

    var onShutdown: EventLoopFuture<Void> { self.shutdownPromise.futureResult }

    @available(*, noasync)
    func start(address: BindAddress?) throws {
        try self.bind(address).wait()
    }

    func start(address: BindAddress?) async throws {
        try await self.bind(address).get()
    }

    private func bind(_ address: BindAddress?) -> EventLoopFuture<Void> {
        let configuration = self.application.http.server.configuration
        let application = self.application
        let limits = BodyLimits(
            upload: application.config.uploadRequestMaximumBytes,
            other: application.routes.defaultMaxBodySize.value
        )
        let tls: NIOSSLContext?
        do {
            tls = try configuration.tlsConfiguration.map(NIOSSLContext.init(configuration:))
        } catch {
            return application.eventLoopGroup.next().makeFailedFuture(error)
        }
        let isBehindTLS = application.config.server.isBehindTLS
        // Built once per start, as Vapor's own server does: building it registers every route, which cost each
        // new connection that much work when it was built in the initializer below.
        let responder = application.responder.current
        let bootstrap = ServerBootstrap(group: application.eventLoopGroup)
            .serverChannelOption(.backlog, value: Int32(configuration.backlog))
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let head = RequestHeadProgress()
                    let pipeline = channel.pipeline.syncOperations
                    if let tls { try pipeline.addHandler(NIOSSLServerHandler(context: tls)) }
                    try pipeline.addHandler(RequestLineWatcher(progress: head))
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: false)
                    try pipeline.addHandler(UnreadableRequestHandler(progress: head, isBehindTLS: isBehindTLS))
                    try pipeline.addHandler(
                        VaporRequestHandler(application: application, responder: responder, limits: limits, progress: head)
                    )
                }
            }
        let bound: EventLoopFuture<any Channel>
        switch address ?? .hostname(configuration.hostname, port: configuration.port) {
        case .hostname(let hostname, let port):
            let host = hostname ?? configuration.hostname
            let port = port ?? configuration.port
            // `serve --hostname/--port` override the configuration; without ROUNDS_PUBLIC_URL, e-mailed links
            // must name the address the server really answers on.
            if application.config.server.publicURL == nil, port != 0 {
                application.config.server.hostname = host
                application.config.server.port = port
            }
            bound = bootstrap.bind(host: host, port: port)
        case .unixDomainSocket(let path):
            bound = bootstrap.bind(unixDomainSocketPath: path)
        }
        return bound.map { channel in
            self.lock.withLock { self.channel = channel }
            if let address = channel.localAddress {
                application.logger.notice("Server started on \(address)")
            }
        }
    }

    @available(*, noasync)
    func shutdown() {
        try? self.takeChannel()?.close().wait()
        self.finish()
    }

    func shutdown() async {
        try? await self.takeChannel()?.close().get()
        self.finish()
    }

    private var isFinished = false

    private func takeChannel() -> (any Channel)? {
        self.lock.withLock {
            defer { self.channel = nil }
            return self.channel
        }
    }

    private func finish() {
        let isFirst = self.lock.withLock {
            defer { self.isFinished = true }
            return !self.isFinished
        }
        if isFirst { self.shutdownPromise.succeed(()) }
    }

    deinit {
        // A server that was never started, or not shut down, still settles its promise.
        if !self.isFinished { self.shutdownPromise.succeed(()) }
    }

    /// The address the server listens on (port 0 picks a free one).
    var localAddress: SocketAddress? { self.lock.withLock { self.channel?.localAddress } }
}

extension Application.Servers.Provider {
    /// Rounds' own HTTP/1.1 server (see `RoundsHTTPServer`), one per application as Vapor's is.
    static var rounds: Self {
        .init { application in
            application.servers.use { application in application.roundsHTTPServer }
        }
    }
}

extension Application {
    private struct RoundsHTTPServerKey: LockKey, StorageKey {
        typealias Value = RoundsHTTPServer
    }

    /// `app.server` asks for the server every time; it must be the same one each time.
    var roundsHTTPServer: RoundsHTTPServer {
        self.locks.lock(for: RoundsHTTPServerKey.self).withLock {
            if let server = self.storage[RoundsHTTPServerKey.self] { return server }
            let server = RoundsHTTPServer(application: self)
            self.storage[RoundsHTTPServerKey.self] = server
            return server
        }
    }
}

/// How large a request body may be: multipart uploads get the upload limit, everything else Vapor's
/// default body size, as the routes had it.
struct BodyLimits: Sendable {
    var upload: Int
    var other: Int

    func limit(for headers: HTTPHeaders) -> Int {
        headers.contentType?.type == "multipart" ? self.upload : self.other
    }
}
