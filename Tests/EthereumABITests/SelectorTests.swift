import EthereumABI
import EthereumPrimitives
import Testing

/// Selectors and topics against the values computed independently in docs/protocol.md §1.2, §1.6 and §3.1.
@Suite struct SelectorTests {
    @Test("function selectors match docs/protocol.md")
    func functionSelectors() {
        #expect(Hex.encode(TransfersContract.swapAndTransferSelector) == "0x8bf122da")
        #expect(Hex.encode(QuoterV2.quoteExactOutputSingleSelector) == "0xbd21704a")
        #expect(Hex.encode(ABI.selector("transfer(address,uint256)")) == "0xa9059cbb")
    }

    @Test(
        "error selectors match docs/protocol.md",
        arguments: [
            ("InvalidSignature()", "0x8baa579f"), ("ExpiredIntent()", "0x0080add4"), ("AlreadyProcessed()", "0x57eee766"),
            ("NullRecipient()", "0xdf99255c"), ("OperatorNotRegistered()", "0x25ec6c1f"),
            ("InvalidNativeAmount(int256)", "0xb06a5d51"), ("InsufficientBalance(uint256)", "0x92665351"),
            ("InsufficientAllowance(uint256)", "0xf96fb071"), ("IncorrectCurrency(address)", "0x6453b66b"),
            ("InvalidTransferDetails()", "0xed5c6561"), ("InexactTransfer()", "0xee20c618"),
            ("SwapFailedString(string)", "0x8a627c16"), ("SwapFailedBytes(bytes)", "0x917827e1"),
            ("NativeTransferFailed(address,uint256,bool,bytes)", "0x28688b55"), ("PermitCallFailed()", "0x06105145"),
            ("Error(string)", "0x08c379a0"), ("Panic(uint256)", "0x4e487b71"),
        ])
    func errorSelectors(signature: String, selector: String) {
        #expect(Hex.encode(ABI.selector(signature)) == selector)
    }

    @Test("Transferred topic matches docs/protocol.md")
    func transferredTopic() {
        #expect(TransferredEvent.topic.hex == "0xb7ee4fafa10d16ee883a136a3dcc9179d8e6041ba71cc29c2b0bce4f7bdd6e86")
    }
}
