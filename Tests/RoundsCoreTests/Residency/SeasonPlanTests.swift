import Foundation
import Testing

@testable import RoundsCore

@Suite struct SeasonPlanTests {
    static func plan(_ facts: PlanFacts, year: Int = 2027, today: String = "2026-12-02") throws -> [PlanTask] {
        let season = try #require(try ResidencyData.calendar()[year])
        return SeasonPlan.tasks(rules: try ResidencyData.rules(), season: season, facts: facts, today: ResidencyData.day(today))
    }

    @Test func theShippedRulesCoverEveryTaskWithASource() throws {
        let rules = try ResidencyData.rules()
        #expect(Set(rules.map(\.task)) == Set(PlanTaskKind.allCases))
        #expect(rules.allSatisfy { $0.provenance.source?.hasPrefix("https://") == true })
    }

    @Test func anIMGGraduateGetsTheECFMGAndUSMLETasksWithTheirRules() throws {
        let tasks = try Self.plan(PlanFacts(track: .imgGraduate, ecfmgStatus: .inProgress, step1: .passed))
        let kinds = tasks.map(\.kind)
        #expect(kinds.contains(.ecfmgCertification))
        #expect(!kinds.contains(.usmleStep3), "Step 3 only when the applicant wants H-1B sponsorship")
        let step1 = try #require(tasks.first { $0.kind == .usmleStep1 })
        #expect(step1.state == .done)
        #expect(step1.rule.provenance.source?.contains("nrmp.org") == true)
        // The 2027 rank list deadline is not published: the task has no date and stays open, not overdue.
        #expect(step1.due == nil)
        let step2 = try #require(tasks.first { $0.kind == .usmleStep2CK })
        #expect(step2.state == .open)
        #expect(step2.due == nil)
        let certification = try #require(tasks.first { $0.kind == .ecfmgCertification })
        #expect(certification.due?.day == ResidencyData.day("2027-07-01"))
    }

    @Test func aPassedDueDateWithTheTaskUndoneIsOverdue() throws {
        let tasks = try Self.plan(PlanFacts(track: .imgGraduate))
        let token = try #require(tasks.first { $0.kind == .ecfmgERASToken })
        #expect(token.due?.day == ResidencyData.day("2026-06-03"))
        #expect(token.state == .overdue)
        let ticked = try Self.plan(PlanFacts(track: .imgGraduate, ticked: [.ecfmgERASToken]))
        #expect(ticked.first { $0.kind == .ecfmgERASToken }?.state == .done)
    }

    @Test func wantingH1BAddsStep3() throws {
        let tasks = try Self.plan(PlanFacts(track: .imgStudent, wantsH1B: true))
        let step3 = try #require(tasks.first { $0.kind == .usmleStep3 })
        #expect(step3.rule.provenance.confidence == .secondary)
    }

    @Test func aUSStudentHasNoECFMGOrUSMLEPlanTasks() throws {
        let kinds = try Self.plan(PlanFacts(track: .usStudent)).map(\.kind)
        #expect(!kinds.contains(.ecfmgCertification))
        #expect(!kinds.contains(.ecfmgERASToken))
        #expect(!kinds.contains(.usmleStep1))
        #expect(kinds.contains(.rankList))
        #expect(try Self.plan(PlanFacts(track: .preMed)).isEmpty, "pre-meds have no residency season")
    }

    @Test func tasksDoneFromRoundsDataAndSignalsWithoutABudget() throws {
        let facts = PlanFacts(track: .usStudent, erasExportReady: true, lettersReceived: 2, programsApplied: 3, signalsAssigned: 0, anySpecialtySignals: false)
        let tasks = try Self.plan(facts, year: 2026, today: "2025-08-01")
        #expect(tasks.first { $0.kind == .erasExperiences }?.state == .done)
        #expect(tasks.first { $0.kind == .programList }?.state == .done)
        #expect(tasks.first { $0.kind == .signals }?.state == .notApplicable)
        #expect(tasks.first { $0.kind == .letters }?.detail == "2 letters received in Rounds.")
        #expect(tasks.first { $0.kind == .letters }?.state == .open, "letters are ticked by the applicant")
    }

