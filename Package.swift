// swift-tools-version: 6.1
// ColdCredits: buy OpenRouter credits with crypto while the paying key stays on an offline machine.
//
// The air gap is part of the build graph: `sign` reaches no networking module, and `prepare` and
// `broadcast` reach no keystore or offline-signing module. `.ci/airgap_check.py` proves it on every build.
import Foundation
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: [Target.Dependency] = [
    .product(name: "Crypto", package: "swift-crypto"),
    .product(name: "_CryptoExtras", package: "swift-crypto"),
]

let package = Package(
    name: "ColdCredits",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "prepare", targets: ["prepare"]),
        .executable(name: "sign", targets: ["sign"]),
        .executable(name: "broadcast", targets: ["broadcast"]),
        .executable(name: "coldcredits-bench", targets: ["coldcredits-bench"]),
        .executable(name: "sandbox", targets: ["sandbox"]),
        // The fuzz targets as a library, for the libFuzzer package in scripts/fuzz (never linked into a tool).
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module.
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZBar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),

        // The Ethereum core: pure Swift except Secp256k1, the one owner of libsecp256k1.
        .target(name: "EthereumPrimitives"),
        .target(name: "EthereumRLP", dependencies: ["EthereumPrimitives"]),
        .target(name: "EthereumABI", dependencies: ["EthereumPrimitives"]),
        .target(name: "Secp256k1", dependencies: ["CSecp256k1", "EthereumPrimitives"]),
        // Keys and signing: offline only (the online tools link Secp256k1's verification, never this).
        .target(
            name: "SigningKeys",
            dependencies: ["CSecp256k1", "Secp256k1", "EthereumPrimitives", "EthereumRLP", "EthereumTransactions"]),
        .target(name: "EthereumTransactions", dependencies: ["EthereumPrimitives", "EthereumRLP", "Secp256k1"]),

        // Shared by both sides of the air gap: formats and command-line plumbing (no keys, no networking).
        .target(
            name: "BundleFormat",
            dependencies: [
                "EthereumPrimitives", "EthereumABI", "EthereumRLP", "EthereumTransactions", "StrictJSON", "TerminalText",
            ]),
        .target(
            name: "CommandLineSupport",
            dependencies: [
                "BundleFormat", "EthereumPrimitives", "QRBundle", "QRTransport", "StrictJSON", "TerminalText", argumentParser,
            ]),
        // The one display path: escapes for strings from outside the binary and the sanitiser every line passes.
        .target(name: "TerminalText"),
        // The one JSON layer: strict parser, path-aware reader, canonical writer (line and document styles).
        .target(name: "StrictJSON", dependencies: ["EthereumPrimitives"]),

        // QR codes across the air gap: the one owner of libqrencode, zbar and libpng; used on both sides.
        .target(
            name: "QRTransport",
            dependencies: ["CQREncode", "CZBar", "CPNG", "EthereumPrimitives", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // The bundle and the signed transaction over QR: compact CBOR forms and ERC-4527 adapters (no keys, no networking).
        .target(
            name: "QRBundle",
            dependencies: [
                "QRTransport", "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumRLP", "EthereumTransactions",
                "Secp256k1", "StrictJSON", "TerminalText",
            ]
        ),

        // Online only: HTTP, JSON-RPC and the OpenRouter API (the only modules that may use FoundationNetworking).
        .target(name: "HTTPTransport", dependencies: ["TerminalText"]),
        .target(name: "LoopbackHTTP", dependencies: ["HTTPTransport"]),
        .target(name: "EthereumRPC", dependencies: ["HTTPTransport", "StrictJSON", "EthereumPrimitives", "TerminalText"]),
        .target(name: "PaymentAPI", dependencies: ["HTTPTransport", "StrictJSON", "EthereumPrimitives", "TerminalText"]),

        .target(
            name: "Preparation",
            dependencies: [
                "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumRPC", "EthereumTransactions", "PaymentAPI",
                "Secp256k1", "StrictJSON", "TerminalText",
            ]
        ),

        .target(
            name: "Broadcasting",
            dependencies: [
                "BundleFormat", "CommandLineSupport", "EthereumABI", "EthereumPrimitives", "EthereumRPC",
                "EthereumTransactions", "HTTPTransport", "PaymentAPI", "StrictJSON", "TerminalText",
            ]
        ),
        .target(
            name: "OnlineSupport",
            dependencies: [
                "Broadcasting", "BundleFormat", "CommandLineSupport", "EthereumPrimitives", "EthereumRPC", "HTTPTransport",
                "PaymentAPI", "Preparation", "TerminalText", argumentParser,
            ]
        ),

        // The local stand-in for OpenRouter and a chain (tests and demos; never linked into the three tools).
        .target(
            name: "Sandbox",
            dependencies: [
                "SigningKeys",
                "EthereumPrimitives", "EthereumRLP", "EthereumABI", "Secp256k1", "EthereumTransactions", "BundleFormat",
                "HTTPTransport", "LoopbackHTTP", "StrictJSON",
            ],
            exclude: ["README.md"]
        ),

        // Approvals (M-of-N, EIP-191) and the hash-chained audit trail: no keys held, no networking.
        .target(
            name: "Approvals",
            dependencies: ["SigningKeys", "BundleFormat", "EthereumPrimitives", "Secp256k1", "StrictJSON", "TerminalText"]),
        .target(name: "AuditLog", dependencies: ["BundleFormat", "EthereumPrimitives", "StrictJSON", "TerminalText"]),
        // `--audit-log` and the `audit verify|timeline` subcommand, shared by all three tools (no keys, no networking).
        .target(
            name: "AuditCommands",
            dependencies: [
                "AuditLog", "BundleFormat", "CommandLineSupport", "EthereumPrimitives", "StrictJSON", "TerminalText",
                argumentParser,
            ]
        ),

        // Offline only: keys and the signer.
        .target(
            name: "Keystore",
            dependencies: ["SigningKeys", "Secp256k1", "EthereumPrimitives", "StrictJSON", "TerminalText"] + crypto),
        .target(name: "HDKeys", dependencies: ["SigningKeys", "Secp256k1", "EthereumPrimitives"] + crypto),
        .target(
            name: "OfflineSigning",
            dependencies: [
                "SigningKeys", "AuditLog",
                "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumTransactions", "Secp256k1", "StrictJSON",
                "TerminalText", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Executables: thin — parse, call one library function, render.
        .executableTarget(
            name: "prepare",
            dependencies: [
                "CommandLineSupport", "BundleFormat", "OnlineSupport", "Preparation", "EthereumPrimitives", "EthereumRPC",
                "EthereumTransactions", "EthereumABI", "HTTPTransport", "PaymentAPI", "QRBundle", "QRTransport", argumentParser,
                "AuditLog", "AuditCommands", "StrictJSON", "TerminalText",
            ]
        ),
        .executableTarget(
            name: "sign",
            dependencies: [
                "SigningKeys",
                "CommandLineSupport", "BundleFormat", "OfflineSigning", "Keystore", "HDKeys", "Secp256k1",
                "EthereumPrimitives", "EthereumTransactions", "QRBundle", "QRTransport", argumentParser,
                "Approvals", "AuditLog", "AuditCommands", "StrictJSON", "TerminalText",
            ]
        ),
        .executableTarget(
            name: "broadcast",
            dependencies: [
                "Broadcasting", "BundleFormat", "CommandLineSupport", "EthereumABI", "EthereumPrimitives", "EthereumRPC",
                "EthereumTransactions", "OnlineSupport", "PaymentAPI", "QRBundle", "QRTransport", argumentParser,
                "AuditLog", "AuditCommands", "StrictJSON", "TerminalText",
            ]
        ),
        .executableTarget(
            name: "coldcredits-bench",
            dependencies: [
                "SigningKeys", "Keystore", "BundleFormat", "EthereumPrimitives", "EthereumTransactions", "OfflineSigning",
                "Secp256k1",
                "StrictJSON",
            ],
            path: "Sources/Tools/Benchmarks"
        ),

        .executableTarget(
            name: "sandbox",
            dependencies: ["Sandbox", "BundleFormat", "CommandLineSupport", "EthereumPrimitives", "TerminalText", argumentParser]
        ),

        // Tests: one target per library module.
        .target(name: "TestSupport", dependencies: ["EthereumPrimitives"], path: "Tests/TestSupport"),
        .testTarget(name: "EthereumPrimitivesTests", dependencies: ["EthereumPrimitives", "TestSupport"]),
        .testTarget(name: "EthereumRLPTests", dependencies: ["EthereumRLP", "TestSupport"]),
        .testTarget(name: "EthereumABITests", dependencies: ["SigningKeys", "EthereumABI", "Secp256k1", "TestSupport"]),
        .testTarget(name: "Secp256k1Tests", dependencies: ["SigningKeys", "Secp256k1", "TestSupport"]),
        .testTarget(
            name: "EthereumTransactionsTests", dependencies: ["SigningKeys", "EthereumTransactions", "Secp256k1", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BundleFormatTests",
            dependencies: [
                "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumRLP", "EthereumTransactions", "TestSupport",
            ]),
        .testTarget(
            name: "OfflineSigningTests",
            dependencies: [
                "SigningKeys", "OfflineSigning", "BundleFormat", "EthereumABI", "EthereumTransactions", "Secp256k1",
                "CommandLineSupport",
                "StrictJSON", "TestSupport",
            ]
        ),
        .testTarget(
            name: "QRTransportTests", dependencies: ["QRTransport", "TestSupport", "EthereumPrimitives"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "QRBundleTests",
            dependencies: [
                "SigningKeys",
                "QRBundle", "QRTransport", "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumRLP",
                "EthereumTransactions", "OfflineSigning", "Secp256k1", "TestSupport",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "QRBundle", "QRTransport", "BundleFormat", "EthereumABI", "EthereumPrimitives",
                "EthereumTransactions", "StrictJSON",
            ]
        ),
        .testTarget(
            name: "KeystoreTests", dependencies: ["SigningKeys", "Keystore", "Secp256k1", "EthereumPrimitives", "TestSupport"]),
        .testTarget(
            name: "HDKeysTests", dependencies: ["SigningKeys", "HDKeys", "Secp256k1", "EthereumPrimitives", "TestSupport"]),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport", "LoopbackHTTP"]),
        .testTarget(
            name: "EthereumRPCTests",
            dependencies: ["EthereumRPC", "HTTPTransport", "LoopbackHTTP", "StrictJSON", "TestSupport"]
        ),
        .testTarget(
            name: "PaymentAPITests",
            dependencies: ["PaymentAPI", "HTTPTransport", "LoopbackHTTP", "StrictJSON", "TestSupport"]
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "SigningKeys",
                "Sandbox", "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumTransactions", "Secp256k1",
                "HTTPTransport", "LoopbackHTTP", "StrictJSON", "PaymentAPI", "EthereumRPC", "OfflineSigning", "TestSupport",
            ]
        ),
        .target(
            name: "SandboxTestSupport",
            dependencies: [
                "SigningKeys",
                "Sandbox", "BundleFormat", "EthereumPrimitives", "EthereumRPC", "HTTPTransport", "LoopbackHTTP", "PaymentAPI",
                "Secp256k1",
            ],
            path: "Tests/SandboxTestSupport"
        ),
        .testTarget(
            name: "PreparationTests",
            dependencies: [
                "SigningKeys",
                "SandboxTestSupport", "Preparation", "Sandbox", "BundleFormat", "EthereumABI", "EthereumPrimitives",
                "EthereumRPC",
                "EthereumTransactions", "HTTPTransport", "LoopbackHTTP", "PaymentAPI", "Secp256k1",
            ]
        ),
        .testTarget(
            name: "BroadcastingTests",
            dependencies: [
                "SigningKeys",
                "SandboxTestSupport", "Broadcasting", "Preparation", "OfflineSigning", "Sandbox", "BundleFormat", "EthereumABI",
                "EthereumPrimitives", "CommandLineSupport", "OnlineSupport",
                "EthereumRPC", "EthereumTransactions", "HTTPTransport", "LoopbackHTTP", "PaymentAPI", "Secp256k1",
            ]
        ),
        .testTarget(
            name: "ApprovalsTests",
            dependencies: ["SigningKeys", "Approvals", "BundleFormat", "EthereumPrimitives", "Secp256k1", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AuditLogTests", dependencies: ["AuditLog", "BundleFormat", "EthereumPrimitives", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        // Fuzzing: every decoder reachable from a file or a QR code, one mutation engine, a committed seed corpus.
        .target(
            name: "FuzzTargets",
            dependencies: [
                "Approvals", "AuditLog", "Broadcasting", "BundleFormat", "EthereumABI", "EthereumPrimitives", "EthereumRLP",
                "EthereumTransactions", "HTTPTransport", "Keystore", "OfflineSigning", "PaymentAPI", "QRBundle",
                "QRTransport", "StrictJSON",
            ],
            path: "Tests/FuzzTargets"
        ),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "StrictJSON"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)

// COLDCREDITS_NO_CAMERA=1 (set by scripts/release) builds without live camera capture: QR images still work, and
// zbar's video and X11 modules are never referenced, so libzbar links statically with no desktop stack behind it.
let noCamera = ProcessInfo.processInfo.environment["COLDCREDITS_NO_CAMERA"] == "1"
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    if noCamera { settings.append(.define("COLDCREDITS_NO_CAMERA")) }
    target.swiftSettings = settings
}

// The tree shows the air gap: every module lives in Sources/<side>/<module>, and its folder is its side.
//   C        the system C libraries, one owner module each (libsecp256k1: Secp256k1 verifies, SigningKeys signs)
//   Core     primitives, RLP, ABI, transactions (no signing), JSON, formats, UR/QR codecs: no keys, no networking
//   Offline  keys, keystores, HD keys, signing, policy, ledger, approvals, and `sign`: links no networking
//   Online   HTTP, JSON-RPC, the payment API, preparation, broadcasting, `prepare` and `broadcast`: no keys
//   Tools    command-line support shared by the executables, and the benchmarks
//   Sandbox  the local stand-in for OpenRouter and a chain, and `sandbox`: never linked into the three tools
// `.ci/airgap_check.py` reads each target's side from its path; nothing else lists them.
let sides = ["C", "Core", "Offline", "Online", "Tools", "Sandbox"]
let root = URL(fileURLWithPath: Context.packageDirectory)
for target in package.targets where target.type != .test && target.path == nil {
    let side = sides.first { side in
        FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/\(side)/\(target.name)").path)
    }
    if let side { target.path = "Sources/\(side)/\(target.name)" }
}
