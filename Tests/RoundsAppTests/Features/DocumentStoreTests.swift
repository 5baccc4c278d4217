import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import RoundsApp

/// Issue 23, documents for several machines: uploaded bytes in the database or a shared directory, the
/// same contract for both, and a move between them that checks every copy before removing the original.
@Suite struct DocumentStoreTests {
    static func bytes(_ seed: Int, count: Int = 3_000) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test(arguments: DocumentStoreKind.allCases)
    func bothStoresKeepBytesUnderRandomKeys(kind: DocumentStoreKind) async throws {
        try await withRoundsApp { app in
            let store = app.documentStore(kind: kind)
            // Every byte value, and a zero byte in the middle: blobs are not text.
            let binary = (0...255).map(UInt8.init) + [0, 0, 0xFF]
            let first = try await store.write(binary)
            let second = try await store.write(Self.bytes(2))
            #expect(first != second)
            #expect(DocumentStoreKey.isValid(first) && DocumentStoreKey.isValid(second))
            #expect(try await store.keys() == [first, second].sorted())
            #expect(Array(try await store.read(first)) == binary)
            try await store.delete(first)
            try await store.delete(first)  // gone already: not an error
            #expect(try await store.keys() == [second])
            await #expect(throws: (any Error).self) { try await store.read(first) }
            // A key is never allowed to name anything but a key.
            await #expect(throws: (any Error).self) { try await store.write([1], as: "../../etc/passwd") }
        }
    }

    @Test func filesMoveIntoTheDatabaseAndBackWithTheirKeys() async throws {
        try await withRoundsApp { app in
            let directory = app.documentStore(kind: .directory)
            let database = app.documentStore(kind: .database)
            var originals: [String: [UInt8]] = [:]
            for seed in 0..<5 {
                let bytes = Self.bytes(seed, count: 1_000 + seed * 777)
                originals[try await directory.write(bytes)] = bytes
            }
            let toDatabase = try await DocumentStoreMove(source: directory, target: database).run()
            #expect(toDatabase.moved == 5 && toDatabase.alreadyThere == 0)
            #expect(toDatabase.bytes == originals.values.map(\.count).reduce(0, +))
            #expect(try await directory.keys().isEmpty)
            #expect(try await database.keys() == originals.keys.sorted())
            for (key, bytes) in originals { #expect(Array(try await database.read(key)) == bytes) }

            let back = try await DocumentStoreMove(source: database, target: directory).run()
            #expect(back.moved == 5)
            #expect(try await database.keys().isEmpty)
            for (key, bytes) in originals { #expect(Array(try await directory.read(key)) == bytes) }
        }
    }

    @Test func anInterruptedMoveFinishesAndADifferingCopyStopsIt() async throws {
        try await withRoundsApp { app in
            let directory = app.documentStore(kind: .directory)
            let database = app.documentStore(kind: .database)
            let copied = try await directory.write(Self.bytes(1))
            let left = try await directory.write(Self.bytes(2))
            // As if a move stopped after copying the first file and before removing it.
            try await database.write(Self.bytes(1), as: copied)
            let summary = try await DocumentStoreMove(source: directory, target: database).run()
            #expect(summary.moved == 1 && summary.alreadyThere == 1)
            #expect(try await database.keys() == [copied, left].sorted())
            #expect(try await directory.keys().isEmpty)

            // A copy that differs from its original is reported, and the original stays.
            let damaged = try await directory.write(Self.bytes(3))
            try await database.write(Self.bytes(4), as: damaged)
            await #expect(throws: DocumentStoreMove.Mismatch.self) { try await DocumentStoreMove(source: directory, target: database).run() }
            #expect(try await directory.keys() == [damaged])
        }
    }

    @Test func theStoreIsChosenByTheEnvironment() throws {
        #expect(try AppConfig.load(for: .development, from: [:]).documentStore == .directory)
        #expect(try AppConfig.load(for: .development, from: ["ROUNDS_DOCUMENT_STORE": "Database"]).documentStore == .database)
        #expect(throws: ConfigurationError.self) { try AppConfig.load(for: .development, from: ["ROUNDS_DOCUMENT_STORE": "s3"]) }
    }

    /// With the bytes in the database, a backup's database copy carries them: restored with an empty
    /// storage directory, the document downloads byte for byte.
    @Test func documentsInTheDatabaseSurviveABackupAndRestore() async throws {
        let archive = BackupTests.temporaryPath("db-documents.tar.gz")
        var environment = ["ROUNDS_STORAGE_DIR": BackupTests.temporaryPath("restored-storage"), "ROUNDS_DOCUMENT_STORE": "database"]
        var restoredPostgresDatabase: String?
        if let url = TestDatabase.postgresURL {
            let name = try await PostgresTemplate.shared.createEmpty()
            environment["DATABASE_URL"] = PostgresTemplate.url(url, database: name)
            restoredPostgresDatabase = name
        } else {
            environment["ROUNDS_SQLITE_PATH"] = BackupTests.temporaryPath("restored.sqlite")
        }
        let bytes = ApplicationFixture.pdf + Self.bytes(9, count: 20_000)
        let (id, email) = try await withRoundsApp(adjust: { $0.documentStore = .database }) { app in
            let fixture = try await ApplicationFixture.make(app)
            let (_, amara) = try await fixture.applicant("amara@example.org")
            let response = try await amara.upload(APIRoute.documents.path, fields: [("kind", "cv")], fileName: "cv.pdf", bytes: bytes)
            #expect(response.status == .created)
            #expect(try await app.documentStore(kind: .directory).keys().isEmpty)
            try await Backup.create(database: app.db, config: app.config, output: archive)
            return (try response.content.get(UUID.self, at: "id"), "amara@example.org")
        }
        var errors = ""
        let status = RestoreCommand.run(["--input", archive], environment: environment, standardOutput: { _ in }, standardError: { errors += $0 })
        #expect(status == 0, "\(errors)")
        let restored = try AppConfig.load(for: .development, from: environment)
        try await withRoundsApp(adjust: {
            $0.database = restored.database
            $0.storageDirectory = restored.storageDirectory
            $0.documentStore = restored.documentStore
        }) { app in
            let owner = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
            let client = try await ApplicationFixture.client(app, for: owner)
            let download = try await client.send(.GET, "\(APIRoute.documents.path)/\(id.uuidString)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == bytes)
        }
        if let restoredPostgresDatabase { try await PostgresTemplate.shared.drop(restoredPostgresDatabase) }
    }
}
