/// What an applicant's document is; raw values are stored and used by the API.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case cv
    case usmleScoreReport = "usmle_score_report"
    case immunizationRecord = "immunization_record"
    case passport
    case insurance
    case englishTest = "english_test"
    case other

    public var displayName: String {
        switch self {
        case .cv: "CV"
        case .usmleScoreReport: "USMLE score report"
        case .immunizationRecord: "Immunization record"
        case .passport: "Passport"
        case .insurance: "Insurance"
        case .englishTest: "English test result"
        case .other: "Other"
        }
    }

    /// The name inside a sentence ("Attach your …").
    public var inSentence: String {
        switch self {
        case .cv: "CV"
        case .usmleScoreReport: "USMLE score report"
        case .immunizationRecord: "immunization record"
        case .passport: "passport"
        case .insurance: "proof of insurance"
        case .englishTest: "English test result"
        case .other: "document"
        }
    }
}

/// The file types the vault accepts, recognised by their first bytes rather than their names.
public enum FileSignature: String, Sendable, CaseIterable {
    case pdf, png, jpeg

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    /// The type served as `mediaType`, or nil.
    public init?(mediaType: String) {
        guard let match = Self.allCases.first(where: { $0.mediaType == mediaType }) else { return nil }
        self = match
    }

    /// The extensions a file of this type may carry; the first is added when a name has none of them.
    public var extensions: [String] {
        switch self {
        case .pdf: ["pdf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        }
    }

    /// `name` as offered on download: its extension replaced by this type's unless it already is one,
    /// so a browser never opens the file as anything else ("poly.html" → "poly.pdf").
    public func downloadName(for name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, let last = parts.last, self.extensions.contains(last.lowercased()) { return name }
        let stem = parts.count > 1 ? parts.dropLast().joined(separator: ".") : name
        return (stem.isEmpty ? "file" : stem) + "." + self.extensions[0]
    }

    /// The type whose magic bytes `bytes` starts with, or nil.
    public static func detect<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> FileSignature? {
        func startsWith(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if startsWith(Array("%PDF-".utf8)) { return .pdf }
        if startsWith([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if startsWith([0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}

/// The checks a file passes before anything is stored: a sensible name, a size within the limit, and
/// content that really is a PDF, PNG or JPEG.
public enum DocumentUpload {
    public static let defaultMaximumBytes = 10 * 1_024 * 1_024
    public static let maximumNameLength = 200

    public struct Checked: Equatable, Sendable {
        public var kind: DocumentKind
        public var fileName: String
        public var signature: FileSignature
    }

    public static func check<Bytes: Collection<UInt8>>(
        kind: String,
        fileName: String,
        bytes: Bytes,
        maximumBytes: Int
    ) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let documentKind = DocumentKind(rawValue: kind)
        if documentKind == nil {
            errors.append(FieldError(field: "kind", message: "Choose what the document is: " + DocumentKind.allCases.map(\.rawValue).joined(separator: ", ") + "."))
        }
        let name = fileName.trimmingWhitespace()
        if let problem = Self.problem(withName: name) { errors.append(FieldError(field: "file", message: problem)) }
        var signature: FileSignature?
        if bytes.isEmpty {
            errors.append(FieldError(field: "file", message: "The file is empty."))
        } else if bytes.count > maximumBytes {
            errors.append(FieldError(field: "file", message: "The file is larger than \(Self.describe(bytes: maximumBytes)); upload a smaller copy."))
        } else {
            signature = FileSignature.detect(bytes.prefix(16))
            if signature == nil {
                errors.append(FieldError(field: "file", message: "Only PDF, PNG and JPEG files are accepted, and this file is none of them (whatever its name says)."))
            }
        }
        guard errors.isEmpty, let documentKind, let signature else { return .failure(ValidationReport(errors)) }
        return .success(Checked(kind: documentKind, fileName: name, signature: signature))
    }

    /// Why a file name is refused, or nil. Names are shown and offered back on download, never used as paths.
    static func problem(withName name: String) -> String? {
        if name.isEmpty { return "Choose a file to upload." }
        if name.textLength > Self.maximumNameLength { return "The file name is longer than \(Self.maximumNameLength) characters; rename the file." }
        if name.contains("/") || name.contains("\\") || name == "." || name == ".." || name.hasPrefix(".") {
            return "The file name looks like a path; rename the file to a plain name such as cv.pdf."
        }
        if name.containsControlCharacters {
            return "The file name contains control characters; rename the file."
        }
        return nil
    }

    public static func describe(bytes: Int) -> String {
        if bytes >= 1_024 * 1_024, bytes % (1_024 * 1_024) == 0 { return "\(bytes / (1_024 * 1_024)) MB" }
        if bytes >= 1_024 { return "\(bytes / 1_024) kB" }
        return "\(bytes) bytes"
    }
}
