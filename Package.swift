// swift-tools-version: 6.1
// ColdCredits: buy OpenRouter credits with crypto while the paying key stays on an offline machine.
//
// The air gap is part of the build graph: `sign` reaches no networking module, and `prepare` and
// `broadcast` reach no keystore or offline-signing module. `.ci/airgap-check` proves it on every build.
import PackageDescription

let package = Package(
    name: "ColdCredits",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "prepare", targets: ["prepare"]),
        .executable(name: "sign", targets: ["sign"]),
        .executable(name: "broadcast", targets: ["broadcast"]),
        .executable(name: "coldcredits-bench", targets: ["coldcredits-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        // C libraries, each owned by exactly one Swift module.
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        // Pure Ethereum core.
        .target(name: "EthereumPrimitives"),
        .target(name: "EthereumRLP", dependencies: ["EthereumPrimitives"]),
        .target(name: "EthereumABI", dependencies: ["EthereumPrimitives"]),
        .target(name: "Secp256k1", dependencies: ["CSecp256k1", "EthereumPrimitives"]),
        .target(name: "EthereumTransactions", dependencies: ["EthereumPrimitives", "EthereumRLP", "Secp256k1"]),

        // Offline-only: keys and the signer.
        .target(
            name: "Keystore",
            dependencies: [
                "Secp256k1", "EthereumPrimitives",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),

        // Shared by both sides of the air gap.
        .target(name: "CommandLineSupport", dependencies: ["EthereumPrimitives"]),
        .target(
            name: "QRTransport",
            dependencies: [
                "CQREncode", "CZBar", "CPNG", "EthereumPrimitives",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Executables.
        .executableTarget(
            name: "prepare",
            dependencies: ["CommandLineSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "sign",
            dependencies: [
                "CommandLineSupport", "Keystore", "EthereumTransactions", "EthereumABI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "broadcast",
            dependencies: [
                "CommandLineSupport", "EthereumTransactions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "coldcredits-bench",
            dependencies: ["EthereumPrimitives", "EthereumTransactions", "Secp256k1"],
            path: "Sources/Benchmarks"
        ),

        // Tests.
        .target(name: "TestSupport", dependencies: ["EthereumPrimitives"], path: "Tests/TestSupport"),
        .testTarget(name: "EthereumPrimitivesTests", dependencies: ["EthereumPrimitives", "TestSupport"]),
        .testTarget(name: "EthereumRLPTests", dependencies: ["EthereumRLP", "TestSupport"]),
        .testTarget(name: "EthereumABITests", dependencies: ["EthereumABI", "TestSupport"]),
        .testTarget(name: "Secp256k1Tests", dependencies: ["Secp256k1", "TestSupport"]),
        .testTarget(
            name: "EthereumTransactionsTests",
            dependencies: ["EthereumTransactions", "Secp256k1", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KeystoreTests", dependencies: ["Keystore", "TestSupport"]),
        .testTarget(
            name: "QRTransportTests",
            dependencies: ["QRTransport", "TestSupport", "EthereumPrimitives"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
