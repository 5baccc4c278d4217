import Foundation
import RoundsCore
import Vapor

/// The side effects the app depends on, chosen once in `configure` and swapped in tests.
public struct AppServices: Sendable {
    public var clock: any TimeSource
    public var passwordHasher: PasswordHashing
    /// Built once: it holds the ranked word lists of the strength estimate.
    public var passwordPolicy: PasswordPolicy
    /// Asks a breached-password service about new passwords; nil (the default) asks nobody.
    public var breachedPasswords: (any BreachedPasswordChecker)?

    public init(
        clock: any TimeSource,
        passwordHasher: PasswordHashing,
        passwordPolicy: PasswordPolicy,
        breachedPasswords: (any BreachedPasswordChecker)? = nil
    ) {
        self.clock = clock
        self.passwordHasher = passwordHasher
        self.passwordPolicy = passwordPolicy
        self.breachedPasswords = breachedPasswords
    }
}

/// Where "now" comes from; tests inject a clock they can move.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemClock: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until told to move; for tests of expiry without sleeping.
public final class ManualClock: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        self.current = start
    }

    public func now() -> Date { self.lock.withLock { self.current } }

    public func advance(by seconds: TimeInterval) {
        self.lock.withLock { self.current.addTimeInterval(seconds) }
    }
}

/// Bcrypt with a configured cost, run as `CPUWork`: off the event loop and off the blocking pool.
public struct PasswordHashing: Sendable {
    public var cost: Int

    public init(cost: Int) {
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        try await CPUWork.run { try Bcrypt.hash(password, cost: self.cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await CPUWork.run { try Bcrypt.verify(password, created: hash) }
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = AppServices
    }

    private struct ConfigKey: StorageKey {
        typealias Value = AppConfig
    }

    public var services: AppServices {
        get {
            guard let services = self.storage[ServicesKey.self] else {
                fatalError("AppServices used before configure(_:config:) set them")
            }
            return services
        }
        set { self.storage[ServicesKey.self] = newValue }
    }

    public var config: AppConfig {
        get {
            guard let config = self.storage[ConfigKey.self] else {
                fatalError("AppConfig used before configure(_:config:) set it")
            }
            return config
        }
        set { self.storage[ConfigKey.self] = newValue }
    }
}

extension Request {
    var services: AppServices { self.application.services }
    var config: AppConfig { self.application.config }
    var now: Date { self.application.services.clock.now() }
}
