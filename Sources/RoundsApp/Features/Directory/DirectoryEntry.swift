import Fluent
import Foundation
import RoundsCore

/// A residency program in the directory. Its screening facts are `DirectoryFactRow`s, one per known field.
final class DirectoryEntry: Model, @unchecked Sendable {
    static let schema = "directory_programs"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "specialty") var specialty: String
    @Field(key: "sponsoring_institution") var sponsoringInstitution: String
    @Field(key: "city") var city: String
    @Field(key: "state") var state: String
    @Field(key: "zip") var zip: String
    @OptionalField(key: "acgme_id") var acgmeID: String?
    @OptionalField(key: "nrmp_code") var nrmpCode: String?
    @Field(key: "application_service") var service: DirectoryProgram.Service
    @OptionalField(key: "positions") var positions: Int?
    @OptionalField(key: "ccn") var ccn: String?
    @Field(key: "usce_hands_on") var usceHandsOn: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$program) var facts: [DirectoryFactRow]

    init() {}

    init(now: Date) {
        self.createdAt = now
        self.updatedAt = now
    }

    func apply(_ program: DirectoryProgram, now: Date) {
        self.name = program.name
        self.specialty = program.specialty
        self.sponsoringInstitution = program.sponsoringInstitution
        self.city = program.city
        self.state = program.state
        self.zip = program.zip
        self.acgmeID = program.acgmeID
        self.nrmpCode = program.nrmpCode
        self.service = program.service
        self.positions = program.positions
        self.ccn = program.ccn
        self.usceHandsOn = program.requirements.usceMustBeHandsOn
        self.updatedAt = now
    }

    /// The program with the facts given (the entry's own, loaded, by default).
    func program(facts: [DirectoryFactRow]? = nil) -> DirectoryProgram {
        DirectoryProgram(
            name: self.name, specialty: self.specialty, sponsoringInstitution: self.sponsoringInstitution, city: self.city, state: self.state,
            zip: self.zip, acgmeID: self.acgmeID, nrmpCode: self.nrmpCode, service: self.service, positions: self.positions, ccn: self.ccn,
            requirements: ProgramRequirements(facts: (facts ?? self.facts).compactMap(\.recorded), usceMustBeHandsOn: self.usceHandsOn))
    }
}

/// One known screening fact of a directory program, with its provenance.
final class DirectoryFactRow: Model, @unchecked Sendable {
    static let schema = "directory_facts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: DirectoryEntry
    @Field(key: "field") var field: String
    @Field(key: "value") var value: String
    @Field(key: "source") var source: String
    /// The check's day as a `Day` ordinal.
    @Field(key: "verified_on") var verifiedOn: Int
    @Field(key: "verified_by") var verifiedBy: String

    init() {}

    init(programID: UUID, fact: RecordedFact) {
        self.$program.id = programID
        self.field = fact.field.rawValue
        self.value = fact.value
        self.source = fact.source
        self.verifiedOn = fact.verifiedOn.ordinal
        self.verifiedBy = fact.verifiedBy
    }

    /// The fact, or nil for a field this version of Rounds no longer knows.
    var recorded: RecordedFact? {
        ScreeningField(rawValue: self.field).map {
            RecordedFact(field: $0, value: self.value, source: self.source, verifiedOn: Day(ordinal: self.verifiedOn), verifiedBy: self.verifiedBy)
        }
    }
}

/// One change to a directory program: who, when, which field, old → new, and the source given for it.
final class DirectoryChange: Model, @unchecked Sendable {
    static let schema = "directory_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "program_id") var program: DirectoryEntry
    @OptionalParent(key: "changed_by") var changedBy: User?
    /// The name at the time, kept when the account is removed (or "command line" for an import there).
    @Field(key: "changed_by_name") var changedByName: String
    @Field(key: "changed_at") var changedAt: Date
    @Field(key: "field") var field: String
    @Field(key: "old_value") var oldValue: String
    @Field(key: "new_value") var newValue: String
    @Field(key: "source") var source: String

    init() {}

    init(programID: UUID, editor: DirectoryEditor, change: DirectoryDiff.Change, now: Date) {
        self.$program.id = programID
        self.$changedBy.id = editor.userID
        self.changedByName = editor.name
        self.changedAt = now
        self.field = change.field
        self.oldValue = change.old
        self.newValue = change.new
        self.source = change.source
    }
}

/// Who changes the directory: a signed-in administrator or advisor, or the command line.
struct DirectoryEditor: Sendable {
    var userID: UUID?
    var name: String

    init(_ user: User) throws {
        self.userID = try user.requireID()
        self.name = user.displayName
    }

    init(commandLine: String) {
        self.userID = nil
        self.name = commandLine
    }
}
