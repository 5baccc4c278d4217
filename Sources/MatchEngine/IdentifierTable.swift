/// Identifiers to their indexes, for compiling an instance: about a million lookups at NRMP scale, where
/// `Dictionary<String, Int32>`'s seeded SipHash over each string was a third of building the tables.
/// Open addressing with a multiplicative hash of the UTF-8 bytes, seeded per process: identifiers come
/// from the instance file, and a file crafted to collide could otherwise make compiling quadratic. Keys
/// are always compared whole, so the seed changes speed, never a result.
struct IdentifierTable {
    /// Key and value side by side, so a lookup touches one place in memory (a value of -1: empty).
    private struct Slot {
        var key = ""
        var value: Int32 = -1
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * max(capacity, 1) { size <<= 1 }
        self.slots = [Slot](repeating: Slot(), count: size)
        self.mask = size - 1
    }

    /// The index stored for `key`, or nil.
    @inline(__always) func index(of key: String) -> Int32? {
        var slot = Self.hash(key) & self.mask
        while true {
            let entry = self.slots[slot]
            if entry.value < 0 { return nil }
            if entry.key == key { return entry.value }
            slot = (slot + 1) & self.mask
        }
    }

    /// Stores `value` (≥ 0) for `key` unless the key is there already; returns the value already stored, if any.
    mutating func insert(_ key: String, value: Int32) -> Int32? {
        precondition(value >= 0, "negative values mark empty slots")
        if 2 * (self.count + 1) > self.slots.count { self.grow() }
        var slot = Self.hash(key) & self.mask
        while self.slots[slot].value >= 0 {
            if self.slots[slot].key == key { return self.slots[slot].value }
            slot = (slot + 1) & self.mask
        }
        self.slots[slot] = Slot(key: key, value: value)
        self.count += 1
        return nil
    }

    private mutating func grow() {
        let old = self.slots
        self.slots = [Slot](repeating: Slot(), count: 2 * old.count)
        self.mask = self.slots.count - 1
        for entry in old where entry.value >= 0 {
            var slot = Self.hash(entry.key) & self.mask
            while self.slots[slot].value >= 0 { slot = (slot + 1) & self.mask }
            self.slots[slot] = entry
        }
    }

    /// A multiply-xorshift over the UTF-8 bytes, eight at a time (walking `String.UTF8View` byte by byte
    /// was most of a lookup). Keys compare as Swift strings do, by canonical equivalence, so the hash must
    /// agree: ASCII keys hash their bytes; other keys hash as the standard library does, except the three
    /// whose canonical form is ASCII (U+212A KELVIN SIGN, U+037E GREEK QUESTION MARK, U+1FEF GREEK VARIA),
    /// which hash as that ASCII twin.
    @inline(__always) static func hash(_ key: String) -> Int {
        let ascii = key.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var hash = Self.seed ^ UInt64(bytes.count)
            var offset = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return nil }
                hash = (hash ^ word) &* 0xbf58_476d_1ce4_e5b9
                hash ^= hash >> 31
                offset += 8
            }
            if offset < raw.count {
                var tail: UInt64 = 0
                for index in offset..<raw.count { tail |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
                if tail & 0x8080_8080_8080_8080 != 0 { return nil }
                hash = (hash ^ tail) &* 0xbf58_476d_1ce4_e5b9
            }
            return hash
        }
        guard let hashed = ascii ?? nil else { return Self.nonASCIIHash(key) }
        let mixed = (hashed ^ (hashed >> 29)) &* 0x94d0_49bb_1331_11eb
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    private static let seed: UInt64 = {
        var random = SystemRandomNumberGenerator()
        return random.next()
    }()

    private static let asciiTwins: [Unicode.Scalar: Unicode.Scalar] = ["\u{212A}": "K", "\u{037E}": ";", "\u{1FEF}": "`"]

    private static func nonASCIIHash(_ key: String) -> Int {
        var twin = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            if scalar.isASCII {
                twin.append(scalar)
            } else if let ascii = Self.asciiTwins[scalar] {
                twin.append(ascii)
            } else {
                return key.hashValue
            }
        }
        // A string built from scalars is native, so contiguous: the fast path answers, no recursion.
        return Self.hash(String(twin))
    }
}
