import EthereumPrimitives
import EthereumRPC
import StrictJSON
import TestSupport
import Testing

@Suite("NodeError classification and revert data")
struct NodeErrorTests {
    @Test(
        "classifies node messages case-insensitively",
        arguments: [
            ("already known", -32000, NodeErrorKind.alreadyKnown),
            ("Known transaction: 0xabc", -32000, .alreadyKnown),
            ("AlreadyKnown", -32010, .alreadyKnown),
            ("nonce too low: next nonce 8, tx nonce 7", -32000, .nonceTooLow),
            ("NONCE_TOO_LOW", -32000, .nonceTooLow),
            ("OldNonce, Current nonce: 8, nonce of rejected tx: 7", -32010, .nonceTooLow),
            ("replacement transaction underpriced", -32000, .replacementUnderpriced),
            ("Replacement transaction underpriced", -32000, .replacementUnderpriced),
            ("transaction underpriced: tip needed 1, tip permitted 0", -32000, .transactionUnderpriced),
            ("insufficient funds for gas * price + value: balance 0, tx cost 21000", -32000, .insufficientFunds),
            ("INSUFFICIENT FUNDS", -32000, .insufficientFunds),
            ("Upfront cost exceeds account balance", -32004, .insufficientFunds),
            (
                "max fee per gas less than block base fee: address 0x…, maxFeePerGas: 1, baseFee: 7", -32000,
                .maxFeeBelowBaseFee
            ),
            ("Max-Fee-Per-Gas less than block base fee", -32000, .maxFeeBelowBaseFee),
            ("execution reverted", 3, .executionReverted),
            ("execution reverted: V3TooMuchRequested", 3, .executionReverted),
            ("VM Exception while processing transaction: reverted with reason string 'x'", -32603, .executionReverted),
            ("header not found", -32000, .other),
            ("the method eth_foo does not exist/is not available", -32601, .other),
        ]
    )
    func classifiesMessages(message: String, code: Int, kind: NodeErrorKind) {
        #expect(NodeError(method: "m", code: code, message: message).kind == kind)
    }

    @Test(
        "extracts revert data from each node's layout",
        arguments: [
            (#""0x08c379a0""#, "geth / anvil: data is the hex"),
            (#""Reverted 0x08c379a0""#, "Nethermind: prefixed string"),
            (#"{"message":"reverted","data":"0x08c379a0"}"#, "hardhat: nested data"),
            (#"{"hash":null,"programCounter":1,"result":"0x08c379a0","reason":null}"#, "ganache 7: result"),
            (
                #"{"0xabc1":{"error":"revert","program_counter":7,"return":"0x08c379a0"},"stack":"…"}"#,
                "ganache 6: keyed by tx hash"
            ),
            (
                #"{"originalError":{"code":3,"data":"0x08c379a0","message":"execution reverted"}}"#,
                "provider wrapper: originalError"
            ),
            (#"{"data":{"data":"0x08c379a0"}}"#, "doubly nested"),
        ]
    )
    func extractsRevertData(data: String, layout: String) throws {
        let error = NodeError(method: "eth_call", code: 3, message: "execution reverted", data: try JSON.parse(data))
        #expect(error.revertData == hexBytes("08c379a0"), "\(layout)")
    }

    @Test("finds no revert data in messages, absent data or malformed hex")
    func findsNoRevertData() throws {
        for data in [#""execution reverted""#, #""0x123""#, #""0xzz""#, "42", #"{"txHash":"0xabcd"}"#] {
            let error = NodeError(method: "eth_call", code: 3, message: "m", data: try JSON.parse(data))
            #expect(error.revertData == nil, "\(data)")
        }
        #expect(NodeError(method: "eth_call", code: 3, message: "m").revertData == nil)
    }

    @Test("reads 0x as empty revert data (a bare revert())")
    func readsEmptyRevert() throws {
        let error = NodeError(method: "eth_call", code: 3, message: "execution reverted", data: .string("0x"))
        #expect(error.revertData == [])
    }

    @Test("delivers an eth_call revert with its data and kind through the client")
    func deliversRevertThroughClient() async throws {
        // Error(string) "V3TooMuchRequested": selector 08c379a0, offset 0x20, length 18, the padded text.
        let revert =
            "0x08c379a0" + String(repeating: "0", count: 62) + "20" + String(repeating: "0", count: 62)
            + "12" + "5633546f6f4d756368526571756573746564" + String(repeating: "0", count: 28)
        let node = FakeNode([
            "eth_call": .error(#"{"code":3,"message":"execution reverted: V3TooMuchRequested","data":"\#(revert)"}"#)
        ])
        let call = CallRequest(
            to: try Address(hex: "0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"), data: [0xbd, 0x21, 0x70, 0x4a])
        await #expect {
            try await withLoopbackClient(node) { try await $0.call(call) }
        } throws: { error in
            guard case .node(let nodeError) = error as? RPCError else { return false }
            return nodeError.kind == .executionReverted && nodeError.code == 3
                && nodeError.revertData.map { Hex.encode($0) } == revert
                && nodeError.description.contains("V3TooMuchRequested")
        }
    }
}
