/// NRMP supplemental rank order lists: an applicant ranking an advanced (PGY-2) program can link a list of
/// preliminary PGY-1 programs to it, used only if they match that advanced program ("About Supplemental
/// Rank Order Lists", `source`). Here each ranked program may carry one list. Where a program's type is
/// known (`types`, from its NRMP code or the applicant's choice), a list belongs to an advanced program
/// and holds preliminary ones; a program of unknown type is let through.
extension RankOrderList {
    public static let supplementalSource = "https://www.nrmp.org/residency-applicants/rank-your-programs-main/about-supplemental-rank-order-lists/"

    public enum SupplementalRefusal: Error, Equatable, Sendable, CustomStringConvertible {
        case advancedNotRanked
        case ownList
        case alreadyListed
        case notListed
        case badPosition(Int)
        case duplicate
        case unknownProgram
        case tooMany(Int)
        case notAdvanced(PositionType)
        case notPreliminary(PositionType)

        public var description: String {
            switch self {
            case .advancedNotRanked: "Rank the advanced program first; a supplemental list is linked to a program on your rank order list."
            case .ownList: "A program cannot be on its own supplemental list."
            case .alreadyListed: "The program is on this supplemental list already."
            case .notListed: "The program is not on this supplemental list."
            case .badPosition(let count): "Choose a position from 1 to \(count)."
            case .duplicate: "A program appears twice in the supplemental list sent."
            case .unknownProgram: "Choose programs from your program list that are still open."
            case .tooMany(let limit): "Rounds keeps a supplemental list to at most \(limit) programs, the NRMP limit for a primary list."
            case .notAdvanced(let type): "A supplemental list belongs to an advanced (A) program; this one is type \(type.rawValue) (NRMP)."
            case .notPreliminary(let type): "A supplemental list holds preliminary (P) programs; this one is type \(type.rawValue) (NRMP)."
            }
        }
    }

    /// The supplemental list linked to `advanced`, best first (empty when there is none).
    public func supplementalList(of advanced: String) -> [String] { self.supplemental[advanced] ?? [] }

    /// One move on the supplemental list of `advanced`; `allowed` are the programs that may be listed.
    public mutating func applySupplemental(
        _ move: Move, to key: String, under advanced: String, allowed: Set<String>, types: [String: PositionType] = [:]
    ) throws(SupplementalRefusal) {
        guard self.keys.contains(advanced) else { throw .advancedNotRanked }
        if let type = types[advanced], type != .advanced { throw .notAdvanced(type) }
        var list = self.supplementalList(of: advanced)
        let index = list.firstIndex(of: key)
        if move == .add {
            guard key != advanced else { throw .ownList }
            guard allowed.contains(key) else { throw .unknownProgram }
            if let type = types[key], type != .preliminary { throw .notPreliminary(type) }
            guard index == nil else { throw .alreadyListed }
            guard list.count < self.maximumRanks else { throw .tooMany(self.maximumRanks) }
            list.append(key)
        } else {
            guard let index else { throw .notListed }
            guard Self.reorder(&list, at: index, move) else { throw .badPosition(list.count) }
        }
        self.supplemental[advanced] = list.isEmpty ? nil : list
    }

    /// Replaces the supplemental list of `advanced` (the API's PUT); an empty list removes it.
    public mutating func replaceSupplemental(
        of advanced: String, with keys: [String], allowed: Set<String>, types: [String: PositionType] = [:]
    ) throws(SupplementalRefusal) {
        guard self.keys.contains(advanced) else { throw .advancedNotRanked }
        if let type = types[advanced], type != .advanced, !keys.isEmpty { throw .notAdvanced(type) }
        guard Set(keys).count == keys.count else { throw .duplicate }
        guard keys.count <= self.maximumRanks else { throw .tooMany(self.maximumRanks) }
        guard !keys.contains(advanced) else { throw .ownList }
        guard keys.allSatisfy(allowed.contains) else { throw .unknownProgram }
        if let type = keys.lazy.compactMap({ types[$0] }).first(where: { $0 != .preliminary }) { throw .notPreliminary(type) }
        self.supplemental[advanced] = keys.isEmpty ? nil : keys
    }
}
