import RoundsCore
import Vapor

/// A catalog search as it arrives in the query string (`/opportunities?…` and `/api/v1/opportunities?…`).
/// Lists are comma-separated (`type=observership,research`). `query(…)` checks every value and says which
/// parameter is wrong; nothing reaches the index unchecked.
struct SearchParameters {
    var q: String?
    var type: String?
    var specialty: String?
    var state: String?
    var audience: String?
    var setting: String?
    var visa: String?
    var handsOn: String?
    var hasSeats: String?
    var letter: String?
    var maxFeeCents: String?
    var startsAfter: String?
    var endsBefore: String?
    var near: String?
    var radiusMi: String?
    var eligible: String?
    var sort: String?
    var page: String?
    var perPage: String?

    static let maximumQueryLength = 200
    static let maximumQueryString = 2_048
    static let maximumPerPage = 100
    static let maximumRadius = 3_000.0
    static let defaultRadius = 50.0
    static let maximumFeeCents = 100_000_000

    static let states = USStates.codes

    /// Reads the request's query string. HTML forms send empty fields for "any" and the page forgives
    /// spaces; the API is `strict`, as its document says: a parameter needs a value, and a list or a ZIP
    /// code is written without spaces or empty items.
    static func decode(_ req: Request, strict: Bool = false) throws -> SearchParameters {
        let query = req.url.query ?? ""
        if query.utf8.count > maximumQueryString {
            throw Abort(.badRequest, reason: "The query string is too long (at most \(maximumQueryString) characters).")
        }
        if strict {
            for pair in query.split(separator: "&") where pair.hasSuffix("=") || !pair.contains("=") {
                let name = pair.split(separator: "=").first.map(String.init) ?? ""
                throw Abort(.badRequest, reason: "\(name.removingPercentEncoding ?? name): give a value, or leave the parameter out.")
            }
        }
        let parameters = try Self.parse(query)
        if strict { try parameters.checkStrictForm() }
        return parameters
    }

    /// The list parameters, whose values are comma-separated.
    private static let listFields: [(name: String, field: KeyPath<SearchParameters, String?>)] = [
        ("type", \.type), ("specialty", \.specialty), ("state", \.state), ("audience", \.audience), ("setting", \.setting),
        ("visa", \.visa), ("letter", \.letter),
    ]

    /// What the API refuses beyond an empty value: a list with an empty item or spaces around one
    /// (`type=observership,,research`, `state= NY`), and a ZIP code with spaces around it.
    private func checkStrictForm() throws {
        for (name, field) in Self.listFields {
            guard let value = self[keyPath: field] else { continue }
            let items = value.split(separator: ",", omittingEmptySubsequences: false)
            if items.contains(where: { $0.isEmpty || $0.first!.isWhitespace || $0.last!.isWhitespace }) {
                throw Abort(.badRequest, reason: "\(name): separate the values with commas alone, without spaces or empty values.")
            }
        }
        if let near = self.near, near.first?.isWhitespace == true || near.last?.isWhitespace == true {
            throw Abort(.badRequest, reason: "near: give a five-digit US ZIP code.")
        }
    }

    /// The parameters' names and where each goes. Parsed by hand: the Codable form decoder took a twentieth
    /// of each search request's time.
    static let fields: [String: WritableKeyPath<SearchParameters, String?>] = [
        "q": \.q, "type": \.type, "specialty": \.specialty, "state": \.state, "audience": \.audience, "setting": \.setting,
        "visa": \.visa, "hands_on": \.handsOn, "has_seats": \.hasSeats, "letter": \.letter, "max_fee_cents": \.maxFeeCents, "starts_after": \.startsAfter,
        "ends_before": \.endsBefore, "near": \.near, "radius_mi": \.radiusMi, "eligible": \.eligible, "sort": \.sort, "page": \.page,
        "per_page": \.perPage,
    ]

