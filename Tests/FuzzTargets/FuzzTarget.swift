public import Foundation

/// One decoder reachable from a file or a QR code, as the harness drives it.
public struct FuzzTarget: Sendable {
    /// How an input was taken.
    public enum Outcome: Sendable {
        /// Decoded (and, where the tool goes further, checked and rendered).
        case accepted
        /// Refused with an error, as bad input should be.
        case refused
        /// Broke a property the harness checks (a re-encoding that differs, …): a bug, though not a crash.
        case finding(String)
    }

    /// The target's name: the folder of its seeds under `Tests/FuzzTests/Corpus/`.
    public let name: String
    /// Tokens of the format, added to the mutation engine's common ones.
    public let dictionary: [[UInt8]]
    /// What nests in this format (repeated by the engine to build deep structures).
    public let nesting: [[UInt8]]
    /// Mutants are cut to this many bytes.
    public let maxLength: Int
    /// Feeds one input through the decoder and what the tools do with a decoded value.
    public let body: @Sendable ([UInt8]) -> Outcome

    /// A target named `name` running `body`.
    public init(
        _ name: String, dictionary: [String] = [], binaryTokens: [[UInt8]] = [], nesting: [[UInt8]] = [],
        maxLength: Int = 1 << 16, body: @escaping @Sendable ([UInt8]) -> Outcome
    ) {
        self.name = name
        self.dictionary = dictionary.map { Array($0.utf8) } + binaryTokens
        self.nesting = nesting
        self.maxLength = maxLength
        self.body = body
    }

    /// Runs `body` and maps a ``FuzzFinding`` to ``Outcome/finding(_:)``, any other error to ``Outcome/refused``.
    public static func outcome(_ body: () throws -> Void) -> Outcome {
        do {
            try body()
            return .accepted
        } catch let finding as FuzzFinding {
            return .finding(finding.description)
        } catch {
            return .refused
        }
    }
}

/// Every target of the harness, in a fixed order.
public enum FuzzTargets {
    /// All targets: documents, QR forms, Ethereum encodings.
    public static let all: [FuzzTarget] = documents + qrForms + ethereum

    /// The repository root (the folder holding Package.swift), from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The committed seeds of the target called `name`.
    public static func corpusDirectory(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/FuzzTests/Corpus").appendingPathComponent(name)
    }

    /// The target called `name`.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
