public import Foundation
import EthereumPrimitives

/// Locates test fixtures without resource bundles: paths are derived from this file's `#filePath`.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Vectors`: the public test vectors committed with the repository (sources in its README.md).
    public static var vectors: URL { repositoryRoot.appendingPathComponent("Tests/Vectors") }

    /// The `formats/` folder of the repository.
    public static var formats: URL { repositoryRoot.appendingPathComponent("formats") }

    /// Reads a file under `Tests/Vectors`.
    public static func vector(_ relativePath: String) throws -> Data {
        try Data(contentsOf: vectors.appendingPathComponent(relativePath))
    }

    /// Parses a JSON file under `Tests/Vectors` into Foundation values.
    public static func vectorJSON(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: vector(relativePath), options: [.fragmentsAllowed])
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
