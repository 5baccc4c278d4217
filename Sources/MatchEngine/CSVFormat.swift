import DelimitedText

/// The CSV pair format, for people who keep rank lists in a spreadsheet.
///
/// `programs.csv`: `program_id,capacity,ranking`, the ranking as applicant ids separated by `|`.
/// `rank_lists.csv`: `applicant_id,partner_id,ranking`. A single leaves `partner_id` empty and ranks
/// programs separated by `|`. A couple is one row: the first member, the partner, and pairs `P+Q`
/// separated by `|`, with `-` for "no match" on that side (`P+-`).
public enum CSVFormat {
    public static func instance(programs: String, rankLists: String) throws -> MatchInstance {
        var programList: [MatchInstance.Program] = []
        for (line, row) in try rows(programs, file: "programs.csv", header: ["program_id", "capacity", "ranking"]) {
            guard let capacity = Int(row[1].trimmingSpaces()) else {
                throw InstanceFormat.FormatError(message: "programs.csv line \(line): capacity must be a whole number")
            }
            programList.append(MatchInstance.Program(id: row[0].trimmingSpaces(), capacity: capacity, ranking: ids(row[2])))
        }
        var applicants: [MatchInstance.Applicant] = []
        var couples: [MatchInstance.Couple] = []
        for (line, row) in try rows(rankLists, file: "rank_lists.csv", header: ["applicant_id", "partner_id", "ranking"]) {
            let id = row[0].trimmingSpaces()
            let partner = row[1].trimmingSpaces()
            if partner.isEmpty {
                applicants.append(MatchInstance.Applicant(id: id, ranking: ids(row[2])))
                continue
            }
            let pairs = try ids(row[2]).map { text -> [String?] in
                let sides = text.split(separator: "+", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
                guard sides.count == 2 else {
                    throw InstanceFormat.FormatError(
                        message: "rank_lists.csv line \(line): couple choice \"\(text)\" must be two programs joined by + (- for no match)"
                    )
                }
                return sides.map { $0 == "-" || $0.isEmpty ? nil : $0 }
            }
            couples.append(MatchInstance.Couple(members: [id, partner], ranking: pairs))
        }
        return MatchInstance(programs: programList, applicants: applicants, couples: couples)
    }

    private static func ids(_ field: String) -> [String] {
        field.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Data rows with their 1-based line numbers, after checking the header.
    private static func rows(_ text: String, file: String, header: [String]) throws -> [(Int, [String])] {
        let records: [CSV.Record]
        do throws(CSV.SyntaxError) {
            records = try CSV.parse(text)
        } catch {
            throw InstanceFormat.FormatError(message: "\(file) line \(error.line): \(error.message)")
        }
        guard let first = records.first, first.fields.map({ $0.trimmingSpaces().lowercased() }) == header else {
            throw InstanceFormat.FormatError(message: "\(file) must start with the header \(header.joined(separator: ","))")
        }
        return try records.dropFirst().compactMap { record in
            if record.fields.count == 1 && record.fields[0].trimmingSpaces().isEmpty { return nil }
            guard record.fields.count == header.count else {
                throw InstanceFormat.FormatError(message: "\(file) line \(record.line): expected \(header.count) columns, found \(record.fields.count)")
            }
            return (record.line, record.fields)
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
