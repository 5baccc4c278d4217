import Fluent
import MatchEngine
import RoundsCore
import Vapor

/// Fictional sites and opportunities for the demo: made-up institutions in real cities (real ZIP codes, so
/// distance search works), spread over every specialty and more than 30 states. Deterministic for a day.
enum CatalogDemoData {
    static let opportunityCount = 320

    /// Real ZIP codes of city centres in 50 states and DC.
    static let zips = [
        "10016", "02114", "19104", "21287", "20007", "30322", "33136", "60611", "48109", "44106", "55905", "63110",
        "77030", "75390", "85006", "80045", "84132", "90095", "94143", "92093", "98195", "97239", "37232", "27710",
        "29425", "35233", "70112", "73104", "66160", "68198", "52242", "53792", "46202", "40536", "23298", "06510",
        "03756", "05401", "04102", "02903", "07103", "89102", "87131", "96813", "99508", "83706", "59101", "82001",
        "57105", "58102", "72205", "39216", "25304", "19801",
    ]
    static let names = [
        "Riverbend", "Cedar Hollow", "Northgate", "Lakeshore", "Pinecrest", "Harborview", "Willowbrook", "Summit Ridge",
        "Brightwater", "Oak Meadow", "Stonebridge", "Silver Creek", "Maple Terrace", "Eastfield", "Greenhaven",
    ]
    static let kinds: [(SiteKind, String)] = [
        (.hospital, "General Hospital"), (.hospital, "Medical Center"), (.clinic, "Community Clinic"),
        (.university, "University Health"), (.researchLab, "Institute for Clinical Research"), (.privatePractice, "Family Practice"),
    ]
    static let types: [OpportunityType] = [
        .observership, .observership, .observership, .clinicalElective, .externship, .research, .shadowing, .subInternship,
        .volunteering, .scribing, .cna, .emt,
    ]

    /// Loads the demo catalog unless there is already a site; returns how many opportunities it made.
    @discardableResult
    static func load(hostID: User.IDValue, on db: any Database, today: Day) async throws -> Int {
        guard try await Site.query(on: db).count() == 0 else { return 0 }
        return try await CatalogVersion.changing(on: db, touching: [.everything]) { db in
            var random = SplitMix64(seed: 20_261_130)
            var sites: [Site] = []
            for (index, zip) in zips.enumerated() {
                guard let place = ZIPCodes.directory.place(zip) else { continue }
                let (kind, suffix) = kinds[index % kinds.count]
                let site = Site(
                    hostID: hostID,
                    name: "\(names[index % names.count]) \(suffix)",
                    kind: kind,
                    street: "\(100 + index * 7) \(["Main", "Oak", "Elm", "Park", "Lake"][index % 5]) Street",
                    city: place.city,
                    state: place.state,
                    zip: zip,
                    coordinate: place.coordinate,
                    website: nil,
                    isVerified: true
                )
                try await site.create(on: db)
                sites.append(site)
            }
            guard !sites.isEmpty else { throw ResourceMissing(name: "data/us-zipcodes.csv") }
            var specialtyIndex = 0
            for index in 0..<opportunityCount {
                let site = sites[index % sites.count]
                var type = types[Int(random.next() % UInt64(types.count))]
                // Every specialty gets an observership first (the demo applicant applies to internal medicine's).
                if DemoListing.roleDepartments[type] == nil, specialtyIndex < Specialties.rotation.all.count { type = .observership }
                let listing = DemoListing.make(type: type, siteName: site.name, city: site.city, state: site.state, index: index, specialtyIndex: specialtyIndex)
                if DemoListing.roleDepartments[type] == nil { specialtyIndex += 1 }
                let specialty = listing.specialty
                let opportunity = Opportunity()
                opportunity.$site.id = try site.requireID()
                opportunity.title = listing.title
                opportunity.description = listing.description
                opportunity.type = type
                opportunity.specialty = specialty.id
                opportunity.isHandsOn = [.clinicalElective, .externship, .subInternship, .cna, .emt, .scribing].contains(type)
                opportunity.setting = ClinicalSetting.allCases[index % 3]
                let isForPreMeds = [.shadowing, .volunteering, .scribing, .cna, .emt].contains(type)
                // Visitors may observe; a hands-on elective on a visitor visa is for enrolled students (VisaRules).
                let audiences: Set<Audience> =
                    isForPreMeds ? [.preMed, .usStudent] : opportunity.isHandsOn ? [.imgStudent, .usStudent] : [.imgStudent, .imgGraduate, .usStudent]
                opportunity.audiences = audiences.storedList
                opportunity.maximumYearsSinceGraduation = audiences.contains(.imgGraduate) ? [3, 5, 10, nil][index % 4] : nil
                opportunity.requiresStep1Pass = type == .clinicalElective || type == .subInternship
                opportunity.visaClasses = (audiences.contains(.imgStudent) ? Set<VisaClass>([.b1b2, .noneNeeded]) : [.noneNeeded]).storedList
                opportunity.feeCents = audiences.contains(.imgStudent) ? 50_000 * Int(random.next() % 9) : 0
                opportunity.currency = "USD"
                opportunity.refundTerms = opportunity.feeCents > 0 ? "Full refund up to 30 days before the start." : ""
                opportunity.letterPolicy = LetterPolicy.allCases[index % 3].rawValue
                opportunity.requirements = Set<Requirement>([.immunizations, .backgroundCheck] + (index % 2 == 0 ? [.insurance] : [])).storedList
                opportunity.status = OpportunityStatus.published
                opportunity.listedAt = Date(timeIntervalSince1970: TimeInterval(today.ordinal) * 86_400)
                try await opportunity.create(on: db)
                for sessionIndex in 0..<(1 + index % 3) {
                    let start = today.adding(days: 30 + Int(random.next() % 240) + sessionIndex * 60)
                    try await OpportunitySession(
                        opportunityID: try opportunity.requireID(),
                        start: start,
                        end: start.adding(days: 7 * (2 + index % 6) - 1),
                        deadline: start.adding(days: -21),
                        seats: 1 + Int(random.next() % 4)
                    ).create(on: db)
                }
            }
            return opportunityCount
        }
    }
}
