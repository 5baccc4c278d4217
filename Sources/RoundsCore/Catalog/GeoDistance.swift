import Foundation

/// A point on Earth in degrees.
public struct Coordinate: Equatable, Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in statute miles (haversine, mean Earth radius 3,958.8 mi).
    public func miles(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLatitude = (other.latitude - self.latitude) * radians
        let dLongitude = (other.longitude - self.longitude) * radians
        let a = sin(dLatitude / 2) * sin(dLatitude / 2)
            + cos(self.latitude * radians) * cos(other.latitude * radians) * sin(dLongitude / 2) * sin(dLongitude / 2)
        return 2 * 3958.8 * asin(min(1, a.squareRoot()))
    }
}

/// US ZIP code centroids, for "near ZIP" searches.
public struct ZIPDirectory: Sendable {
    public struct Place: Equatable, Sendable {
        public var city: String
        public var state: String
        public var county: String
        public var coordinate: Coordinate
    }

    private let places: [String: Place]

    public var count: Int { self.places.count }

    /// Every ZIP code's place (a city appears once per ZIP code it has).
    public var allPlaces: Dictionary<String, Place>.Values { self.places.values }

    /// The list shipped in RoundsCore's resources (ReferenceData), read once per process; empty if missing.
    public static let shipped = ZIPDirectory(csv: (try? ReferenceData.text("us-zipcodes.csv")) ?? "")

    /// Reads the `zip,type,city,state,county,timezone,lat,lon` CSV (one ZIP per line, no quoted commas).
    public init(csv: String) {
        var places: [String: Place] = [:]
        places.reserveCapacity(42_000)
        // Split on any line break: the shared file uses CRLF, which Swift treats as one Character.
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 8, let latitude = Double(fields[6]), let longitude = Double(fields[7].trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            places[String(fields[0])] = Place(
                city: String(fields[2]),
                state: String(fields[3]),
                county: String(fields[4]),
                coordinate: Coordinate(latitude: latitude, longitude: longitude)
            )
        }
        self.places = places
    }

    /// The place of a five-digit ZIP code, if it exists.
    public func place(_ zip: String) -> Place? { self.places[zip] ?? self.places[zip.trimmingCharacters(in: .whitespaces)] }
}
