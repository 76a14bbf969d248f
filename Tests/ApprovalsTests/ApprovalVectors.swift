import SigningKeys
import Approvals
import EthereumPrimitives
import Foundation
import Secp256k1
import TestSupport

/// The approvals eth-account made (Fixtures/eth_account_approvals.json, written by
/// scripts/vectors/generate_approval_vectors.py): four test keys — A, B, C approvers, D not — and three
/// payments, each with its approval text, EIP-191 digest and every key's signature.
struct ApprovalVectors: Sendable {
    /// One test key.
    struct Key: Sendable {
        let label: String
        let privateKey: [UInt8]
        let address: Address
    }

    /// One payment and its signatures by label.
    struct Payment: Sendable, CustomStringConvertible {
        let name: String
        let chargeID: String
        let chainID: ChainID
        let usdUnits: UInt256
        let signingHash: Hash32
        let text: String
        let digest: Hash32
        let signatures: [String: [UInt8]]

        var description: String { name }

        /// The Swift text for this payment's inputs.
        func approvalText() throws -> ApprovalText {
            try ApprovalText(signingHash: signingHash, chainID: chainID, usdUnits: usdUnits, chargeID: chargeID)
        }

        /// The approval eth-account made with `label`'s key, optionally claiming `claim`.
        func approval(_ label: String, claim: Address? = nil) throws -> Approval {
            try Approval(signature: signatures[label] ?? [], claimedApprover: claim)
        }
    }

    let keys: [String: Key]
    let payments: [Payment]

    static let shared: ApprovalVectors = {
        do { return try load() } catch { fatalError("cannot load eth_account_approvals.json: \(error)") }
    }()

    static func load() throws -> ApprovalVectors {
        let data = try Fixtures.repositoryFile("Tests/ApprovalsTests/Fixtures/eth_account_approvals.json")
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let keyObjects = root["keys"] as? [[String: String]],
            let paymentObjects = root["payments"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        var keys: [String: Key] = [:]
        for object in keyObjects {
            let label = object["label"] ?? ""
            keys[label] = Key(
                label: label, privateKey: hexBytes(object["privateKey"] ?? ""),
                address: try Address(hex: object["address"] ?? ""))
        }
        var payments: [Payment] = []
        for object in paymentObjects {
            var signatures: [String: [UInt8]] = [:]
            for item in object["signatures"] as? [[String: String]] ?? [] {
                signatures[item["approver"] ?? ""] = hexBytes(item["signature"] ?? "")
            }
            payments.append(
                Payment(
                    name: object["name"] as? String ?? "", chargeID: object["chargeId"] as? String ?? "",
                    chainID: ChainID((object["chainId"] as? NSNumber)?.uint64Value ?? 0),
                    usdUnits: try UInt256(decimal: object["usdUnits"] as? String ?? "", field: "usdUnits"),
                    signingHash: try Hash32(hex: object["signingHash"] as? String ?? ""),
                    text: object["text"] as? String ?? "", digest: try Hash32(hex: object["digest"] as? String ?? ""),
                    signatures: signatures))
        }
        return ApprovalVectors(keys: keys, payments: payments)
    }

    /// The key labelled `label` as a signing key.
    func privateKey(_ label: String) throws -> PrivateKey {
        try PrivateKey(SecretBytes(keys[label]?.privateKey ?? []))
    }

    /// The address of `label`.
    func address(_ label: String) -> Address { keys[label]?.address ?? .zero }

    /// The policy's approvers, A, B and C.
    var approvers: [Address] { ["A", "B", "C"].map(address) }

    /// The sandbox-polygon payment (the one formats/approvals/v1 examples approve).
    var polygon: Payment { payments[0] }
    /// The sample-a payment on Base.
    var base: Payment { payments[1] }
}
