import EthereumABI
import EthereumPrimitives
import Testing

/// ERC-20 `transfer(address,uint256)` calldata and the `Transfer` event: encodings equal eth-abi's, and strict
/// decoding refuses every tampered form.
@Suite struct ERC20TransferTests {
    static func address(_ text: String) -> Address {
        do { return try Address(hex: text) } catch { fatalError("\(error)") }
    }

    /// Calldata computed independently with the pinned eth-abi (`selector + encode(["address","uint256"], …)`);
    /// `scripts/vectors/check_erc20_vectors.py` re-checks this table in the test command.
    static let ethABI: [(String, UInt256, String)] = [
        (
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", 10_500_000,
            "0xa9059cbb000000000000000000000000fb6916095ca1df60bb79ce92ce3ea74c37c5d359"
                + "0000000000000000000000000000000000000000000000000000000000a037a0"
        ),
        (
            "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", .max,
            "0xa9059cbb000000000000000000000000833589fcd6edb6e08f4c7c32d4f71b54bda02913"
                + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
        ),
        (
            "0x0000000000000000000000000000000000000001", 0,
            "0xa9059cbb0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000000000000000000000000000000000000000000000"
        ),
    ]

    @Test("encoding equals eth-abi's and decodes back", arguments: ethABI.indices)
    func matchesEthABI(index: Int) throws {
        let (recipient, amount, expected) = Self.ethABI[index]
        let call = ERC20Transfer(recipient: Self.address(recipient), amount: amount)
        #expect(Hex.encode(call.calldata) == expected)
        #expect(try ERC20Transfer(calldata: Hex.decode(expected)) == call)
    }

    @Test("selector and event topic match the published values")
    func constants() {
        #expect(Hex.encode(ERC20Transfer.selector) == "0xa9059cbb")
        #expect(ERC20TransferEvent.topic.hex == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
    }

    @Test("tampered calldata is refused")
    func strictDecoding() throws {
        let good = ERC20Transfer(recipient: Self.address(Self.ethABI[0].0), amount: 10_500_000).calldata
        var dirty = good
        dirty[4] = 0x01  // a high byte of the address word
        var otherSelector = good
        otherSelector[0] = 0x09  // approve is 0x095ea7b3; any other selector is refused
        let cases: [([UInt8], String)] = [
            (good + [0], "trailing byte"), (good + [UInt8](repeating: 0, count: 32), "trailing word"),
            (Array(good.dropLast()), "short"), (Array(good.prefix(3)), "no selector"), (dirty, "dirty padding"),
            (otherSelector, "other selector"),
        ]
        for (data, label) in cases {
            #expect(throws: ABIError.self, "\(label)") { try ERC20Transfer(calldata: data) }
        }
        #expect(throws: ABIError.dirtyPadding(field: "arguments[0]", offset: 0)) { try ERC20Transfer(calldata: dirty) }
    }

    @Test("Transfer event round-trips and refuses wrong shapes")
    func event() throws {
        let event = ERC20TransferEvent(
            from: Self.address(Self.ethABI[2].0), to: Self.address(Self.ethABI[0].0), value: 10_500_000)
        #expect(try ERC20TransferEvent(topics: event.topics, data: event.data) == event)
        #expect(throws: ABIError.self) { try ERC20TransferEvent(topics: Array(event.topics.prefix(2)), data: event.data) }
        #expect(throws: ABIError.self) { try ERC20TransferEvent(topics: event.topics, data: event.data + [0]) }
        var dirty = event.topics
        dirty[2] = Hash32(uncheckedBytes: [1] + Array(dirty[2].bytes.dropFirst()))
        #expect(throws: ABIError.dirtyPadding(field: "log.topics[2]", offset: 0)) {
            try ERC20TransferEvent(topics: dirty, data: event.data)
        }
    }
}
