import Testing

@testable import RoundsCore

/// The directory search's filters and order, and the reference rules it cites.
@Suite struct DirectorySearchTests {
    static let day = Day(iso: "2026-11-01")!
    static func fact<V: Sendable & Equatable>(_ value: V) -> ScreeningFact<V> {
        ScreeningFact(value, source: "https://program.example.org/eligibility", verifiedOn: Self.day, verifiedBy: "Ada")
    }

    static func program(_ name: String, state: String, zip: String, specialty: String = "Internal Medicine", _ requirements: ProgramRequirements = ProgramRequirements()) -> DirectoryProgram {
        DirectoryProgram(name: name, specialty: specialty, sponsoringInstitution: "F", city: "C", state: state, zip: zip, service: .eras, requirements: requirements)
    }

    static let places = ["10016": Coordinate(latitude: 40.745, longitude: -73.978), "11201": Coordinate(latitude: 40.694, longitude: -73.990), "60611": Coordinate(latitude: 41.894, longitude: -87.620)]

    static let programs: [(id: Int, program: DirectoryProgram)] = [
        (1, program("Chicago J-1", state: "IL", zip: "60611", ProgramRequirements(acceptsJ1: fact(true), sponsorsH1B: fact(false)))),
        (2, program("Brooklyn H-1B", state: "NY", zip: "11201", ProgramRequirements(acceptsJ1: fact(false), sponsorsH1B: fact(true)))),
        (3, program("Brooklyn unknown", state: "NY", zip: "11201", specialty: "Pediatrics")),
    ]

    static let applicant = ScreenedApplicant(
        profile: ApplicantProfileInput(track: .imgGraduate, graduationYear: 2023, step1: .passed, step2CKScore: 240, ecfmgStatus: .certified, visaStatus: .needsVisa))

    func ids(_ search: DirectorySearch, applicant: ScreenedApplicant? = Self.applicant) -> [Int] {
        search.run(Self.programs, applicant: applicant, currentYear: 2026) { Self.places[$0] }.map(\.id)
    }

    @Test func filtersCombine() {
        #expect(Set(self.ids(DirectorySearch())) == [1, 2, 3])
        #expect(self.ids(DirectorySearch(state: "NY")).sorted() == [2, 3])
        #expect(self.ids(DirectorySearch(specialty: "Pediatrics")) == [3])
        #expect(self.ids(DirectorySearch(visa: .j1)) == [1])
        #expect(self.ids(DirectorySearch(visa: .h1b)) == [2])
        #expect(self.ids(DirectorySearch(visa: .either)).sorted() == [1, 2])
        #expect(self.ids(DirectorySearch(near: Self.places["10016"], miles: 25)).sorted() == [2, 3])
        // Unknown facts make 1 and 3 unknown overall; 2 takes no J-1 but sponsors the H-1B: borderline.
        #expect(self.ids(DirectorySearch(verdicts: [.borderline])) == [2])
        #expect(self.ids(DirectorySearch(verdicts: [.unknown, .eligible])).sorted() == [1, 3])
    }

    @Test func betterVerdictsComeFirstThenNearerPrograms() {
        // Needs a visa, aims for the J-1 and is certified: Chicago eligible on visa; Brooklyn H-1B borderline; unknown in between.
        let hits = DirectorySearch(near: Self.places["10016"]).run(Self.programs, applicant: Self.applicant, currentYear: 2026) { Self.places[$0] }
        #expect(hits.map(\.screening.verdict) == hits.map(\.screening.verdict).sorted())
        let nearest = hits.filter { $0.screening.verdict == hits[0].screening.verdict }.compactMap(\.miles)
        #expect(nearest == nearest.sorted())
        #expect(hits.first { $0.id == 2 }?.miles.map { $0 < 5 } == true)
    }

    @Test func withoutAProfileEveryVerdictIsUnknownAndSaysWhy() {
        let hits = DirectorySearch().run(Self.programs, applicant: nil, currentYear: 2026) { Self.places[$0] }
        #expect(hits.allSatisfy { $0.screening == DirectorySearch.noProfile })
        #expect(DirectorySearch.noProfile.reasons.first?.text.contains("profile") == true)
    }
}

/// The shipped visa and research files: the rules the catalog and screening cite agree with them.
@Suite struct ReferenceRulesTests {
    @Test func catalogAndScreeningCiteTheShippedVisaRules() throws {
        let paths = try VisaPaths.shipped.get()
        #expect(paths.rules.count == 6)
        let observer = try #require(paths["b1-observer"])
        #expect(observer.sourceURLs == [VisaRules.visitorsOnlyObserve.url])
        #expect(observer.confidence.rawValue == VisaRules.visitorsOnlyObserve.confidence)
        #expect(observer.source.contains(VisaRules.visitorsOnlyObserve.citation))
        let clerkship = try #require(paths["b1-elective-clerkship"])
        #expect(clerkship.sourceURLs == [VisaRules.visitorElectiveForEnrolledStudents.url])
        #expect(clerkship.source.contains(VisaRules.visitorElectiveForEnrolledStudents.citation))
        let j1 = try #require(paths["j1-ecfmg-clinical"])
        #expect(j1.sourceURLs == [VisaRules.ecfmgJ1IsForResidency.url])
        #expect(j1.source == ProgramScreening.j1Source)
        #expect(try #require(paths["h1b-resident"]).source == ProgramScreening.h1bSource)
    }

    @Test func researchProgramsAdmitByTheirOwnStatusRules() throws {
        let data = try ResearchPrograms.shipped.get()
        let nih = try #require(data.programs.first { $0.name.hasPrefix("NIH") })
        #expect(nih.admits(.usCitizen) == true)
        #expect(nih.admits(.permanentResident) == true)
        #expect(nih.admits(.f1) == false)
        #expect(nih.admits(.otherWorkAuthorization) == nil)
        let aha = try #require(data.programs.first { $0.name.contains("SURE") })
        #expect(aha.admits(.f1) == true && aha.admits(.j1) == true && aha.admits(.h1b) == true)
        let acs = try #require(data.programs.first { $0.name.contains("Cancer") })
        #expect(acs.admits(.usCitizen) == nil, "each institution sets its criteria: unknown, not no")
        // NIH's yearly deadline is March 1: the next one after a day in December is next year's.
        #expect(nih.nextDeadline(after: Day(iso: "2026-12-02")!) == Day(iso: "2027-03-01"))
        #expect(nih.nextDeadline(after: Day(iso: "2026-02-01")!) == Day(iso: "2026-03-01"))
        #expect(aha.nextDeadline(after: Day(iso: "2026-12-02")!) == nil)
        #expect(data.ended.map(\.name) == ["HHMI EXROP"])
    }
}
