import EthereumABI
import EthereumPrimitives
import TestSupport
import Testing

@Suite struct RevertAndEventTests {
    static let someAddress = Address(uncheckedBytes: [UInt8](repeating: 0x35, count: 20))

    @Test(
        "every revert round-trips through its encoding",
        arguments: [
            ContractRevert.invalidSignature, .expiredIntent, .alreadyProcessed, .nullRecipient, .operatorNotRegistered,
            .invalidNativeAmount(difference: .max), .insufficientBalance(difference: 5), .insufficientAllowance(difference: 6),
            .incorrectCurrency(someAddress), .invalidTransferDetails, .inexactTransfer,
            .swapFailedString("V3TooMuchRequested"), .swapFailedBytes([1, 2, 3]),
            .nativeTransferFailed(recipient: someAddress, amount: 7, isRefund: true, data: [9]),
            .permitCallFailed, .error("Pausable: paused"), .panic(code: 0x11),
        ])
    func revertRoundTrips(revert: ContractRevert) {
        #expect(ContractRevert(revertData: revert.revertData) == revert)
    }

    @Test("Error(string) known bytes decode (solc's encoding of revert(\"Pausable: paused\"))")
    func errorStringFromKnownBytes() {
        let data = hexBytes(
            "08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
                + "0000000000000000000000000000000000000000000000000000000000000010"
                + "5061757361626c653a2070617573656400000000000000000000000000000000")
        #expect(ContractRevert(revertData: data) == .error("Pausable: paused"))
        #expect(ContractRevert(revertData: data).description == "Error(\"Pausable: paused\")")
    }

    @Test("unknown or malformed revert data is kept whole")
    func unknownRevert() {
        #expect(ContractRevert(revertData: [0xde, 0xad, 0xbe, 0xef]) == .unknown(data: [0xde, 0xad, 0xbe, 0xef]))
        #expect(ContractRevert(revertData: []) == .unknown(data: []))
        let truncated = Array(ContractRevert.error("x").revertData.dropLast(1))
        #expect(ContractRevert(revertData: truncated) == .unknown(data: truncated))
    }

    @Test("Transferred event round-trips through topics and data")
    func transferredRoundTrip() throws {
        let event = TransferredEvent(
            operator: Self.someAddress, id: [UInt8](repeating: 0xc8, count: 16),
            recipient: Self.someAddress, sender: .zero, spentAmount: 12345, spentCurrency: .zero)
        #expect(event.data.count == 160)
        #expect(try TransferredEvent(topics: event.topics, data: event.data) == event)
    }

    @Test("quoter calldata and result round-trip")
    func quoterRoundTrip() throws {
        let params = QuoterV2.Params(tokenIn: Self.someAddress, tokenOut: .zero, amount: 10_000, fee: 500)
        let calldata = QuoterV2.encodeQuoteExactOutputSingle(params)
        #expect(calldata.count == 4 + 5 * 32)
        #expect(try QuoterV2.decodeQuoteExactOutputSingle(calldata) == params)
        let quote = QuoterV2.Quote(
            amountIn: 4_000_000_000_000_000, sqrtPriceX96After: 1, initializedTicksCrossed: 2, gasEstimate: 90_000)
        #expect(try QuoterV2.decodeQuote(QuoterV2.encodeQuote(quote)) == quote)
    }
}
