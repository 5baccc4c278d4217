/// Reading instances from JSON and CSV, and writing results as JSON.
///
/// JSON: `{"programs":[{"id":"P","capacity":2,"ranking":["a1","a2"]}],
///         "applicants":[{"id":"a1","ranking":["P","Q"]}],
///         "couples":[{"members":["a3","a4"],"ranking":[["P","Q"],["P",null]]}]}`
/// (a couple's members appear only under `couples`).
public enum InstanceFormat {
    /// The file is readable but not an instance; the message names the place.
    public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { self.message }
    }

    public static func instance(fromJSON bytes: [UInt8]) throws -> MatchInstance {
        let root: JSONReader.Value
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw FormatError(message: error.description)
        }
        guard case .object = root else { throw FormatError(message: "the instance must be a JSON object") }
        let programs = try array(root["programs"], at: "programs", required: true).enumerated().map { index, value in
            let place = "programs[\(index)]"
            return MatchInstance.Program(
                id: try string(value["id"], at: "\(place).id"),
                capacity: try integer(value["capacity"], at: "\(place).capacity"),
                ranking: try array(value["ranking"], at: "\(place).ranking", required: true).enumerated().map {
                    try string($1, at: "\(place).ranking[\($0)]")
                }
            )
        }
        let applicants = try array(root["applicants"], at: "applicants", required: false).enumerated().map { index, value in
            let place = "applicants[\(index)]"
            return MatchInstance.Applicant(
                id: try string(value["id"], at: "\(place).id"),
                ranking: try array(value["ranking"], at: "\(place).ranking", required: true).enumerated().map {
                    try string($1, at: "\(place).ranking[\($0)]")
                }
            )
        }
        let couples = try array(root["couples"], at: "couples", required: false).enumerated().map { index, value in
            let place = "couples[\(index)]"
            return MatchInstance.Couple(
                members: try array(value["members"], at: "\(place).members", required: true).enumerated().map {
                    try string($1, at: "\(place).members[\($0)]")
                },
                ranking: try array(value["ranking"], at: "\(place).ranking", required: true).enumerated().map { pairIndex, pair in
                    try array(pair, at: "\(place).ranking[\(pairIndex)]", required: true).enumerated().map { side, id in
                        if id == .null { return nil }
                        return try string(id, at: "\(place).ranking[\(pairIndex)][\(side)]")
                    }
                }
            )
        }
        return MatchInstance(programs: programs, applicants: applicants, couples: couples)
    }

    private static func array(_ value: JSONReader.Value?, at place: String, required: Bool) throws -> [JSONReader.Value] {
        switch value {
        case .array(let values): return values
        case nil where !required: return []
        case nil: throw FormatError(message: "\(place) is missing")
        default: throw FormatError(message: "\(place) must be an array")
        }
    }

    private static func string(_ value: JSONReader.Value?, at place: String) throws -> String {
        guard case .string(let text) = value else {
            throw FormatError(message: value == nil ? "\(place) is missing" : "\(place) must be a string")
        }
        return text
    }

    private static func integer(_ value: JSONReader.Value?, at place: String) throws -> Int {
        guard case .number(let number) = value, abs(number) < 1e9, Double(Int(number)) == number else {
            throw FormatError(message: value == nil ? "\(place) is missing" : "\(place) must be a whole number")
        }
        return Int(number)
    }

    /// The result as JSON with keys in a fixed order, so equal results are byte-for-byte equal.
    public static func json(_ result: MatchResult) -> String {
        var out = "{\"assignments\":{"
        out += result.assignments.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\(quote($0.value))" }.joined(separator: ",")
        out += "},\"unmatched\":[" + result.unmatched.map(quote).joined(separator: ",") + "]"
        out += ",\"unfilled\":{" + result.unfilled.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\($0.value)" }.joined(separator: ",") + "}"
        if let pairs = result.blockingPairs {
            out += ",\"stable\":\(pairs.isEmpty),\"blocking_pairs\":[" + pairs.map(json).joined(separator: ",") + "]"
        }
        let stats = result.stats
        out += ",\"stats\":{\"algorithm\":\(quote(stats.algorithm.rawValue)),\"programs\":\(stats.programs)"
        out += ",\"positions\":\(stats.positions),\"applicants\":\(stats.applicants),\"couples\":\(stats.couples)"
        out += ",\"matched\":\(stats.matched),\"unmatched\":\(result.unmatched.count),\"steps\":\(stats.steps)}}"
        return out
    }

    private static func json(_ pair: BlockingPair) -> String {
        switch pair {
        case .single(let applicant, let program):
            "{\"applicant\":\(quote(applicant)),\"program\":\(quote(program))}"
        case .couple(let members, let programs):
            "{\"couple\":[\(members.map(quote).joined(separator: ","))],\"programs\":[\(programs.map { $0.map(quote) ?? "null" }.joined(separator: ","))]}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
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
        return out + "\""
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
            "{\"id\":\(quote(applicant.id)),\"ranking\":[\(applicant.ranking.map(quote).joined(separator: ","))]}"
        }.joined(separator: ",\n")
        out += "],\n\"couples\":["
        out += instance.couples.map { couple in
            let pairs = couple.ranking.map { "[" + $0.map { $0.map(quote) ?? "null" }.joined(separator: ",") + "]" }
            return "{\"members\":[\(couple.members.map(quote).joined(separator: ","))],\"ranking\":[\(pairs.joined(separator: ","))]}"
        }.joined(separator: ",\n")
        return out + "]}\n"
    }
}
