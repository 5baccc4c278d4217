import DelimitedText
import Foundation

/// An applicant's primary rank order list for one Match: program keys, most wanted first. NRMP limits a
/// list's length (`maximumRanks`, from the sourced fee file); a certified list stays certified only while
/// its order is the one certified (compared by digest), and no list changes after the season's rank
/// order list deadline.
public struct RankOrderList: Equatable, Sendable {
    public private(set) var keys: [String]
    public let maximumRanks: Int
    /// Supplemental PGY-1 lists by the ranked (advanced) program they are linked to; see
    /// `RankOrderList+Supplemental.swift`.
    public internal(set) var supplemental: [String: [String]]

    public init(keys: [String], maximumRanks: Int, supplemental: [String: [String]] = [:]) {
        self.keys = keys
        self.maximumRanks = maximumRanks
        // A list whose program is no longer ranked (withdrawn since, say) no longer counts.
        let ranked = Set(keys)
        self.supplemental = supplemental.filter { !$0.value.isEmpty && ranked.contains($0.key) }
    }

    public enum Move: Equatable, Sendable {
        case add, remove, up, down
        /// To a 1-based position; past the end means last.
        case to(Int)
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case full(Int)
        case alreadyRanked
        case notRanked
        case badPosition(Int)
        case duplicate
        case supplemental(SupplementalRefusal)

        public var description: String {
            switch self {
            case .supplemental(let refusal): refusal.description
            case .full(let limit): "A rank order list holds at most \(limit) programs (NRMP)."
            case .alreadyRanked: "The program is on your rank order list already."
            case .notRanked: "The program is not on your rank order list."
            case .badPosition(let count): "Choose a position from 1 to \(count)."
            case .duplicate: "A program appears twice in the order sent."
            }
        }
    }

    /// 1-based rank of `key`, if ranked.
    public func rank(of key: String) -> Int? { self.keys.firstIndex(of: key).map { $0 + 1 } }

    public mutating func apply(_ move: Move, to key: String) throws(Refusal) {
        let index = self.keys.firstIndex(of: key)
        if move == .add {
            guard index == nil else { throw .alreadyRanked }
            guard self.keys.count < self.maximumRanks else { throw .full(self.maximumRanks) }
            self.keys.append(key)
            return
        }
        guard let index else { throw .notRanked }
        guard Self.reorder(&self.keys, at: index, move) else { throw .badPosition(self.keys.count) }
        if move == .remove { self.supplemental[key] = nil }
    }

    /// Moves the key at `index` as `move` says (remove, up, down, to a position; not add), in the primary
    /// list or a supplemental one; false for a position below 1.
    static func reorder(_ keys: inout [String], at index: Int, _ move: Move) -> Bool {
        switch move {
        case .add: break
        case .remove: keys.remove(at: index)
        case .up: if index > 0 { keys.swapAt(index, index - 1) }
        case .down: if index < keys.count - 1 { keys.swapAt(index, index + 1) }
        case .to(let position):
            guard position >= 1 else { return false }
            let key = keys.remove(at: index)
            keys.insert(key, at: min(position - 1, keys.count))
        }
        return true
    }

    /// Replaces the whole order (the API's PUT): each key once, within the limit, all from `allowed`.
    public mutating func replace(with keys: [String], allowed: Set<String>) throws(Refusal) {
        guard Set(keys).count == keys.count else { throw .duplicate }
        guard keys.count <= self.maximumRanks else { throw .full(self.maximumRanks) }
        guard keys.allSatisfy(allowed.contains) else { throw .notRanked }
        self.keys = keys
        self.supplemental = self.supplemental.filter { keys.contains($0.key) }
    }

    /// The order as one text, whose hash is kept at certification: any change to the order or to a
    /// supplemental list changes it (a list without supplemental lists keeps its old text).
    public var canonicalOrder: String {
        var text = self.keys.joined(separator: "\n")
        for key in self.keys {
            guard let list = self.supplemental[key], !list.isEmpty else { continue }
            text += "\n>" + key + ":" + list.joined(separator: ",")
        }
        return text
    }

