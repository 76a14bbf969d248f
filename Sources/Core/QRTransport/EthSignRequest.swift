public import EthereumPrimitives
public import FoundationEssentials

/// An ERC-4527 `eth-sign-request`: what a watch-only wallet asks an offline signer to sign.
///
/// CBOR map (ERC-4527, Keystone's reference registry; keys in this order on the wire):
///
/// | key | field | CBOR |
/// |---|---|---|
/// | 1 | request id (optional) | `#6.37(bstr .size 16)` |
/// | 2 | sign data | `bstr` (non-empty) |
/// | 3 | data type | `uint` 1…4, see ``DataType`` |
/// | 4 | chain id (optional, default 1) | `uint` > 0 |
/// | 5 | derivation path | `#6.304(crypto-keypath)` (40304 also read) |
/// | 6 | address (optional) | `bstr .size 20` |
/// | 7 | origin (optional) | `tstr` |
///
/// - Warning: Decoding proves only that the message is well formed. The signer must still show every field,
///   check that `address` belongs to the key at `derivationPath`, and check `signData` against `dataType`
///   and `chainID` before it signs (ERC-4527 §Security).
public struct EthSignRequest: Hashable, Sendable {
    /// What ``signData`` holds.
    public enum DataType: UInt64, Sendable, CaseIterable {
        /// RLP of a legacy EIP-155 signing pre-image `[nonce, gasPrice, gas, to, value, data, chainId, 0, 0]`.
        case transaction = 1
        /// UTF-8 JSON of EIP-712 typed data.
        case typedData = 2
        /// Raw message bytes; the signer applies the EIP-191 personal-message prefix.
        case rawBytes = 3
        /// An EIP-2718 typed unsigned payload, e.g. `0x02 ‖ rlp([chainId, nonce, …, accessList])`.
        case typedTransaction = 4
    }

    /// The UR type name.
    public static let urType = "eth-sign-request"
    /// The registry tag, used only when the request is nested (a top-level UR is untagged).
    public static let tag: UInt64 = 401

    /// Identifier the signature echoes back; a request without one cannot be matched to its answer.
    public var requestID: UUID?
    /// The bytes to sign, interpreted according to ``dataType``.
    public var signData: [UInt8]
    /// What ``signData`` holds.
    public var dataType: DataType
    /// The chain; `nil` when absent on the wire, which ERC-4527 reads as chain 1 (``effectiveChainID``).
    public var chainID: ChainID?
    /// The key to sign with.
    public var derivationPath: CryptoKeypath
    /// The address the wallet expects that key to have.
    public var address: Address?
    /// A label for the requesting wallet, such as `metamask`.
    public var origin: String?

    /// Assembles a request.
    public init(
        requestID: UUID?, signData: [UInt8], dataType: DataType, chainID: ChainID?, derivationPath: CryptoKeypath,
        address: Address? = nil, origin: String? = nil
    ) {
        self.requestID = requestID
        self.signData = signData
        self.dataType = dataType
        self.chainID = chainID
        self.derivationPath = derivationPath
        self.address = address
        self.origin = origin
    }

    /// The chain id, reading an absent one as 1 (the CDDL's `.default 1`).
    public var effectiveChainID: ChainID { chainID ?? .ethereum }
}
