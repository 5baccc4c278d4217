import Foundation
import NIOCore
import Vapor

/// Writes the search answer straight into a byte buffer. Foundation's JSONEncoder took most of each
/// search request's time (the index answers in a fraction of a millisecond); the shape is exactly the
/// `Codable` one, which the tests decode.
enum CatalogJSON {
    static func response(_ list: OpportunityListResponse) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: 4096 + list.items.count * 700)
        buffer.writeStaticString("{\"items\":[")
        for (position, item) in list.items.enumerated() {
            if position > 0 { buffer.writeStaticString(",") }
            self.write(item, into: &buffer)
        }
        buffer.writeString("],\"total\":\(list.total),\"page\":\(list.page),\"per_page\":\(list.perPage),\"facets\":{")
        for (position, (name, counts)) in list.facets.sorted(by: { $0.key < $1.key }).enumerated() {
            if position > 0 { buffer.writeStaticString(",") }
            self.string(name, into: &buffer)
            buffer.writeStaticString(":{")
            for (inner, (value, count)) in counts.sorted(by: { $0.key < $1.key }).enumerated() {
                if inner > 0 { buffer.writeStaticString(",") }
                self.string(value, into: &buffer)
                buffer.writeString(":\(count)")
            }
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString("}}")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: buffer))
    }

    private static func write(_ item: OpportunitySummary, into buffer: inout ByteBuffer) {
        buffer.writeString("{\"id\":\"\(item.id.uuidString)\",\"title\":")
        self.string(item.title, into: &buffer)
        buffer.writeStaticString(",\"type\":")
        self.string(item.type, into: &buffer)
        buffer.writeStaticString(",\"specialty\":")
        self.string(item.specialty, into: &buffer)
        buffer.writeString(",\"hands_on\":\(item.handsOn),\"setting\":")
        self.string(item.setting, into: &buffer)
        buffer.writeStaticString(",\"audiences\":")
        self.strings(item.audiences, into: &buffer)
        buffer.writeStaticString(",\"visa_classes\":")
        self.strings(item.visaClasses, into: &buffer)
        buffer.writeString(",\"fee_cents\":\(item.feeCents),\"currency\":")
        self.string(item.currency, into: &buffer)
        buffer.writeStaticString(",\"letter_policy\":")
        self.string(item.letterPolicy, into: &buffer)
        buffer.writeStaticString(",\"site\":{\"name\":")
        self.string(item.site.name, into: &buffer)
        buffer.writeStaticString(",\"city\":")
        self.string(item.site.city, into: &buffer)
        buffer.writeStaticString(",\"state\":")
        self.string(item.site.state, into: &buffer)
        buffer.writeStaticString(",\"zip\":")
        self.string(item.site.zip, into: &buffer)
        buffer.writeStaticString("}")
        if let distance = item.distanceMi { buffer.writeString(",\"distance_mi\":\(distance)") }
        if let session = item.nextSession {
            buffer.writeString(
                ",\"next_session\":{\"id\":\"\(session.id.uuidString)\",\"start\":\"\(session.start)\",\"end\":\"\(session.end)\",\"seats\":\(session.seats),\"application_deadline\":\"\(session.applicationDeadline)\"}"
            )
        }
        if let eligibility = item.eligibility {
            buffer.writeString(",\"eligibility\":{\"eligible\":\(eligibility.eligible),\"reasons\":")
            self.strings(eligibility.reasons, into: &buffer)
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString("}")
    }

    private static func strings(_ values: [String], into buffer: inout ByteBuffer) {
        buffer.writeStaticString("[")
        for (position, value) in values.enumerated() {
            if position > 0 { buffer.writeStaticString(",") }
            self.string(value, into: &buffer)
        }
        buffer.writeStaticString("]")
    }

    /// A JSON string literal (RFC 8259 escaping).
    static func string(_ text: String, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("\"")
        // Most strings need no escaping: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.writeString(text)
            buffer.writeStaticString("\"")
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                buffer.writeString("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: buffer.writeInteger(byte)
            }
        }
        buffer.writeStaticString("\"")
    }
}
