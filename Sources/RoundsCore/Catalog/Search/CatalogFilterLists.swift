import Foundation

/// For each value of the filterable columns, the positions of the documents having it (ascending), and
/// the documents ordered by latitude. A filtered search starts from the smallest of the lists its filters
/// name (or the text matches, or the latitude band of a place search) instead of scanning every document.
struct CatalogFilterLists: Sendable {
    var type: [[Int32]]
    var specialty: [[Int32]]
    var state: [[Int32]]
    var setting: [[Int32]]
    var letter: [[Int32]]
    /// Documents with a location, by latitude (radians), with the latitudes alongside for binary search.
    var byLatitude: [Int32]
    var sortedLatitudes: [Double]
    /// Documents by one-degree cell of latitude and longitude and, within a cell, by type: a place search
    /// for some types (the usual one) lists exactly the documents of those types near the place. Each list
    /// carries its documents' packed records too: read from the whole array, a cell's records are scattered
    /// (documents are in id order), and loading them was the largest share of a place search's loop.
    var cells: [Int: [Chunk]]
    static let maximumCells = 1_500

    init(_ columns: CatalogColumns) {
        func lists(_ codes: [UInt8]) -> [[Int32]] {
            var lists = [[Int32]](repeating: [], count: 256)
            for (position, code) in codes.enumerated() { lists[Int(code)].append(Int32(position)) }
            return lists
        }
        let rows = columns.rows
        self.type = lists(rows.map(\.type))
        self.specialty = lists(rows.map(\.specialty))
        self.state = lists(rows.map(\.state))
        self.setting = lists(rows.map(\.setting))
        self.letter = lists(rows.map(\.letter))
        let located = rows.indices.filter { !rows[$0].latitude.isNaN }
        let ordered = located.sorted { (rows[$0].latitude, $0) < (rows[$1].latitude, $1) }
        self.byLatitude = ordered.map(Int32.init)
        self.sortedLatitudes = ordered.map { rows[$0].latitude }
        var cells: [Int: [Chunk]] = [:]
        let emptyCell = [Chunk](repeating: Chunk(positions: [], rows: []), count: CatalogColumns.types.count)
        for position in located {
            let cell = Self.cell(latitude: rows[position].latitude, longitude: columns.longitude[position])
            cells[cell, default: emptyCell][Int(rows[position].type)].append(Int32(position), rows[position])
        }
        self.cells = cells
    }

    /// The cell of a place given in radians.
    static func cell(latitude: Double, longitude: Double) -> Int {
        Self.cell(row: Int((latitude * 180 / .pi).rounded(.down)), column: Int((longitude * 180 / .pi).rounded(.down)))
    }

    static func cell(row: Int, column: Int) -> Int {
        (row + 90) * 360 + ((column + 180) % 360 + 360) % 360
    }

    /// Documents (of `types`, all when empty) in the cells covering every point within `band` radians of the
    /// centre, or nil when that box is too large to be worth listing (then the latitude band serves).
    func box(latitude: Double, longitude: Double, band: Double, types: [Int]) -> Source? {
        let degrees = band * 180 / .pi
        let centreLatitude = latitude * 180 / .pi
        let centreLongitude = longitude * 180 / .pi
        let farthestLatitude = min(90, abs(centreLatitude) + degrees)
        guard farthestLatitude < 89 else { return nil }
        // The widest longitude difference of any point within `band` of the centre (spherical geometry).
        let ratio = sin(band) / cos(latitude)
        guard ratio < 1 else { return nil }
        let halfWidth = asin(ratio) * 180 / .pi + 1e-9
        let rows = Int((centreLatitude - degrees).rounded(.down))...Int((centreLatitude + degrees).rounded(.down))
        let firstColumn = Int((centreLongitude - halfWidth).rounded(.down))
        let lastColumn = Int((centreLongitude + halfWidth).rounded(.down))
        guard lastColumn - firstColumn < 359, rows.count * (lastColumn - firstColumn + 1) <= Self.maximumCells else { return nil }
        var chunks: [Chunk] = []
        for row in rows {
            for column in firstColumn...lastColumn {
                guard let cell = self.cells[Self.cell(row: row, column: column)] else { continue }
                let chosen = types.isEmpty ? cell : types.map { cell[$0] }
                chunks.append(contentsOf: chosen.filter { !$0.positions.isEmpty })
            }
        }
        return Source(count: chunks.reduce(0) { $0 + $1.positions.count }, chunks: { chunks })
    }

