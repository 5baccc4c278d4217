import Foundation

extension CatalogSnapshot {
    /// The key of a snapshot file from its header alone, so a file that does not fit the database is refused
    /// before its body is read.
    public static func key(of bytes: UnsafeRawBufferPointer) throws -> Key {
        var reader = SnapshotReader(bytes)
        return try Self.header(&reader).key
    }

    /// Reads a snapshot written by `encoded()`; throws `Unreadable` for anything else: another format, a cut
    /// or damaged file, a code this build does not know.
    public init(decoding bytes: UnsafeRawBufferPointer) throws {
        var reader = SnapshotReader(bytes)
        let header = try Self.header(&reader)
        guard bytes.count - header.keyOffset == header.length else {
            throw Unreadable(description: "the file holds \(bytes.count - header.keyOffset) bytes after its header, not \(header.length)")
        }
        guard Self.checksum(UnsafeRawBufferPointer(rebasing: bytes[header.keyOffset...])) == header.checksum else {
            throw Unreadable(description: "the file's checksum does not match: it is damaged")
        }

        let words = try (0..<reader.count()).map { _ in try reader.string() }
        func codes<T: RawRepresentable<String>>(_: T.Type) -> [T?] { words.map(T.init(rawValue:)) }
        let types = codes(OpportunityType.self)
        let settings = codes(ClinicalSetting.self)
        let letterPolicies = codes(LetterPolicy.self)
        let sets: [[Int]] = try (0..<reader.count()).map { _ in
            try (0..<reader.count()).map { _ in try reader.index(below: words.count) }
        }
        func codeSets<T: RawRepresentable<String> & Hashable>(_: T.Type) -> [Set<T>?] {
            sets.map { members in
                var set = Set<T>()
                for member in members {
                    guard let value = T(rawValue: words[member]) else { return nil }
                    set.insert(value)
                }
                return set
            }
        }
        let audienceSets = codeSets(Audience.self)
        let visaSets = codeSets(VisaClass.self)
        let requirementSets = codeSets(Requirement.self)
        let sites = try (0..<reader.count()).map { _ in
            let name = try reader.string()
            let city = try reader.string()
            let state = try reader.string()
            let zip = try reader.string()
            let hasCoordinate = try reader.bool()
            let latitude = try reader.f64()
            let longitude = try reader.f64()
            return CatalogDocument.Site(
                name: name, city: city, state: state, zip: zip,
                coordinate: hasCoordinate ? Coordinate(latitude: latitude, longitude: longitude) : nil
            )
        }

        func code<T>(_ table: [T?], _ what: String) throws -> T {
            guard let value = table[try reader.index(below: table.count)] else { throw Unreadable(description: "an unknown \(what)") }
            return value
        }
        let count = try reader.count()
        var documents: [CatalogDocument] = []
        documents.reserveCapacity(count)
        for _ in 0..<count {
            let id = try reader.uuid()
            let title = try reader.string()
            let description = try reader.string()
            let type = try code(types, "opportunity type")
            let specialty = words[try reader.index(below: words.count)]
            let isHandsOn = try reader.bool()
            let setting = try code(settings, "setting")
            let audiences = try code(audienceSets, "audience")
            let hasMaximumYears = try reader.bool()
            let maximumYears = try reader.i64()
            let requiresStep1Pass = try reader.bool()
            let rulesHandsOn = try reader.bool()
            let visaClasses = try code(visaSets, "visa class")
            let feeCents = try reader.i64()
            let currency = words[try reader.index(below: words.count)]
            let letterPolicy = try code(letterPolicies, "letter policy")
            let requirements = try code(requirementSets, "requirement")
            let site = sites[try reader.index(below: sites.count)]
            var document = CatalogDocument(
                id: id, title: title, description: description, type: type, specialtyID: specialty, isHandsOn: isHandsOn,
                setting: setting,
                rules: EligibilityRules(
                    audiences: audiences, maximumYearsSinceGraduation: hasMaximumYears ? Int(maximumYears) : nil,
                    requiresStep1Pass: requiresStep1Pass, acceptedVisaClasses: visaClasses, isHandsOn: rulesHandsOn
                ),
                feeCents: Int(feeCents), currency: currency, letterPolicy: letterPolicy, requirements: requirements, site: site, sessions: []
            )
            let sessionCount = try reader.count()
            document.sessions.reserveCapacity(sessionCount)
            for _ in 0..<sessionCount {
                let id = try reader.uuid()
                let start = try reader.i64()
                let end = try reader.i64()
                let seats = try reader.i64()
                let deadline = try reader.i64()
                let taken = try reader.i64()
                document.sessions.append(
                    CatalogDocument.Session(
                        id: id, start: Day(ordinal: Int(start)), end: Day(ordinal: Int(end)), seats: Int(seats),
                        applicationDeadline: Day(ordinal: Int(deadline)), seatsTaken: Int(taken)
                    )
                )
            }
            // Written in the order the document holds them (sorted by start); not sorted again.
            documents.append(document)
        }
        guard reader.offset == bytes.count else { throw Unreadable(description: "the file has bytes after its last document") }
        self.init(key: header.key, documents: documents)
    }

