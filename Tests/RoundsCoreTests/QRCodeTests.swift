import Testing

@testable import RoundsCore

@Suite struct QRCodeTests {
    @Test(arguments: [(1, 26), (2, 44), (7, 196), (10, 346), (14, 581), (20, 1085)])
    func rawCodewordCountsMatchTheStandard(version: Int, codewords: Int) {
        #expect(QRCode.rawDataModules(version) / 8 == codewords)
    }

    /// Data codewords are the groups' sums, e.g. 20-M is 3 blocks of 41 and 13 of 42 (669; 666 bytes of text
    /// once the mode and count header is taken out).
    @Test(arguments: [(1, 16), (5, 86), (10, 216), (20, 669)])
    func levelMDataCapacityMatchesTheStandard(version: Int, dataCodewords: Int) {
        #expect(QRCode.dataCodewordCount(version) == dataCodewords)
    }

    @Test func theSmallestVersionThatFitsIsChosen() throws {
        // Level M byte mode holds 14 bytes in version 1 and 26 in version 2.
        #expect(try #require(QRCode(String(repeating: "a", count: 14))).version == 1)
        #expect(try #require(QRCode(String(repeating: "a", count: 15))).version == 2)
        #expect(try #require(QRCode(String(repeating: "a", count: 26))).version == 2)
        #expect(QRCode(String(repeating: "a", count: 700)) == nil)
    }

    @Test func finderPatternsAndTimingAreInPlace() throws {
        let code = try #require(QRCode("otpauth://totp/Rounds:someone@example.org?secret=ABCDEFGH"))
        #expect(code.size == code.version * 4 + 17)
        for (cx, cy) in [(3, 3), (code.size - 4, 3), (3, code.size - 4)] {
            #expect(code.isDark(x: cx, y: cy))
            #expect(!code.isDark(x: cx + 2, y: cy))
            #expect(code.isDark(x: cx + 3, y: cy))
        }
        for index in 8..<(code.size - 8) { #expect(code.isDark(x: index, y: 6) == (index % 2 == 0)) }
        #expect(code.isDark(x: 8, y: code.size - 8))
    }

    @Test func reedSolomonMatchesTheStandardsWorkedExample() {
        // ISO/IEC 18004 Annex I: "01234567" in version 1-M gives these 10 error correction codewords.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(QRCode.remainder(data, QRCode.divisor(degree: 10)) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func theSVGDrawsOnlyFromTheMatrix() throws {
        let svg = try #require(QRCode("<script>alert(1)</script>")).svg()
        #expect(!svg.contains("script"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}
