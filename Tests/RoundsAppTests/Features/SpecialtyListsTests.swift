import Fluent
import Foundation
import RoundsCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 16: programs, target specialties and statements take residency specialties; the catalog keeps
/// its rotation list; existing values move over on both databases.
@Suite struct SpecialtyListsTests {
    @Test func existingValuesMoveToTheResidencyList() async throws {
        try await withRoundsApp { app in
            try await DemoData.load(on: app.db, hasher: app.services.passwordHasher, now: app.services.clock.now())
            try await DemoData.loadFeatures(app)
            let sql = try #require(app.db as? any SQLDatabase)
            // Put back values the rotation list allowed before.
            let amara = try #require(try await User.find(email: "applicant@rounds.test", on: app.db))
            let profile = try #require(try await ApplicantProfile.query(on: app.db).filter(\.$user.$id == amara.requireID()).first())
            profile.specialties = "cardiology,internal-medicine,hematology-oncology,neurology"
            try await profile.save(on: app.db)
            let program = try #require(try await Program.query(on: app.db).first())
            program.specialtyID = "hematology-oncology"
            try await program.save(on: app.db)
            let statement = try #require(try await PersonalStatement.query(on: app.db).first())
            try await sql.update("statements").set("specialty", to: "cardiology").where("id", .equal, statement.requireID()).run()
            let listed = try await ResidencyProgram.query(on: app.db).filter(\.$owner.$id == amara.requireID()).sort(\.$name).all()
            let moving = try #require(listed.first { $0.specialty == "Internal Medicine" })
            moving.specialty = "Cardiology"
            try await moving.save(on: app.db)
            let directory = try #require(try await DirectoryEntry.query(on: app.db).filter(\.$specialty == "Pediatrics").first())
            directory.specialty = "Diagnostic Radiology / Interventional Radiology"
            try await directory.save(on: app.db)
            let unchanged = try await DirectoryEntry.query(on: app.db).count()

            try await MoveToResidencySpecialties().prepare(on: app.db)

            #expect(try await ApplicantProfile.find(profile.requireID(), on: app.db)?.specialties == "internal-medicine,neurology")
            #expect(try await Program.find(program.requireID(), on: app.db)?.specialtyID == "internal-medicine")
            #expect(try await PersonalStatement.find(statement.requireID(), on: app.db)?.specialty == "internal-medicine")
            let moved = try #require(try await ResidencyProgram.find(moving.requireID(), on: app.db))
            #expect(moved.specialty == "Internal Medicine")
            #expect(moved.notes.contains("Specialty was Cardiology"))
            #expect(try await DirectoryEntry.find(directory.requireID(), on: app.db)?.specialty == "Diagnostic Radiology")
            #expect(try await DirectoryEntry.query(on: app.db).count() == unchanged)
            // Every value now on a list the code knows.
            for entry in try await ResidencyProgram.query(on: app.db).all() { #expect(Specialties.residency.named(entry.specialty) != nil, "\(entry.specialty)") }
            for entry in try await DirectoryEntry.query(on: app.db).all() { #expect(Specialties.residency.named(entry.specialty) != nil, "\(entry.specialty)") }
        }
    }

    /// A row whose new value would duplicate another on the same list keeps its old value (no unique
    /// index failure, nothing lost).
    @Test func aRowThatWouldDuplicateAnotherKeepsItsValue() async throws {
        try await withRoundsApp { app in
            try await DemoData.load(on: app.db, hasher: app.services.passwordHasher, now: app.services.clock.now())
            try await DemoData.loadFeatures(app)
            let amara = try #require(try await User.find(email: "applicant@rounds.test", on: app.db))
            let existing = try #require(try await ResidencyProgram.query(on: app.db).filter(\.$owner.$id == amara.requireID()).filter(\.$specialty == "Internal Medicine").first())
            let twin = ResidencyProgram(ownerID: try amara.requireID(), matchYear: existing.matchYear, now: Date())
            twin.name = existing.name
            twin.specialty = "Cardiology"
            twin.city = existing.city
            twin.state = existing.state
            twin.status = .considering
            twin.notes = ""
            try await twin.create(on: app.db)
            try await MoveToResidencySpecialties().prepare(on: app.db)
            #expect(try await ResidencyProgram.find(twin.requireID(), on: app.db)?.specialty == "Cardiology")
            #expect(try await ResidencyProgram.find(existing.requireID(), on: app.db)?.specialty == "Internal Medicine")
        }
    }

    @Test func aProfileRefusesARotationOnlySpecialty() async throws {
        try await withRoundsApp { app in
            let client = try await APIClient.signedUp(app)
            let refused = try await client.send(.PUT, APIRoute.profile.path, json: ["track": "img_graduate", "visa_status": "b1_b2", "specialties": ["cardiology"]])
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            #expect(refused.body.string.contains("not a residency specialty"))
        }
    }
}
