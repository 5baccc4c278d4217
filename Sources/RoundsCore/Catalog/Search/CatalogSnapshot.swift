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

    /// The snapshot as bytes: the header, then the body.
    public func encoded() -> [UInt8] {
        var body = SnapshotWriter()
        body.bytes.reserveCapacity(self.documents.count * 320)
        var words: [String: UInt32] = [:]
        var wordList: [String] = []
        func word(_ text: String) -> UInt32 {
            if let known = words[text] { return known }
            let number = UInt32(wordList.count)
            words[text] = number
            wordList.append(text)
            return number
        }
        var sets: [[UInt32]: UInt32] = [:]
        var setList: [[UInt32]] = []
        func set<T: RawRepresentable<String>>(_ values: Set<T>) -> UInt32 {
            let members = values.map(\.rawValue).sorted().map(word)
            if let known = sets[members] { return known }
            let number = UInt32(setList.count)
            sets[members] = number
            setList.append(members)
            return number
        }
        // A catalog holds few distinct code sets: each is numbered once, then found by the set itself.
        var audienceSets: [Set<Audience>: UInt32] = [:]
        var visaSets: [Set<VisaClass>: UInt32] = [:]
        var requirementSets: [Set<Requirement>: UInt32] = [:]
        func numbered<T: RawRepresentable<String> & Hashable>(_ values: Set<T>, _ known: inout [Set<T>: UInt32]) -> UInt32 {
            if let number = known[values] { return number }
            let number = set(values)
            known[values] = number
            return number
        }
        var sites: [CatalogDocument.Site: UInt32] = [:]
        var siteList: [CatalogDocument.Site] = []
        var documents = SnapshotWriter()
        documents.bytes.reserveCapacity(self.documents.count * 300)
        documents.u32(UInt32(self.documents.count))
        for document in self.documents {
            documents.uuid(document.id)
            documents.string(document.title)
            documents.string(document.description)
            documents.u32(word(document.type.rawValue))
            documents.u32(word(document.specialtyID))
            documents.bool(document.isHandsOn)
            documents.u32(word(document.setting.rawValue))
            documents.u32(numbered(document.rules.audiences, &audienceSets))
            documents.bool(document.rules.maximumYearsSinceGraduation != nil)
            documents.i64(Int64(document.rules.maximumYearsSinceGraduation ?? 0))
            documents.bool(document.rules.requiresStep1Pass)
            documents.bool(document.rules.isHandsOn)
            documents.u32(numbered(document.rules.acceptedVisaClasses, &visaSets))
            documents.i64(Int64(document.feeCents))
            documents.u32(word(document.currency))
            documents.u32(word(document.letterPolicy.rawValue))
            documents.u32(numbered(document.requirements, &requirementSets))
            let site: UInt32
            if let known = sites[document.site] {
                site = known
            } else {
                site = UInt32(siteList.count)
                sites[document.site] = site
                siteList.append(document.site)
            }
            documents.u32(site)
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

        body.u32(UInt32(wordList.count))
        for text in wordList { body.string(text) }
        body.u32(UInt32(setList.count))
        for members in setList {
            body.u32(UInt32(members.count))
            for member in members { body.u32(member) }
        }
        body.u32(UInt32(siteList.count))
        for site in siteList {
            body.string(site.name)
            body.string(site.city)
            body.string(site.state)
            body.string(site.zip)
            body.bool(site.coordinate != nil)
            body.f64(site.coordinate?.latitude ?? 0)
            body.f64(site.coordinate?.longitude ?? 0)
        }
        body.bytes.append(contentsOf: documents.bytes)

        // The checksum covers the key too: a damaged version number must not pass for a newer catalog.
        var covered = SnapshotWriter()
        covered.bytes.reserveCapacity(32 + body.bytes.count)
        covered.uuid(self.key.epoch)
        covered.i64(self.key.version)
        covered.i64(self.key.schemaRevision)
        covered.bytes.append(contentsOf: body.bytes)
        var file = SnapshotWriter()
        file.bytes.reserveCapacity(Self.headerLength + body.bytes.count)
        file.bytes.append(contentsOf: Self.magic)
        file.u32(Self.format)
        file.u64(UInt64(covered.bytes.count))
        file.u64(covered.bytes.withUnsafeBytes(Self.checksum))
        file.bytes.append(contentsOf: covered.bytes)
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

/// Appends little-endian values to a byte array.
struct SnapshotWriter {
    var bytes: [UInt8] = []

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
