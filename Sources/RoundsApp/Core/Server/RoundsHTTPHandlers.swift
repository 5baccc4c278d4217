import NIOCore
import NIOHTTP1
import RoundsCore
import Vapor

/// How far the request being read has got: the length of its request line until that line ends.
final class RequestHeadProgress {
    var hasRequestLine = false
    var requestLineLength = 0
    /// Set when the request line passed `RequestLineWatcher.limit`.
    var isRequestLineTooLong: Bool { self.requestLineLength > RequestLineWatcher.limit }

    func startNextRequest() {
        self.hasRequestLine = false
        self.requestLineLength = 0
    }
}

/// Measures the request line in the raw bytes before the HTTP decoder, so a too-long address is told
/// apart from too-large headers and refused early, as most servers do (nginx and Apache allow 8 kB).
/// Once the line has ended it only passes bytes on, until the next request starts.
final class RequestLineWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    static let limit = 16 * 1_024

    private let progress: RequestHeadProgress
    private var isRefused = false

    init(progress: RequestHeadProgress) {
        self.progress = progress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if self.isRefused { return }
        if !self.progress.hasRequestLine {
            let bytes = self.unwrapInboundIn(data).readableBytesView
            if let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                self.progress.requestLineLength += end - bytes.startIndex
                self.progress.hasRequestLine = true
            } else {
                self.progress.requestLineLength += bytes.count
            }
            if self.progress.isRequestLineTooLong {
                self.isRefused = true
                // A parser error, so NIO's pipelining handler lets the error answer through.
                context.fireErrorCaught(HTTPParserError.headerOverflow)
                return
            }
        }
        context.fireChannelRead(data)
    }
}

/// Answers a request the HTTP decoder could not read (NIO's parser errors are fatal to the connection)
/// with an error status and the usual JSON error body, then lets the connection close.
final class UnreadableRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let progress: RequestHeadProgress
    private let isBehindTLS: Bool
    private var isResponding = false

    init(progress: RequestHeadProgress, isBehindTLS: Bool) {
        self.progress = progress
        self.isBehindTLS = isBehindTLS
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let status: HTTPResponseStatus
        let reason: String
        switch error {
        case HTTPParserError.headerOverflow where self.progress.isRequestLineTooLong:
            status = .uriTooLong
            reason = "The address is too long (at most \(RequestLineWatcher.limit / 1_024) kB); send long input in a request body."
        case HTTPParserError.headerOverflow:
            status = .requestHeaderFieldsTooLarge
            reason = "The request headers are too large (at most 80 kB together)."
        case is HTTPParserError:
            status = .badRequest
            reason = "The request is not valid HTTP/1.1."
        default:
            context.fireErrorCaught(error)
            return
        }
        // A response already under way cannot be replaced; the connection just closes.
        if !self.isResponding {
            let json = (try? JSONEncoder().encode(APIErrorBody(error: true, reason: reason))) ?? Data(#"{"error":true}"#.utf8)
            var body = context.channel.allocator.buffer(capacity: json.count)
            body.writeBytes(json)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
            headers.replaceOrAdd(name: .connection, value: "close")
            SecurityHeadersMiddleware.apply(to: &headers, isBehindTLS: self.isBehindTLS)
            context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
            context.write(self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            let channel = context.channel
            context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        } else {
            context.close(promise: nil)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch self.unwrapOutboundIn(data) {
        case .head(let head) where head.status.code >= 200: self.isResponding = true
        case .end: self.isResponding = false
        default: break
        }
        context.write(data, promise: promise)
    }
}

/// Collects each request's head and body, hands it to Vapor's responder and writes the response back,
/// keeping the connection alive when both sides want that. Pipelined requests are kept in order by
/// NIO's `HTTPServerPipelineHandler` in front of this one.
final class VaporRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let application: Application
    private let responder: any Responder
    private let limits: BodyLimits
    private let progress: RequestHeadProgress
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var isTooLarge = false

    init(application: Application, responder: any Responder, limits: BodyLimits, progress: RequestHeadProgress) {
        self.application = application
        self.responder = responder
        self.limits = limits
        self.progress = progress
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            self.body = nil
            let declared = head.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
            self.isTooLarge = declared > self.limits.limit(for: head.headers)
        case .body(var chunk):
            guard !self.isTooLarge, let head = self.head else { return }
            if (self.body?.readableBytes ?? 0) + chunk.readableBytes > self.limits.limit(for: head.headers) {
                self.isTooLarge = true
                self.body = nil
            } else if self.body == nil {
                self.body = chunk
            } else {
                self.body!.writeBuffer(&chunk)
            }
        case .end:
            guard let head = self.head else { return }
            self.head = nil
            self.progress.startNextRequest()
            self.respond(to: head, body: self.body, isTooLarge: self.isTooLarge, context: context)
            self.body = nil
        }
    }

    private func respond(to head: HTTPRequestHead, body: ByteBuffer?, isTooLarge: Bool, context: ChannelHandlerContext) {
        let request = Request(
            application: self.application,
            method: head.method,
            url: URI(path: head.uri),
            version: head.version,
            headersNoUpdate: head.headers,
            collectedBody: isTooLarge ? nil : body,
            remoteAddress: context.channel.remoteAddress,
            logger: self.application.logger,
            byteBufferAllocator: context.channel.allocator,
            on: context.eventLoop
        )
        if isTooLarge {
            request.storage[ServerRefusal.self] = Abort(
                .payloadTooLarge,
                reason: "The request body is larger than \(DocumentUpload.describe(bytes: self.limits.limit(for: head.headers)))."
            )
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        self.responder.respond(to: request)
            .flatMap { response in response.body.collect(on: request.eventLoop).map { (response, $0) } }
            .hop(to: context.eventLoop)
            .whenComplete { result in
                let (handler, context) = loopBound.value
                switch result {
                case .success(let (response, body)):
                    handler.write(response, body: body, for: head, context: context)
                case .failure:
                    // The error middleware turns every error into a response; this is a last resort.
                    context.close(promise: nil)
                }
            }
    }

    private func write(_ response: Response, body: ByteBuffer?, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = response.headers
        headers.remove(name: .transferEncoding)
        headers.replaceOrAdd(name: .contentLength, value: String(body?.readableBytes ?? 0))
        let keepAlive = request.isKeepAlive && !headers.contains(name: .connection, value: "close") && !Self.endsConnection(response)
        if !keepAlive { headers.replaceOrAdd(name: .connection, value: "close") }
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        context.write(self.wrapOutboundOut(.head(head)), promise: nil)
        if let body, body.readableBytes > 0, request.method != .HEAD {
            context.write(self.wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        let written = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Anything else that goes wrong on the connection (a reset, a TLS failure) ends it.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// After a refused oversized body the rest of it may still be arriving: close rather than read on.
    private static func endsConnection(_ response: Response) -> Bool {
        response.status == .payloadTooLarge
    }
}

extension HTTPHeaders {
    fileprivate func contains(name: HTTPHeaders.Name, value: String) -> Bool {
        self[name].contains { $0.lowercased() == value }
    }
}

/// A refusal the server decided before the request reached the routes (a body over the limit); the
/// middleware below throws it inside the middleware chain, so it is answered like any other error.
enum ServerRefusal: StorageKey {
    typealias Value = Abort
}

struct ServerRefusalMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let refusal = request.storage[ServerRefusal.self] { throw refusal }
        return try await next.respond(to: request)
    }
}
