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
    private let columns: CatalogColumns
    private let filterLists: CatalogFilterLists
    private let unfiltered = UnfilteredAnswers()
    let postings: [String: [Posting]]
    let lengths: [Float]
    let averageLength: Float
    private let positionByID: [UUID: Int]

    static let earthRadiusMiles = 3958.8

    // BM25 constants (Robertson and Zaragoza's usual values).
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// Field weights: a word in the title counts three times one in the description.
    static let titleWeight: Float = 3
    static let nameWeight: Float = 2

    public init(_ documents: [CatalogDocument]) {
        // Position order is id order, so "ties broken by id" is "ties broken by position".
        let documents = documents.sorted { $0.id.uuidString < $1.id.uuidString }
        self.documents = documents
        self.columns = CatalogColumns(documents)
        self.filterLists = CatalogFilterLists(self.columns)
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

    /// A match with its place in the chosen order as plain numbers: smaller `(primary, secondary, index)`
    /// comes first, so the top-k heap compares without calling a closure.
    private struct Match: Comparable {
        var primary: Double
        var secondary: Int
        var index: Int32
        var score: Double

        static func < (lhs: Match, rhs: Match) -> Bool {
            (lhs.primary, lhs.secondary, lhs.index) < (rhs.primary, rhs.secondary, rhs.index)
        }
    }

    public func search(_ query: SearchQuery, today: Day) -> SearchPage {
        if query.isUnfiltered { return self.unfilteredPage(query, today: today) }
        let text = self.textMatches(query.text)
        let columns = self.columns
        let currentYear = today.components.year
        let typeTable = CatalogColumns.table(query.types, CatalogColumns.types)
        let settingTable = CatalogColumns.table(query.settings, CatalogColumns.settings)
        let letterTable = CatalogColumns.table(query.letterPolicies, CatalogColumns.letters)
        let specialtyTable = Self.table(query.specialtyIDs) { CatalogColumns.specialtyIndex[$0].map(Int.init) }
        let stateTable = Self.table(query.states) { columns.stateNames.firstIndex(of: $0) }
        let audienceMask = CatalogColumns.mask(query.audiences, CatalogColumns.audiences)
        let visaMask = CatalogColumns.mask(query.visaClasses, CatalogColumns.visas)
        let hasDates = query.startsOnOrAfter != nil || query.endsOnOrBefore != nil
        let centre = query.near.map { (latitude: $0.latitude * .pi / 180, longitude: $0.longitude * .pi / 180) }
        let centreUnit = centre.map { CatalogColumns.unitVector(latitude: $0.latitude, longitude: $0.longitude) }
        let radius = query.radiusMiles ?? .infinity
        // A latitude band first (cheap), then the angle to the centre as a dot product of unit vectors.
        let band = radius / Self.earthRadiusMiles
        let minimumCloseness = band >= .pi ? -2 : cos(band)

        var facetCounts = CatalogColumns.FacetCounts()
        var eligibility: [Int32: EligibilityResult] = [:]
        let needsStart = query.sort == .relevance || query.sort == .startDate
        // A total order on plain numbers (position is id order) keeps pages stable and comparisons cheap:
        // relevance is (-score, next start), start date (next start), fee (fee), distance (-closeness).
        let sort = query.sort
        let start = max(0, (query.page - 1) * query.perPage)
        var top = TopK<Match>(start + query.perPage)
        var total = 0

        // One flat loop (no nested function capturing the counters): this is the hot path of every search.
        let source = self.smallestCandidates(query, text: text, centre: centre, band: band)
        let list: [Int32]?
        let alignedScores: [Double]?
        switch source {
        case .text(let matches): (list, alignedScores) = (matches.documents, matches.scores)
        case .list(let candidates): (list, alignedScores) = (candidates, nil)
        case .all: (list, alignedScores) = (nil, nil)
        }
        let rows = columns.rows
        for k in 0..<(list?.count ?? self.documents.count) {
            let candidate = list?[k] ?? Int32(k)
            let i = Int(candidate)
            var score = 0.0
            if let alignedScores {
                score = alignedScores[k]
            } else if let text {
                // A candidate from a filter's list must also contain the text.
                guard let position = text.position(of: candidate) else { continue }
                score = text.scores[position]
            }
            let row = rows[i]
            if let typeTable, !typeTable[Int(row.type)] { continue }
            if let specialtyTable, !specialtyTable[Int(row.specialty)] { continue }
            if let stateTable, !stateTable[Int(row.state)] { continue }
            if let settingTable, !settingTable[Int(row.setting)] { continue }
            if let letterTable, !letterTable[Int(row.letter)] { continue }
            if audienceMask != 0 && row.audienceMask & audienceMask == 0 { continue }
            if visaMask != 0 && row.visaMask & visaMask == 0 { continue }
            if let handsOn = query.isHandsOn, handsOn != row.handsOn { continue }
            if let ceiling = query.maximumFeeCents, row.fee > ceiling { continue }
            if hasDates && !self.hasSession(i, query, today: today) { continue }
            var closeness = 0.0
            if let centre, let centreUnit {
                guard !row.latitude.isNaN, abs(row.latitude - centre.latitude) <= band else { continue }
                closeness = centreUnit.x * row.unitX + centreUnit.y * row.unitY + centreUnit.z * row.unitZ
                guard closeness >= minimumCloseness else { continue }
            }
            if let profile = query.eligibleFor {
                let result = Eligibility.evaluate(self.documents[i].rules, for: profile, currentYear: currentYear)
                guard result.isEligible else { continue }
                eligibility[candidate] = result
            }
            total += 1
            facetCounts.add(row)
            let nextStart = needsStart ? columns.nextOpenStart(i, today: today.ordinal) : 0
            let match: Match
            switch sort {
            case .relevance: match = Match(primary: -score, secondary: nextStart, index: candidate, score: score)
            case .startDate: match = Match(primary: 0, secondary: nextStart, index: candidate, score: score)
            case .fee: match = Match(primary: Double(row.fee), secondary: 0, index: candidate, score: score)
            case .distance: match = Match(primary: -closeness, secondary: 0, index: candidate, score: score)
            }
            top.offer(match)
        }

        let items = top.sorted.dropFirst(start).map { match in
            let document = self.documents[Int(match.index)]
            return SearchPage.Item(
                document: document,
                score: match.score,
                distanceMiles: centre.map { centre in
                    let i = Int(match.index)
                    return Self.miles(centre.latitude, centre.longitude, rows[i].latitude, columns.longitude[i], columns.cosLatitude[i])
                },
                nextOpenSession: document.nextOpenSession(on: today),
                eligibility: eligibility[match.index]
            )
        }
        return SearchPage(items: Array(items), total: total, facets: facetCounts.facets(stateNames: columns.stateNames))
    }

    /// The fewest documents that can match: the text matches, the documents having one of the chosen values
    /// of a filter, or those in the latitude band of a place search, whichever is smallest; nil for all.
    private func smallestCandidates(
        _ query: SearchQuery, text: TextMatches?, centre: (latitude: Double, longitude: Double)?, band: Double
    ) -> CandidateSource {
        // A fixed set of documents is the candidate list whatever else is asked: nothing outside it may match.
        if let only = query.onlyIDs { return .list(only.compactMap { self.positionByID[$0].map(Int32.init) }.sorted()) }
        let lists = self.filterLists
        var sources: [CatalogFilterLists.Source] = []
        if !query.types.isEmpty {
            sources.append(.union(lists.type, codes: query.types.compactMap { CatalogColumns.types.firstIndex(of: $0) }))
        }
        if !query.specialtyIDs.isEmpty {
            sources.append(.union(lists.specialty, codes: query.specialtyIDs.compactMap { CatalogColumns.specialtyIndex[$0].map(Int.init) }))
        }
        if !query.states.isEmpty {
            sources.append(.union(lists.state, codes: query.states.compactMap { self.columns.stateNames.firstIndex(of: $0) }))
        }
        if !query.settings.isEmpty {
            sources.append(.union(lists.setting, codes: query.settings.compactMap { CatalogColumns.settings.firstIndex(of: $0) }))
        }
        if !query.letterPolicies.isEmpty {
            sources.append(.union(lists.letter, codes: query.letterPolicies.compactMap { CatalogColumns.letters.firstIndex(of: $0) }))
        }
        if let centre, band.isFinite {
            let types = query.types.compactMap { CatalogColumns.types.firstIndex(of: $0) }
            sources.append(
                lists.box(latitude: centre.latitude, longitude: centre.longitude, band: band, types: types) ?? lists.latitudeBand(centre.latitude, band: band)
            )
        }
        let smallest = sources.min { $0.count < $1.count }
        if let text, text.documents.count <= smallest?.count ?? Int.max { return .text(text) }
        return smallest.map { .list($0.make()) } ?? .all
    }

    private enum CandidateSource {
        case text(TextMatches)
        case list([Int32])
        case all
    }

    /// A search with nothing to narrow it: total and facets are the day's, the page a slice of a stored order.
    private func unfilteredPage(_ query: SearchQuery, today: Day) -> SearchPage {
        let columns = self.columns
        let count = self.documents.count
        let answer = self.unfiltered.answer(for: today) {
            var facetCounts = CatalogColumns.FacetCounts()
            var nextStart = [Int](repeating: 0, count: count)
            for i in 0..<count {
                facetCounts.add(columns.rows[i])
                nextStart[i] = columns.nextOpenStart(i, today: today.ordinal)
            }
            let byStart = (0..<Int32(count)).sorted { (nextStart[Int($0)], $0) < (nextStart[Int($1)], $1) }
            return UnfilteredAnswers.Answer(day: today, total: count, facets: facetCounts.facets(stateNames: columns.stateNames), byStart: byStart)
        }
        let start = min(count, max(0, (query.page - 1) * query.perPage))
        let end = min(count, start + query.perPage)
        let positions: [Int32]
        switch query.sort {
        case .relevance, .startDate: positions = Array(answer.byStart[start..<end])
        case .fee: positions = Array(self.unfiltered.byFee { (0..<Int32(count)).sorted { (columns.rows[Int($0)].fee, $0) < (columns.rows[Int($1)].fee, $1) } }[start..<end])
        case .distance: positions = (start..<end).map(Int32.init)  // no place: every distance is 0, ties by id
        }
        let items = positions.map { position in
            let document = self.documents[Int(position)]
            return SearchPage.Item(document: document, score: 0, distanceMiles: nil, nextOpenSession: document.nextOpenSession(on: today), eligibility: nil)
        }
        return SearchPage(items: items, total: answer.total, facets: answer.facets)
    }

    private static func table(_ values: Set<String>, code: (String) -> Int?) -> [Bool]? {
        guard !values.isEmpty else { return nil }
        var table = [Bool](repeating: false, count: 256)
        for value in values { if let index = code(value), index < 255 { table[index] = true } }
        return table
    }

    /// Haversine miles from precomputed radians.
    private static func miles(_ latitude1: Double, _ longitude1: Double, _ latitude2: Double, _ longitude2: Double, _ cosLatitude2: Double) -> Double {
        let dLatitude = latitude2 - latitude1
        let dLongitude = longitude2 - longitude1
        let a = sin(dLatitude / 2) * sin(dLatitude / 2) + cos(latitude1) * cosLatitude2 * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 2 * Self.earthRadiusMiles * asin(min(1, a.squareRoot()))
    }

    private func hasSession(_ index: Int, _ query: SearchQuery, today: Day) -> Bool {
        self.documents[index].sessions.contains { session in
            session.isOpen(on: today)
                && query.startsOnOrAfter.map { session.start >= $0 } ?? true
                && query.endsOnOrBefore.map { session.end <= $0 } ?? true
        }
    }
}
