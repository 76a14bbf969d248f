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
        // One strict parse (RFC 8259, no duplicate keys: two readers must never see two different keystores).
        let value: JSONValue
        do { value = try JSON.parse(jsonData) } catch { throw .malformedJSON(reason: error.description) }
        try self.init(strict: KeystoreReader(value, fail: KeystoreError.init))
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
        var object: JSONValue = ["crypto": crypto.jsonObject, "id": .string(id), "version": JSONValue(Self.version)]
        if let address { object["address"] = .string(String(address.lowercased.dropFirst(2))) }
        return Data(JSON.serialize(object, style: .line))
    }
}

extension KeystoreFile {
    private static let members: Set<String> = ["address", "crypto", "Crypto", "id", "version"]

    /// Reads the file strictly; every failure is a ``KeystoreError``.
    init(strict reader: KeystoreReader) throws(KeystoreError) {
        var object = try reader.strictObject(allowed: Self.members, allowsExtensions: true)
        let version = try object.int("version")
        guard version == Self.version else { throw .unsupportedVersion(found: version) }

        let id = try object.string("id")
        guard UUID(uuidString: id) != nil else {
            throw .invalidField(field: "id", reason: "expected a UUID (8-4-4-4-12 hex digits)")
        }
        self.id = id
        if object.members["address"] != nil {
            address = try Self.parseAddress(object.string("address"))
        } else {
            address = nil
        }

        let cryptoName: String
        switch (object.members["crypto"] != nil, object.members["Crypto"] != nil) {
        case (true, false): cryptoName = "crypto"
        case (false, true): cryptoName = "Crypto"
        case (true, true): throw .unexpectedField("Crypto")
        case (false, false): throw .missingField("crypto")
        }
        crypto = try KeystoreCrypto(strict: object.field(cryptoName))
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
