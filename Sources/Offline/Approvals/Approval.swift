public import SigningKeys
public import EthereumPrimitives
public import Secp256k1

/// One approver's signature over an ``ApprovalText``: 65 bytes `r ‖ s ‖ v` as wallets print them, with v
/// 27/28 (or 0/1), and optionally the address the approver claims to be.
///
/// The signature is kept as given; ``ApprovalVerifier`` parses and recovers it, so a bad signature in a file
/// is listed by name in the ``QuorumReport`` instead of hiding the good ones. The claim is never trusted: it
/// only turns "signed by someone unknown" into "Alice's signature is over a different text".
public struct Approval: Equatable, Hashable, Sendable {
    /// `r ‖ s ‖ v`, exactly 65 bytes.
    public let signature: [UInt8]
    /// Who the approval says signed it, if it says.
    public let claimedApprover: Address?

    /// Wraps a 65-byte signature; refuses any other length.
    public init(signature: [UInt8], claimedApprover: Address? = nil) throws(ApprovalsError) {
        guard signature.count == 65 else {
            throw .invalidSignature(reason: "expected 65 bytes r‖s‖v, found \(signature.count)")
        }
        self.signature = signature
        self.claimedApprover = claimedApprover
    }

    /// Approves `text` with `key` (what `sign approve` does): a deterministic, low-s signature of the
    /// text's `personal_sign` digest, v = 27/28, claiming the key's address.
    public init(approving text: ApprovalText, with key: PrivateKey) {
        signature = key.sign(digest: text.digest).rsv
        claimedApprover = key.address
    }

    /// The address whose key made this signature over `text`'s digest.
    ///
    /// Any valid signature recovers *some* address; whether it belongs to an approver is the verifier's
    /// question. Throws when the bytes are not a valid low-s signature or recovery fails.
    public func recoverApprover(of text: ApprovalText) throws(Secp256k1Error) -> Address {
        try RecoverableSignature(rsv: signature).recoverAddress(digest: text.digest)
    }

    /// The signature as `0x` and 130 lower-case hex digits, as `cast wallet sign` prints it.
    public var signatureHex: String { Hex.encode(signature) }
}
