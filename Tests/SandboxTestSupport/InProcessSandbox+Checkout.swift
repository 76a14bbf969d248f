public import EthereumPrimitives
import BundleFormat
import EthereumRPC
public import Foundation
import HTTPTransport
import Sandbox

/// Checkouts and USDC for suites that drive the package's tools against an in-process sandbox.
///
/// Fund USDC when creating the sandbox: `InProcessSandbox { $0.usdcFunding = [(address, 250 * 10^6)] }`.
extension InProcessSandbox {
    /// Why a checkout could not be created.
    public struct CheckoutRefused: Error, CustomStringConvertible {
        /// The HTTP status answered.
        public let status: Int
        /// The answer's body, as text.
        public let body: String
        /// `checkout refused: <status> <body>`.
        public var description: String { "checkout refused: \(status) \(body)" }
    }

    /// Creates a checkout with `POST /api/v1/checkouts` and returns the document's bytes exactly as served (what a
    /// checkout file holds); `network` defaults to the served chain's.
    public func createCheckout(amount: String, network: String? = nil, key: String = "sandbox-key") async throws
        -> Data
    {
        let networkMember = network.map { #","network":"\#($0)""# } ?? ""
        let body = #"{"amount":"\#(amount)","currency":"USDC"\#(networkMember)}"#
        let response = await sandbox.handle(
            HTTPRequest(
                method: .post, url: Self.base.appendingPathComponent("api/v1/checkouts"),
                headers: ["Authorization": "Bearer \(key)"], body: Data(body.utf8)))
        guard response.status == 201 else {
            throw CheckoutRefused(status: response.status, body: String(decoding: response.body, as: UTF8.self))
        }
        return response.body
    }

    /// The checkout document for `id` as `GET /api/v1/checkouts/{id}` serves it.
    public func fetchCheckout(id: String, key: String = "sandbox-key") async throws -> Data {
        let response = await sandbox.handle(
            HTTPRequest(
                method: .get, url: Self.base.appendingPathComponent("api/v1/checkouts/\(id)"),
                headers: ["Authorization": "Bearer \(key)"], body: Data()))
        guard response.status == 200 else {
            throw CheckoutRefused(status: response.status, body: String(decoding: response.body, as: UTF8.self))
        }
        return response.body
    }

    /// The sandbox USDC balance of `owner` in units (6 decimals), read with `balanceOf` through `eth_call`.
    public func usdcBalance(of owner: Address) async throws -> UInt256 {
        let data = [0x70, 0xa0, 0x82, 0x31] + [UInt8](repeating: 0, count: 12) + owner.bytes
        let result = try await rpc.call(CallRequest(to: configuration.deployment.usdc, data: data))
        return try UInt256(bigEndian: result, field: "balanceOf")
    }
}
