import Fluent
import Foundation
import RoundsCore
import Vapor

/// Where a value comes from, as the API shows it beside the value.
struct SourceResponse: Content {
    var url: String?
    var confidence: String
    var holdsFor: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case url, confidence, note
        case holdsFor = "holds_for"
    }

    init(_ provenance: Provenance) {
        self.url = provenance.source
        self.confidence = provenance.confidence.rawValue
        self.holdsFor = provenance.holdsFor
        self.note = provenance.note
    }
}

/// A program on the applicant's list.
struct ResidencyProgramResponse: Content {
    var id: UUID
    var matchYear: Int
    var name: String
    var specialty: String
    var city: String
    var state: String
    var nrmpCode: String?
    var positionType: PositionType?
    var status: String
    var interviewDate: String?
    var interviewTime: String?
    var interviewTimeZone: String?
    var interviewFormat: String?
    var signal: String?
    var notes: String
    /// Place on the rank order list; nil when not ranked.
    var rank: Int?
    /// The directory entry the program was added from.
    var directoryProgramID: UUID?

    enum CodingKeys: String, CodingKey {
        case id, name, specialty, city, state, status, signal, notes, rank
        case directoryProgramID = "directory_program_id"
        case matchYear = "match_year"
        case nrmpCode = "nrmp_code"
        case positionType = "position_type"
        case interviewDate = "interview_date"
        case interviewTime = "interview_time"
        case interviewTimeZone = "interview_time_zone"
        case interviewFormat = "interview_format"
    }

    init(_ program: ResidencyProgram) throws {
        self.id = try program.requireID()
        self.rank = program.rank
        self.directoryProgramID = program.directoryProgramID
        self.matchYear = program.matchYear
        self.name = program.name
        self.specialty = program.specialty
        self.city = program.city
        self.state = program.state
        self.nrmpCode = program.nrmpCode
        self.positionType = program.positionType
        self.status = program.status.rawValue
        self.interviewDate = program.interviewDay.map { Day(ordinal: $0).iso }
        self.interviewTime = program.interviewMinute.map(SeasonCalendar.clockText)
        self.interviewTimeZone = program.interviewDay == nil ? nil : program.interviewTimeZone
        self.interviewFormat = program.interviewFormat?.rawValue
        self.signal = program.signal?.rawValue
        self.notes = program.notes
    }
}

/// The applicant's plan for one Match year.
struct ResidencyPlanResponse: Content {
    struct MilestoneEntry: Content {
        var kind: String
        var title: String
        /// Nil when not published.
        var date: String?
        var time: String?
        var timeZone: String
        var source: SourceResponse?

        enum CodingKeys: String, CodingKey {
            case kind, title, date, time, source
            case timeZone = "time_zone"
        }
    }

    struct TaskEntry: Content {
        var task: String
        var title: String
        var dueMilestone: String
        /// Nil when the milestone's date is not published.
        var dueDate: String?
        var state: String
        var detail: String?
        var rule: String
        var source: SourceResponse
        var checked: String?
        var tickable: Bool

        enum CodingKeys: String, CodingKey {
            case task, title, state, detail, rule, source, checked, tickable
            case dueMilestone = "due_milestone"
            case dueDate = "due_date"
        }
    }

    struct FeeLine: Content {
        var label: String
        var amount: Int
        var source: SourceResponse
    }

    struct SpecialtyFee: Content {
        var specialty: String
        var programs: Int
        var amount: Int
        var nextProgram: Int

        enum CodingKeys: String, CodingKey {
            case specialty, programs, amount
            case nextProgram = "next_program"
        }
    }

    struct Fees: Content {
        var erasSeasonUsed: Int?
        var erasSource: SourceResponse?
        var specialties: [SpecialtyFee]
        var lines: [FeeLine]
        var total: Int

        enum CodingKeys: String, CodingKey {
            case specialties, lines, total
            case erasSeasonUsed = "eras_season_used"
            case erasSource = "eras_source"
        }
    }

    struct Clash: Content {
        var date: String
        var programIDs: [UUID]

        enum CodingKeys: String, CodingKey {
            case date
            case programIDs = "program_ids"
        }
    }

    var matchYear: Int
    var seasons: [Int]
    var wantsH1B: Bool
    var reminderDays: Int?
    var weeklyDigest: Bool
    var milestones: [MilestoneEntry]
    var tasks: [TaskEntry]
    var fees: Fees
    var clashes: [Clash]

    enum CodingKeys: String, CodingKey {
        case seasons, milestones, tasks, fees, clashes
        case matchYear = "match_year"
        case wantsH1B = "wants_h1b"
        case reminderDays = "reminder_days"
        case weeklyDigest = "weekly_digest"
    }

    init(_ overview: ResidencyOverview, seasons: [Int]) {
        self.matchYear = overview.matchYear
        self.seasons = seasons
        self.wantsH1B = overview.wantsH1B
        self.reminderDays = overview.reminderDays
        self.weeklyDigest = overview.weeklyDigest
        self.milestones = overview.season.timeline.map { kind, milestone in
            MilestoneEntry(
                kind: kind.rawValue, title: kind.title, date: milestone?.day.iso, time: milestone?.timeText, timeZone: overview.season.timeZone,
                source: milestone.map { SourceResponse($0.provenance) })
        }
        self.tasks = overview.tasks.map { task in
            TaskEntry(
                task: task.kind.rawValue, title: task.rule.title, dueMilestone: task.rule.due.rawValue, dueDate: task.due?.day.iso,
                state: task.state.rawValue, detail: task.detail, rule: task.rule.rule, source: SourceResponse(task.rule.provenance),
                checked: task.rule.checked?.iso, tickable: task.kind.isTickedByApplicant)
        }
        let estimate = overview.fees
        self.fees = Fees(
            erasSeasonUsed: estimate.erasSeasonUsed, erasSource: estimate.erasProvenance.map(SourceResponse.init),
            specialties: estimate.specialties.map { SpecialtyFee(specialty: $0.specialty, programs: $0.programs, amount: $0.amount, nextProgram: $0.nextProgram) },
            lines: estimate.lines.map { FeeLine(label: $0.label, amount: $0.amount, source: SourceResponse($0.provenance)) }, total: estimate.total)
        self.clashes = overview.clashes.sorted { $0.key < $1.key }.map { day, ids in
            Clash(date: day.iso, programIDs: ids.compactMap { UUID(uuidString: $0) }.sorted { $0.uuidString < $1.uuidString })
        }
    }
}
