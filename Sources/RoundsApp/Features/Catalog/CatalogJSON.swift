import Foundation
import NIOCore
import RoundsCore
import Vapor

/// Writes the search answer straight into a byte buffer. Foundation's JSONEncoder took most of each
/// search request's time (the index answers in a fraction of a millisecond); the shape is exactly the
/// `Codable` one, which the tests decode.
enum CatalogJSON {
    static func response(_ list: OpportunityListResponse, fragments: CatalogJSONFragments? = nil) -> Response {
        var buffer = ByteBufferAllocator().buffer(capacity: 4096 + list.items.count * 700)
        buffer.writeStaticString("{\"items\":[")
        for (position, item) in list.items.enumerated() {
            if position > 0 { buffer.writeStaticString(",") }
            if let fragments {
                buffer.writeBytes(fragments.fragment(for: item))
            } else {
                self.writeFixedPart(item, into: &buffer)
            }
            self.writeDailyPart(item, into: &buffer)
        }
        buffer.writeStaticString("],\"total\":")
        self.integer(list.total, into: &buffer)
        buffer.writeStaticString(",\"page\":")
        self.integer(list.page, into: &buffer)
        buffer.writeStaticString(",\"per_page\":")
        self.integer(list.perPage, into: &buffer)
        buffer.writeStaticString(",\"facets\":{")
        for (position, (name, counts)) in list.facets.sorted(by: { $0.key < $1.key }).enumerated() {
            if position > 0 { buffer.writeStaticString(",") }
            self.string(name, into: &buffer)
            buffer.writeStaticString(":{")
            for (inner, (value, count)) in counts.sorted(by: { $0.key < $1.key }).enumerated() {
                if inner > 0 { buffer.writeStaticString(",") }
                self.string(value, into: &buffer)
                buffer.writeStaticString(":")
                self.integer(count, into: &buffer)
            }
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString("}}")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: buffer))
    }

    /// The part of an item that changes only with the document: everything but distance, next session
    /// and eligibility, and without the closing brace.
    static func writeFixedPart(_ item: OpportunitySummary, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("{\"id\":")
        self.uuid(item.id, into: &buffer)
        buffer.writeStaticString(",\"title\":")
        self.string(item.title, into: &buffer)
        buffer.writeStaticString(",\"type\":")
        self.string(item.type.rawValue, into: &buffer)
        buffer.writeStaticString(",\"specialty\":")
        self.string(item.specialty, into: &buffer)
        buffer.writeStaticString(item.handsOn ? ",\"hands_on\":true,\"setting\":" : ",\"hands_on\":false,\"setting\":")
        self.string(item.setting.rawValue, into: &buffer)
        buffer.writeStaticString(",\"audiences\":")
        self.strings(item.audiences, into: &buffer)
        buffer.writeStaticString(",\"visa_classes\":")
        self.strings(item.visaClasses, into: &buffer)
        buffer.writeStaticString(",\"fee_cents\":")
        self.integer(item.feeCents, into: &buffer)
        buffer.writeStaticString(",\"currency\":")
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
    }

    /// The part that depends on the search and the day, and the closing brace.
    private static func writeDailyPart(_ item: OpportunitySummary, into buffer: inout ByteBuffer) {
        if let distance = item.distanceMi { buffer.writeString(",\"distance_mi\":\(distance)") }
        if let session = item.nextSession {
            buffer.writeStaticString(",\"next_session\":{\"id\":")
            self.uuid(session.id, into: &buffer)
            buffer.writeStaticString(",\"start\":")
            self.string(session.start, into: &buffer)
            buffer.writeStaticString(",\"end\":")
            self.string(session.end, into: &buffer)
            buffer.writeStaticString(",\"seats\":")
            self.integer(session.seats, into: &buffer)
            buffer.writeStaticString(",\"seats_left\":")
            self.integer(session.seatsLeft, into: &buffer)
            buffer.writeStaticString(",\"application_deadline\":")
            self.string(session.applicationDeadline, into: &buffer)
            buffer.writeStaticString("}")
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

    /// A decimal integer, written digit by digit (string interpolation allocated a String for each).
    static func integer(_ value: Int, into buffer: inout ByteBuffer) {
        guard value >= 0 else {
            buffer.writeString(String(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            var rest = value
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            buffer.writeBytes(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A UUID as a quoted upper-case string, like `uuidString` but without allocating one.
    static func uuid(_ id: UUID, into buffer: inout ByteBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 38) { out in
            out.initialize(repeating: UInt8(ascii: "\""))
            id.writeUppercaseText(into: out, at: 1)
            buffer.writeBytes(UnsafeBufferPointer(out))
        }
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

/// Each document's fixed JSON, rendered on first use and kept until the index is replaced: a page of
/// results is then mostly copies of bytes already written.
final class CatalogJSONFragments: @unchecked Sendable {
    /// Beyond this many, start over rather than grow without bound.
    static let capacity = 50_000
    private let lock = NSLock()
    private var fragments: [UUID: [UInt8]] = [:]

    init() {}

    private init(_ fragments: [UUID: [UInt8]]) { self.fragments = fragments }

    /// A new cache holding this one's fragments except those of `changed` (searches still on the previous
    /// index keep filling this one).
    func without(_ changed: Set<UUID>) -> CatalogJSONFragments {
        guard !changed.isEmpty else { return self }
        var kept = self.lock.withLock { self.fragments }
        for id in changed { kept[id] = nil }
        return CatalogJSONFragments(kept)
    }

    func fragment(for item: OpportunitySummary) -> [UInt8] {
        if let cached = self.lock.withLock({ self.fragments[item.id] }) { return cached }
        var buffer = ByteBufferAllocator().buffer(capacity: 768)
        CatalogJSON.writeFixedPart(item, into: &buffer)
        let bytes = Array(buffer.readableBytesView)
        self.lock.withLock {
            if self.fragments.count >= Self.capacity { self.fragments.removeAll(keepingCapacity: true) }
            self.fragments[item.id] = bytes
        }
        return bytes
    }
}
