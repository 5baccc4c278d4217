import Foundation

/// What an advisor offers in a slot.
public enum AdvisingSessionKind: String, CaseIterable, Codable, Sendable {
    case mockInterview = "mock-interview"
    case strategyCall = "strategy-call"
    case statementReview = "statement-review"

    public var label: String {
        switch self {
        case .mockInterview: "Mock interview"
        case .strategyCall: "Strategy call"
        case .statementReview: "Statement review call"
        }
    }
}

/// Rounds' own booking rules (not a regulation): stated on the booking pages as they are here.
public enum BookingPolicy {
    /// An applicant may cancel up to this long before the start; later, only the advisor can.
    public static let applicantCancellationNotice: TimeInterval = 24 * 3600
    /// Slots open at most this far ahead, and a booking closes this long before the start.
    public static let maximumAhead: TimeInterval = 366 * 24 * 3600
    public static let bookingCutoff: TimeInterval = 3600
    /// Live bookings one applicant may hold at once, so a few people cannot take every slot.
    public static let maximumLiveBookings = 3
    public static let minutes = 15...180

    public static let summary = "You may cancel a booking up to 24 hours before it starts; the slot opens again for others. Bookings close an hour before the start. You may hold at most \(maximumLiveBookings) upcoming bookings. An advisor who cancels tells you why."

    public static func applicantMayCancel(startingAt start: Date, now: Date) -> Bool {
        start.timeIntervalSince(now) >= Self.applicantCancellationNotice
    }

    public static func isBookable(startingAt start: Date, now: Date) -> Bool {
        start.timeIntervalSince(now) >= Self.bookingCutoff
    }
}

/// A slot as the advisor sent it: start as a local date and time in a named zone, length, where.
public struct AdvisorSlotDraft: Equatable, Sendable {
    public static let locationLimit = 300
    public static let noteLimit = 500

    public var kind: String
    public var date: String
    public var time: String
    public var timeZone: String
    public var minutes: String
    public var location: String
    public var note: String

    public init(kind: String = AdvisingSessionKind.strategyCall.rawValue, date: String = "", time: String = "", timeZone: String = "America/New_York", minutes: String = "30", location: String = "", note: String = "") {
        self.kind = kind
        self.date = date
        self.time = time
        self.timeZone = timeZone
        self.minutes = minutes
        self.location = location
        self.note = note
    }

    public struct Checked: Equatable, Sendable {
        public var kind: AdvisingSessionKind
        public var start: Date
        public var minutes: Int
        public var timeZone: String
        /// A video link (https) or a place.
        public var location: String
        public var note: String

        public var end: Date { self.start.addingTimeInterval(TimeInterval(self.minutes * 60)) }
        public var isVideoLink: Bool { self.location.hasPrefix("https://") }
    }

    public func check(now: Date) -> Result<Checked, ValidationReport> {
        var errors: [FieldError] = []
        let kind = AdvisingSessionKind(rawValue: self.kind)
        if kind == nil { errors.append(FieldError(field: "kind", message: "Choose what the session is for.")) }
        let zone = ResidencyProgramDraft.timeZones.contains(self.timeZone) ? TimeZone(identifier: self.timeZone) : nil
        if zone == nil {
            errors.append(FieldError(field: "time_zone", message: "Choose the US time zone the time is in."))
        }
        var start: Date? = nil
        if let day = Day(iso: self.date), let minute = SeasonCalendar.minuteOfDay(self.time), let zone {
            start = Self.instant(day, minute: minute, in: zone)
        }
        if start == nil, zone != nil {
            errors.append(FieldError(field: "date", message: "Give the date (YYYY-MM-DD) and start time (HH:MM, 24-hour)."))
        }
        if let start {
            if start.timeIntervalSince(now) < BookingPolicy.bookingCutoff {
                errors.append(FieldError(field: "date", message: "A slot starts at least an hour from now."))
            } else if start.timeIntervalSince(now) > BookingPolicy.maximumAhead {
                errors.append(FieldError(field: "date", message: "Slots open at most a year ahead."))
            }
        }
        let minutes = Int(self.minutes)
        if minutes == nil || !BookingPolicy.minutes.contains(minutes!) {
            errors.append(FieldError(field: "minutes", message: "A session lasts \(BookingPolicy.minutes.lowerBound) to \(BookingPolicy.minutes.upperBound) minutes."))
        }
        let location = self.location.trimmingCharacters(in: .whitespacesAndNewlines)
        if location.isEmpty || self.location.textLength > Self.locationLimit || location.containsControlCharacters {
            errors.append(FieldError(field: "location", message: "Give a video link (https://…) or a place, at most \(Self.locationLimit) characters."))
        } else if location.lowercased().hasPrefix("http"), !Self.isHTTPSLink(location) {
            errors.append(FieldError(field: "location", message: "A video link starts with https:// and has no spaces."))
        }
        let note = StatementDraft.normalized(self.note).trimmingCharacters(in: .whitespacesAndNewlines)
        if self.note.textLength > Self.noteLimit || note.unicodeScalars.contains(where: { $0.isControlCharacter && $0 != "\n" }) {
            errors.append(FieldError(field: "note", message: "The note is at most \(Self.noteLimit) characters."))
        }
        guard errors.isEmpty, let kind, let start, let minutes else { return .failure(ValidationReport(errors)) }
        return .success(Checked(kind: kind, start: start, minutes: minutes, timeZone: self.timeZone, location: location, note: note))
    }

    /// The instant a local date and time name in a zone; in the hour a clock skips, the time after it.
    public static func instant(_ day: Day, minute: Int, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let (year, month, date) = day.components
        return calendar.date(from: DateComponents(year: year, month: month, day: date, hour: minute / 60, minute: minute % 60))
    }

    static func isHTTPSLink(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), !text.contains(where: \.isWhitespace), let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
