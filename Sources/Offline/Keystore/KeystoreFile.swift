public import EthereumPrimitives
public import Foundation
import StrictJSON

/// A Web3 Secret Storage (V3) keystore file, as written by geth, Foundry and MetaMask.
///
/// Reading is strict: `version` must be the number 3, the cipher `aes-128-ctr`, the KDF `scrypt` or
/// `pbkdf2`/`hmac-sha256` within ``KeystoreLimits``, hex fields of the right length, and no members outside
/// the format. Two tolerances, both for files other tools write: the legacy `Crypto` spelling of `crypto`
/// (MyEtherWallet; geth reads it because Go's JSON matching ignores case) and top-level `x-…` extension
/// members (ethers' `x-ethers`), which are ignored.
public struct KeystoreFile: Equatable, Sendable {
    /// The only format version this type reads and writes.
    public static let version = 3

    /// The file's UUID, as written (`id`).
    public let id: String
    /// The account address the file declares (`address`), if any.
    public let address: Address?
    /// Cipher, KDF and MAC.
    public let crypto: KeystoreCrypto

    /// Assembles a keystore; `address` should be the key's own address.
    public init(id: UUID, address: Address?, crypto: KeystoreCrypto) {
        self.id = id.uuidString.lowercased()
        self.address = address
        self.crypto = crypto
    }

    /// Parses keystore JSON strictly.
    public init(jsonData: Data) throws(KeystoreError) {
        guard !jsonData.isEmpty else { throw .emptyFile }
        guard jsonData.count <= KeystoreLimits.maximumFileBytes else {
            throw .fileTooLarge(bytes: jsonData.count, limit: KeystoreLimits.maximumFileBytes)
        }
        // Duplicate keys would let two readers see two different keystores; refuse them (and any non-RFC 8259 JSON).
        do { _ = try JSON.parse(jsonData) } catch { throw .malformedJSON(reason: error.description) }
        do {
            self = try JSONDecoder().decode(KeystoreFile.self, from: jsonData)
        } catch let error as KeystoreError {
            throw error
        } catch {
            throw .malformedJSON(reason: Self.reason(error))
        }
    }

    /// The declared address, for choosing an account before unlocking it.
    /// - Throws: ``KeystoreError/missingAddress`` when the file declares none.
    public func requireAddress() throws(KeystoreError) -> Address {
        guard let address else { throw .missingAddress }
        return address
    }

    /// The file as JSON bytes: sorted keys, hex without `0x`, the address in lower case without `0x` (as geth
    /// writes it).
    public func encode() throws(KeystoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(self)
        } catch {
            throw .encodingFailed(reason: "\(error)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.debugDescription
        }
        return "\(error)"
    }
}

extension KeystoreFile: Codable {
    private static let members: Set<String> = ["address", "crypto", "Crypto", "id", "version"]

    /// Reads the file strictly; every failure is a ``KeystoreError``.
    public init(from decoder: any Decoder) throws {
        let object = try StrictJSONObject(decoder, path: "", allowed: Self.members, allowsExtensions: true)
        let version = try object.int("version")
        guard version == Self.version else { throw KeystoreError.unsupportedVersion(found: version) }

        let id = try object.string("id")
        guard UUID(uuidString: id) != nil else {
            throw KeystoreError.invalidField(field: "id", reason: "expected a UUID (8-4-4-4-12 hex digits)")
        }
        self.id = id
        if object.contains("address") {
            address = try Self.parseAddress(object.string("address"))
        } else {
            address = nil
        }

        let cryptoName: String
        switch (object.contains("crypto"), object.contains("Crypto")) {
        case (true, false): cryptoName = "crypto"
        case (false, true): cryptoName = "Crypto"
        case (true, true): throw KeystoreError.unexpectedField("Crypto")
        case (false, false): throw KeystoreError.missingField("crypto")
        }
        crypto = try KeystoreCrypto(strict: object.object(cryptoName, allowed: KeystoreCrypto.members))
    }

    /// Writes the geth layout: `address` (when known), `crypto`, `id`, `version`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        if let address { try container.encode(String(address.lowercased.dropFirst(2)), forKey: JSONKey("address")) }
        try container.encode(crypto.jsonObject, forKey: JSONKey("crypto"))
        try container.encode(id, forKey: JSONKey("id"))
        try container.encode(Self.version, forKey: JSONKey("version"))
    }

    /// 40 hex digits, `0x` optional; mixed case must carry a valid EIP-55 checksum; zero is refused.
    private static func parseAddress(_ text: String) throws(KeystoreError) -> Address {
        let digits = text.hasPrefix("0x") || text.hasPrefix("0X") ? String(text.dropFirst(2)) : text
        let address: Address
        do {
            address = try Address(hex: "0x" + digits, field: "address")
        } catch {
            throw .invalidField(field: "address", reason: error.description)
        }
        guard address != .zero else { throw .zeroAddress }
        return address
    }
}
