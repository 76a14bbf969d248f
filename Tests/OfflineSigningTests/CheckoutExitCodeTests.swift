import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import OfflineSigning
import Testing

/// Every refusal of the checkout path is a data error (65), never the "bug" code 1 an unknown kind would get.
@Suite struct CheckoutExitCodeTests {
    static let address = Address(uncheckedBytes: [UInt8](repeating: 0x5e, count: 20))
    static let refusals: [VerificationError] = [
        .requestChainMismatch(transaction: .base, request: .polygon), .tokenNotPinned(found: address, pinned: []),
        .calldataNotTokenTransfer(.nonCanonicalEncoding(reason: "trailing bytes")), .nativeTransferHasCalldata(bytes: 4),
        .paymentMismatch(field: "recipient", transaction: "a", request: "b"), .checkoutNotActive(status: "COMPLETED"),
        .paymentExpired(validUntil: 1, now: 2, marginSeconds: 300), .recipientNotPinned(recipient: address, chainID: .base),
    ]

    @Test("each checkout refusal maps to exit 65", arguments: refusals)
    func dataError(error: VerificationError) {
        #expect(ExitTable.status(for: error.kind) == .dataError, "\(error.kind)")
    }
}
