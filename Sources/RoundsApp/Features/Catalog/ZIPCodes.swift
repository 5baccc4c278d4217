import Foundation
import RoundsCore

/// US ZIP centroids from the bundled CSV, read once per process.
enum ZIPCodes {
    static let directory: ZIPDirectory = {
        guard let url = Bundle.module.url(forResource: "us-zipcodes", withExtension: "csv", subdirectory: "data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return ZIPDirectory(csv: "") }
        return ZIPDirectory(csv: text)
    }()
}
