import BundleFormat
import EthereumPrimitives
import HTTPTransport
import StrictJSON

/// Coinbase Business's Checkouts API in the shape docs/protocol.md §6.1 describes, on the sandbox's chain:
/// `POST /api/v1/checkouts` creates, `GET /api/v1/checkouts/{id}` reads one, `GET /api/v1/checkouts` lists all
/// (`{"checkouts":[…]}`), each answered as the bare checkout document that `Checkout(jsonData:)` reads.
///
/// The request: `{"amount":"25.00","currency":"USDC","network"?:"base","expiresAt"?:ISO-8601,"description"?,
/// "metadata"?,"successRedirectUrl"?,"failRedirectUrl"?}`; `amount` a decimal string with at most 2 places inside
/// the charge limits, `network` the served chain's (the default), `expiresAt` in the future (default: now plus the
/// checkout lifetime). Any API or management key may call it; errors use the sandbox's error envelope.
struct CheckoutAPI: Sendable {
    let node: ChainNode
    let usdc: Address
    let network: String
    let lifetimeSeconds: UInt64
    let limitsCents: ClosedRange<UInt64>
    let faults: FaultInjector
    let authenticate: @Sendable (HTTPRequest) -> HTTPResponse?

    /// The members a create request may carry.
    static let requestMembers: Set<String> = [
        "amount", "currency", "network", "expiresAt", "description", "metadata", "successRedirectUrl",
        "failRedirectUrl",
    ]

    /// The network name a chain's checkouts carry: its ``KnownChain`` name, else `sandbox-<chain id>`.
    static func network(for chainID: ChainID) -> String {
        KnownChain.entry(for: chainID)?.optionNames.first ?? "sandbox-\(chainID.value)"
    }

    /// Answers a request under `/api/v1/checkouts`; `id` is the path segment after it, if any.
    func handle(_ request: HTTPRequest, id: String?) async -> HTTPResponse {
        let fault = faults.take(.checkout)
        await FaultInjector.delay(fault)
        if let fault, let status = fault.status { return fault.apiResponse(status: status) }
        if let failure = authenticate(request) { return failure }
        let now = node.now()
        switch (request.method, id) {
        case (.post, nil): return create([UInt8](request.body), now: now)
        case (.get, nil):
            let all = node.withState { $0.checkouts.records }
            return APIResponses.json(.object(["checkouts": .array(all.map { document($0, now: now) })]))
        case (.get, let id?):
            guard let record = node.withState({ $0.checkouts.record(id: id) }) else {
                return APIResponses.error(404, "Checkout not found")
            }
            return APIResponses.json(document(record, now: now))
        default: return APIResponses.error(405, APIResponses.reason(405))
        }
    }

    private func create(_ body: [UInt8], now: UInt64) -> HTTPResponse {
        let request: (units: UInt256, expiresAt: UInt64)
        do { request = try parse(body, now: now) } catch { return APIResponses.error(400, error.message) }
        let record = node.withState { $0.checkouts.open(units: request.units, now: now, expiresAt: request.expiresAt) }
        node.save()
        return APIResponses.json(document(record, now: now), status: 201)
    }

    private struct Refusal: Error { let message: String }

    private func parse(_ body: [UInt8], now: UInt64) throws(Refusal) -> (units: UInt256, expiresAt: UInt64) {
        let value: JSONValue
        do { value = try JSON.parse(body) } catch { throw Refusal(message: "Invalid request body: not JSON (\(error))") }
        var reader = JSONReader(value) { Refusal(message: "Invalid request body: \($0.description)") }
        reader = try reader.object()
        try reader.finish(allowing: Self.requestMembers.contains)
        let amountText = try reader.string("amount")
        let cents: UInt64
        do { cents = try DecimalAmount.parse(amountText, decimals: 2, field: "amount").uint64 ?? .max } catch {
            throw Refusal(message: "Invalid amount: \(error) (a decimal string with at most 2 places, e.g. \"25.00\")")
        }
        guard limitsCents.contains(cents) else {
            func usd(_ cents: UInt64) -> String { DecimalAmount.format(UInt256(cents), decimals: 2) }
            throw Refusal(
                message: "Invalid amount: \(amountText) is outside \(usd(limitsCents.lowerBound))…"
                    + "\(usd(limitsCents.upperBound)) USDC")
        }
        let currency = try reader.string("currency")
        guard currency == "USDC" else { throw Refusal(message: "Invalid currency: only USDC is supported") }
        if let requested = try reader.optionalString("network"), requested != network {
            throw Refusal(message: "Invalid network: this sandbox serves \"\(network)\"")
        }
        var expiresAt = now.addingReportingOverflow(lifetimeSeconds).partialValue
        if let text = try reader.optionalString("expiresAt") {
            guard let seconds = ISO8601.unixSeconds(text), !text.allSatisfy(\.isNumber) else {
                throw Refusal(message: "Invalid expiresAt: expected an ISO-8601 time such as 2026-03-20T10:30:00Z")
            }
            guard seconds > now else { throw Refusal(message: "Invalid expiresAt: \(text) is not in the future") }
            expiresAt = seconds
        }
        return (UInt256(cents) * UInt256(10_000), expiresAt)
    }

    /// The checkout document at sandbox time `now`.
    func document(_ record: CheckoutRecord, now: UInt64) -> JSONValue {
        .object([
            "id": .string(record.id), "url": .string("https://payments.sandbox.invalid/payment-links/pl_\(record.id)"),
            "amount": .string(DecimalAmount.format(record.units, decimals: 6, minimumFractionDigits: 2)),
            "currency": "USDC", "network": .string(network), "address": .string(record.address.checksummed),
            "tokenAddress": .string(usdc.checksummed), "status": .string(record.status(now: now).rawValue),
            "expiresAt": .string(ISO8601.format(unixSeconds: record.expiresAt)),
            "createdAt": .string(ISO8601.format(unixSeconds: record.createdAt)),
            "updatedAt": .string(ISO8601.format(unixSeconds: record.updated(now: now))),
        ])
    }
}
