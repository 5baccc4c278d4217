import Fluent
import Foundation
import RoundsCore
import Vapor

/// The demo applicant's vault (a CV, immunization record and proof of insurance, each a one-page PDF) and
/// one submitted application to the demo host, so the host's inbox and the applicant's pages have
/// something in them on a first start. Skipped when the applicant already has documents.
enum ApplicationDemoData {
    static func load(_ app: Application) async throws {
        guard let amara = try await User.find(email: "applicant@rounds.test", on: app.db),
            try await Document.query(on: app.db).filter(\.$owner.$id == amara.requireID()).count() == 0
        else { return }
        let now = app.services.clock.now()
        let vault = DocumentVault(
            db: app.db, storage: app.documentStore(),
            maximumBytes: app.config.uploadMaximumBytes, now: now
        )
        var documents: [UUID] = []
        for (kind, name) in [(DocumentKind.cv, "Amara Okafor CV.pdf"), (.immunizationRecord, "Immunizations.pdf"), (.insurance, "Insurance.pdf")] {
            let document = try await vault.upload(by: amara, kind: kind.rawValue, fileName: name, bytes: Self.pdf(title: name))
            documents.append(try document.requireID())
        }
        let today = Day(now).ordinal
        guard let session = try await OpportunitySession.query(on: app.db)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .filter(Opportunity.self, \.$status == OpportunityStatus.published)
            .filter(Opportunity.self, \.$specialty == "internal-medicine")
            // An observership: what a graduate on a visitor visa may lawfully take (VisaRules).
            .filter(Opportunity.self, \.$type == OpportunityType.observership)
            .filter(\.$deadlineDay >= today)
            .sort(\.$startDay)
            .first()
        else { return }
        let input = ApplicationInput(
            statement: "I graduated from the University of Lagos two years ago and passed Step 1 and Step 2 CK. "
                + "I want to learn how US internal medicine teams run inpatient rounds before I apply for residency.",
            documentIDs: documents,
            confirmedRequirements: Set(Requirement.allCases)
        )
        let application = try await ApplicationDrafting(db: app.db, now: now, origin: app.config.server.origin)
            .create(by: amara, sessionID: try session.requireID(), input, submit: true)
        try await Self.conversation(app, about: application, applicant: amara, now: now)
    }

    /// A short exchange on the demo application, and one message reported, so both parties' conversation
    /// page and the administrators' reports have something in them.
    static func conversation(_ app: Application, about applicationID: UUID, applicant: User, now: Date) async throws {
        // An hour apart, so the thread reads in order.
        func desk(hoursAgo: Double) -> MessageDesk { app.messageDesk(now: now.addingTimeInterval(-hoursAgo * 3600)) }
        let asThem = try await desk(hoursAgo: 3).thread(applicationID, for: applicant)
        let host = asThem.host
        let asHost = try await desk(hoursAgo: 3).thread(applicationID, for: host)
        _ = try await desk(hoursAgo: 3).post(
            MessageDraft(body: "Hello, is there a dress code on the wards, and where should I go on the first morning?"), on: asThem, by: applicant)
        _ = try await desk(hoursAgo: 2).post(
            MessageDraft(body: "White coat and closed shoes. Come to the internal medicine office on the 3rd floor at 7:30; ask for the chief resident."),
            on: asHost, by: host)
        let extra = try await desk(hoursAgo: 1).post(
            MessageDraft(body: "You could also send the observership fee to my personal account to hold the seat."), on: asHost, by: host)
        _ = try await desk(hoursAgo: 0).report(extra.id, reason: MessageReportDraft(reason: "Asks for money outside the site's own payment process."), by: applicant)

        // The host takes questions on this listing; the applicant asked one before applying.
        let opportunity = asThem.opportunity
        try await HostCatalog(db: app.db, host: host, today: Day(now)).setQuestions(true, on: opportunity)
        let question = try await desk(hoursAgo: 50).questions(about: opportunity.id, from: applicant.id, for: applicant)
        _ = try await desk(hoursAgo: 50).post(
            MessageDraft(body: "Do you accept graduates from 2023, and is Step 2 CK needed before the observership?"), on: question, by: applicant)
        let answer = try await desk(hoursAgo: 49).questions(about: opportunity.id, from: applicant.id, for: host)
        _ = try await desk(hoursAgo: 49).post(
            MessageDraft(body: "Yes to 2023 graduates. Step 2 CK is not required, but mention your score if you have it."), on: answer, by: host)
    }

    /// A minimal, valid one-page PDF with a title line.
    static func pdf(title: String) -> [UInt8] {
        let text = "BT /F1 18 Tf 72 720 Td (\(title.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" })) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            out += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
