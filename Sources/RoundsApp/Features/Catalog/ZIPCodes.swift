import Foundation
import RoundsCore

/// US ZIP centroids from the bundled CSV, read once per process (the identifier guard's place names come
/// from the same copy).
enum ZIPCodes {
    static var directory: ZIPDirectory { .shipped }
}