    /// Where a list stands against its certification.
    public enum Certification: Equatable, Sendable {
        case never
        case current(at: Date, name: String)
        /// Certified once, changed since: it must be certified again.
        case stale(at: Date, name: String)
    }

    /// `certifiedDigest` is the hash kept at certification, `digest` the same hash of the list now.
    public static func certification(certifiedDigest: String?, digest: String, at: Date?, name: String?) -> Certification {
        guard let certifiedDigest, let at, let name else { return .never }
        return certifiedDigest == digest ? .current(at: at, name: name) : .stale(at: at, name: name)
    }

    /// Certification needs the applicant's name typed as their account has it (case and spacing aside)
    /// and at least one ranked program.
    public func certificationRefusal(typedName: String, accountName: String) -> String? {
        if self.keys.isEmpty { return "Rank at least one program before certifying." }
        return Self.nameRefusal(typedName: typedName, accountName: accountName)
    }

    /// The most characters a signature may be sent with, blank space included (the API's schema states it).
    public static let maximumTypedName = 200

    /// Why `typedName` does not sign for `accountName` (case and spacing aside), or nil when it does.
    public static func nameRefusal(typedName: String, accountName: String) -> String? {
        func normal(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }
        if typedName.textLength > Self.maximumTypedName { return "Type your name in at most \(Self.maximumTypedName) characters to certify." }
        if normal(typedName).isEmpty || normal(typedName) != normal(accountName) { return "Type your name exactly as your account shows it (\(accountName)) to certify." }
        return nil
    }

    /// The rank list deadline as an instant (the milestone's day and time in New York; 23:59 when the
    /// time is not published); nil when the date is not published.
    public static func deadline(_ milestone: Milestone?) -> Date? {
        guard let milestone, let zone = TimeZone(identifier: "America/New_York") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let minute = milestone.minuteOfDay ?? (23 * 60 + 59)
        let midnightUTC = Date(timeIntervalSince1970: TimeInterval(milestone.day.ordinal) * 86_400)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        var parts = utc.dateComponents([.year, .month, .day], from: midnightUTC)
        parts.hour = minute / 60
        parts.minute = minute % 60
        return calendar.date(from: parts)
    }

    /// Why the list cannot change at `now`, or nil while it can.
    public static func closedRefusal(deadline milestone: Milestone?, now: Date) -> String? {
        guard let deadline = Self.deadline(milestone), now > deadline else { return nil }
        let time = milestone!.minuteOfDay.map { ", \(DateWords.clock(minuteOfDay: $0)) ET" } ?? ""
        return "The rank order list deadline has passed (\(DateWords.day(milestone!.day))\(time)): the list can no longer change."
    }
}

/// The rank order list as CSV: rank, program, specialty, city, state, NRMP code; cells neutralised
/// against spreadsheet formulas.
public enum RankListCSV {
    public static let columns = ["rank", "program", "specialty", "city", "state", "nrmp_code"]
    public typealias Row = (name: String, specialty: String, city: String, state: String, nrmpCode: String?)

    /// `supplemental[i]` is the supplemental list linked to `rows[i]`: its programs follow that row, ranked
    /// "3.1", "3.2", … under the program's rank 3.
    public static func write(_ rows: [Row], supplemental: [[Row]] = []) -> String {
        var text = CSV.line(Self.columns)
        func line(_ rank: String, _ row: Row) -> String {
            CSV.line([rank, row.name, row.specialty, row.city, row.state, row.nrmpCode ?? ""].map(PortfolioExport.spreadsheetSafe))
        }
        for (index, row) in rows.enumerated() {
            text += line(String(index + 1), row)
            for (position, pgy1) in (index < supplemental.count ? supplemental[index] : []).enumerated() {
                text += line("\(index + 1).\(position + 1)", pgy1)
            }
        }
        return text
    }
}
