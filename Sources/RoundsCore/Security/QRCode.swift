/// A QR code (ISO/IEC 18004) in byte mode with error correction level M, versions 1 to 20, enough for an
/// `otpauth://` link with a long e-mail address. Written out because the set-up page must not call any
/// other service and this library has no dependencies; the construction follows the standard's steps
/// (as laid out in Nayuki's reference implementation) and is read back by a real decoder in the e2e tests.
public struct QRCode: Sendable {
    /// Modules per side (4 × version + 17).
    public let size: Int
    public let version: Int
    public private(set) var mask: Int
    /// Row-major; true is dark.
    public private(set) var modules: [Bool]
    private var isFunction: [Bool]

    // Level M, indexed by version (0 unused).
    static let eccCodewordsPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26]
    static let errorCorrectionBlocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16]
    public static let maximumVersion = 20

    /// Encodes `text` as UTF-8 in the smallest version that holds it; nil when it is too long.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let version = (1...Self.maximumVersion).first(where: { Self.dataCapacityBits($0) >= Self.bitsNeeded(bytes.count, $0) })
        else { return nil }
        self.version = version
        self.size = version * 4 + 17
        self.modules = [Bool](repeating: false, count: self.size * self.size)
        self.isFunction = [Bool](repeating: false, count: self.size * self.size)
        self.mask = 0
        self.drawFunctionPatterns()
        let codewords = Self.addErrorCorrection(Self.dataCodewords(bytes, version: version), version: version)
        self.drawCodewords(codewords)

        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            var candidate = self
            candidate.applyMask(mask)
            candidate.drawFormatBits(mask)
            let penalty = candidate.penalty()
            if penalty < best.penalty { best = (mask, penalty) }
        }
        self.applyMask(best.mask)
        self.drawFormatBits(best.mask)
        self.mask = best.mask
    }

    public func isDark(x: Int, y: Int) -> Bool { self.modules[y * self.size + x] }

    /// The code as an SVG image with a four-module quiet zone, drawn as one path.
    public func svg(moduleSize: Int = 5) -> String {
        let border = 4
        let side = self.size + 2 * border
        var path = ""
        for y in 0..<self.size {
            for x in 0..<self.size where self.isDark(x: x, y: y) { path += "M\(x + border),\(y + border)h1v1h-1z" }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(side * moduleSize)\" "
            + "height=\"\(side * moduleSize)\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"\(path)\" fill=\"#000000\"/></svg>"
    }

    // MARK: - Capacity and data

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewordCount(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccCodewordsPerBlock[version] * errorCorrectionBlocks[version]
    }

    static func dataCapacityBits(_ version: Int) -> Int { dataCodewordCount(version) * 8 }

    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    static func bitsNeeded(_ byteCount: Int, _ version: Int) -> Int {
        guard byteCount < 1 << countBits(version) else { return .max }
        return 4 + countBits(version) + 8 * byteCount
    }

    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) } }
        append(0b0100, 4)  // byte mode
        append(bytes.count, countBits(version))
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCapacityBits(version)
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity / 8 {
            codewords.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        return codewords
    }

    // MARK: - Error correction (Reed–Solomon over GF(2^8), polynomial 0x11D)

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for shift in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> shift) & 1) * Int(x)
        }
        return UInt8(z)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }

    /// Splits data into blocks, appends each block's error correction, and interleaves them.
    static func addErrorCorrection(_ data: [UInt8], version: Int) -> [UInt8] {
        let blockCount = errorCorrectionBlocks[version]
        let eccLength = eccCodewordsPerBlock[version]
        let raw = rawDataModules(version) / 8
        let shortBlocks = blockCount - raw % blockCount
        let shortLength = raw / blockCount
        let generator = divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<offset + length])
            offset += length
            let ecc = remainder(block, generator)
            if index < shortBlocks { block.append(0) }
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for position in 0..<blocks[0].count {
            for (index, block) in blocks.enumerated() where position != shortLength - eccLength || index >= shortBlocks {
                result.append(block[position])
            }
        }
        return result
    }

    // MARK: - Drawing

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        self.modules[y * self.size + x] = dark
        self.isFunction[y * self.size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        for index in 0..<self.size {
            self.setFunction(6, index, index % 2 == 0)
            self.setFunction(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (self.size - 4, 3), (3, self.size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<self.size).contains(x + dx) && (0..<self.size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    self.setFunction(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = self.alignmentPositions()
        for (i, y) in positions.enumerated() {
            for (j, x) in positions.enumerated() {
                let last = positions.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { self.setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        self.drawFormatBits(0)  // reserves the format areas; redrawn with the chosen mask
        if self.version >= 7 {
            var remainder = self.version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = self.version << 12 | remainder
            for index in 0..<18 {
                let dark = (bits >> index) & 1 == 1
                let a = self.size - 11 + index % 3
                let b = index / 3
                self.setFunction(a, b, dark)
                self.setFunction(b, a, dark)
            }
        }
    }

    private func alignmentPositions() -> [Int] {
        guard self.version > 1 else { return [] }
        let count = self.version / 7 + 2
        let step = (self.version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var result = [6]
        for index in 0..<(count - 1) { result.insert(self.size - 7 - index * step, at: 1) }
        return result
    }

    private mutating func drawFormatBits(_ mask: Int) {
        let data = 0b00 << 3 | mask  // level M is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { self.setFunction(8, index, bit(index)) }
        self.setFunction(8, 7, bit(6))
        self.setFunction(8, 8, bit(7))
        self.setFunction(7, 8, bit(8))
        for index in 9..<15 { self.setFunction(14 - index, 8, bit(index)) }
        for index in 0..<8 { self.setFunction(self.size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { self.setFunction(8, self.size - 15 + index, bit(index)) }
        self.setFunction(8, self.size - 8, true)
    }

    private mutating func drawCodewords(_ codewords: [UInt8]) {
        var bitIndex = 0
        var right = self.size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<self.size {
                for column in 0..<2 {
                    let x = right - column
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? self.size - 1 - vertical : vertical
                    if !self.isFunction[y * self.size + x] && bitIndex < codewords.count * 8 {
                        self.modules[y * self.size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<self.size {
            for x in 0..<self.size where !self.isFunction[y * self.size + x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { self.modules[y * self.size + x].toggle() }
            }
        }
    }

    /// The standard's four penalty rules; the mask with the lowest score is used.
    func penalty() -> Int {
        var score = 0
        let finderLike: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for horizontal in [true, false] {
            for line in 0..<self.size {
                let cells = (0..<self.size).map { horizontal ? self.isDark(x: $0, y: line) : self.isDark(x: line, y: $0) }
                var run = 1
                for index in 1..<cells.count {
                    if cells[index] == cells[index - 1] {
                        run += 1
                        if run == 5 { score += 3 } else if run > 5 { score += 1 }
                    } else {
                        run = 1
                    }
                }
                for start in 0...(cells.count - 11) where finderLike.contains(Array(cells[start..<start + 11])) { score += 40 }
            }
        }
        for y in 0..<(self.size - 1) {
            for x in 0..<(self.size - 1) {
                let color = self.isDark(x: x, y: y)
                if color == self.isDark(x: x + 1, y: y) && color == self.isDark(x: x, y: y + 1) && color == self.isDark(x: x + 1, y: y + 1) {
                    score += 3
                }
            }
        }
        let dark = self.modules.filter { $0 }.count
        let total = self.size * self.size
        // Ten points for each 5 % step the dark share strays from half.
        score += max(0, (abs(dark * 20 - total * 10) + total - 1) / total - 1) * 10
        return score
    }
}
