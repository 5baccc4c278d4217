import Testing

@testable import RoundsCore

@Suite struct DocumentUploadTests {
    static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46]

    @Test func typesAreKnownByTheirFirstBytes() {
        #expect(FileSignature.detect(Self.pdf) == .pdf)
        #expect(FileSignature.detect(Self.png) == .png)
        #expect(FileSignature.detect(Self.jpeg) == .jpeg)
        #expect(FileSignature.detect(Array("<html>%PDF-".utf8)) == nil)
        #expect(FileSignature.detect(Array("%PDF".utf8)) == nil)
        #expect(FileSignature.detect([UInt8]()) == nil)
    }

    @Test func aPDFWithItsNameIsAccepted() throws {
        let checked = try DocumentUpload.check(kind: "cv", fileName: " Amara CV.pdf ", bytes: Self.pdf, maximumBytes: 100).get()
        #expect(checked == DocumentUpload.Checked(kind: .cv, fileName: "Amara CV.pdf", signature: .pdf))
    }

    @Test func theNameDoesNotMakeTheType() {
        let html = Array("<!doctype html><script>alert(1)</script>".utf8)
        let report = DocumentUpload.check(kind: "cv", fileName: "cv.pdf", bytes: html, maximumBytes: 1_000).failure
        #expect(report?.message(for: "file")?.hasPrefix("Only PDF, PNG and JPEG files are accepted") == true)
    }

    @Test func sizeIsCheckedAtTheByte() {
        let exact = Self.pdf + Array(repeating: 0x20, count: 100 - Self.pdf.count)
        #expect(DocumentUpload.check(kind: "cv", fileName: "cv.pdf", bytes: exact, maximumBytes: 100).failure == nil)
        let report = DocumentUpload.check(kind: "cv", fileName: "cv.pdf", bytes: exact + [0x20], maximumBytes: 100).failure
        #expect(report?.message(for: "file") == "The file is larger than 100 bytes; upload a smaller copy.")
        #expect(DocumentUpload.describe(bytes: 10 * 1_024 * 1_024) == "10 MB")
    }

    @Test func emptyFilesAreRefused() {
        #expect(DocumentUpload.check(kind: "cv", fileName: "cv.pdf", bytes: [UInt8](), maximumBytes: 100).failure?.message(for: "file") == "The file is empty.")
    }

    @Test(arguments: ["../../etc/passwd.pdf", "C:\\Users\\cv.pdf", "/tmp/cv.pdf", "..", ".htaccess", "cv\u{0}.pdf", "a\nb.pdf", ""])
    func pathLikeOrStrangeNamesAreRefused(name: String) {
        let report = DocumentUpload.check(kind: "cv", fileName: name, bytes: Self.pdf, maximumBytes: 1_000).failure
        #expect(report?.message(for: "file") != nil)
    }

    @Test func unknownKindsAreRefused() {
        let report = DocumentUpload.check(kind: "diploma", fileName: "d.pdf", bytes: Self.pdf, maximumBytes: 1_000).failure
        #expect(report?.message(for: "kind")?.hasPrefix("Choose what the document is: cv, usmle_score_report") == true)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
