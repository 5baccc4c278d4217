/// Identifiers to their indexes, for compiling an instance: about a million lookups at NRMP scale, where
/// `Dictionary<String, Int32>`'s seeded SipHash over each string was a third of building the tables.
/// Open addressing with a multiplicative hash of the UTF-8 bytes; identifiers come from the instance
/// file, so an adversarial file can make lookups slower, never wrong (keys are always compared whole).
struct IdentifierTable {
    private var keys: [String] = []
    private var values: [Int32] = []
    /// Slot → index into `keys` + 1 (0: empty).
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < 2 * max(capacity, 1) { size <<= 1 }
        self.slots = [Int32](repeating: 0, count: size)
        self.mask = size - 1
        self.keys.reserveCapacity(capacity)
        self.values.reserveCapacity(capacity)
    }

    var count: Int { self.keys.count }

    /// The index stored for `key`, or nil.
    @inline(__always) func index(of key: String) -> Int32? {
        var slot = Self.hash(key) & self.mask
        while true {
            let entry = Int(self.slots[slot])
            if entry == 0 { return nil }
            if self.keys[entry - 1] == key { return self.values[entry - 1] }
            slot = (slot + 1) & self.mask
        }
    }

    /// Stores `value` for `key` unless the key is there already; returns the value already stored, if any.
    mutating func insert(_ key: String, value: Int32) -> Int32? {
        if 2 * (self.keys.count + 1) > self.slots.count { self.grow() }
        var slot = Self.hash(key) & self.mask
        while true {
            let entry = Int(self.slots[slot])
            if entry == 0 { break }
            if self.keys[entry - 1] == key { return self.values[entry - 1] }
            slot = (slot + 1) & self.mask
        }
        self.keys.append(key)
        self.values.append(value)
        self.slots[slot] = Int32(self.keys.count)
        return nil
    }

    private mutating func grow() {
        self.slots = [Int32](repeating: 0, count: 2 * self.slots.count)
        self.mask = self.slots.count - 1
        for (entry, key) in self.keys.enumerated() {
            var slot = Self.hash(key) & self.mask
            while self.slots[slot] != 0 { slot = (slot + 1) & self.mask }
            self.slots[slot] = Int32(entry + 1)
        }
    }

    /// FNV-1a over the bytes, then a multiply that spreads the low bits the mask keeps.
    @inline(__always) static func hash(_ key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 29
        hash = hash &* 0xbf58_476d_1ce4_e5b9
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
