public import EthereumPrimitives
public import FoundationEssentials

/// An ERC-4527 `eth-signature`: the offline signer's answer to an ``EthSignRequest``.
///
/// CBOR map `{1: #6.37(uuid), 2: bstr, ? 3: tstr}` — request id, signature `r ‖ s ‖ v`, origin. The ERC
/// says the signature is 65 bytes, but signers write a legacy EIP-155 `v = chainId·2 + 35 + recid` in as
/// many bytes as it needs (MetaMask reads `v = signature[64...]`; Safe iOS handles `count > 65`), so 65…72
/// bytes are accepted and ``recoveryID(dataType:chainID:)`` normalises `v`.
public struct EthSignature: Hashable, Sendable {
    /// The UR type name.
    public static let urType = "eth-signature"
    /// The registry tag, used only when nested.
    public static let tag: UInt64 = 402
    /// Longest accepted signature: `r`, `s` and an 8-byte `v`.
    public static let maxByteCount = 72

    /// The request this answers; a wallet must reject a signature whose id differs from its request's.
    public let requestID: UUID
    /// `r ‖ s ‖ v`: 32 + 32 + 1…8 bytes.
    public let signature: [UInt8]
    /// A label for the signer, such as `keystone`.
    public let origin: String?

    /// Wraps a signature of 65…72 bytes.
    public init(requestID: UUID, signature: [UInt8], origin: String? = nil) throws(QRTransportError) {
        guard (65...Self.maxByteCount).contains(signature.count) else {
            throw .invalidFieldValue(
                field: "eth-signature.signature",
                reason: "expected 65 to \(Self.maxByteCount) bytes (r ‖ s ‖ v), found \(signature.count)")
        }
        self.requestID = requestID
        self.signature = signature
        self.origin = origin
    }

    /// Builds `r ‖ s ‖ v` from 32-byte `r` and `s` and a one-byte `v` (0/1 for typed transactions, 27/28
    /// for messages).
    public init(requestID: UUID, r: [UInt8], s: [UInt8], v: UInt8, origin: String? = nil) throws(QRTransportError) {
        for (name, value) in [("r", r), ("s", s)] where value.count != 32 {
            throw .invalidFieldValue(
                field: "eth-signature.signature.\(name)", reason: "expected 32 bytes, found \(value.count)")
        }
        try self.init(requestID: requestID, signature: r + s + [v], origin: origin)
    }

    /// The first 32 bytes.
    public var r: [UInt8] { Array(signature[0..<32]) }
    /// Bytes 32..<64.
    public var s: [UInt8] { Array(signature[32..<64]) }
    /// `v` as an integer (big-endian over the trailing 1…8 bytes).
    public var v: UInt64 { signature[64...].reduce(0) { $0 << 8 | UInt64($1) } }

    /// The secp256k1 recovery id (0 or 1) that `v` encodes for a request of `dataType` on `chainID`.
    ///
    /// Accepted: `0/1` and `27/28` for every data type, and for legacy transactions also
    /// `chainId·2 + 35 + {0, 1}` (EIP-155).
    public func recoveryID(dataType: EthSignRequest.DataType, chainID: ChainID) throws(QRTransportError) -> UInt8 {
        let v = self.v
        switch v {
        case 0, 1: return UInt8(v)
        case 27, 28: return UInt8(v - 27)
        default: break
        }
        if dataType == .transaction {
            let (doubled, overflowA) = chainID.value.multipliedReportingOverflow(by: 2)
            let (base, overflowB) = doubled.addingReportingOverflow(35)
            if !overflowA, !overflowB, v >= base, v - base <= 1 { return UInt8(v - base) }
        }
        throw .invalidFieldValue(
            field: "eth-signature.signature.v",
            reason: "v = \(v) is not 0/1, 27/28"
                + (dataType == .transaction ? " or \(chainID.value)·2+35+{0,1}" : "") + " for data type \(dataType)")
    }
}