    private static func header(_ reader: inout SnapshotReader) throws -> (key: Key, keyOffset: Int, length: Int, checksum: UInt64) {
        guard try reader.bytes(Self.magic.count).elementsEqual(Self.magic) else { throw Unreadable(description: "not a Rounds search snapshot") }
        let format = try reader.u32()
        guard format == Self.format else { throw Unreadable(description: "snapshot format \(format), this build reads \(Self.format)") }
        let length = try reader.u64()
        let checksum = try reader.u64()
        guard length <= UInt64(Int.max) else { throw Unreadable(description: "the length is out of range") }
        let keyOffset = reader.offset
        let key = Key(epoch: try reader.uuid(), version: try reader.i64(), schemaRevision: try reader.i64())
        return (key, keyOffset, Int(length), checksum)
    }
}

/// Reads little-endian values from bytes, refusing to read past their end.
struct SnapshotReader {
    let base: UnsafeRawBufferPointer
    var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= self.base.count - self.offset else { throw CatalogSnapshot.Unreadable(description: "the file is cut short") }
        defer { self.offset += count }
        return UnsafeRawBufferPointer(rebasing: self.base[self.offset..<self.offset + count])
    }

    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try self.bytes(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try self.bytes(8).loadUnaligned(as: UInt64.self)) }
    mutating func i64() throws -> Int64 { Int64(littleEndian: try self.bytes(8).loadUnaligned(as: Int64.self)) }
    mutating func f64() throws -> Double { Double(bitPattern: try self.u64()) }

    mutating func bool() throws -> Bool {
        switch try self.bytes(1)[0] {
        case 0: return false
        case 1: return true
        case let other: throw CatalogSnapshot.Unreadable(description: "a flag holds \(other)")
        }
    }

    mutating func uuid() throws -> UUID {
        let raw = try self.bytes(16)
        return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
    }

    /// A count of items that follow; each takes at least one byte, so a count beyond the bytes left is refused
    /// before anything is reserved for it.
    mutating func count() throws -> Int {
        let count = Int(try self.u32())
        guard count <= self.base.count - self.offset else { throw CatalogSnapshot.Unreadable(description: "a count runs past the end of the file") }
        return count
    }

    mutating func index(below limit: Int) throws -> Int {
        let index = Int(try self.u32())
        guard index < limit else { throw CatalogSnapshot.Unreadable(description: "a reference to item \(index) of \(limit)") }
        return index
    }

    mutating func string() throws -> String {
        let length = Int(try self.u32())
        let raw = try self.bytes(length)
        guard let start = raw.baseAddress, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self)
    }
}
