import Fluent
import FluentSQLiteDriver
import Vapor

/// One SQLite connection for the whole app, on one event loop.
///
/// The SQLite driver keeps one connection per event loop, so a two-core machine writes through two
/// connections to one file. SQLite lets one of them write at a time, and sqlite-nio's busy handler makes
/// the other retry without pause on a thread of the shared blocking pool, for as long as the lock is held.
/// When every thread of that pool is retrying, the transaction holding the lock cannot run its next
/// statement and nothing moves again (a CI run hung this way). With one connection, requests wait their turn in the connection pool without holding a
/// thread, and SQLite never meets a second writer.
struct SingleConnectionSQLite: DatabaseConfiguration {
    var sqlite: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { self.sqlite.middleware }
        set { self.sqlite.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        // An event loop is an event loop group of one: the driver's pool opens one connection on it.
        let loop = databases.eventLoopGroup.any()
        let driver = self.sqlite.makeDriver(for: Databases(threadPool: databases.threadPool, on: loop))
        return Driver(sqlite: driver, loop: loop)
    }

    struct Driver: DatabaseDriver {
        var sqlite: any DatabaseDriver
        var loop: any EventLoop

        func makeDatabase(with context: DatabaseContext) -> any Database {
            self.sqlite.makeDatabase(
                with: DatabaseContext(
                    configuration: context.configuration, logger: context.logger, eventLoop: self.loop, history: context.history,
                    pageSizeLimit: context.pageSizeLimit, shouldTrace: context.shouldTrace))
        }

        func shutdown() { self.sqlite.shutdown() }
        func shutdownAsync() async { await self.sqlite.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    /// SQLite through one connection (see `SingleConnectionSQLite`). Requests queue for it for up to
    /// 30 seconds, so a burst of writes on a busy machine waits rather than fails.
    static func singleConnectionSQLite(_ configuration: SQLiteConfiguration, sqlLogLevel: Logger.Level?) -> Self {
        let sqlite = DatabaseConfigurationFactory.sqlite(configuration, connectionPoolTimeout: .seconds(30), sqlLogLevel: sqlLogLevel)
        return .init { SingleConnectionSQLite(sqlite: sqlite.make()) }
    }
}