    @Test func tasksComeInDueOrderWithUnpublishedDatesLast() throws {
        let tasks = try Self.plan(PlanFacts(track: .imgGraduate))
        let dated = tasks.prefix { $0.due != nil }
        #expect(zip(dated, dated.dropFirst()).allSatisfy { $0.due!.day <= $1.due!.day })
        #expect(tasks.dropFirst(dated.count).allSatisfy { $0.due == nil })
        #expect(!dated.isEmpty && dated.count < tasks.count)
    }

    @Test func progressCountsTheTasksThatApplyAndNamesTheNextDatedOne() throws {
        let tasks = try Self.plan(PlanFacts(track: .imgGraduate, step1: .passed, ticked: [.ecfmgERASToken]))
        let progress = PlanProgress(tasks)
        #expect(tasks.count == 11)
        #expect(progress.applicable == 10, "signals do not apply without a signalling specialty")
        #expect(progress.done == 2)
        #expect(progress.overdue == 0)
        #expect(progress.next?.kind == .ecfmgCertification)
    }

    @Test func aRuleFileMissingATaskIsRefused() throws {
        let json = #"{"rules": [{"task": "letters", "title": "Letters", "tracks": ["us_student"], "due": "match_day", "rule": "r", "source": "https://aamc.org", "confidence": "primary", "checked": null}]}"#
        #expect {
            try PlanRule.decode(Data(json.utf8))
        } throws: { error in
            (error as? ReferenceDataError)?.problem.hasPrefix("no rule for ecfmg_certification") == true
        }
    }
}

@Suite struct ReminderRuleTests {
    static func tasks(today: String) throws -> [PlanTask] {
        let season = try #require(try ResidencyData.calendar()[2027])
        return SeasonPlan.tasks(rules: try ResidencyData.rules(), season: season, facts: PlanFacts(track: .imgGraduate), today: ResidencyData.day(today))
    }

    @Test func tasksDueWithinTheWindowAreRemindedOnce() throws {
        // MyERAS opens 2026-06-03 for the 2027 Match: the token task is due then.
        let today = ResidencyData.day("2026-05-27")
        let tasks = try Self.tasks(today: "2026-05-27")
        let due = ReminderRule.due(tasks, today: today, daysBefore: 7, alreadySent: [])
        #expect(due.map(\.kind) == [.ecfmgERASToken])
        #expect(ReminderRule.due(tasks, today: today, daysBefore: 6, alreadySent: []).isEmpty, "8 days ahead of a 7-day window")
        #expect(ReminderRule.due(tasks, today: today, daysBefore: 7, alreadySent: [.ecfmgERASToken]).isEmpty)
    }

    @Test func passedDoneAndUndatedTasksAreNeverReminded() throws {
        let today = ResidencyData.day("2026-06-04")
        let tasks = try Self.tasks(today: "2026-06-04")
        #expect(ReminderRule.due(tasks, today: today, daysBefore: 30, alreadySent: []).allSatisfy { $0.due != nil && $0.due!.day >= today })
        #expect(!ReminderRule.due(tasks, today: today, daysBefore: 400, alreadySent: []).contains { $0.kind == .usmleStep2CK }, "no published date")
        #expect(!ReminderRule.due(tasks, today: today, daysBefore: 400, alreadySent: []).contains { $0.kind == .ecfmgERASToken }, "its day has passed")
    }

    @Test func theDigestIsWeekly() {
        let today = ResidencyData.day("2026-10-08")
        #expect(ReminderRule.digestDue(lastSentOn: nil, today: today))
        #expect(!ReminderRule.digestDue(lastSentOn: ResidencyData.day("2026-10-02"), today: today))
        #expect(ReminderRule.digestDue(lastSentOn: ResidencyData.day("2026-10-01"), today: today))
    }
}
