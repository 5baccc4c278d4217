import Foundation

/// An opportunity id as two integers, so results compare in id order without building strings. Byte order
/// is the order of `uuidString`.
struct IDKey: Comparable, Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init(_ id: UUID) {
        let u = id.uuid
        self.high = UInt64(u.0) << 56 | UInt64(u.1) << 48 | UInt64(u.2) << 40 | UInt64(u.3) << 32
            | UInt64(u.4) << 24 | UInt64(u.5) << 16 | UInt64(u.6) << 8 | UInt64(u.7)
        self.low = UInt64(u.8) << 56 | UInt64(u.9) << 48 | UInt64(u.10) << 40 | UInt64(u.11) << 32
            | UInt64(u.12) << 24 | UInt64(u.13) << 16 | UInt64(u.14) << 8 | UInt64(u.15)
    }

    static func < (lhs: IDKey, rhs: IDKey) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
}

/// A document of the index: which segment, and where in it.
struct DocumentRef: Hashable, Sendable {
    var segment: UInt8
    var position: Int32
}

/// One immutable part of the catalog index: postings for free text (ranked with BM25) and compact columns
/// for filters, facets and distance, over documents in id order. The index is a large base segment built
/// from the whole catalog and a small one of what changed since; statistics that rank text across both
/// (document count, average length, document frequency) are the index's, passed in per search.
struct CatalogSegment: Sendable {
    struct Posting: Equatable, Sendable {
        var document: Int32
        var frequency: Float
    }

    let documents: [CatalogDocument]
    let keys: [IDKey]
    let columns: CatalogColumns
    let filterLists: CatalogFilterLists
    let unfiltered = UnfilteredAnswers()
    let postings: [String: [Posting]]
    let lengths: [Float]
    /// The sum of `lengths` (whole numbers: every field weight is), exact in a Double.
    let totalLength: Double
    let positionByID: [UUID: Int]
    /// Each document's analysed text, kept only by a segment of changes (rebuilt as batches arrive, it
    /// analyses only the documents new to it; the base would hold a dictionary per document for nothing).
    let analyses: [UUID: [String: Float]]

    static let earthRadiusMiles = 3958.8

    // BM25 constants (Robertson and Zaragoza's usual values).
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// Field weights: a word in the title counts three times one in the description.
    static let titleWeight: Float = 3
    static let nameWeight: Float = 2

    static let empty = CatalogSegment([])

    /// With `keepingAnalyses`, `analysed` gives the term frequencies already computed for a document, if any.
    init(_ documents: [CatalogDocument], keepingAnalyses: Bool = false, analysed: (UUID) -> [String: Float]? = { _ in nil }) {
        // Position order is id order, so "ties broken by id" within a segment is "ties broken by position".
        let documents = Self.inIDOrder(documents)
        self.documents = documents
        self.keys = documents.map { IDKey($0.id) }
        if keepingAnalyses {
            self.columns = CatalogColumns(documents)
            self.filterLists = CatalogFilterLists(self.columns)
            var postings: [String: [Posting]] = [:]
            var lengths: [Float] = []
            lengths.reserveCapacity(documents.count)
            var analyses: [UUID: [String: Float]] = [:]
            for (index, document) in documents.enumerated() {
                let frequencies = analysed(document.id) ?? Self.termFrequencies(document)
                analyses[document.id] = frequencies
                for (term, frequency) in frequencies {
                    postings[term, default: []].append(Posting(document: Int32(index), frequency: frequency))
                }
                lengths.append(frequencies.values.reduce(0, +))
            }
            self.postings = postings
            self.lengths = lengths
            self.analyses = analyses
        } else {
            // Many documents at once (a cold start, a compaction): the columns on one core while runs of
            // documents are analysed on the others.
            let runs = ParallelRuns.ranges(count: documents.count, minimumRun: 5_000)
            let built = ResultSlots<PostingsBuilder>(count: runs.count)
            let columns = ResultSlots<(CatalogColumns, CatalogFilterLists)>(count: 1)
            DispatchQueue.concurrentPerform(iterations: runs.count + 1) { task in
                if task == runs.count {
                    let built = CatalogColumns(documents)
                    columns[0] = (built, CatalogFilterLists(built))
                } else {
                    built[task] = PostingsBuilder(documents[runs[task]])
                }
            }
            let postings = PostingsBuilder.joined((0..<runs.count).map { built[$0]! })
            (self.columns, self.filterLists) = columns[0]!
            self.postings = postings.postingsByTerm
            self.lengths = postings.lengths
            self.analyses = [:]
        }
        self.totalLength = self.lengths.reduce(0) { $0 + Double($1) }
        self.positionByID = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
    }

    var count: Int { self.documents.count }

