import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import HTTPTransport
import Sandbox
import StrictJSON
import TestSupport

/// USDC and checkout helpers; the expected constants come from docs/protocol.md §3.2, not from the sandbox.
enum USDC {
    /// `Transfer(address,address,uint256)` topic0 (docs/protocol.md §3.2).
    static let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
    /// `balanceOf(address)` selector (docs/protocol.md §3.2).
    static let balanceOfSelector: [UInt8] = [0x70, 0xa0, 0x82, 0x31]
    /// 1 USDC in units.
    static let one = UInt256(1_000_000)

    /// `transfer(recipient, units)` calldata written out by hand: selector, padded address, padded amount.
    static func transferCalldata(to recipient: Address, units: UInt256) -> [UInt8] {
        [0xa9, 0x05, 0x9c, 0xbb] + [UInt8](repeating: 0, count: 12) + recipient.bytes + units.bigEndianBytes
    }

    /// The word an `Error(string)` revert for `reason` carries, as Solidity encodes it.
    static func errorString(_ reason: String) -> [UInt8] {
        ContractRevert.error(reason).revertData
    }
}

extension Harness {
    /// A harness whose payer also holds `usdc` whole USDC.
    init(
        chainID: UInt64 = 31337, clock: TestClock = TestClock(), usdc: UInt64,
        _ more: (inout SandboxConfiguration) -> Void = { _ in }
    )
        throws
    {
        try self.init(chainID: chainID, clock: clock) { c in
            c.usdcFunding = [(Keys.payerAddress, UInt256(usdc) * USDC.one)]
            more(&c)
        }
    }

    /// `balanceOf(owner)` read with `eth_call`.
    func usdcBalance(_ owner: Address) async throws -> UInt256 {
        let data = USDC.balanceOfSelector + [UInt8](repeating: 0, count: 12) + owner.bytes
        let result = try await self.result("eth_call", [Payments.call(to: deployment.usdc, data: data), "latest"])
        return try UInt256(bigEndian: hexBytes(result.stringValue ?? ""), field: "balanceOf")
    }

    /// Sends a USDC transfer from the payer and mines it; returns the transaction.
    @discardableResult
    func payUSDC(to recipient: Address, units: UInt256, nonce: UInt64 = 0, gas: UInt64 = 100_000) async throws
        -> SignedTransaction
    {
        let tx = Payments.transaction(
            chainID: deployment.chainID, nonce: nonce, to: deployment.usdc, value: .zero,
            data: USDC.transferCalldata(to: recipient, units: units), gas: gas)
        let answer = try await send(tx.rawTransaction)
        guard answer["result"] == .string(tx.transactionHash.hex) else { throw HarnessError.unexpected("\(answer)") }
        sandbox.mine()
        return tx
    }

    /// `POST /api/v1/checkouts` with `body`.
    func createCheckout(_ body: String, key: String? = "sandbox-key") async -> HTTPResponse {
        await request(.post, "/api/v1/checkouts", body: body, key: key)
    }

    /// Creates a checkout for `amount` USDC and parses it with BundleFormat's `Checkout`.
    func checkout(amount: String, network: String) async throws -> Checkout {
        let response = await createCheckout(#"{"amount":"\#(amount)","currency":"USDC","network":"\#(network)"}"#)
        guard response.status == 201 else { throw HarnessError.unexpected("checkout: \(response.bodyExcerpt())") }
        return try Checkout(jsonData: response.body)
    }

    /// `GET /api/v1/checkouts/{id}`, parsed.
    func fetchCheckout(_ id: String) async throws -> Checkout {
        let response = await request(.get, "/api/v1/checkouts/\(id)", key: "sandbox-key")
        guard response.status == 200 else { throw HarnessError.unexpected("get: \(response.bodyExcerpt())") }
        return try Checkout(jsonData: response.body)
    }

    /// `total_credits` of `GET /api/v1/credits`.
    func totalCredits() async throws -> JSONValue? {
        let response = await request(.get, "/api/v1/credits", key: "sandbox-management-key")
        return try JSON.parse(response.body)["data"]?["total_credits"]
    }
}
