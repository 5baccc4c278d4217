import Foundation
import Vapor

/// Part of `accept-race`: applicants upload a document through one instance and download it through
/// another. With ROUNDS_DOCUMENT_STORE=database and a storage directory per instance, this passes only
/// when the bytes travel through the database.
enum DocumentRelay {
    static func run(_ app: Application, servers: [String], tokens: [String]) async throws -> Bool {
        guard servers.count >= 2 else { return true }
        var failures: [String] = []
        for (index, token) in tokens.enumerated() {
            let writer = servers[index % servers.count]
            let reader = servers[(index + 1) % servers.count]
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let bytes = Array("%PDF-1.7\n% relay \(index)\n".utf8) + (0..<4_096).map { _ in UInt8.random(in: 0...255) } + Array("\n%%EOF\n".utf8)
            let boundary = "relay-\(UUID().uuidString)"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncv\r\n")
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv-\(index).pdf\"\r\n")
            body.writeString("Content-Type: application/pdf\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n--\(boundary)--\r\n")
            var uploadHeaders = headers
            uploadHeaders.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let upload = try await app.client.post(URI(string: "\(writer)/api/v1/documents"), headers: uploadHeaders) { $0.body = body }
            guard upload.status == .created, let id = try? upload.content.get(String.self, at: "id") else {
                failures.append("upload \(index) through \(writer): \(upload.status.code)")
                continue
            }
            let download = try await app.client.get(URI(string: "\(reader)/api/v1/documents/\(id)"), headers: headers)
            let received = download.body.map { Array($0.readableBytesView) } ?? []
            if download.status != .ok || received != bytes {
                failures.append("download \(index) through \(reader): \(download.status.code), \(received.count) of \(bytes.count) bytes")
            }
        }
        if failures.isEmpty {
            say("documents: \(tokens.count) uploaded through one instance, each downloaded byte for byte through the other")
        } else {
            say("documents: \(failures.count) of \(tokens.count) did not travel between instances:\n  " + failures.joined(separator: "\n  "))
        }
        return failures.isEmpty
    }
}
