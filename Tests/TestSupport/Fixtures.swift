public import Foundation
public import EthereumPrimitives

/// Locates test fixtures without resource bundles: paths are derived from this file's `#filePath`.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/vectors` beside the checkout (CI lays it there too); `COLDCREDITS_SHARED_VECTORS` overrides.
    public static var sharedVectors: URL {
        if let override = ProcessInfo.processInfo.environment["COLDCREDITS_SHARED_VECTORS"] {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors")
    }

    /// The `formats/` folder of the repository.
    public static var formats: URL { repositoryRoot.appendingPathComponent("formats") }

    /// Reads a file under `../shared/vectors`.
    public static func sharedVector(_ relativePath: String) throws -> Data {
        try Data(contentsOf: sharedVectors.appendingPathComponent(relativePath))
    }

    /// Parses a JSON file under `../shared/vectors` into Foundation values.
    public static func sharedJSON(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: sharedVector(relativePath), options: [.fragmentsAllowed])
    }

    /// Reads a file relative to the repository root.
    public static func repositoryFile(_ relativePath: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath))
    }
}

/// Decodes hex in tests, with or without `0x`; a malformed literal is a bug in the test itself.
public func hexBytes(_ text: String) -> [UInt8] {
    do {
        return try Hex.decode(text, field: "test literal", requirePrefix: false)
    } catch {
        preconditionFailure("bad hex literal in test: \(error)")
    }
}
