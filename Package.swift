// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "promptlib",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "promptlib", targets: ["promptlib"]),
        .library(name: "PromptLibServer", targets: ["PromptLibServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "4.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
    ],
    targets: [
        .target(
            name: "PromptLibCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "PromptLibStorage",
            dependencies: [
                "PromptLibCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A small RESP2 client on SwiftNIO: no maintained Redis client is among the packages here.
        .target(
            name: "PromptLibRedis",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PromptLibServer",
            dependencies: [
                "PromptLibCore",
                "PromptLibStorage",
                "PromptLibRedis",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            plugins: ["EmbedWebAssets"]
        ),
        // The web UI (web/) goes into the server as code: the binary is the whole product.
        .executableTarget(name: "promptlib-web-embed"),
        .plugin(name: "EmbedWebAssets", capability: .buildTool(), dependencies: ["promptlib-web-embed"]),
        .executableTarget(
            name: "promptlib",
            dependencies: [
                "PromptLibServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "promptlib-bench-render",
            dependencies: ["PromptLibCore"],
            path: "Benchmarks/RenderThroughput"
        ),
        // Renders the SDK conformance corpus that scripts/sdk/conformance.py validates.
        .executableTarget(
            name: "promptlib-sdk-corpus",
            dependencies: ["PromptLibCore"],
            path: "Tests/SDKConformance"
        ),
        .target(
            name: "PromptLibTestSupport",
            dependencies: [
                "PromptLibCore",
                "PromptLibStorage",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PromptLibTestSupport"
        ),
        // Golden files are read from the source tree (#filePath), not bundled.
        .testTarget(name: "PromptLibCoreTests", dependencies: ["PromptLibCore", "PromptLibTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "PromptLibStorageTests",
            dependencies: ["PromptLibStorage", "PromptLibTestSupport"]
        ),
        .testTarget(name: "PromptLibRedisTests", dependencies: ["PromptLibRedis", "PromptLibTestSupport"]),
        .testTarget(
            name: "PromptLibServerTests",
            dependencies: [
                "PromptLibServer",
                "PromptLibTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
    ]
)
