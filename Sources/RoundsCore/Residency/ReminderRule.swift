/// Which plan tasks to remind an applicant of today: open (or overdue on its due day) tasks whose due
/// date is within `daysBefore` days, each once. Tasks without a published date, done tasks and tasks
/// that do not apply are never reminded of.
public enum ReminderRule {
    public static let dayChoices = [3, 7, 14, 30]

    public static func due(_ tasks: [PlanTask], today: Day, daysBefore: Int, alreadySent: Set<PlanTaskKind>) -> [PlanTask] {
        tasks.filter { task in
            guard task.state.isPending, !alreadySent.contains(task.kind), let due = task.due?.day else { return false }
            let daysLeft = today.days(to: due)
            return daysLeft >= 0 && daysLeft <= daysBefore
        }
    }

    /// A weekly digest is due when none was sent in the last seven days.
    public static func digestDue(lastSentOn last: Day?, today: Day) -> Bool {
        guard let last else { return true }
        return last.days(to: today) >= 7
    }
}
