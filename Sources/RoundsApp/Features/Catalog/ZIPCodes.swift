import Foundation
import RoundsCore

/// US ZIP centroids from the bundled CSV, read once per process.
enum ZIPCodes {
    static let directory = ZIPDirectory(csv: (try? ReferenceData.text("us-zipcodes.csv")) ?? "")
}
