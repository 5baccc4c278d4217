import Fluent
import Foundation
import RoundsCore
import Vapor

/// An applicant's documents: upload (checked by content before anything is stored), list, delete, and
/// download by the owner or by hosts of sessions the owner applied to, each download logged.
struct DocumentVault {
    /// Enough for every document an application asks for, several times over.
    static let maximumDocumentsPerUser = 50

    let db: any Database
    let storage: any DocumentStore
    let maximumBytes: Int
    let now: Date

    func documents(of owner: User) async throws -> [Document] {
        try await Document.query(on: self.db).filter(\.$owner.$id == owner.requireID()).sort(\.$createdAt, .descending).all()
    }

    /// Checks the file, stores it, and records it. Nothing is stored when a check fails.
    func upload(by owner: User, kind: String, fileName: String, bytes: [UInt8]) async throws -> Document {
        let checked = try DocumentUpload.check(kind: kind, fileName: fileName, bytes: bytes, maximumBytes: self.maximumBytes).get()
        let ownerID = try owner.requireID()
        let count = try await Document.query(on: self.db).filter(\.$owner.$id == ownerID).count()
        guard count < Self.maximumDocumentsPerUser else {
            throw ValidationReport([
                FieldError(field: "file", message: "You have \(count) documents, the most Rounds keeps; delete one you no longer need first.")
            ])
        }
        let key = try await self.storage.write(bytes)
        let document = Document(
            ownerID: ownerID, checked: checked, byteCount: bytes.count, sha256: SecretToken.hexSHA256(Data(bytes)), storageKey: key, now: self.now
        )
        do {
            try await document.create(on: self.db)
        } catch {
            try? await self.storage.delete(key)
            throw error
        }
        return document
    }

    /// The document if `viewer` may read it: its owner, or a host of a session it was submitted to.
    func readable(_ id: UUID, by viewer: User) async throws -> Document? {
        guard let document = try await Document.find(id, on: self.db) else { return nil }
        let viewerID = try viewer.requireID()
        if document.$owner.id == viewerID { return document }
        guard viewer.has(.host) else { return nil }
        let submittedToViewer = try await ApplicationDocument.query(on: self.db)
            .filter(\.$document.$id == id)
            .join(SessionApplication.self, on: \ApplicationDocument.$application.$id == \SessionApplication.$id)
            .filter(SessionApplication.self, \.$status != ApplicationStatus.draft)
            .join(OpportunitySession.self, on: \SessionApplication.$session.$id == \OpportunitySession.$id)
            .join(Opportunity.self, on: \OpportunitySession.$opportunity.$id == \Opportunity.$id)
            .join(Site.self, on: \Opportunity.$site.$id == \Site.$id)
            .filter(Site.self, \.$host.$id == viewerID)
            .count()
        return submittedToViewer > 0 ? document : nil
    }

    /// The bytes of a document `viewer` may read, after logging the download.
    func download(_ document: Document, by viewer: User) async throws -> Data {
        try await DocumentDownload(documentID: try document.requireID(), userID: try viewer.requireID(), at: self.now).create(on: self.db)
        return try await self.storage.read(document.storageKey)
    }

    /// Deletes one of the owner's documents unless an application uses it. Returns false when it is not theirs.
    func delete(_ id: UUID, by owner: User) async throws -> Bool {
        guard let document = try await Document.find(id, on: self.db), document.$owner.id == (try owner.requireID()) else { return false }
        let uses = try await ApplicationDocument.query(on: self.db).filter(\.$document.$id == id).count()
        guard uses == 0 else {
            throw Abort(.conflict, reason: "This document is attached to \(uses == 1 ? "an application" : "\(uses) applications"), so it is kept.")
        }
        try await document.delete(on: self.db)
        try await self.storage.delete(document.storageKey)
        return true
    }
}

extension Request {
    var documentVault: DocumentVault {
        DocumentVault(db: self.db, storage: self.documentStorage, maximumBytes: self.config.uploadMaximumBytes, now: self.now)
    }
}
