import Foundation

/// Compact per-document columns the search scans instead of the documents themselves: small integer
/// codes and bitmasks for filters and facets, precomputed trigonometry for distance.
struct CatalogColumns: Sendable {
    static let types = OpportunityType.allCases
    static let settings = ClinicalSetting.allCases
    static let letters = LetterPolicy.allCases
    static let audiences = Audience.allCases
    static let visas = VisaClass.allCases
    static let specialtyIndex = Dictionary(uniqueKeysWithValues: Specialties.rotation.all.enumerated().map { ($1.id, UInt8($0)) })
    static let unknown: UInt8 = .max

    /// One record per document with every code the search tests: filters, facets and distance for a
    /// candidate sit in one or two cache lines.
    var rows: [Row] = []
    /// Radians, for the miles of a returned page; NaN when the site has no location.
    var longitude: [Double] = []
    var cosLatitude: [Double] = []

    struct Row {
        /// The location as a point on the unit sphere: the cosine of the angle between two places is the
        /// dot product, so "within the radius" and "nearer" need no trigonometry per document.
        var unitX: Double
        var unitY: Double
        var unitZ: Double
        /// Radians; NaN when the site has no location.
        var latitude: Double
        var fee: Int
        var type: UInt8
        var specialty: UInt8
        var state: UInt8
        var setting: UInt8
        var letter: UInt8
        var audienceMask: UInt8
        var visaMask: UInt8
        var handsOn: Bool
    }

    /// State codes in order of first appearance; `Row.state` holds indexes into it.
    var stateNames: [String] = []
    /// Sessions of document i, by start day: `sessionStart[sessionOffset[i]..<sessionOffset[i + 1]]`.
    var sessionOffset: [Int32] = [0]
    var sessionStart: [Int32] = []
    var sessionDeadline: [Int32] = []
    var sessionSeatsLeft: [Int32] = []

    init() {}

    init(_ documents: [CatalogDocument]) {
        var stateIndex: [String: UInt8] = [:]
        self.rows.reserveCapacity(documents.count)
        self.longitude.reserveCapacity(documents.count)
        self.cosLatitude.reserveCapacity(documents.count)
        for document in documents {
            let state: UInt8
            if let known = stateIndex[document.site.state] {
                state = known
            } else if self.stateNames.count < Int(Self.unknown) {
                state = UInt8(self.stateNames.count)
                stateIndex[document.site.state] = state
                self.stateNames.append(document.site.state)
            } else {
                state = Self.unknown
            }
            for session in document.sessions {
                self.sessionStart.append(Int32(clamping: session.start.ordinal))
                self.sessionDeadline.append(Int32(clamping: session.applicationDeadline.ordinal))
                self.sessionSeatsLeft.append(Int32(clamping: session.seatsLeft))
            }
            self.sessionOffset.append(Int32(self.sessionStart.count))
            var latitude = Double.nan
            var unit = (x: Double.nan, y: Double.nan, z: Double.nan)
            if let coordinate = document.site.coordinate {
                latitude = coordinate.latitude * .pi / 180
                let longitude = coordinate.longitude * .pi / 180
                self.longitude.append(longitude)
                self.cosLatitude.append(cos(latitude))
                unit = Self.unitVector(latitude: latitude, longitude: longitude)
            } else {
                self.longitude.append(.nan)
                self.cosLatitude.append(.nan)
            }
            self.rows.append(
                Row(
                    unitX: unit.x, unitY: unit.y, unitZ: unit.z, latitude: latitude, fee: document.feeCents,
                    type: UInt8(Self.types.firstIndex(of: document.type)!),
                    specialty: Self.specialtyIndex[document.specialtyID] ?? Self.unknown, state: state,
                    setting: UInt8(Self.settings.firstIndex(of: document.setting)!),
                    letter: UInt8(Self.letters.firstIndex(of: document.letterPolicy)!),
                    audienceMask: Self.mask(document.rules.audiences, Self.audiences),
                    visaMask: Self.mask(document.rules.acceptedVisaClasses, Self.visas), handsOn: document.isHandsOn
                )
            )
        }
    }

