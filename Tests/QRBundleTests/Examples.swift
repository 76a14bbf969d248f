import SigningKeys
import BundleFormat
import EthereumPrimitives
import Foundation
import QRTransport
import Secp256k1
import TestSupport

/// The `formats/` examples and the keys of the sandbox payment, shared by the QRBundle suites.
enum Examples {
    static let unsignedFolder = "formats/unsigned-bundle/v1/examples"
    static let signedFolder = "formats/signed-transaction/v1/examples"

    static func names(in folder: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent(folder).path))
            ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    static let unsignedNames = names(in: unsignedFolder)
    static let signedNames = names(in: signedFolder)

    static func unsignedData(_ name: String) throws -> Data { try Fixtures.repositoryFile("\(unsignedFolder)/\(name)") }
    static func signedData(_ name: String) throws -> Data { try Fixtures.repositoryFile("\(signedFolder)/\(name)") }
    static func unsigned(_ name: String) throws -> IntentBundle { try IntentBundle(jsonData: unsignedData(name)) }
    static func signed(_ name: String) throws -> SignedTransactionFile { try SignedTransactionFile(jsonData: signedData(name)) }

    /// The sandbox payment's payer: the EIP-155 example key 0x46…46, address 0x9d8A…5A4F.
    static var payerKey: PrivateKey {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: 0x46, count: 32))) } catch { fatalError("\(error)") }
    }

    /// Another key, for signatures that must be refused.
    static var otherKey: PrivateKey {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: 0x22, count: 32))) } catch { fatalError("\(error)") }
    }

    /// The recorded `signingHash` of an unsigned example, read from its JSON (written by the eth-account generator).
    static func recordedSigningHash(_ name: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: unsignedData(name)) as? [String: Any]
        return object?["signingHash"] as? String ?? ""
    }

    /// A CBOR item with the element at `path` (array indexes) replaced.
    static func replacing(_ item: CBOR, at path: [Int], with replacement: CBOR) -> CBOR {
        guard let first = path.first, case .array(var items) = item else { return replacement }
        items[first] = replacing(items[first], at: Array(path.dropFirst()), with: replacement)
        return .array(items)
    }

    /// The element at `path`.
    static func element(_ item: CBOR, at path: [Int]) -> CBOR {
        guard let first = path.first, case .array(let items) = item else { return item }
        return element(items[first], at: Array(path.dropFirst()))
    }
}
