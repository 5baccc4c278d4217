import Foundation

/// The list of common passwords shipped with the app (see Resources/data/README.md for its source).
enum CommonPasswords {
    static func load() throws -> Set<String> {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt", subdirectory: "data") else {
            throw ResourceMissing(name: "data/common-passwords.txt")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map { String($0) })
    }
}
