/// Finds the towns, cities and counties patients live in, come from or were found in (Safe Harbor counts
/// every geographic subdivision smaller than a state). A place name counts only in such a context —
/// "she lives in Lubbock", "a farmer from Dodge City", "a Toledo resident" — so the writer may say where
/// they trained ("I rotated in Houston"). States and countries are not identifiers.
struct PlaceFinder {
    var lexicon: IdentifierLexicon

    func spans(in text: GuardWords) -> [Range<String.Index>] {
        text.capitalisedRuns(limit: 3).compactMap { self.place(text, $0) }
    }

    private func place(_ text: GuardWords, _ run: Range<Int>) -> Range<String.Index>? {
        let words = text.words
        // The longest leading part of the run that is a known place: "Boca Raton", "Hidalgo County".
        var end = run.upperBound
        while end > run.lowerBound {
            let name = words[run.lowerBound..<end].map(\.folded).joined(separator: " ")
            if !PlaceNames.statesAndCountries.contains(name), self.lexicon.places.contains(name) || Self.isCounty(words, run.lowerBound..<end) {
                break
            }
            end -= 1
        }
        guard end > run.lowerBound else { return nil }
        let span = words[run.lowerBound].range.lowerBound..<words[end - 1].range.upperBound
        if end < words.count, ["resident", "residents", "native", "home"].contains(words[end].folded), !words[end].isCapitalised { return span }
        return self.isAboutWhereSomeoneLives(text.before(run.lowerBound, limit: 8)) ? span : nil
    }

    private static func isCounty(_ words: [GuardWords.Word], _ run: Range<Int>) -> Bool {
        run.count > 1 && ["county", "parish", "borough"].contains(words[run.upperBound - 1].folded)
    }

    /// "lives in", "resident of", "moved here from", "a farmer from", "found wandering in", "commutes from".
    private func isAboutWhereSomeoneLives(_ before: [String]) -> Bool {
        var words = before[...]
        while let first = words.first, Self.adjectives.contains(first) { words = words.dropFirst() }
        guard let preposition = words.first else { return false }
        let rest = Array(words.dropFirst())
        switch preposition {
        case "in":
            if let verb = rest.first, Self.livesIn.contains(verb) { return true }
            return rest.prefix(6).contains("found")
        case "of":
            return rest.first.map { ["resident", "native", "residents", "natives"].contains($0) } ?? false
        case "from":
            let near = rest.prefix(3)
            // "a trucker from Amarillo": someone introduced by what they do.
            if rest.count > 1, ["a", "an"].contains(rest[1]) { return true }
            return near.contains { Self.comesFrom.contains($0) || NameFinder.personWords.contains($0) || Self.people.contains($0) || $0.hasSuffix("-old") }
        default:
            return false
        }
    }

    static let adjectives: Set<String> = ["rural", "downtown", "suburban", "nearby", "small", "town", "the", "city", "outside", "east", "west", "north", "south"]
    static let livesIn: Set<String> = ["lives", "lived", "living", "live", "resides", "resided", "residing", "reside", "alone", "home", "born", "raised", "homeless", "stays", "stayed", "staying"]
    static let comesFrom: Set<String> = ["moved", "came", "drove", "commutes", "commuted", "travels", "traveled", "travelled", "relocated", "transferred", "flew", "walked", "here", "in"]
    static let people: Set<String> = [
        "man", "woman", "men", "women", "family", "farmer", "teacher", "veteran", "retiree", "worker", "mother", "father", "couple", "grandmother",
        "grandfather", "student", "gentleman", "lady", "he", "she", "they", "resident", "native", "driver", "mechanic", "nurse", "rancher", "old",
    ]
}

/// Names of states and countries that appear in the place and name lists but identify no one: a state is
/// the smallest area Safe Harbor allows, and a country is larger.
enum PlaceNames {
    static let statesAndCountries: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho",
        "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
        "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina",
        "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "puerto rico", "guam", "district of columbia",
        "mexico", "canada", "cuba", "peru", "lebanon", "jordan", "china", "india", "poland", "ireland", "scotland", "wales", "england",
        "norway", "sweden", "denmark", "germany", "france", "italy", "spain", "greece", "egypt", "nigeria", "ghana", "kenya", "ethiopia",
        "brazil", "chile", "colombia", "guatemala", "honduras", "haiti", "jamaica", "israel", "syria", "iran", "iraq", "pakistan", "japan",
        "korea", "vietnam", "philippines", "taiwan", "russia", "ukraine", "portugal", "holland", "belgium", "austria", "switzerland",
        "america", "africa", "asia", "europe", "the united states", "us", "usa",
    ]
}
