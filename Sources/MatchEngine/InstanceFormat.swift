/// Reading instances from JSON and CSV, and writing results as JSON.
///
/// JSON: `{"programs":[{"id":"P","capacity":2,"ranking":["a1","a2"]}],
///         "applicants":[{"id":"a1","ranking":["P","Q"]},
///                       {"id":"a2","ranking":["ADV","Q"],"supplemental":[{"advanced":["ADV"],"ranking":["PRE"]}]}],
///         "couples":[{"members":["a3","a4"],"ranking":[["P","Q"],["P",null]]}]}`
/// (a couple's members appear only under `couples`).
public enum InstanceFormat {
    /// The file is readable but not an instance; the message names the place.
    public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { self.message }
    }

    public static func instance(fromJSON bytes: [UInt8]) throws -> MatchInstance {
        try bytes.withUnsafeBufferPointer { buffer in try self.instance(from: JSONReader(buffer)) }
    }

    private static func instance(from reader: JSONReader) throws -> MatchInstance {
        var reader = reader
        do {
            guard try reader.peek() == .object else { throw FormatError(message: "the instance must be a JSON object") }
            var programs: [MatchInstance.Program]?
            var applicants: [MatchInstance.Applicant] = []
            var couples: [MatchInstance.Couple] = []
            try reader.forEachKey { reader, key in
                switch key {
                case "programs": programs = try self.programs(&reader)
                case "applicants": applicants = try self.applicants(&reader)
                case "couples": couples = try self.couples(&reader)
                default: try reader.skipValue()
                }
            }
            try reader.expectEnd()
            guard let programs else { throw FormatError(message: "programs is missing") }
            return MatchInstance(programs: programs, applicants: applicants, couples: couples)
        } catch let error as JSONReader.SyntaxError {
            throw FormatError(message: error.description)
        }
    }

    private static func programs(_ reader: inout JSONReader) throws -> [MatchInstance.Program] {
        var programs: [MatchInstance.Program] = []
        try self.elements(of: &reader, at: Place("programs")) { reader, place in
            var id: String?
            var capacity: Int?
            var ranking: [String]?
            try self.fields(of: &reader, at: place) { reader, key in
                switch key {
                case "id": id = try self.string(&reader, at: place.field("id"))
                case "capacity": capacity = try self.integer(&reader, at: place.field("capacity"))
                case "ranking": ranking = try self.strings(&reader, at: place.field("ranking"))
                default: try reader.skipValue()
                }
            }
            programs.append(
                MatchInstance.Program(
                    id: try self.required(id, at: place.field("id")),
                    capacity: try self.required(capacity, at: place.field("capacity")),
                    ranking: try self.required(ranking, at: place.field("ranking"))
                )
            )
        }
        return programs
    }

    private static func applicants(_ reader: inout JSONReader) throws -> [MatchInstance.Applicant] {
        var applicants: [MatchInstance.Applicant] = []
        try self.elements(of: &reader, at: Place("applicants")) { reader, place in
            var id: String?
            var ranking: [String]?
            var supplemental: [MatchInstance.SupplementalList] = []
            try self.fields(of: &reader, at: place) { reader, key in
                switch key {
                case "id": id = try self.string(&reader, at: place.field("id"))
                case "ranking": ranking = try self.strings(&reader, at: place.field("ranking"))
                case "supplemental": supplemental = try self.supplementalLists(&reader, at: place.field("supplemental"))
                default: try reader.skipValue()
                }
            }
            applicants.append(
                MatchInstance.Applicant(
                    id: try self.required(id, at: place.field("id")),
                    ranking: try self.required(ranking, at: place.field("ranking")),
                    supplemental: supplemental
                )
            )
        }
        return applicants
    }

    private static func supplementalLists(_ reader: inout JSONReader, at place: Place) throws -> [MatchInstance.SupplementalList] {
        var lists: [MatchInstance.SupplementalList] = []
        try self.elements(of: &reader, at: place) { reader, listPlace in
            var advanced: [String]?
            var ranking: [String]?
            try self.fields(of: &reader, at: listPlace) { reader, key in
                switch key {
                case "advanced": advanced = try self.ids(&reader, at: "\(listPlace).advanced")
                case "ranking": ranking = try self.ids(&reader, at: "\(listPlace).ranking")
                default: try reader.skipValue()
                }
            }
            guard let advanced else { throw FormatError(message: "\(listPlace).advanced is missing") }
            guard let ranking else { throw FormatError(message: "\(listPlace).ranking is missing") }
            lists.append(MatchInstance.SupplementalList(advanced: advanced, ranking: ranking))
        }
        return lists
    }

    /// Program ids at a place `Place` cannot name (a field inside a list inside a list).
    private static func ids(_ reader: inout JSONReader, at place: String) throws -> [String] {
        guard try reader.peek() == .array else { throw FormatError(message: "\(place) must be an array") }
        var values: [String] = []
        try reader.forEachElement { reader, index in
            guard try reader.peek() == .string else { throw FormatError(message: "\(place)[\(index)] must be a string") }
            values.append(try reader.readString())
        }
        return values
    }

    private static func couples(_ reader: inout JSONReader) throws -> [MatchInstance.Couple] {
        var couples: [MatchInstance.Couple] = []
        try self.elements(of: &reader, at: Place("couples")) { reader, place in
            var members: [String]?
            var ranking: [[String?]]?
            try self.fields(of: &reader, at: place) { reader, key in
                switch key {
                case "members": members = try self.strings(&reader, at: place.field("members"))
                case "ranking":
                    var pairs: [[String?]] = []
                    try self.elements(of: &reader, at: place.field("ranking")) { reader, pairPlace in
                        var pair: [String?] = []
                        // Two sides: one allocation, not a second one when the array grows.
                        pair.reserveCapacity(2)
                        try self.elements(of: &reader, at: pairPlace) { reader, sidePlace in
                            if try reader.peek() == .null {
                                try reader.readNull()
                                pair.append(nil)
                            } else {
                                pair.append(try self.string(&reader, at: sidePlace))
                            }
                        }
                        pairs.append(pair)
                    }
                    ranking = pairs
                default: try reader.skipValue()
                }
            }
            couples.append(
                MatchInstance.Couple(
                    members: try self.required(members, at: place.field("members")),
                    ranking: try self.required(ranking, at: place.field("ranking"))
                )
            )
        }
        return couples
    }

    // MARK: - Typed reads with messages that name the place

    /// Where in the document a value is, e.g. `couples[3].ranking[2][0]`. A plain value, turned into text
    /// only for an error message, so reading a large file builds no strings for it.
    private struct Place: CustomStringConvertible {
        var root: StaticString
        var first = -1
        var field: StaticString? = nil
        var indices: (Int, Int) = (-1, -1)

        init(_ root: StaticString) {
            self.root = root
        }

        func field(_ name: StaticString) -> Place {
            var place = self
            place.field = name
            return place
        }

        func index(_ index: Int) -> Place {
            var place = self
            if place.field == nil {
                place.first = index
            } else if place.indices.0 < 0 {
                place.indices.0 = index
            } else {
                place.indices.1 = index
            }
            return place
        }

        var description: String {
            var text = "\(self.root)"
            if self.first >= 0 { text += "[\(self.first)]" }
            if let field = self.field { text += ".\(field)" }
            if self.indices.0 >= 0 { text += "[\(self.indices.0)]" }
            if self.indices.1 >= 0 { text += "[\(self.indices.1)]" }
            return text
        }
    }

    private static func elements(
        of reader: inout JSONReader,
        at place: Place,
        _ body: (inout JSONReader, Place) throws -> Void
    ) throws {
        guard try reader.peek() == .array else { throw FormatError(message: "\(place) must be an array") }
        try reader.forEachElement { reader, index in try body(&reader, place.index(index)) }
    }

    private static func fields(of reader: inout JSONReader, at place: Place, _ body: (inout JSONReader, String) throws -> Void) throws {
        guard try reader.peek() == .object else { throw FormatError(message: "\(place) must be an object") }
        try reader.forEachKey(body)
    }

    private static func strings(_ reader: inout JSONReader, at place: Place) throws -> [String] {
        var values: [String] = []
        try self.elements(of: &reader, at: place) { reader, itemPlace in values.append(try self.string(&reader, at: itemPlace)) }
        return values
    }

    private static func string(_ reader: inout JSONReader, at place: Place) throws -> String {
        guard try reader.peek() == .string else { throw FormatError(message: "\(place) must be a string") }
        return try reader.readString()
    }

    private static func integer(_ reader: inout JSONReader, at place: Place) throws -> Int {
        guard try reader.peek() == .number else { throw FormatError(message: "\(place) must be a whole number") }
        let number = try reader.readNumber()
        guard abs(number) < 1e9, Double(Int(number)) == number else {
            throw FormatError(message: "\(place) must be a whole number")
        }
        return Int(number)
    }

    private static func required<T>(_ value: T?, at place: Place) throws -> T {
        guard let value else { throw FormatError(message: "\(place) is missing") }
        return value
    }

    /// The result as JSON with keys in a fixed order, so equal results are byte-for-byte equal.
    public static func json(_ result: MatchResult) -> String {
        var out = "{\"assignments\":" + object(result.assignments)
        if result.stats.supplementalApplicants > 0 { out += ",\"supplemental_assignments\":" + object(result.supplementalAssignments) }
        out += ",\"unmatched\":[" + result.unmatched.map(quote).joined(separator: ",") + "]"
        out += ",\"unfilled\":{" + result.unfilled.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"
        if let pairs = result.blockingPairs {
            out += ",\"stable\":\(pairs.isEmpty),\"blocking_pairs\":[" + pairs.map(json).joined(separator: ",") + "]"
        }
        if let pairs = result.kprBlockingPairs {
            out += ",\"stable_kpr\":\(pairs.isEmpty),\"blocking_pairs_kpr\":[" + pairs.map(json).joined(separator: ",") + "]"
        }
        let stats = result.stats
        out += ",\"stats\":{\"algorithm\":\(quote(stats.algorithm.rawValue)),\"programs\":\(stats.programs)"
        out += ",\"positions\":\(stats.positions),\"applicants\":\(stats.applicants),\"couples\":\(stats.couples)"
        out += ",\"matched\":\(stats.matched),\"unmatched\":\(result.unmatched.count),\"steps\":\(stats.steps)"
        out += ",\"path\":\(quote(stats.path.rawValue)),\"couple_order\":\(stats.coupleOrder),\"attempts\":\(stats.attempts)"
        if stats.supplementalApplicants > 0 { out += ",\"supplemental_applicants\":\(stats.supplementalApplicants)" }
        return out + "}}"
    }

    private static func json(_ pair: BlockingPair) -> String {
        switch pair {
        case .single(let applicant, let program):
            "{\"applicant\":\(quote(applicant)),\"program\":\(quote(program))}"
        case .couple(let members, let programs):
            "{\"couple\":[\(members.map(quote).joined(separator: ","))],\"programs\":\(array(programs))}"
        case .supplemental(let applicant, let programs):
            "{\"applicant\":\(quote(applicant)),\"programs\":\(array(programs))}"
        }
    }

    /// Ids keyed by id, keys sorted, so equal maps are equal text. Written into one string (a string per
    /// entry, interpolated and joined, was most of writing a result at NRMP scale).
    static func object(_ map: [String: String]) -> String {
        var out = "{"
        out.reserveCapacity(2 + map.count * 24)
        for (index, entry) in map.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out += "," }
            self.appendQuoted(entry.key, to: &out)
            out += ":"
            self.appendQuoted(entry.value, to: &out)
        }
        return out + "}"
    }

    /// Ids in order, null where there is none (a pair's "no match").
    static func array(_ ids: [String?]) -> String {
        "[" + ids.map { $0.map(quote) ?? "null" }.joined(separator: ",") + "]"
    }

    static func quote(_ text: String) -> String {
        var out = ""
        self.appendQuoted(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string; text with nothing to escape (ids, almost always) goes in whole.
    static func appendQuoted(_ text: String, to out: inout String) {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension InstanceFormat {
    /// An instance as JSON in the documented shape (for generated instances and round trips).
    public static func json(_ instance: MatchInstance) -> String {
        var out = "{\"programs\":["
        out += instance.programs.map { program in
            "{\"id\":\(quote(program.id)),\"capacity\":\(program.capacity),\"ranking\":[\(program.ranking.map(quote).joined(separator: ","))]}"
        }.joined(separator: ",\n")
        out += "],\n\"applicants\":["
        out += instance.applicants.map { applicant in
            var text = "{\"id\":\(quote(applicant.id)),\"ranking\":[\(applicant.ranking.map(quote).joined(separator: ","))]"
            if !applicant.supplemental.isEmpty {
                let lists = applicant.supplemental.map { list in
                    "{\"advanced\":[\(list.advanced.map(quote).joined(separator: ","))],\"ranking\":[\(list.ranking.map(quote).joined(separator: ","))]}"
                }
                text += ",\"supplemental\":[\(lists.joined(separator: ","))]"
            }
            return text + "}"
        }.joined(separator: ",\n")
        out += "],\n\"couples\":["
        out += instance.couples.map { couple in
            let pairs = couple.ranking.map(array)
            return "{\"members\":[\(couple.members.map(quote).joined(separator: ","))],\"ranking\":[\(pairs.joined(separator: ","))]}"
        }.joined(separator: ",\n")
        return out + "]}\n"
    }
}
