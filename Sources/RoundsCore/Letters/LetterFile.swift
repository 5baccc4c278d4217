/// The checks a letter passes before it is stored, those of the ERAS Letter of Recommendation Portal
/// (rules file, section "letters"): a PDF by its content, not empty, at most 1 MB, not encrypted
/// (programs could not read it), no `| * ? :` in its file name, and US Letter pages (8.5 × 11 in) where
/// the page boxes can be read (pages inside compressed object streams cannot be, and pass).
public enum LetterFile {
    public static var maximumBytes: Int { DomainRules.shipped.number(.letterMaximumBytes) }
    /// The largest size as pages and e-mails write it ("1 MB").
    public static var maximumSize: String {
        let megabyte = 1_024 * 1_024
        return Self.maximumBytes % megabyte == 0 ? "\(Self.maximumBytes / megabyte) MB" : "\(Self.maximumBytes / 1_024) KB"
    }
    public static var source: String {
        let rule = DomainRules.shipped[.letterMaximumBytes]
        return "\(rule.source ?? "no source") (checked \(rule.checked))"
    }
    /// Characters the portal refuses in a file name.
    public static var forbiddenNameCharacters: Set<Character> { Set(DomainRules.shipped.texts(.letterForbiddenNameCharacters).compactMap(\.first)) }
    /// US Letter in PDF points (1/72 in), and the slack allowed for rounding in page boxes.
    static var letterSize: (width: Double, height: Double) {
        (Double(DomainRules.shipped.number(.letterPageWidth)), Double(DomainRules.shipped.number(.letterPageHeight)))
    }
    static let sizeTolerance = 2.0

    public struct Checked: Equatable, Sendable {
        public var fileName: String
    }

    public static func check<Bytes: Collection<UInt8>>(fileName: String, bytes: Bytes) -> Result<Checked, ValidationReport> {
        let name = fileName.trimmingWhitespace()
        func refuse(_ message: String) -> Result<Checked, ValidationReport> {
            .failure(ValidationReport([FieldError(field: "file", message: message)]))
        }
        if let problem = DocumentUpload.problem(withName: name) { return refuse(problem) }
        if let bad = name.first(where: Self.forbiddenNameCharacters.contains) {
            return refuse("The file name contains \"\(bad)\"; ERAS refuses names with \(Self.forbiddenNameCharacters.sorted().map(String.init).joined(separator: " ")) (\(Self.source)). Rename the file.")
        }
        if bytes.isEmpty { return refuse("The file is empty.") }
        if bytes.count > Self.maximumBytes {
            return refuse("The letter is larger than \(Self.maximumSize) (\(bytes.count) bytes); save it as a smaller PDF, for example without scanned images.")
        }
        guard FileSignature.detect(bytes.prefix(16)) == .pdf else {
            return refuse("Letters are accepted as PDF only, and this file is not a PDF (whatever its name says).")
        }
        let bytes = Array(bytes)
        if Self.isEncrypted(bytes) {
            return refuse("This PDF is encrypted or password-protected; save it again without a password.")
        }
        if let size = Self.pageSizes(bytes).first(where: { !Self.isUSLetter($0) }) {
            let inches = { (points: Double) in String(Double((points / 72 * 100).rounded()) / 100) }
            return refuse(
                "A page is \(inches(size.width)) × \(inches(size.height)) in; ERAS takes letters on US Letter pages, 8.5 × 11 in "
                    + "(\(Self.source)). Save or print the letter as US Letter."
            )
        }
        return .success(Checked(fileName: name))
    }

    /// A PDF is encrypted when its trailer names an /Encrypt dictionary. The name is searched as a whole
    /// token (followed by a delimiter), so /EncryptMetadata alone does not count.
    static func isEncrypted(_ bytes: [UInt8]) -> Bool {
        !Self.offsets(after: "/Encrypt", in: bytes).isEmpty
    }

    /// The width and height of every /MediaBox the file shows in plain text (page and page-tree
    /// dictionaries outside compressed object streams), in points: `/MediaBox [x0 y0 x1 y1]`.
    static func pageSizes(_ bytes: [UInt8]) -> [(width: Double, height: Double)] {
        Self.offsets(after: "/MediaBox", in: bytes).compactMap { start in
            var index = start
            while index < bytes.count && Self.isWhiteSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
            guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let tokens = bytes[(index + 1)..<close].split(whereSeparator: Self.isWhiteSpace)
            let values = tokens.compactMap(Self.number)
            guard tokens.count == 4, values.count == 4 else { return nil }
            return (abs(values[2] - values[0]), abs(values[3] - values[1]))
        }
    }

    /// Offsets just past each occurrence of the PDF name `name` as a whole token (followed by a delimiter
    /// or the end of the file).
    private static func offsets(after name: String, in bytes: [UInt8]) -> [Int] {
        let needle = Array(name.utf8)
        guard bytes.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                let next = index + needle.count
                if next == bytes.count || Self.isDelimiter(bytes[next]) { found.append(next) }
            }
            index += 1
        }
        return found
    }

    /// A PDF number as a box uses it: an optional minus, digits with an optional fraction, or a fraction
    /// alone (`612`, `791.99`, `-.5`).
    private static func number(_ token: ArraySlice<UInt8>) -> Double? {
        var digits = token[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let isDigits = { (part: ArraySlice<UInt8>) in part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        switch parts.count {
        case 1 where !parts[0].isEmpty && isDigits(parts[0]): break
        case 2 where !parts[1].isEmpty && isDigits(parts[0]) && isDigits(parts[1]): break
        default: return nil
        }
        return Double(String(decoding: token, as: UTF8.self))
    }

    /// Portrait or landscape US Letter.
    static func isUSLetter(_ size: (width: Double, height: Double)) -> Bool {
        let (a, b) = (min(size.width, size.height), max(size.width, size.height))
        return abs(a - Self.letterSize.width) <= Self.sizeTolerance && abs(b - Self.letterSize.height) <= Self.sizeTolerance
    }

    /// PDF white space (ISO 32000-1, 7.2.2).
    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(byte)
    }

    /// PDF white space and delimiters (ISO 32000-1, 7.2.2).
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        if Self.isWhiteSpace(byte) { return true }
        return switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }
}
