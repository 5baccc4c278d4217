import Foundation

/// The tasks a season plan can hold.
public enum PlanTaskKind: String, CaseIterable, Codable, Sendable {
    case ecfmgCertification = "ecfmg_certification"
    case usmleStep1 = "usmle_step1"
    case usmleStep2CK = "usmle_step2ck"
    case usmleStep3 = "usmle_step3"
    case ecfmgERASToken = "ecfmg_eras_token"
    case erasExperiences = "eras_experiences"
    case personalStatement = "personal_statement"
    case letters
    case programList = "program_list"
    case signals
    case nrmpRegistration = "nrmp_registration"
    case rankList = "rank_list"

    /// Tasks Rounds cannot see done (they happen at ECFMG, NRMP or the testing centre): the applicant
    /// ticks them off. The others are done when Rounds' own data says so.
    public var isTickedByApplicant: Bool {
        switch self {
        case .usmleStep3, .ecfmgERASToken, .personalStatement, .letters, .nrmpRegistration, .rankList: true
        case .ecfmgCertification, .usmleStep1, .usmleStep2CK, .erasExperiences, .programList, .signals: false
        }
    }
}

/// A condition beyond the track that makes a rule apply.
public enum PlanRuleCondition: String, Codable, Sendable {
    case wantsH1B = "wants_h1b"
}

/// One rule of `plan-rules.json`: which applicants a task is for, which milestone it is due by, why,
/// and where that comes from.
public struct PlanRule: Equatable, Sendable {
    public var task: PlanTaskKind
    public var title: String
    public var tracks: Set<Track>
    public var condition: PlanRuleCondition?
    public var due: MilestoneKind
    public var rule: String
    public var provenance: Provenance
    /// The day the source was read for this rule; nil when not recorded.
    public var checked: Day?

    private struct RawFile: Decodable {
        var rules: [RawRule]
    }

    private struct RawRule: Decodable {
        var task: String
        var title: String
        var tracks: [String]
        var when: String?
        var due: String
        var rule: String
        var source: String
        var confidence: String
        var checked: String?
    }

    /// Reads the rules, refusing unknown tasks, tracks, milestones or confidences, a task listed twice
    /// and a task with no rule.
    public static func decode(_ data: Data, file: String = "plan-rules.json") throws(ReferenceDataError) -> [PlanRule] {
        func fail(_ problem: String) -> ReferenceDataError { ReferenceDataError(file: file, problem: problem) }
        let raw: RawFile
        do { raw = try JSONDecoder().decode(RawFile.self, from: data) } catch { throw fail("not the expected JSON (\(error))") }
        var rules: [PlanRule] = []
        for entry in raw.rules {
            guard let task = PlanTaskKind(rawValue: entry.task) else { throw fail("unknown task \(entry.task)") }
            guard !rules.contains(where: { $0.task == task }) else { throw fail("\(entry.task) is listed twice") }
            var tracks: Set<Track> = []
            for name in entry.tracks {
                guard let track = Track(rawValue: name) else { throw fail("\(entry.task): unknown track \(name)") }
                tracks.insert(track)
            }
            guard let due = MilestoneKind(rawValue: entry.due) else { throw fail("\(entry.task): unknown milestone \(entry.due)") }
            guard let confidence = SourceConfidence(rawValue: entry.confidence) else { throw fail("\(entry.task): unknown confidence") }
            guard ReferenceURL.isWebAddress(entry.source) else { throw fail("\(entry.task): source is not a web address") }
            var condition: PlanRuleCondition?
            if let when = entry.when {
                guard let parsed = PlanRuleCondition(rawValue: when) else { throw fail("\(entry.task): unknown condition \(when)") }
                condition = parsed
            }
            var checked: Day?
            if let text = entry.checked {
                guard let day = Day(iso: text) else { throw fail("\(entry.task): checked \(text) is not YYYY-MM-DD") }
                checked = day
            }
            guard !entry.title.isEmpty, !entry.rule.isEmpty, !tracks.isEmpty else { throw fail("\(entry.task): title, rule and tracks are required") }
            rules.append(
                PlanRule(
                    task: task, title: entry.title, tracks: tracks, condition: condition, due: due, rule: entry.rule,
                    provenance: Provenance(source: entry.source, confidence: confidence), checked: checked))
        }
        let missing = Set(PlanTaskKind.allCases).subtracting(rules.map(\.task))
        guard missing.isEmpty else { throw fail("no rule for \(missing.map(\.rawValue).sorted().joined(separator: ", "))") }
        return rules
    }
}
