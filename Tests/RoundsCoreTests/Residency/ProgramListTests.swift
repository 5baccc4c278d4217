import Testing

@testable import RoundsCore

@Suite struct ProgramListTests {
    @Test func statusesMoveForwardBackOneStepOrClose() {
        #expect(ProgramListStatus.considering.canMove(to: .applied))
        #expect(ProgramListStatus.applied.canMove(to: .interviewScheduled), "an invitation can arrive already scheduled")
        #expect(ProgramListStatus.interviewScheduled.canMove(to: .interviewInvited), "one step back corrects a slip")
        #expect(!ProgramListStatus.ranked.canMove(to: .applied))
        #expect(ProgramListStatus.interviewed.canMove(to: .withdrawn))
        #expect(!ProgramListStatus.rejected.canMove(to: .ranked))
        #expect(ProgramListStatus.rejected.canMove(to: .considering))
        #expect(ProgramListStatus.allCases.filter(\.needsInterview) == [.interviewScheduled, .interviewed, .ranked])
    }

    @Test func twoInterviewsOnOneDayClashWhateverTheirTimes() {
        let day = Day(iso: "2026-11-10")!
        let clashes = InterviewClashes.find([
            InterviewSlot(programKey: "a", day: day, minuteOfDay: 8 * 60, timeZone: "America/New_York"),
            InterviewSlot(programKey: "b", day: day, minuteOfDay: 15 * 60, timeZone: "America/Chicago"),
            InterviewSlot(programKey: "c", day: day.adding(days: 1), minuteOfDay: nil, timeZone: "America/New_York"),
        ])
        #expect(clashes.count == 1)
        #expect(Set(clashes[day] ?? []) == ["a", "b"])
    }
}
