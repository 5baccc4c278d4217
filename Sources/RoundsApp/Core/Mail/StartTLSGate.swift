import NIOCore

/// Closes the STARTTLS injection window (CVE-2011-0411 and kin): once the client has sent STARTTLS,
/// bytes after the server's final reply line are plaintext an attacker may have appended, meant to be
/// read as answers after the handshake. The gate passes the reply through, drops everything after it,
/// and opens again only when the client has put TLS in front of it.
final class StartTLSGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        case open
        /// STARTTLS sent; `line` holds the part of the reply line read so far.
        case awaitingReply(line: [UInt8])
        case closed
    }

    private var state = State.open

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let buffer = self.unwrapOutboundIn(data)
        if case .open = self.state, buffer.readableBytesView.elementsEqual("STARTTLS\r\n".utf8) {
            self.state = .awaitingReply(line: [])
        }
        context.write(data, promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.state {
        case .open:
            context.fireChannelRead(data)
        case .closed:
            break  // plaintext between the STARTTLS answer and the handshake: dropped
        case .awaitingReply(var line):
            let buffer = self.unwrapInboundIn(data)
            let bytes = Array(buffer.readableBytesView)
            var passed = 0
            for byte in bytes {
                passed += 1
                line.append(byte)
                // A final reply line is "ddd text" (a continuation line is "ddd-text").
                if byte == UInt8(ascii: "\n") {
                    let isFinal = line.count < 4 || line[3] != UInt8(ascii: "-")
                    line.removeAll()
                    if isFinal {
                        self.state = .closed
                        break
                    }
                }
            }
            if case .awaitingReply = self.state { self.state = .awaitingReply(line: line) }
            context.fireChannelRead(self.wrapInboundOut(ByteBuffer(bytes: bytes[..<passed])))
        }
    }

    /// Called on the event loop right after the TLS handler went in front of the gate.
    func open() {
        self.state = .open
    }
}
