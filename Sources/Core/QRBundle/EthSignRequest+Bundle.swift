public import BundleFormat
import EthereumPrimitives
public import EthereumTransactions
public import Foundation
public import QRTransport

extension EthSignRequest {
    /// The `origin` ColdCredits writes into its requests and signatures.
    public static let coldCreditsOrigin = "coldcredits"

    /// The request id `prepare` gives the request for a transaction: the first 16 bytes of its signing hash as
    /// a version-8 (RFC 9562, application-defined) UUID.
    ///
    /// Deterministic, so `broadcast` can tell from the bundle alone whether an `eth-signature` answers it,
    /// without keeping state between the two online steps; the same bundle always gives the same QR code.
    public static func requestID(for signingHash: SigningHash) -> UUID {
        var bytes = Array(signingHash.hash.bytes.prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80  // version 8
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// The ERC-4527 request for a transfer-intent bundle (built by the initialiser for `UnsignedBundle`).
    ///
    /// The request carries no charge: a signer sees only the transaction. ColdCredits' own `sign` decodes the
    /// intent from the calldata and applies the checks listed at `IntentBundle.init(signRequest:signer:now:)`.
    public init(bundle: IntentBundle, derivationPath: CryptoKeypath) {
        self.init(bundle: .intent(bundle), derivationPath: derivationPath)
    }

    /// The lower-case UUID text of the request id, or `none`.
    var requestIDText: String { requestID.map { $0.uuidString.lowercased() } ?? "none" }
}