    /// Sorted in place: elements move rather than copy when the caller hands over its only reference, and
    /// documents already in id order (as the app reads them) are kept as given.
    private static func inIDOrder(_ documents: consuming [CatalogDocument]) -> [CatalogDocument] {
        var documents = documents
        if documents.indices.dropFirst().contains(where: { IDKey(documents[$0 - 1].id) >= IDKey(documents[$0].id) }) {
            documents.sort { IDKey($0.id) < IDKey($1.id) }
        }
        return documents
    }

    /// Each term of the document's searchable text with its weighted frequency.
    static func termFrequencies(_ document: CatalogDocument) -> [String: Float] {
        var frequencies: [String: Float] = [:]
        func add(_ text: String, weight: Float) {
            for term in TextAnalyzer.terms(text) { frequencies[term, default: 0] += weight }
        }
        add(document.title, weight: Self.titleWeight)
        add(document.site.name, weight: Self.nameWeight)
        add(Specialties.rotation.find(document.specialtyID)?.name ?? "", weight: Self.nameWeight)
        add(document.type.displayName, weight: 1)
        add(document.description, weight: 1)
        add("\(document.site.city) \(document.site.state)", weight: 1)
        return frequencies
    }

    /// What one search adds up across segments.
    struct Collector {
        var top: TopK<Match>
        var total = 0
        var facets: [String: [String: Int]] = [:]
        var eligibility: [DocumentRef: EligibilityResult] = [:]

