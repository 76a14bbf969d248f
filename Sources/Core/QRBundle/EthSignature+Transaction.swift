public import BundleFormat
public import EthereumPrimitives
public import EthereumTransactions
import Foundation
public import QRTransport
import Secp256k1

extension EthSignature {
    /// The ERC-4527 answer to `request`: its request id, `r ‖ s ‖ v` with `v` = yParity (0 or 1, as for every
    /// typed transaction) of `signed`, origin `coldcredits`.
    public init(answering request: EthSignRequest, with signed: SignedTransaction) throws(QRBundleError) {
        guard let requestID = request.requestID else {
            throw .signRequestRefused(reason: "no request id, so the signature could not be matched to the request")
        }
        do {
            try self.init(
                requestID: requestID, r: signed.signature.r, s: signed.signature.s, v: signed.signature.yParity,
                origin: EthSignRequest.coldCreditsOrigin)
        } catch { throw .transport(error) }
    }

    /// Attaches this signature to `transaction` and checks that it recovers `expectedSigner`.
    ///
    /// `v` may be 0/1 or 27/28 (ERC-4527 signers write either for typed transactions); r and s must be valid
    /// and low-s.
    public func signedTransaction(for transaction: EIP1559Transaction, expectedSigner: Address)
        throws(QRBundleError) -> SignedTransaction
    {
        let recoveryID: UInt8
        do { recoveryID = try self.recoveryID(dataType: .typedTransaction, chainID: transaction.chainID) } catch {
            throw .transport(error)
        }
        let signature: RecoverableSignature
        do { signature = try RecoverableSignature(r: r, s: s, yParity: recoveryID) } catch {
            throw .invalidField(field: "eth-signature.signature", reason: error.description)
        }
        let signed = SignedTransaction(transaction: transaction, signature: signature)
        let recovered: Address
        do { recovered = try signed.recoverSender() } catch { throw .transaction(error) }
        guard recovered == expectedSigner else { throw .signerMismatch(expected: expectedSigner, found: recovered) }
        return signed
    }
}

extension SignedTransactionFile {
    /// The signed file for `bundle` built from an ERC-4527 `eth-signature` answering the request `prepare` made
    /// for it (``EthSignRequest/init(bundle:derivationPath:)``).
    ///
    /// The signature must carry the bundle's deterministic request id and recover the bundle's `from`; the file
    /// is then re-read through `SignedTransactionFile(jsonData:)`. `signedAt` is unknown (0).
    public init(bundle: IntentBundle, ethSignature: EthSignature) throws(QRBundleError) {
        let expected = EthSignRequest.requestID(for: bundle.signingHash)
        guard ethSignature.requestID == expected else {
            throw .requestMismatch(
                expected: expected.uuidString.lowercased(), found: ethSignature.requestID.uuidString.lowercased())
        }
        let signed = try ethSignature.signedTransaction(for: bundle.transaction, expectedSigner: bundle.from)
        let file = SignedTransactionFile(
            transaction: signed, from: bundle.from, chargeID: bundle.charge.id, validUntil: bundle.validUntil,
            signedAt: 0, unsignedBundleHash: Keccak256.hash(bundle.canonicalJSON()))
        do { self = try SignedTransactionFile(jsonData: file.canonicalJSON()) } catch { throw .bundle(error) }
    }
}
