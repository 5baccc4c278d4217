// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Rounds",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rounds", targets: ["RoundsServer"]),
        .executable(name: "rounds-bench", targets: ["RoundsBench"]),
        .executable(name: "rounds-match", targets: ["RoundsMatch"]),
        .library(name: "MatchEngine", targets: ["MatchEngine"]),
        .library(name: "RoundsCore", targets: ["RoundsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        // The SMTP client speaks to the mail server directly; both come with Vapor already.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.34.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        // Markdown for guides and newsletter issues (the design names it); its output is sanitized by ours.
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        // Typed ids (Tagged<Model, UUID>): an application id cannot be passed where a session id is expected.
        .package(url: "https://github.com/pointfreeco/swift-tagged.git", from: "0.10.0"),
        // One parser for the commands that run without the web app (match, check-identifiers, restore).
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Tests only: HTML snapshots of the main pages, so a layout change is a reviewed diff. Only its
        // SnapshotTesting target is built (it has no dependencies of its own).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        // Tests only: OpenAPIKit parses and validates the served OpenAPI document.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0"),
        // Prometheus text format for the request metrics Vapor already records through swift-metrics,
        // and for Rounds' own (outbox, search index, match runs): /metrics (issue 23).
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        // The account data export is a ZIP of JSON and the uploaded files (issue 23 names it).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure libraries: no package dependencies, so `import Vapor` here fails the build.
        // DelimitedText is the one CSV reader and writer both of the others use.
        .target(name: "DelimitedText", swiftSettings: swiftSettings),
        .target(name: "MatchEngine", dependencies: ["DelimitedText"], swiftSettings: swiftSettings),
        // Its resources are reference lists (names, ZIP codes) read through Foundation's Bundle.
        // The Match simulator runs its seasons through MatchEngine.
        .target(name: "RoundsCore", dependencies: ["DelimitedText", "MatchEngine"], resources: [.copy("Resources")], swiftSettings: swiftSettings),
        // Markdown to HTML that is safe to show: Ink renders, an allow-list sanitizer keeps only what it made.
        .target(name: "SafeMarkdown", dependencies: [.product(name: "Ink", package: "Ink")], swiftSettings: swiftSettings),
        // The commands that need no web app; `rounds-match` is the match command alone, so a run does not
        // load the web stack (about 10 ms and 13 MiB less at 5k applicants; issue 14 times whole processes).
        .target(
            name: "CommandLineTools", dependencies: ["MatchEngine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        .executableTarget(name: "RoundsMatch", dependencies: ["CommandLineTools"], swiftSettings: swiftSettings),
        .target(
            name: "RoundsApp",
            dependencies: [
                "RoundsCore",
                "MatchEngine",
                "DelimitedText",
                "CommandLineTools",
                "SafeMarkdown",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Tagged", package: "swift-tagged"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RoundsServer",
            dependencies: ["RoundsApp", "CommandLineTools", .product(name: "Vapor", package: "vapor")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RoundsBench",
            dependencies: [
                "MatchEngine", "RoundsCore", "DelimitedText", "RoundsApp", .product(name: "Vapor", package: "vapor"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MatchEngineTests", dependencies: ["MatchEngine"], swiftSettings: swiftSettings),
        .testTarget(name: "SafeMarkdownTests", dependencies: ["SafeMarkdown"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RoundsCoreTests", dependencies: ["RoundsCore", "DelimitedText", "MatchEngine"], resources: [.copy("Resources")], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RoundsAppTests",
            dependencies: [
                "RoundsApp",
                "RoundsCore",
                "MatchEngine",
                "DelimitedText",
                "CommandLineTools",
                "SafeMarkdown",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Tagged", package: "swift-tagged"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            exclude: ["Features/__Snapshots__"],
            swiftSettings: swiftSettings
        ),
    ]
)

// A computed property, not a stored constant: each target must get its own array instance
// (a shared stored `let` trips SwiftPM's manifest evaluation on some toolchains).
var swiftSettings: [SwiftSetting] {
    [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
    ]
}