    /// Reads `name=value&…` (form encoding: `+` is a space, `%XX` a byte). Unknown names are ignored; a name
    /// given twice is refused, since lists are written with commas.
    static func parse(_ query: String) throws -> SearchParameters {
        var parameters = SearchParameters()
        var seen: Set<String> = []
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]), let value = Self.formDecoded(parts.count > 1 ? parts[1] : "") else {
                throw Abort(.badRequest, reason: "The query string is malformed.")
            }
            guard let field = Self.fields[name] else { continue }
            guard seen.insert(name).inserted else {
                throw Abort(.badRequest, reason: "\(name): give it once (separate several values with commas).")
            }
            parameters[keyPath: field] = value
        }
        return parameters
    }

    private static func formDecoded(_ text: Substring) -> String? {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The checked query. `profile` is the signed-in applicant's, needed when `eligible=true`.
    func query(profile: ApplicantProfileInput?) throws -> SearchQuery {
        var query = SearchQuery()
        // The limit holds for q as sent (as the API schema says), not only once trimmed.
        if let raw = self.q, raw.textLength > Self.maximumQueryLength {
            throw Abort(.badRequest, reason: "q: use at most \(Self.maximumQueryLength) characters.")
        }
        if let q = self.q?.trimmingWhitespace(), !q.isEmpty {
            query.text = q
        }
        query.types = try Self.values(self.type, "type")
        query.audiences = try Self.values(self.audience, "audience")
        query.settings = try Self.values(self.setting, "setting")
        query.visaClasses = try Self.values(self.visa, "visa")
        query.letterPolicies = try Self.values(self.letter, "letter")
        query.specialtyIDs = try Self.list(self.specialty, "specialty") { Specialties.rotation.find($0) != nil }
        query.states = try Self.list(self.state, "state") { Self.states.contains($0) }
        query.isHandsOn = try self.handsOn.flatMap { try Self.bool($0, "hands_on") }
        query.hasSeats = try self.hasSeats.flatMap { try Self.bool($0, "has_seats") }
        if let fee = self.maxFeeCents, !fee.isEmpty {
            guard let cents = Int(digits: fee), (0...Self.maximumFeeCents).contains(cents) else {
                throw Abort(.badRequest, reason: "max_fee_cents: give a whole number of cents from 0 to \(Self.maximumFeeCents).")
            }
            query.maximumFeeCents = cents
        }
        query.startsOnOrAfter = try self.startsAfter.flatMap { try Self.day($0, "starts_after") }
        query.endsOnOrBefore = try self.endsBefore.flatMap { try Self.day($0, "ends_before") }
        if let from = query.startsOnOrAfter, let to = query.endsOnOrBefore, to < from {
            throw Abort(.badRequest, reason: "ends_before must not be earlier than starts_after.")
        }
        if let zip = self.near?.trimmingWhitespace(), !zip.isEmpty {
            guard zip.count == 5, zip.allSatisfy(\.isASCII), zip.allSatisfy(\.isNumber) else {
                throw Abort(.badRequest, reason: "near: give a five-digit US ZIP code.")
            }
            guard let place = ZIPCodes.directory.place(zip) else { throw Abort(.badRequest, reason: "near: unknown ZIP code \(zip).") }
            query.near = place.coordinate
            query.radiusMiles = Self.defaultRadius
        }
        if let radius = self.radiusMi, !radius.isEmpty {
            guard query.near != nil else { throw Abort(.badRequest, reason: "radius_mi needs near=<ZIP>.") }
            guard let miles = Double(radius), miles.isFinite, miles > 0, miles <= Self.maximumRadius else {
                throw Abort(.badRequest, reason: "radius_mi: give a number of miles above 0 and at most \(Int(Self.maximumRadius)).")
            }
            query.radiusMiles = miles
        }
        if try self.eligible.flatMap({ try Self.bool($0, "eligible") }) == true {
            guard let profile else {
                throw Abort(.badRequest, reason: "eligible=true needs a signed-in applicant with a profile.")
            }
            query.eligibleFor = profile
        }
        if let sort = self.sort, !sort.isEmpty {
            guard let parsed = SearchQuery.Sort(rawValue: sort) else {
                throw Abort(.badRequest, reason: "sort: use one of \(SearchQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard parsed != .distance || query.near != nil else { throw Abort(.badRequest, reason: "sort=distance needs near=<ZIP>.") }
            query.sort = parsed
        } else if query.text.isEmpty {
            query.sort = query.near != nil ? .distance : .startDate
        }
        query.page = try self.page.flatMap { try Self.positive($0, "page", maximum: 10_000) } ?? 1
        query.perPage = try self.perPage.flatMap { try Self.positive($0, "per_page", maximum: Self.maximumPerPage) } ?? 20
        return query
    }

    private static func values<T: RawRepresentable & CaseIterable>(_ raw: String?, _ name: String) throws -> Set<T>
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        return Set(try list(raw, name, allowedText: allowed.joined(separator: ", ")) { T(rawValue: $0) != nil }.compactMap(T.init(rawValue:)))
    }

    private static func list(_ raw: String?, _ name: String, allowedText: String? = nil, isKnown: (String) -> Bool) throws -> Set<String> {
        guard let raw, !raw.isEmpty else { return [] }
        let items = raw.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard items.count <= 60 else { throw Abort(.badRequest, reason: "\(name): too many values.") }
        if let unknown = items.first(where: { !isKnown($0) }) {
            let hint = allowedText.map { "; use \($0)" } ?? ""
            throw Abort(.badRequest, reason: "\(name): unknown value “\(unknown.prefix(40))”\(hint).")
        }
        return Set(items)
    }

    private static func bool(_ raw: String, _ name: String) throws -> Bool? {
        switch raw {
        case "": return nil
        case "true": return true
        case "false": return false
        default: throw Abort(.badRequest, reason: "\(name): use true or false.")
        }
    }

    private static func day(_ raw: String, _ name: String) throws -> Day? {
        guard !raw.isEmpty else { return nil }
        guard let day = Day(iso: raw) else { throw Abort(.badRequest, reason: "\(name): give a date as YYYY-MM-DD.") }
        return day
    }

    private static func positive(_ raw: String, _ name: String, maximum: Int) throws -> Int? {
        guard !raw.isEmpty else { return nil }
        guard let value = Int(digits: raw), value >= 1, value <= maximum else {
            throw Abort(.badRequest, reason: "\(name): give a whole number from 1 to \(maximum).")
        }
        return value
    }
}

extension SearchParameters {
    /// The filters as a query string, in a fixed order, without page, page size or sort (what a saved
    /// search keeps).
    var savedQuery: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,")
        return Self.fields.keys.sorted().compactMap { name -> String? in
            guard !["page", "per_page", "sort"].contains(name), let value = self[keyPath: Self.fields[name]!], !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
