import Foundation

/// The word lists the identifier guard matches names and places against, folded to lower case without
/// accents ("José" → "jose").
public struct IdentifierLexicon: Sendable {
    public var firstNames: Set<String>
    public var surnames: Set<String>
    /// US cities and towns, and counties with their "County"/"Parish"/"Borough" word.
    public var places: Set<String>
    /// Cities with many ZIP codes ("houston", "dallas"): also first names, so alone after "in" or "to" they
    /// are places, not people.
    public var largeCities: Set<String>

    public init(firstNames: Set<String>, surnames: Set<String>, places: Set<String>, largeCities: Set<String>) {
        self.firstNames = firstNames
        self.surnames = surnames
        self.places = places
        self.largeCities = largeCities
    }

    /// The lists shipped in RoundsCore's resources, read once per process. Empty when a list is missing
    /// (the guard still works from context alone; the tests check the lists are there).
    public static let shipped: IdentifierLexicon = {
        let first = (try? ReferenceData.lines("us-first-names.txt")) ?? []
        let last = (try? ReferenceData.lines("us-surnames.txt")) ?? []
        var places: Set<String> = []
        var zipCount: [String: Int] = [:]
        for place in ZIPDirectory.shipped.allPlaces {
            let city = Self.fold(place.city)
            places.insert(city)
            places.insert(Self.fold(place.county))
            zipCount[city, default: 0] += 1
        }
        return IdentifierLexicon(
            firstNames: Set(first.map(Self.fold)),
            surnames: Set(last.map(Self.fold)),
            places: places,
            largeCities: Set(zipCount.filter { $0.value >= 12 }.keys)
        )
    }()

    /// Lower case without diacritics, the form every list is kept in.
    public static func fold(_ word: some StringProtocol) -> String {
        let lowered = word.lowercased()
        guard lowered.unicodeScalars.contains(where: { !$0.isASCII }) else { return lowered }
        return lowered.folding(options: [.diacriticInsensitive], locale: nil)
    }
}
