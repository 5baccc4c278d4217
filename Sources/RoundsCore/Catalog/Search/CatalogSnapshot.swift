import Foundation

/// The catalog's search documents as one file, so a restarted server builds its index without reading the
/// whole catalog from the database. `key` says which database and catalog version the documents are at least
/// as new as; the server uses a snapshot only when that database's change log covers every version after it.
///
/// Layout (little-endian): `magic`, `format`, the length and checksum of what follows, the key, then the
/// body: a table of distinct short words (codes, specialty ids, currencies), a table of distinct code sets,
/// a table of distinct sites, and the documents, which refer to the tables by number.
public struct CatalogSnapshot: Sendable {
    public struct Key: Equatable, Sendable {
        /// The database's catalog: a random id taken when its change counter was created.
        public var epoch: UUID
        /// Every document is at least as new as this catalog version.
        public var version: Int64
        /// Migrations the database had run; one that rewrites catalog rows without logging them changes it.
        public var schemaRevision: Int64

        public init(epoch: UUID, version: Int64, schemaRevision: Int64) {
            self.epoch = epoch
            self.version = version
            self.schemaRevision = schemaRevision
        }
    }

    /// Why a file is not a usable snapshot.
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public var key: Key
    public var documents: [CatalogDocument]

    public init(key: Key, documents: [CatalogDocument]) {
        self.key = key
        self.documents = documents
    }

    static let magic = Array("ROUNDSCS".utf8)
    /// Raised whenever the layout or `CatalogDocument`'s fields change: older files are then refused.
    static let format: UInt32 = 1
    static let headerLength = 8 + 4 + 16 + 8 + 8 + 8 + 8

    /// The snapshot as bytes: the header, then the body. The tables are known only once every document is
    /// written, so documents go to a buffer of their own, appended after the tables; the length and checksum
    /// are filled in last.
    public func encoded() -> [UInt8] {
        var words = Numbering<String>()
        var sets = Numbering<[UInt32]>()
        var sites = Numbering<CatalogDocument.Site>()
        // A catalog holds few distinct code sets: each is numbered once, then found by the set itself.
        var audienceSets: [Set<Audience>: UInt32] = [:]
        var visaSets: [Set<VisaClass>: UInt32] = [:]
        var requirementSets: [Set<Requirement>: UInt32] = [:]
        func numbered<T: RawRepresentable<String> & Hashable>(_ values: Set<T>, _ known: inout [Set<T>: UInt32]) -> UInt32 {
            if let number = known[values] { return number }
            let number = sets.number(values.map(\.rawValue).sorted().map { words.number($0) })
            known[values] = number
            return number
        }
        var documents = SnapshotWriter()
        documents.bytes.reserveCapacity(self.documents.count * 300)
        documents.u32(UInt32(self.documents.count))
        for document in self.documents {
            documents.uuid(document.id)
            documents.string(document.title)
            documents.string(document.description)
            documents.u32(words.number(document.type.rawValue))
            documents.u32(words.number(document.specialtyID))
            documents.bool(document.isHandsOn)
            documents.u32(words.number(document.setting.rawValue))
            documents.u32(numbered(document.rules.audiences, &audienceSets))
            documents.bool(document.rules.maximumYearsSinceGraduation != nil)
            documents.i64(Int64(document.rules.maximumYearsSinceGraduation ?? 0))
            documents.bool(document.rules.requiresStep1Pass)
            documents.bool(document.rules.isHandsOn)
            documents.u32(numbered(document.rules.acceptedVisaClasses, &visaSets))
            documents.i64(Int64(document.feeCents))
            documents.u32(words.number(document.currency))
            documents.u32(words.number(document.letterPolicy.rawValue))
            documents.u32(numbered(document.requirements, &requirementSets))
            documents.u32(sites.number(document.site))
            documents.u32(UInt32(document.sessions.count))
            for session in document.sessions {
                documents.uuid(session.id)
                documents.i64(Int64(session.start.ordinal))
                documents.i64(Int64(session.end.ordinal))
                documents.i64(Int64(session.seats))
                documents.i64(Int64(session.applicationDeadline.ordinal))
                documents.i64(Int64(session.seatsTaken))
            }
        }

        var file = SnapshotWriter()
        file.bytes.reserveCapacity(Self.headerLength + documents.bytes.count + 4_096)
        file.bytes.append(contentsOf: Self.magic)
        file.u32(Self.format)
        let lengthOffset = file.bytes.count
        file.u64(0)
        file.u64(0)
        // The checksum covers the key too: a damaged version number must not pass for a newer catalog.
        let keyOffset = file.bytes.count
        file.uuid(self.key.epoch)
        file.i64(self.key.version)
        file.i64(self.key.schemaRevision)
        file.u32(UInt32(words.values.count))
        for text in words.values { file.string(text) }
        file.u32(UInt32(sets.values.count))
        for members in sets.values {
            file.u32(UInt32(members.count))
            for member in members { file.u32(member) }
        }
        file.u32(UInt32(sites.values.count))
        for site in sites.values {
            file.string(site.name)
            file.string(site.city)
            file.string(site.state)
            file.string(site.zip)
            file.bool(site.coordinate != nil)
            file.f64(site.coordinate?.latitude ?? 0)
            file.f64(site.coordinate?.longitude ?? 0)
        }
        file.bytes.append(contentsOf: documents.bytes)
        let checksum = file.bytes.withUnsafeBytes { Self.checksum(UnsafeRawBufferPointer(rebasing: $0[keyOffset...])) }
        file.set(UInt64(file.bytes.count - keyOffset), at: lengthOffset)
        file.set(checksum, at: lengthOffset + 8)
        return file.bytes
    }

    /// A 64-bit multiply-and-shift hash of the key and body, eight bytes at a time: it finds a damaged or cut file
    /// (not a forged one; whoever can write the file can write the database).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ UInt64(bytes.count)
    }
}

/// Distinct values in the order first seen, each numbered once.
struct Numbering<Value: Hashable> {
    private(set) var values: [Value] = []
    private var numbers: [Value: UInt32] = [:]

    mutating func number(_ value: Value) -> UInt32 {
        if let known = self.numbers[value] { return known }
        let number = UInt32(self.values.count)
        self.numbers[value] = number
        self.values.append(value)
        return number
    }
}

/// Appends little-endian values to a byte array.
struct SnapshotWriter {
    var bytes: [UInt8] = []

    /// Overwrites eight bytes written earlier (a length or checksum known only at the end).
    mutating func set(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { self.bytes.replaceSubrange(offset..<offset + 8, with: $0) }
    }

    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { self.bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { self.bytes.append(contentsOf: $0) } }
    mutating func i64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { self.bytes.append(contentsOf: $0) } }
    mutating func f64(_ value: Double) { self.u64(value.bitPattern) }
    mutating func bool(_ value: Bool) { self.bytes.append(value ? 1 : 0) }
    mutating func uuid(_ value: UUID) { withUnsafeBytes(of: value.uuid) { self.bytes.append(contentsOf: $0) } }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            self.u32(UInt32(utf8.count))
            self.bytes.append(contentsOf: utf8)
        }
    }
}
