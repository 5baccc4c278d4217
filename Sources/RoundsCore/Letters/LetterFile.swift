/// The checks a letter passes before it is stored: a PDF by its content, not empty, at most 1 MB, and
/// not encrypted (an encrypted PDF cannot be read by the programs it is sent to).
public enum LetterFile {
    public static let maximumBytes = 1_024 * 1_024

    public struct Checked: Equatable, Sendable {
        public var fileName: String
    }

    public static func check<Bytes: Collection<UInt8>>(fileName: String, bytes: Bytes) -> Result<Checked, ValidationReport> {
        let name = fileName.trimmingWhitespace()
        func refuse(_ message: String) -> Result<Checked, ValidationReport> {
            .failure(ValidationReport([FieldError(field: "file", message: message)]))
        }
        if let problem = DocumentUpload.problem(withName: name) { return refuse(problem) }
        if bytes.isEmpty { return refuse("The file is empty.") }
        if bytes.count > Self.maximumBytes {
            return refuse("The letter is larger than 1 MB (\(bytes.count) bytes); save it as a smaller PDF, for example without scanned images.")
        }
        guard FileSignature.detect(bytes.prefix(16)) == .pdf else {
            return refuse("Letters are accepted as PDF only, and this file is not a PDF (whatever its name says).")
        }
        if Self.isEncrypted(bytes) {
            return refuse("This PDF is encrypted or password-protected; save it again without a password.")
        }
        return .success(Checked(fileName: name))
    }

    /// A PDF is encrypted when its trailer names an /Encrypt dictionary. The name is searched as a whole
    /// token (followed by a delimiter), so /EncryptMetadata alone does not count.
    static func isEncrypted<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let needle = Array("/Encrypt".utf8)
        let haystack = Array(bytes)
        guard haystack.count >= needle.count else { return false }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                let next = index + needle.count
                if next == haystack.count || Self.isDelimiter(haystack[next]) { return true }
            }
            index += 1
        }
        return false
    }

    /// PDF white space and delimiters (ISO 32000-1, 7.2.2).
    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: true  // white space
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }
}