    /// Candidate positions, with their packed records alongside when a place cell keeps them (nil: read
    /// them from the segment's columns).
    struct Chunk {
        var positions: [Int32]
        var rows: [CatalogColumns.Row]?

        mutating func append(_ position: Int32, _ row: CatalogColumns.Row) {
            self.positions.append(position)
            self.rows?.append(row)
        }
    }

    /// A source of candidates and how many it yields, so the smallest can be chosen before any is built.
    struct Source {
        var count: Int
        var make: () -> [Chunk]

        init(count: Int, chunks: @escaping () -> [Chunk]) {
            self.count = count
            self.make = chunks
        }

        init(count: Int, positions: @escaping () -> [Int32]) {
            self.count = count
            self.make = { [Chunk(positions: positions(), rows: nil)] }
        }

        /// The union of the lists for `codes` (each document has one code, so the lists are disjoint).
        static func union(_ lists: [[Int32]], codes: [Int]) -> Source {
            Source(count: codes.reduce(0) { $0 + lists[$1].count }, positions: { codes.flatMap { lists[$0] } })
        }
    }

    /// Documents whose latitude lies within `band` radians of `latitude`.
    func latitudeBand(_ latitude: Double, band: Double) -> Source {
        let lower = self.firstIndex { $0 >= latitude - band }
        let upper = self.firstIndex { $0 > latitude + band }
        return Source(count: upper - lower, positions: { Array(self.byLatitude[lower..<upper]) })
    }

    /// The first position in `sortedLatitudes` where `predicate` holds (it must be monotone).
    private func firstIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0
        var high = self.sortedLatitudes.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self.sortedLatitudes[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// What a search with no text and no filter answers from one segment, per day: the same facets for every
/// page and order, and the documents already sorted by next open session (the relevance order without
/// text) and by fee. Built on the first such search of a day and kept with the segment.
final class UnfilteredAnswers: @unchecked Sendable {
    struct Answer {
        var day: Day
        var facetCounts: CatalogColumns.FacetCounts
        /// Per position: the start of its next open session, or `Int.max`.
        var nextStart: [Int]
        /// Per position: whether a session still open that day has a seat left. Filtered searches read these
        /// two instead of walking each candidate's sessions (three scattered reads per candidate).
        var hasSeat: [Bool]
        var byStart: [Int32]
    }

    private let lock = NSLock()
    private var answer: Answer?
    private var byFeeCache: [Int32]?

    func answer(for day: Day, build: () -> Answer) -> Answer {
        self.lock.lock()
        defer { self.lock.unlock() }
        if let answer = self.answer, answer.day == day { return answer }
        let built = build()
        self.answer = built
        return built
    }

    func byFee(build: () -> [Int32]) -> [Int32] {
        self.lock.lock()
        defer { self.lock.unlock() }
        if let cached = self.byFeeCache { return cached }
        let built = build()
        self.byFeeCache = built
        return built
    }
}

extension SearchQuery {
    /// True when nothing narrows the catalog: only order and page are chosen.
    var isUnfiltered: Bool {
        TextAnalyzer.terms(self.text).isEmpty && self.types.isEmpty && self.specialtyIDs.isEmpty && self.states.isEmpty
            && self.audiences.isEmpty && self.settings.isEmpty && self.visaClasses.isEmpty && self.isHandsOn == nil && self.hasSeats == nil
            && self.letterPolicies.isEmpty && self.maximumFeeCents == nil && self.startsOnOrAfter == nil && self.endsOnOrBefore == nil
            && self.near == nil && self.eligibleFor == nil && self.onlyIDs == nil
    }
}