    static func unitVector(latitude: Double, longitude: Double) -> (x: Double, y: Double, z: Double) {
        (cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude))
    }

    /// The start day of document i's first session still open on `today`, or `Int.max`.
    func nextOpenStart(_ i: Int, today: Int) -> Int {
        for session in Int(self.sessionOffset[i])..<Int(self.sessionOffset[i + 1]) where Int(self.sessionDeadline[session]) >= today {
            return Int(self.sessionStart[session])
        }
        return Int.max
    }

    /// Whether a session of document i still open on `today` has a seat left.
    func hasOpenSeat(_ i: Int, today: Int) -> Bool {
        for session in Int(self.sessionOffset[i])..<Int(self.sessionOffset[i + 1])
        where Int(self.sessionDeadline[session]) >= today && self.sessionSeatsLeft[session] > 0 {
            return true
        }
        return false
    }

    static func mask<T: Equatable>(_ values: Set<T>, _ all: [T]) -> UInt8 {
        var mask: UInt8 = 0
        for (index, value) in all.enumerated() where values.contains(value) { mask |= 1 << UInt8(index) }
        return mask
    }

    /// Facet counts over the matches of a search: per code, and audiences per mask (expanded to bits once,
    /// at the end, instead of per match).
    struct FacetCounts {
        var types = [Int](repeating: 0, count: 256)
        var specialties = [Int](repeating: 0, count: 256)
        var states = [Int](repeating: 0, count: 256)
        var handsOn = [0, 0]
        var hasSeats = [0, 0]
        var audienceMasks = [Int](repeating: 0, count: 256)

        // Inlined: called once per match in the search loop (0.09 ms → 0.07 ms for the place search).
        @inline(__always) mutating func add(_ row: Row, hasSeat: Bool) {
            self.hasSeats[hasSeat ? 1 : 0] += 1
            self.types[Int(row.type)] += 1
            self.specialties[Int(row.specialty)] += 1
            self.states[Int(row.state)] += 1
            self.handsOn[row.handsOn ? 1 : 0] += 1
            self.audienceMasks[Int(row.audienceMask)] += 1
        }

        /// Takes back a row counted before (a document the index has since replaced or removed).
        mutating func remove(_ row: Row, hasSeat: Bool) {
            self.hasSeats[hasSeat ? 1 : 0] -= 1
            self.types[Int(row.type)] -= 1
            self.specialties[Int(row.specialty)] -= 1
            self.states[Int(row.state)] -= 1
            self.handsOn[row.handsOn ? 1 : 0] -= 1
            self.audienceMasks[Int(row.audienceMask)] -= 1
        }

        /// Facet name → value → count, for values that occur.
        func facets(stateNames: [String]) -> [String: [String: Int]] {
            var audiences = [Int](repeating: 0, count: CatalogColumns.audiences.count)
            for (mask, count) in self.audienceMasks.enumerated() where count > 0 {
                for bit in audiences.indices where mask & (1 << bit) != 0 { audiences[bit] += count }
            }
            func counts(_ counts: [Int], name: (Int) -> String) -> [String: Int] {
                var result: [String: Int] = [:]
                for (code, count) in counts.enumerated() where count > 0 && name(code) != "" { result[name(code)] = count }
                return result
            }
            return [
                "type": counts(self.types) { $0 < CatalogColumns.types.count ? CatalogColumns.types[$0].rawValue : "" },
                "specialty": counts(self.specialties) { $0 < Specialties.rotation.all.count ? Specialties.rotation.all[$0].id : "" },
                "state": counts(self.states) { $0 < stateNames.count ? stateNames[$0] : "" },
                "hands_on": counts(self.handsOn) { $0 == 1 ? "true" : "false" },
                "has_seats": counts(self.hasSeats) { $0 == 1 ? "true" : "false" },
                "audience": counts(audiences) { CatalogColumns.audiences[$0].rawValue },
            ]
        }
    }

    /// Allowed codes as a 256-entry table (`nil` when the filter is off).
    static func table<T: Equatable>(_ values: Set<T>, _ all: [T]) -> [Bool]? {
        guard !values.isEmpty else { return nil }
        var table = [Bool](repeating: false, count: 256)
        for (index, value) in all.enumerated() where values.contains(value) { table[index] = true }
        return table
    }
}

/// Keeps the `k` smallest elements offered to it, in O(log k) each, so a page of results never needs the
/// full list of matches (which for the whole catalog is 100,000 elements per request).
struct TopK<Element: Comparable> {
    let k: Int
    /// A max-heap: the root is the worst of the best k kept so far.
    private var heap: [Element] = []

    init(_ k: Int) {
        self.k = k
        self.heap.reserveCapacity(min(k, 1_024))
    }


    mutating func offer(_ element: Element) {
        guard self.k > 0 else { return }
        if self.heap.count < self.k {
            self.heap.append(element)
            var child = self.heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard self.heap[parent] < self.heap[child] else { break }
                self.heap.swapAt(parent, child)
                child = parent
            }
        } else if element < self.heap[0] {
            self.heap[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var largest = parent
                if left < self.heap.count && self.heap[largest] < self.heap[left] { largest = left }
                if right < self.heap.count && self.heap[largest] < self.heap[right] { largest = right }
                if largest == parent { break }
                self.heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    /// The worst element kept once k are kept (an element not better than it is not kept), else nil.
    var worstWhenFull: Element? { self.k > 0 && self.heap.count == self.k ? self.heap[0] : nil }

    /// The kept elements, best first.
    var sorted: [Element] { self.heap.sorted() }
}
