import Fluent
import Foundation
import RoundsCore
import Vapor

/// A directory program over JSON: its identity, the hospital from the CMS list when linked, and each
/// known screening fact with its provenance (an unknown fact is absent, never "no").
struct DirectoryProgramResponse: Content {
    struct Fact: Content {
        var field: String
        var value: String
        var source: String
        var verifiedOn: String
        var verifiedBy: String

        enum CodingKeys: String, CodingKey {
            case field, value, source
            case verifiedOn = "verified_on"
            case verifiedBy = "verified_by"
        }
    }

    struct Hospital: Content {
        var ccn: String
        var name: String
        var address: String
        var city: String
        var state: String
        var zip: String
        var source: String
    }

    var id: UUID
    var name: String
    var specialty: String
    var sponsoringInstitution: String
    var city: String
    var state: String
    var zip: String
    var acgmeID: String?
    var nrmpCode: String?
    var applicationService: String
    var positions: Int?
    var ccn: String?
    var hospital: Hospital?
    var usceHandsOn: Bool
    var facts: [Fact]

    enum CodingKeys: String, CodingKey {
        case id, name, specialty, city, state, zip, positions, ccn, hospital, facts
        case sponsoringInstitution = "sponsoring_institution"
        case acgmeID = "acgme_id"
        case nrmpCode = "nrmp_code"
        case applicationService = "application_service"
        case usceHandsOn = "usce_hands_on"
    }

    init(id: UUID, program p: DirectoryProgram) {
        self.id = id
        self.name = p.name
        self.specialty = p.specialty
        self.sponsoringInstitution = p.sponsoringInstitution
        self.city = p.city
        self.state = p.state
        self.zip = p.zip
        self.acgmeID = p.acgmeID
        self.nrmpCode = p.nrmpCode
        self.applicationService = p.service.rawValue
        self.positions = p.positions
        self.ccn = p.ccn
        self.hospital = p.ccn.flatMap { CMSHospital.shipped[$0] }.map {
            Hospital(ccn: $0.ccn, name: $0.name, address: $0.address, city: $0.city, state: $0.state, zip: $0.zip, source: CMSHospital.sourceURL)
        }
        self.usceHandsOn = p.requirements.usceMustBeHandsOn
        self.facts = p.requirements.facts.map { Fact(field: $0.field.rawValue, value: $0.value, source: $0.source, verifiedOn: $0.verifiedOn.iso, verifiedBy: $0.verifiedBy) }
    }

    init(_ entry: DirectoryEntry) throws {
        self.init(id: try entry.requireID(), program: entry.program())
    }
}

/// A program with the applicant's verdict and its reasons.
struct ScreenedProgramResponse: Content {
    struct Reason: Content {
        var field: String
        var verdict: String
        var text: String
        var source: String?
    }

    var program: DirectoryProgramResponse
    var verdict: String
    var reasons: [Reason]
    var miles: Double?
    var onList: Bool

    enum CodingKeys: String, CodingKey {
        case program, verdict, reasons, miles
        case onList = "on_list"
    }

    init(id: UUID, program: DirectoryProgram, screening: ProgramScreening.Result, miles: Double?, onList: Bool) {
        self.program = DirectoryProgramResponse(id: id, program: program)
        self.verdict = screening.verdict.rawValue
        self.reasons = screening.reasons.map { Reason(field: $0.field, verdict: $0.verdict.rawValue, text: $0.text, source: $0.source) }
        self.miles = miles.map { ($0 * 10).rounded() / 10 }
        self.onList = onList
    }
}

struct DirectorySearchResponse: Content {
    var total: Int
    var page: Int
    var perPage: Int
    var hasProfile: Bool
    var programs: [ScreenedProgramResponse]

    enum CodingKeys: String, CodingKey {
        case total, page, programs
        case perPage = "per_page"
        case hasProfile = "has_profile"
    }
}

/// One entry of a program's change log.
struct DirectoryChangeResponse: Content {
    var changedAt: Date
    var changedBy: String
    var field: String
    var old: String
    var new: String
    var source: String

    enum CodingKeys: String, CodingKey {
        case field, old, new, source
        case changedAt = "changed_at"
        case changedBy = "changed_by"
    }

    init(_ change: DirectoryChange) {
        self.changedAt = change.changedAt
        self.changedBy = change.changedByName
        self.field = change.field
        self.old = change.oldValue
        self.new = change.newValue
        self.source = change.source
    }
}

struct DirectoryEntryResponse: Content {
    var program: DirectoryProgramResponse
    var changes: [DirectoryChangeResponse]
}

struct DirectoryImportResponse: Content {
    var added: Int
    var updated: Int
    var unchanged: Int
}
