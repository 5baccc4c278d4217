import Fluent
import Foundation
import RoundsCore
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

@Suite struct BackupTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rounds-backup-test-\(UUID().uuidString)-\(name)").path
    }

    /// Every file below `directory` with its SHA-256.
    static func fileHashes(_ directory: String) throws -> [String: String] {
        var hashes: [String: String] = [:]
        for file in try Backup.filesBelow(directory) {
            hashes[file] = try Backup.sha256(of: (directory as NSString).appendingPathComponent(file))
        }
        return hashes
    }

    @Test func aBackupRestoresIntoAFreshPlaceWithEveryRowAndFile() async throws {
        let archive = Self.temporaryPath("backup.tar.gz")
        var restoredEnvironment: [String: String] = ["ROUNDS_STORAGE_DIR": Self.temporaryPath("restored-storage")]
        var restoredPostgresDatabase: String?
        if let url = TestDatabase.postgresURL {
            let name = try await PostgresTemplate.shared.createEmpty()
            restoredEnvironment["DATABASE_URL"] = PostgresTemplate.url(url, database: name)
            restoredPostgresDatabase = name
        } else {
            restoredEnvironment["ROUNDS_SQLITE_PATH"] = Self.temporaryPath("restored.sqlite")
        }

        let (before, files, epoch) = try await withRoundsApp { app in
            try await Browser(app).signUp(email: "a@example.org")
            let browser = Browser(app)
            try await browser.signUp(email: "b@example.org")
            try await browser.post(SiteRoute.profile.path, form: ProfileTests.validForm)
            _ = try await APIClient.signedUp(app, email: "c@example.org")
            try await Browser(app).post(SiteRoute.forgotPassword.path, form: [("email", "a@example.org")])
            // Uploads live in the storage directory; put a few there, one in a subfolder.
            let storage = app.config.storageDirectory
            try FileManager.default.createDirectory(atPath: storage + "/documents/ab", withIntermediateDirectories: true)
            try Data("%PDF-1.7 cv".utf8).write(to: URL(fileURLWithPath: storage + "/documents/ab/cv.pdf"))
            try Data((0..<5000).map { UInt8($0 % 251) }).write(to: URL(fileURLWithPath: storage + "/letter.bin"))

            try await Backup.create(database: app.db, config: app.config, output: archive)
            return (try await DatabaseSnapshot(app.db), try Self.fileHashes(storage), try await CatalogVersion.identity(on: app.db)?.epoch)
        }
        #expect(before.counts["users"] == 3)
        #expect(files.count == 2)

        var output = ""
        var errors = ""
        let status = RestoreCommand.run(
            ["--input", archive], environment: restoredEnvironment, standardOutput: { output += $0 }, standardError: { errors += $0 }
        )
        #expect(status == 0, "\(errors)")
        #expect(output.contains("Restored 3 files"))

        let restoredConfig = try AppConfig.load(for: .development, from: restoredEnvironment)
        let after = try await withRoundsApp(adjust: {
            $0.database = restoredConfig.database
            $0.storageDirectory = restoredConfig.storageDirectory
        }) { app in
            // The same rows, under a catalog id of its own: no search snapshot of the original fits it.
            let restoredEpoch = try await CatalogVersion.identity(on: app.db)?.epoch
            #expect(epoch != nil && restoredEpoch != nil && restoredEpoch != epoch)
            return try await DatabaseSnapshot(app.db)
        }
        #expect(after == before)
        #expect(try Self.fileHashes(restoredConfig.storageDirectory) == files)

        // Restoring again over what is there now is refused: nothing is overwritten.
        let again = RestoreCommand.run(["--input", archive], environment: restoredEnvironment, standardOutput: { _ in }, standardError: { errors = $0 })
        #expect(again == 1)
        #expect(errors.contains("not empty") || errors.contains("already exists"))
        if let restoredPostgresDatabase { try await PostgresTemplate.shared.drop(restoredPostgresDatabase) }
    }

    @Test func aDamagedBackupIsRefused() throws {
        let directory = Self.temporaryPath("damaged")
        try FileManager.default.createDirectory(atPath: directory + "/storage", withIntermediateDirectories: true)
        try Data("original".utf8).write(to: URL(fileURLWithPath: directory + "/storage/file.txt"))
        try Data("db".utf8).write(to: URL(fileURLWithPath: directory + "/database.sqlite"))
        try Backup.writeManifest(in: directory)
        #expect(try Backup.verifyManifest(in: directory) == 2)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: directory + "/storage/file.txt"))
        #expect(throws: Backup.Failure.self) { try Backup.verifyManifest(in: directory) }
    }
}
