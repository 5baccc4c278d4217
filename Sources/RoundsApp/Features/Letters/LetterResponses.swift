import Fluent
import Foundation
import RoundsCore
import Tagged
import Vapor

/// A letter request as its applicant sees it over the API. No link token, ever; a file URL only when
/// the applicant did not waive the right to read the letter.
struct LetterResponse: Content {
    struct Writer: Content {
        var name: String
        var email: String
        var title: String
        var institution: String
    }
    struct File: Content {
        /// The writer's file name; absent when the applicant waived access (it can say what the letter is).
        var name: String?
        var byteCount: Int
        var uploadedAt: Date
        /// Absent when the applicant waived access: the letter exists, but not for them.
        var url: String?
        enum CodingKeys: String, CodingKey {
            case name, url
            case byteCount = "byte_count"
            case uploadedAt = "uploaded_at"
        }
    }
    struct Assignment: Content {
        var programID: UUID
        var programName: String
        var assignedAt: Date
        /// When the applicant applied to the program; from then on the letter stays there.
        var appliedAt: Date?
        enum CodingKeys: String, CodingKey {
            case programID = "program_id"
            case programName = "program_name"
            case assignedAt = "assigned_at"
            case appliedAt = "applied_at"
        }
    }

    var id: UUID
    var status: LetterStatus
    var waived: Bool
    var writer: Writer
    var message: String
    var applicationID: UUID?
    var createdAt: Date
    var linkExpiresAt: Date
    var remindedAt: Date?
    var viewedAt: Date?
    var declinedAt: Date?
    var declineNote: String?
    var file: File?
    var assignments: [Assignment]?

    enum CodingKeys: String, CodingKey {
        case id, status, waived, writer, message, file, assignments
        case applicationID = "application_id"
        case createdAt = "created_at"
        case linkExpiresAt = "link_expires_at"
        case remindedAt = "reminded_at"
        case viewedAt = "viewed_at"
        case declinedAt = "declined_at"
        case declineNote = "decline_note"
    }

    init(_ letter: LetterRequest, assignments: [LetterDesk.Assigned]?) throws {
        let id = try letter.requireID()
        self.id = id
        self.status = letter.status
        self.waived = letter.waived
        self.writer = Writer(name: letter.writerName, email: letter.writerEmail, title: letter.writerTitle, institution: letter.writerInstitution)
        self.message = letter.message
        self.applicationID = letter.$application.id
        self.createdAt = letter.createdAt
        self.linkExpiresAt = letter.linkExpiresAt
        self.remindedAt = letter.remindedAt
        self.viewedAt = letter.viewedAt
        self.declinedAt = letter.declinedAt
        self.declineNote = letter.declineNote
        if let name = letter.fileName, let count = letter.byteCount, let at = letter.uploadedAt {
            let url = APIRoute.letterFile(LetterID(id)).path
            let shown = letter.applicantMayRead
            self.file = File(name: shown ? name : nil, byteCount: count, uploadedAt: at, url: shown ? url : nil)
        }
        self.assignments = try assignments?.map { Assignment(programID: try $0.program.requireID(), programName: $0.program.name, assignedAt: $0.at, appliedAt: $0.appliedAt) }
    }
}

/// What the writer's link shows: who asks, what they said, the waiver, and the letter if uploaded.
struct LetterLinkResponse: Content {
    var applicantName: String
    var writerName: String
    var message: String
    var waived: Bool
    var status: LetterStatus
    var linkExpiresAt: Date
    var uploadedFileName: String?
    var canReplace: Bool

    enum CodingKeys: String, CodingKey {
        case message, waived, status
        case applicantName = "applicant_name"
        case writerName = "writer_name"
        case linkExpiresAt = "link_expires_at"
        case uploadedFileName = "uploaded_file_name"
        case canReplace = "can_replace"
    }

    init(_ letter: LetterRequest) {
        self.applicantName = letter.applicant.displayName
        self.writerName = letter.writerName
        self.message = letter.message
        self.waived = letter.waived
        self.status = letter.status
        self.linkExpiresAt = letter.linkExpiresAt
        self.uploadedFileName = letter.fileName
        self.canReplace = letter.appliedCount == 0
    }
}

struct ProgramResponse: Content {
    var id: UUID
    var name: String
    var specialtyID: String
    var city: String
    var state: String

    enum CodingKeys: String, CodingKey {
        case id, name, city, state
        case specialtyID = "specialty_id"
    }

    init(_ program: Program) throws {
        self.id = try program.requireID()
        self.name = program.name
        self.specialtyID = program.specialtyID
        self.city = program.city
        self.state = program.state
    }
}

/// A letter as a program reviewer sees it in the list; the file is at `url`.
struct AssignedLetterResponse: Content {
    var letterID: UUID
    var applicantName: String
    var writerName: String
    var writerTitle: String
    var writerInstitution: String
    var waived: Bool
    var assignedAt: Date
    var url: String

    enum CodingKeys: String, CodingKey {
        case waived, url
        case letterID = "letter_id"
        case applicantName = "applicant_name"
        case writerName = "writer_name"
        case writerTitle = "writer_title"
        case writerInstitution = "writer_institution"
        case assignedAt = "assigned_at"
    }

    init(_ entry: ProgramLetters.AssignedLetter, program: UUID) throws {
        let id = try entry.letter.requireID()
        self.letterID = id
        self.applicantName = entry.applicant.displayName
        self.writerName = entry.letter.writerName
        self.writerTitle = entry.letter.writerTitle
        self.writerInstitution = entry.letter.writerInstitution
        self.waived = entry.letter.waived
        self.assignedAt = entry.assignedAt
        self.url = APIRoute.programLetter(ProgramID(program), letter: LetterID(id)).path
    }
}

struct LetterReadResponse: Content {
    var at: Date
    var readerEmail: String
    var readerRole: String
    var applicantEmail: String
    var writerName: String
    var letterID: UUID
    var programName: String?

    enum CodingKeys: String, CodingKey {
        case at
        case readerEmail = "reader_email"
        case readerRole = "reader_role"
        case applicantEmail = "applicant_email"
        case writerName = "writer_name"
        case letterID = "letter_id"
        case programName = "program_name"
    }

    init(_ entry: ProgramLetters.ReadEntry) {
        self.at = entry.read.at
        self.readerEmail = entry.reader.email
        self.readerRole = entry.read.readerRole
        self.applicantEmail = entry.applicant.email
        self.writerName = entry.writerName
        self.letterID = entry.read.$letter.id
        self.programName = entry.program?.name
    }
}

/// A letter's bytes as a download, never rendered inline, never cached.
enum LetterFileResponse {
    static func make(_ letter: LetterRequest, _ data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let name = DocumentDownloadResponse.asciiName(FileSignature.pdf.downloadName(for: letter.fileName ?? "letter.pdf"))
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
