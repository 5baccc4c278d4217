import Foundation
import Vapor

/// Says how often a password has appeared in known data breaches.
public protocol BreachedPasswordChecker: Sendable {
    func timesSeen(_ password: String) async throws -> Int
}

/// Have I Been Pwned's Pwned Passwords range API with k-anonymity: only the first five hex characters of
/// the password's SHA-1 leave the server; the answer lists every suffix with that prefix (padded with
/// decoys), and the match is made here. Off unless `ROUNDS_PWNED_PASSWORDS` is set (docs/SECURITY.md).
struct PwnedPasswordsRange: BreachedPasswordChecker {
    static let defaultBaseURL = "https://api.pwnedpasswords.com"

    let baseURL: String
    let client: any Client

    /// The hex SHA-1 of `password`, upper case, split into the prefix that is sent and the suffix that is not.
    static func split(_ password: String) -> (prefix: String, suffix: String) {
        let hex = Insecure.SHA1.hash(data: Data(password.utf8)).map { String(format: "%02X", $0) }.joined()
        return (String(hex.prefix(5)), String(hex.dropFirst(5)))
    }

    /// The count for `suffix` in a range answer (`SUFFIX:COUNT` lines; padding entries have count 0).
    static func count(of suffix: String, in body: String) -> Int {
        for line in body.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":")
            guard parts.count == 2, parts[0].uppercased() == suffix else { continue }
            return Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }

    func timesSeen(_ password: String) async throws -> Int {
        let (prefix, suffix) = Self.split(password)
        let base = self.baseURL.hasSuffix("/") ? String(self.baseURL.dropLast()) : self.baseURL
        let response = try await self.client.get(URI(string: "\(base)/range/\(prefix)")) { request in
            request.headers.replaceOrAdd(name: "Add-Padding", value: "true")
            request.headers.replaceOrAdd(name: .userAgent, value: "Rounds")
            request.timeout = .seconds(5)
        }
        guard response.status == .ok, let body = response.body.map({ String(buffer: $0) }) else {
            throw Abort(.badGateway, reason: "The breached-password service answered \(response.status.code).")
        }
        return Self.count(of: suffix, in: body)
    }
}
