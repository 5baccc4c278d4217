import Foundation

/// Compact per-document columns the search scans instead of the documents themselves: small integer
/// codes and bitmasks for filters and facets, precomputed trigonometry for distance.
struct CatalogColumns: Sendable {
    static let types = OpportunityType.allCases
    static let settings = ClinicalSetting.allCases
    static let letters = LetterPolicy.allCases
    static let audiences = Audience.allCases
    static let visas = VisaClass.allCases
    static let specialtyIndex = Dictionary(uniqueKeysWithValues: Specialty.all.enumerated().map { ($1.id, UInt8($0)) })
    static let unknown: UInt8 = .max

    var type: [UInt8] = []
    var specialty: [UInt8] = []
    var state: [UInt8] = []
    var setting: [UInt8] = []
    var letter: [UInt8] = []
    var audienceMask: [UInt8] = []
    var visaMask: [UInt8] = []
    var handsOn: [Bool] = []
    var fee: [Int] = []
    /// Radians; NaN when the site has no location.
    var latitude: [Double] = []
    var longitude: [Double] = []
    var cosLatitude: [Double] = []
    /// The same values, one record per document, for the search loop: everything it tests about a
    /// candidate sits in one or two cache lines instead of a dozen arrays.
    var rows: [Row] = []

    struct Row {
        var unitX: Double
        var unitY: Double
        var unitZ: Double
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

    /// State codes in order of first appearance; `state` holds indexes into it.
    var stateNames: [String] = []
    /// Sessions of document i, by start day: `sessionStart[sessionOffset[i]..<sessionOffset[i + 1]]`.
    var sessionOffset: [Int32] = [0]
    var sessionStart: [Int32] = []
    var sessionDeadline: [Int32] = []

    init() {}

    init(_ documents: [CatalogDocument]) {
        var stateIndex: [String: UInt8] = [:]
        self.reserve(documents.count)
        for document in documents {
            self.type.append(UInt8(Self.types.firstIndex(of: document.type)!))
            self.specialty.append(Self.specialtyIndex[document.specialtyID] ?? Self.unknown)
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
            self.state.append(state)
            self.setting.append(UInt8(Self.settings.firstIndex(of: document.setting)!))
            self.letter.append(UInt8(Self.letters.firstIndex(of: document.letterPolicy)!))
            self.audienceMask.append(Self.mask(document.rules.audiences, Self.audiences))
            self.visaMask.append(Self.mask(document.rules.acceptedVisaClasses, Self.visas))
            self.handsOn.append(document.isHandsOn)
            for session in document.sessions {
                self.sessionStart.append(Int32(clamping: session.start.ordinal))
                self.sessionDeadline.append(Int32(clamping: session.applicationDeadline.ordinal))
            }
            self.sessionOffset.append(Int32(self.sessionStart.count))
            self.fee.append(document.feeCents)
            // The location as a point on the unit sphere: the cosine of the angle between two places is the
            // dot product, so "within the radius" and "nearer" need no trigonometry per document.
            var unit = (x: Double.nan, y: Double.nan, z: Double.nan)
            if let coordinate = document.site.coordinate {
                let latitude = coordinate.latitude * .pi / 180
                self.latitude.append(latitude)
                self.longitude.append(coordinate.longitude * .pi / 180)
                self.cosLatitude.append(cos(latitude))
                unit = Self.unitVector(latitude: latitude, longitude: coordinate.longitude * .pi / 180)
            } else {
                self.latitude.append(.nan)
                self.longitude.append(.nan)
                self.cosLatitude.append(.nan)
            }
            let i = self.type.count - 1
            self.rows.append(
                Row(
                    unitX: unit.x, unitY: unit.y, unitZ: unit.z, latitude: self.latitude[i], fee: self.fee[i],
                    type: self.type[i], specialty: self.specialty[i], state: self.state[i], setting: self.setting[i], letter: self.letter[i],
                    audienceMask: self.audienceMask[i], visaMask: self.visaMask[i], handsOn: self.handsOn[i]
                )
            )
        }
    }

    private mutating func reserve(_ count: Int) {
        self.type.reserveCapacity(count)
        self.specialty.reserveCapacity(count)
        self.state.reserveCapacity(count)
        self.setting.reserveCapacity(count)
        self.letter.reserveCapacity(count)
        self.audienceMask.reserveCapacity(count)
        self.visaMask.reserveCapacity(count)
        self.handsOn.reserveCapacity(count)
        self.fee.reserveCapacity(count)
        self.latitude.reserveCapacity(count)
        self.longitude.reserveCapacity(count)
        self.cosLatitude.reserveCapacity(count)
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

    static func mask<T: Equatable>(_ values: Set<T>, _ all: [T]) -> UInt8 {
        var mask: UInt8 = 0
        for (index, value) in all.enumerated() where values.contains(value) { mask |= 1 << UInt8(index) }
        return mask
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

    private func areInIncreasingOrder(_ lhs: Element, _ rhs: Element) -> Bool { lhs < rhs }

    mutating func offer(_ element: Element) {
        guard self.k > 0 else { return }
        if self.heap.count < self.k {
            self.heap.append(element)
            var child = self.heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard self.areInIncreasingOrder(self.heap[parent], self.heap[child]) else { break }
                self.heap.swapAt(parent, child)
                child = parent
            }
        } else if self.areInIncreasingOrder(element, self.heap[0]) {
            self.heap[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var largest = parent
                if left < self.heap.count && self.areInIncreasingOrder(self.heap[largest], self.heap[left]) { largest = left }
                if right < self.heap.count && self.areInIncreasingOrder(self.heap[largest], self.heap[right]) { largest = right }
                if largest == parent { break }
                self.heap.swapAt(parent, largest)
                parent = largest
            }
        }
    }

    /// The kept elements, best first.
    var sorted: [Element] { self.heap.sorted() }
}
