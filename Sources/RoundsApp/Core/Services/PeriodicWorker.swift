import Vapor

/// While `rounds serve` runs, does one round of background work, then waits `interval` and repeats,
/// until shutdown. A failed round is logged and the next one runs as usual.
final class PeriodicWorker: LifecycleHandler, @unchecked Sendable {
    typealias Round = @Sendable (Application) async throws -> Void

    private let name: String
    private let interval: @Sendable (AppConfig) -> Duration
    private let round: Round
    private var task: Task<Void, Never>?

    init(name: String, interval: @escaping @Sendable (AppConfig) -> Duration, round: @escaping Round) {
        self.name = name
        self.interval = interval
        self.round = round
    }

    func didBootAsync(_ application: Application) async throws {
        guard application.isServing else { return }
        let interval = self.interval(application.config)
        let (name, round, logger) = (self.name, self.round, application.logger)
        self.task = Task {
            while !Task.isCancelled {
                do {
                    try await round(application)
                } catch {
                    logger.error("\(name) round failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        self.task?.cancel()
        await self.task?.value
    }
}
