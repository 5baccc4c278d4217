import Fluent
import Foundation
import RoundsCore
import Vapor

/// Four fictional residency programs reviewed by the demo advisor, and the demo applicant's letters: one
/// uploaded (waived) and sent to a program, one still waiting for its writer. Skipped when programs exist.
enum LetterDemoData {
    static let programs: [(String, String, String, String)] = [
        ("Harborview Fictional Medical Center Internal Medicine", "internal-medicine", "Seattle", "WA"),
        ("Lakeside Example University Family Medicine", "family-medicine", "Madison", "WI"),
        ("Riverbend Demo Hospital Pediatrics", "pediatrics", "Richmond", "VA"),
        ("Mesa Sample Health Psychiatry", "psychiatry", "Tucson", "AZ"),
    ]

    static func load(_ app: Application) async throws {
        guard try await Program.query(on: app.db).count() == 0,
            let amara = try await User.find(email: "applicant@rounds.test", on: app.db),
            let advisor = try await User.find(email: "advisor@rounds.test", on: app.db)
        else { return }
        let now = app.services.clock.now()
        let storage = app.documentStore()
        let desk = LetterDesk(db: app.db, storage: storage, now: now, origin: app.config.server.origin)
        var created: [Program] = []
        for (name, specialty, city, state) in Self.programs {
            let program = try await ProgramLetters(db: app.db, desk: desk).create(ProgramDraft(name: name, specialtyID: specialty, city: city, state: state))
            try await ProgramReviewer(programID: try program.requireID(), userID: try advisor.requireID()).create(on: app.db)
            created.append(program)
        }

        let uploaded = try await desk.request(
            by: amara,
            draft: LetterRequestDraft(
                writerName: "Dr. Samuel Whitfield", writerEmail: "s.whitfield@example-hospital.org", writerTitle: "Attending physician, Internal Medicine",
                writerInstitution: "Fictional General Hospital", message: "Thank you for supervising my observership in March.", waiver: "waive"
            ),
            applicationID: nil
        )
        // The demo writer answers at once: a token only they would have, spent here.
        let token = SecretToken()
        uploaded.tokenHash = token.hash
        try await uploaded.save(on: app.db)
        let link = LetterLink(db: app.db, storage: storage, now: now, origin: app.config.server.origin, badLinks: app.config.rateLimits.badLinksPerIP)
        let letter = try await link.upload(
            token: token.value, fileName: "Whitfield letter for Okafor.pdf",
            bytes: ApplicationDemoData.pdf(title: "Letter of recommendation for Amara Okafor (demo)"), ip: "demo"
        )
        try await desk.assign(letter, to: try created[0].requireID())
        // Applied with, so the demo reviewer has a letter to read.
        try await desk.apply(applicantID: try amara.requireID(), to: try created[0].requireID())

        _ = try await desk.request(
            by: amara,
            draft: LetterRequestDraft(
                writerName: "Dr. Aisha Bello", writerEmail: "a.bello@example-clinic.org", writerTitle: "Program faculty, Family Medicine",
                writerInstitution: "Example Community Clinic", message: "", waiver: "keep"
            ),
            applicationID: nil
        )
    }
}
