// swift-tools-version: 6.1
// libFuzzer entry points for ColdCredits' fuzz targets (Tests/FuzzTargets). Built and run by `scripts/fuzz/run`,
// never by `swift build` at the repository root: it needs `-sanitize=fuzzer`.
import Foundation
import PackageDescription

// The repository is two folders up; a path dependency's identity is its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

let package = Package(
    name: "coldcredits-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "coldcredits-fuzz",
            dependencies: ["CLibFuzzer", .product(name: "FuzzTargets", package: root.lastPathComponent.lowercased())]
        ),
    ],
    swiftLanguageModes: [.v6]
)