        mutating func add(_ facets: [String: [String: Int]]) {
            for (name, counts) in facets {
                self.facets[name, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
    }

    /// A match with its place in the chosen order as plain numbers: smaller `(primary, secondary, key)` comes
    /// first, so the top-k heap compares without calling a closure.
    struct Match: Comparable {
        var primary: Double
        var secondary: Int
        var key: IDKey
        var ref: DocumentRef
        var score: Double

        static func < (lhs: Match, rhs: Match) -> Bool {
            (lhs.primary, lhs.secondary, lhs.key.high, lhs.key.low) < (rhs.primary, rhs.secondary, rhs.key.high, rhs.key.low)
        }
    }

    /// Adds this segment's matches of `query` to `collector`, skipping positions `removed` marks.
    func collect(
        _ query: SearchQuery, today: Day, text: [WeightedTerm]?, averageLength: Float, removed: [Bool]?, segment: UInt8,
        into collector: inout Collector
    ) {
        let text = text.map { self.textMatches($0, averageLength: averageLength) }
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
        let needsStart = query.sort == .relevance || query.sort == .startDate
        // A total order on plain numbers keeps pages stable and comparisons cheap: relevance is (-score, next
        // start), start date (next start), fee (fee), distance (-closeness); then the id.
        let sort = query.sort

        // One loop over the candidates (no nested function capturing the counters): the hot path of every search.
        let source = self.smallestCandidates(query, text: text, centre: centre, band: band)
        // Candidates in chunks (a place search's cells, each with its records alongside); nil positions: all.
        let chunks: [(positions: [Int32]?, rows: [CatalogColumns.Row]?)]
        let alignedScores: [Double]?
        switch source {
        case .text(let matches): (chunks, alignedScores) = ([(matches.documents, nil)], matches.scores)
        case .chunks(let candidates): (chunks, alignedScores) = (candidates.map { ($0.positions, $0.rows) }, nil)
        case .all: (chunks, alignedScores) = ([(nil, nil)], nil)
        }
        let rows = columns.rows
        let keys = self.keys
        let day = self.unfilteredAnswer(on: today)
        let (nextStarts, hasSeats) = (day.nextStart, day.hasSeat)
        // Read out of the query once. The optional profile is a large value: testing it in the loop copied it
        // for every candidate (a memcpy in the profile of place searches), so the loop tests a flag instead.
        let (handsOn, feeCeiling, wantsSeats) = (query.isHandsOn, query.maximumFeeCents, query.hasSeats)
        let checksEligibility = query.eligibleFor != nil
        for (list, chunkRows) in chunks {
            for k in 0..<(list?.count ?? self.documents.count) {
                let candidate = list?[k] ?? Int32(k)
                let i = Int(candidate)
                if let removed, removed[i] { continue }
                var score = 0.0
                if let alignedScores {
                    score = alignedScores[k]
                } else if let text {
                    // A candidate from a filter's list must also contain the text.
                    guard let position = text.position(of: candidate) else { continue }
                    score = text.scores[position]
                }
                let row: CatalogColumns.Row
                if let chunkRows { row = chunkRows[k] } else { row = rows[i] }
                if let typeTable, !typeTable[Int(row.type)] { continue }
                if let specialtyTable, !specialtyTable[Int(row.specialty)] { continue }
                if let stateTable, !stateTable[Int(row.state)] { continue }
                if let settingTable, !settingTable[Int(row.setting)] { continue }
                if let letterTable, !letterTable[Int(row.letter)] { continue }
                if audienceMask != 0 && row.audienceMask & audienceMask == 0 { continue }
                if visaMask != 0 && row.visaMask & visaMask == 0 { continue }
                if let handsOn, handsOn != row.handsOn { continue }
                if let feeCeiling, row.fee > feeCeiling { continue }
                if hasDates && !self.hasSession(i, query, today: today) { continue }
                var closeness = 0.0
                if let centre, let centreUnit {
                    guard !row.latitude.isNaN, abs(row.latitude - centre.latitude) <= band else { continue }
                    closeness = centreUnit.x * row.unitX + centreUnit.y * row.unitY + centreUnit.z * row.unitZ
                    guard closeness >= minimumCloseness else { continue }
                }
                let hasSeat = hasSeats[i]
                if let wantsSeats, wantsSeats != hasSeat { continue }
                let ref = DocumentRef(segment: segment, position: candidate)
                if checksEligibility, let profile = query.eligibleFor {
                    let result = Eligibility.evaluate(self.documents[i].rules, for: profile, currentYear: currentYear)
                    guard result.isEligible else { continue }
                    collector.eligibility[ref] = result
                }
                collector.total += 1
                facetCounts.add(row, hasSeat: hasSeat)
                let nextStart = needsStart ? nextStarts[i] : 0
                let primary: Double
                let secondary: Int
                switch sort {
                case .relevance: (primary, secondary) = (-score, nextStart)
                case .startDate: (primary, secondary) = (0, nextStart)
                case .fee: (primary, secondary) = (Double(row.fee), 0)
                case .distance: (primary, secondary) = (-closeness, 0)
                }
                // Most matches of a long list lose to the kept page on these two numbers: the id is read only
                // for those that may be kept.
                if let worst = collector.top.worstWhenFull, (primary, secondary) > (worst.primary, worst.secondary) { continue }
                collector.top.offer(Match(primary: primary, secondary: secondary, key: keys[i], ref: ref, score: score))
            }
        }
        collector.add(facetCounts.facets(stateNames: columns.stateNames))
    }

    /// Miles from a place search's centre to the document at `position`.
    func miles(from centre: Coordinate, to position: Int) -> Double {
        Self.miles(
            centre.latitude * .pi / 180, centre.longitude * .pi / 180, self.columns.rows[position].latitude, self.columns.longitude[position],
            self.columns.cosLatitude[position]
        )
    }

    /// The fewest documents that can match: the text matches, the documents having one of the chosen values
    /// of a filter, or those in the latitude band of a place search, whichever is smallest; nil for all.
    private func smallestCandidates(
        _ query: SearchQuery, text: TextMatches?, centre: (latitude: Double, longitude: Double)?, band: Double
    ) -> CandidateSource {
        // A fixed set of documents is the candidate list whatever else is asked: nothing outside it may match.
        if let only = query.onlyIDs {
            return .chunks([CatalogFilterLists.Chunk(positions: only.compactMap { self.positionByID[$0].map(Int32.init) }.sorted(), rows: nil)])
        }
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
        return smallest.map { .chunks($0.make()) } ?? .all
    }

    private enum CandidateSource {
        case text(TextMatches)
        case chunks([CatalogFilterLists.Chunk])
        case all
    }

    /// This segment's answer to a search with nothing to narrow it, on `today`: every document counted and
    /// ordered by next open start (then id), built on the day's first such search.
    func unfilteredAnswer(on today: Day) -> UnfilteredAnswers.Answer {
        let columns = self.columns
        let count = self.documents.count
        return self.unfiltered.answer(for: today) {
            var facetCounts = CatalogColumns.FacetCounts()
            var nextStart = [Int](repeating: 0, count: count)
            var hasSeat = [Bool](repeating: false, count: count)
            for i in 0..<count {
                hasSeat[i] = columns.hasOpenSeat(i, today: today.ordinal)
                facetCounts.add(columns.rows[i], hasSeat: hasSeat[i])
                nextStart[i] = columns.nextOpenStart(i, today: today.ordinal)
            }
            let byStart = (0..<Int32(count)).sorted { (nextStart[Int($0)], $0) < (nextStart[Int($1)], $1) }
            return UnfilteredAnswers.Answer(day: today, facetCounts: facetCounts, nextStart: nextStart, hasSeat: hasSeat, byStart: byStart)
        }
    }

    /// Positions by fee, then id.
    func byFee() -> [Int32] {
        let rows = self.columns.rows
        return self.unfiltered.byFee { (0..<Int32(rows.count)).sorted { (rows[Int($0)].fee, $0) < (rows[Int($1)].fee, $1) } }
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
