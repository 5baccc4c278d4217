import Foundation

/// The catalog held in memory for search: postings for free text (ranked with BM25) and compact columns
/// for filters, facets and distance. Built from the database's documents; immutable, so any number of
/// requests may search it at once. The database stays the source of truth: rebuild when it changes.
public struct CatalogIndex: Sendable {
    struct Posting: Sendable {
        var document: Int32
        var frequency: Float
    }

    public let documents: [CatalogDocument]
    private let postings: [String: [Posting]]
    private let lengths: [Float]
    private let averageLength: Float
    private let positionByID: [UUID: Int]

    // BM25 constants (Robertson and Zaragoza's usual values).
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// Field weights: a word in the title counts three times one in the description.
    static let titleWeight: Float = 3
    static let nameWeight: Float = 2

    public init(_ documents: [CatalogDocument]) {
        self.documents = documents
        var postings: [String: [Posting]] = [:]
        var lengths: [Float] = []
        lengths.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            var frequencies: [String: Float] = [:]
            func add(_ text: String, weight: Float) {
                for term in TextAnalyzer.terms(text) { frequencies[term, default: 0] += weight }
            }
            add(document.title, weight: Self.titleWeight)
            add(document.site.name, weight: Self.nameWeight)
            add(Specialty.find(document.specialtyID)?.name ?? "", weight: Self.nameWeight)
            add(document.type.displayName, weight: 1)
            add(document.description, weight: 1)
            add("\(document.site.city) \(document.site.state)", weight: 1)
            for (term, frequency) in frequencies {
                postings[term, default: []].append(Posting(document: Int32(index), frequency: frequency))
            }
            lengths.append(frequencies.values.reduce(0, +))
        }
        self.postings = postings
        self.lengths = lengths
        self.averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Float(lengths.count))
        self.positionByID = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
    }

    public func document(id: UUID) -> CatalogDocument? { self.positionByID[id].map { self.documents[$0] } }

    public func search(_ query: SearchQuery, today: Day) -> SearchPage {
        let (candidates, scores) = self.textMatches(query.text)
        let currentYear = today.components.year
        var matches: [(index: Int, score: Double, distance: Double?, eligibility: EligibilityResult?)] = []
        for index in candidates {
            let document = self.documents[index]
            guard self.passesFilters(document, query, today: today) else { continue }
            var distance: Double?
            if let centre = query.near {
                guard let coordinate = document.site.coordinate else { continue }
                let miles = centre.miles(to: coordinate)
                if let radius = query.radiusMiles, miles > radius { continue }
                distance = miles
            }
            var eligibility: EligibilityResult?
            if let profile = query.eligibleFor {
                let result = Eligibility.evaluate(document.rules, for: profile, currentYear: currentYear)
                guard result.isEligible else { continue }
                eligibility = result
            }
            matches.append((index, scores[index] ?? 0, distance, eligibility))
        }

        var facets: [String: [String: Int]] = ["type": [:], "specialty": [:], "state": [:], "hands_on": [:], "audience": [:]]
        for match in matches {
            let document = self.documents[match.index]
            facets["type"]![document.type.rawValue, default: 0] += 1
            facets["specialty"]![document.specialtyID, default: 0] += 1
            facets["state"]![document.site.state, default: 0] += 1
            facets["hands_on"]![document.isHandsOn ? "true" : "false", default: 0] += 1
            for audience in document.rules.audiences { facets["audience"]![audience.rawValue, default: 0] += 1 }
        }

        // A total order (ties broken by id) keeps pages stable from one request to the next.
        let nextStart = { (index: Int) in self.documents[index].nextOpenSession(on: today)?.start.ordinal ?? Int.max }
        let id = { (index: Int) in self.documents[index].id.uuidString }
        switch query.sort {
        case .relevance:
            matches.sort { ($0.score, -nextStart($0.index), id($1.index)) > ($1.score, -nextStart($1.index), id($0.index)) }
        case .startDate:
            matches.sort { (nextStart($0.index), id($0.index)) < (nextStart($1.index), id($1.index)) }
        case .fee:
            matches.sort { (self.documents[$0.index].feeCents, id($0.index)) < (self.documents[$1.index].feeCents, id($1.index)) }
        case .distance:
            matches.sort { ($0.distance ?? .infinity, id($0.index)) < ($1.distance ?? .infinity, id($1.index)) }
        }

        let start = max(0, (query.page - 1) * query.perPage)
        let pageMatches = start < matches.count ? matches[start..<min(matches.count, start + query.perPage)] : []
        let items = pageMatches.map { match in
            SearchPage.Item(
                document: self.documents[match.index],
                score: match.score,
                distanceMiles: match.distance,
                nextOpenSession: self.documents[match.index].nextOpenSession(on: today),
                eligibility: match.eligibility
            )
        }
        return SearchPage(items: items, total: matches.count, facets: facets)
    }

    /// Documents containing every query term, with their BM25 scores; every document when there is no text.
    private func textMatches(_ text: String) -> (candidates: [Int], scores: [Int: Double]) {
        let terms = Array(Set(TextAnalyzer.terms(text)))
        guard !terms.isEmpty else { return (Array(self.documents.indices), [:]) }
        var lists: [[Posting]] = []
        for term in terms {
            guard let list = self.postings[term] else { return ([], [:]) }
            lists.append(list)
        }
        lists.sort { $0.count < $1.count }
        var scores: [Int: Double] = [:]
        let count = Float(self.documents.count)
        for (position, list) in lists.enumerated() {
            let documentFrequency = Float(list.count)
            let idf = log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5))
            var next: [Int: Double] = [:]
            for posting in list {
                let index = Int(posting.document)
                guard position == 0 || scores[index] != nil else { continue }
                let normalizer = Self.k1 * (1 - Self.b + Self.b * self.lengths[index] / self.averageLength)
                let termScore = idf * posting.frequency * (Self.k1 + 1) / (posting.frequency + normalizer)
                next[index] = (scores[index] ?? 0) + Double(termScore)
            }
            scores = next
            if scores.isEmpty { break }
        }
        return (scores.keys.sorted(), scores)
    }

    private func passesFilters(_ document: CatalogDocument, _ query: SearchQuery, today: Day) -> Bool {
        if !query.types.isEmpty && !query.types.contains(document.type) { return false }
        if !query.specialtyIDs.isEmpty && !query.specialtyIDs.contains(document.specialtyID) { return false }
        if !query.states.isEmpty && !query.states.contains(document.site.state) { return false }
        if !query.audiences.isEmpty && query.audiences.isDisjoint(with: document.rules.audiences) { return false }
        if !query.settings.isEmpty && !query.settings.contains(document.setting) { return false }
        if !query.visaClasses.isEmpty && query.visaClasses.isDisjoint(with: document.rules.acceptedVisaClasses) { return false }
        if let handsOn = query.isHandsOn, handsOn != document.isHandsOn { return false }
        if !query.letterPolicies.isEmpty && !query.letterPolicies.contains(document.letterPolicy) { return false }
        if let ceiling = query.maximumFeeCents, document.feeCents > ceiling { return false }
        if query.startsOnOrAfter != nil || query.endsOnOrBefore != nil {
            let fits = document.sessions.contains { session in
                session.isOpen(on: today)
                    && query.startsOnOrAfter.map { session.start >= $0 } ?? true
                    && query.endsOnOrBefore.map { session.end <= $0 } ?? true
            }
            if !fits { return false }
        }
        return true
    }
}
