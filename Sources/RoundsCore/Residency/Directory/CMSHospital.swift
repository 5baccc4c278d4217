import DelimitedText

/// A US hospital as CMS lists it ("Hospital General Information", public domain): a directory program
/// may name its hospital by CMS certification number, and the name and address come from here.
public struct CMSHospital: Sendable, Equatable {
    public var ccn: String
    public var name: String
    public var address: String
    public var city: String
    public var state: String
    public var zip: String

    public static let sourceURL = "https://data.cms.gov/provider-data/dataset/xubh-q36u"

    /// The shipped list by CCN, read once per process; empty when the resource is missing.
    public static let shipped: [String: CMSHospital] = Self.read((try? ReferenceData.text("us-hospitals-cms.csv")) ?? "")

    /// Reads the `ccn,name,address,city,state,zip,…` CSV.
    static func read(_ text: String) -> [String: CMSHospital] {
        guard let records = try? CSV.parse(text), let header = records.first else { return [:] }
        let position = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard let ccn = position["ccn"], let name = position["name"], let address = position["address"], let city = position["city"],
            let state = position["state"], let zip = position["zip"]
        else { return [:] }
        var hospitals: [String: CMSHospital] = [:]
        for record in records.dropFirst() where record.fields.count == header.fields.count {
            let f = record.fields
            hospitals[f[ccn]] = CMSHospital(ccn: f[ccn], name: f[name], address: f[address], city: f[city], state: f[state], zip: f[zip])
        }
        return hospitals
    }
}
